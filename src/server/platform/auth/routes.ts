import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordRequest, Health, LoginRequest, Me, SetLocaleRequest } from '../../../contracts/auth';
import { Ok } from '../../../contracts/common';
import type { Config } from '../../config';
import { publicRoute, userRoute, type Route } from '../http/route';
import { changePassword, describeMe, login, logout, setLocale } from './service';
import { SESSION_COOKIE } from './sessions';

function cookieSecure(config: Config, req: FastifyRequest): boolean {
  return config.session.cookieSecure === 'auto' ? req.protocol === 'https' : config.session.cookieSecure;
}

function setSessionCookie(config: Config, req: FastifyRequest, reply: FastifyReply, token: string) {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecure(config, req),
    path: '/',
    maxAge: config.session.maxHours * 3600,
  });
}

export const authRoutes: Route[] = [
  publicRoute({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database kind',
    tags: ['platform'],
    response: Health,
    handler: async ({ deps }) => {
      await deps.db.execute('select 1');
      return { status: 'ok', db: deps.dbKind };
    },
  }),
  publicRoute({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with username and password; sets the session cookie',
    tags: ['auth'],
    body: LoginRequest,
    response: Me,
    handler: async ({ body, req, reply, deps }) => {
      const { token, userId } = await login(deps, body.username, body.password, {
        requestId: req.id,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(deps.config, req, reply, token);
      return describeMe(deps.db, deps.config, userId);
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Sign out: ends this session',
    tags: ['auth'],
    response: Ok,
    allowPendingPasswordChange: true,
    handler: async ({ ctx, reply }) => {
      await logout(ctx);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in user, their unit, roles and permissions',
    tags: ['auth'],
    response: Me,
    allowPendingPasswordChange: true,
    handler: ({ ctx }) => describeMe(ctx.db, ctx.config, ctx.actor.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/auth/password',
    summary: 'Change my password',
    tags: ['auth'],
    body: ChangePasswordRequest,
    response: Ok,
    allowPendingPasswordChange: true,
    handler: async ({ ctx, body }) => {
      await changePassword(ctx, body.currentPassword, body.newPassword);
      return { ok: true };
    },
  }),
  userRoute({
    method: 'PUT',
    url: '/api/auth/locale',
    summary: 'Set my interface language',
    tags: ['auth'],
    body: SetLocaleRequest,
    response: Ok,
    allowPendingPasswordChange: true,
    handler: async ({ ctx, body }) => {
      await setLocale(ctx, body.locale);
      return { ok: true };
    },
  }),
];
