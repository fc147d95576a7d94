import pg from 'pg';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifyRateLimit from '@fastify/rate-limit';
import { LIMITS } from '../contracts/limits';
import { FILE_LIMITS } from '../contracts/files';
import type { AppDeps, BuiltDeps } from './platform/context';
import { Announcer } from './platform/realtime/bus';
import { AppError } from './platform/errors/app-error';
import { isAdvanceable } from './platform/clock';
import { errorBody, handleError } from './platform/errors/handler';
import { buildOpenApi } from './platform/http/openapi';
import { registerApiDocs } from './platform/http/docs';
import type { Route } from './platform/http/route';
import { authRoutes } from './platform/auth/routes';
import { fileRoutes } from './platform/files/routes';
import { realtimeRoutes } from './platform/realtime/routes';
import { hazardRoutes, publicHazardRoutes } from './modules/hazards/routes';
import { hazardStatsRoutes } from './modules/hazards/stats.routes';
import { patrolRoutes } from './modules/patrols/routes';
import { orgRoutes } from './modules/org/routes';
import { accountRoutes } from './modules/accounts/routes';
import { auditRoutes } from './modules/audit/routes';
import { homeRoutes } from './modules/home/routes';
import { gridRoutes } from './modules/grids/routes';
import { riskRoutes } from './modules/risks/routes';
import { dutyRosterRoutes } from './modules/duty/roster/routes';
import { dutyCommsRoutes } from './modules/duty/comms/routes';
import { dutyEventRoutes } from './modules/duty/events/routes';
import { publicWarningRoutes, warningRoutes } from './modules/warnings/routes';
import { capRoutes } from './modules/warnings/cap.routes';
import { planRoutes } from './modules/plans/routes';
import { responseRoutes } from './modules/responses/routes';
import { resolveSession, SESSION_COOKIE } from './platform/auth/sessions';
import './platform/http/fastify.d';

/** Every module's routes. A new module adds its list here (and joins the access-matrix test). */
export function allRoutes(): Route[] {
  return [...authRoutes, ...fileRoutes, ...realtimeRoutes, ...homeRoutes, ...hazardStatsRoutes, ...hazardRoutes, ...publicHazardRoutes, ...patrolRoutes, ...orgRoutes, ...accountRoutes, ...auditRoutes, ...riskRoutes, ...gridRoutes, ...dutyRosterRoutes, ...dutyCommsRoutes, ...dutyEventRoutes, ...warningRoutes, ...publicWarningRoutes, ...capRoutes, ...planRoutes, ...responseRoutes];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the app from its dependencies; no listening, no side effects, so tests use `inject()`. */
export async function buildApp(given: AppDeps, opts: { logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  // Notifications go through their own connection: behind a queue of busy requests on the main
  // pool they would reach the other screens late (measured by `npm run bench -- duty`).
  const notifyPool = given.announcer ? null : new pg.Pool({ ...given.db.$client.options, max: 1, application_name: 'lastmeter-notify' });
  notifyPool?.on('error', () => undefined);
  const deps: BuiltDeps = { ...given, announcer: given.announcer ?? new Announcer(notifyPool!) };
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            // Cookies carry session tokens; they never reach the log. Bodies are never logged.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    trustProxy: deps.config.trustProxy,
    // Live streams (SSE) never go idle: closing the app must end them rather than wait.
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  // Only routes that ask for it are limited (the public QR form); see Route.rateLimit.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: Math.max(LIMITS.importFileBytesMax, FILE_LIMITS.imageBytesMax), files: 1, fields: 10, parts: 11 } });

  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    const token = req.cookies[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const resolved = await resolveSession(deps.db, deps.config, token, deps.clock.now());
    if (resolved && 'actor' in resolved) req.actor = resolved.actor;
    else if (resolved) req.sessionExpired = true;
  });

  app.setErrorHandler(handleError);

  const routes = allRoutes();
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.url,
      ...(r.rateLimit ? { config: { rateLimit: { max: deps.config.publicRateLimit[r.rateLimit], timeWindow: '1 minute' } } } : {}),
      handler: async (req, reply) => {
        const result = await r.run(req, reply, deps);
        if (reply.sent || r.produces) return reply;
        if (r.response && deps.config.env !== 'production') {
          // Outside production every answer is checked against its documented schema, so the
          // contract cannot drift from what the server really sends.
          const checked = r.response.safeParse(result);
          if (!checked.success) {
            req.log.error({ issues: checked.error.issues, url: r.url }, 'response does not match its schema');
            throw new Error(`response of ${r.method} ${r.url} does not match its schema`);
          }
        }
        // A route with a fixed success status declares it; others (201 new / 200 replay) set it themselves.
        if (r.status) void reply.status(r.status);
        return reply.send(result);
      },
    });
  }

  // Browser tests move the clock forward (escalations, deadlines); never in production (config refuses it).
  if (deps.config.testClock && isAdvanceable(deps.clock)) {
    const clock = deps.clock;
    // { advanceMinutes } moves it on; { reset: true } puts it back, so one journey's time travel
    // does not leak into the next.
    app.post('/api/test/clock', async (req) => {
      const body = (req.body ?? {}) as { advanceMinutes?: unknown; reset?: unknown };
      if (body.reset === true) {
        clock.reset?.();
        return { now: clock.now().toISOString() };
      }
      const minutes = Number(body.advanceMinutes);
      if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60) throw new AppError('VALIDATION_FAILED');
      clock.advance(minutes * 60_000);
      return { now: clock.now().toISOString() };
    });
  }

  const openapi = buildOpenApi(routes, process.env.npm_package_version ?? '0.1.0');
  app.get('/api/openapi.json', async () => openapi);
  await registerApiDocs(app);

  const webRoot = deps.config.webDistDir;
  const indexHtml = path.join(webRoot, 'index.html');
  const mobileHtml = path.join(webRoot, 'm', 'index.html');
  if (fs.existsSync(indexHtml)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart;
    // a missing file falls through to the not-found handler below (the single-page app).
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      // Hashed assets never change; index.html must be revalidated so a new build is picked up.
      setHeaders: (reply, filePath) => {
        void reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return reply.status(404).send(errorBody(req, 'ROUTE_NOT_FOUND'));
    if (req.method === 'GET' && !req.url.startsWith('/assets/') && fs.existsSync(indexHtml)) {
      // The single-page apps own every other path: the phone app under /m, the desktop app elsewhere.
      const page = /^\/m(\/|$|\?)/.test(req.url) && fs.existsSync(mobileHtml) ? mobileHtml : indexHtml;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(page));
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('Not found. Build the web app with `npm run build`.');
  });

  // Events queued in the last few milliseconds still go out.
  app.addHook('onClose', async () => {
    await deps.announcer.flush();
    await notifyPool?.end();
  });
  return app;
}
