import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { BuiltDeps, Ctx } from '../context';
import { AppError } from '../errors/app-error';
import { fieldErrors } from '../errors/field-messages';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

type Common<P extends Schema, Q extends Schema, B extends Schema> = {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** The success body; documents the route and, outside production, is checked on every answer. */
  response?: z.ZodType;
  /** Status of a successful answer (201 for creations). */
  status?: number;
  /** The body is multipart/form-data (file uploads); the handler reads it from `req`. */
  multipart?: boolean;
  /** The success body is a file of this media type instead of JSON. */
  produces?: string;
  /** A per-address request limit from the config (public routes); counted per app node. */
  rateLimit?: 'publicRead' | 'publicWrite';
};

/** A route as the app registers it: the schemas for validation and OpenAPI, and the wrapped handler. */
export type Route = Omit<Common<Schema, Schema, Schema>, 'params' | 'query' | 'body'> & {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  auth: 'user' | 'public';
  allowPendingPasswordChange: boolean;
  run: (req: FastifyRequest, reply: FastifyReply, deps: BuiltDeps) => Promise<unknown>;
};

function parse<S extends Schema>(schema: S | undefined, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('VALIDATION_FAILED', fieldErrors(result.error, where));
  return result.data as Out<S>;
}

type Input<P extends Schema, Q extends Schema, B extends Schema> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  req: FastifyRequest;
  reply: FastifyReply;
};

/** A route for signed-in users: validate → (the handler authorizes through its service) → present. */
export function userRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  spec: Common<P, Q, B> & {
    /** Reachable while the user still has to change an initial password (me, logout, change password). */
    allowPendingPasswordChange?: boolean;
    handler: (input: Input<P, Q, B> & { ctx: Ctx }) => Promise<unknown>;
  },
): Route {
  const { handler, ...rest } = spec;
  return {
    ...rest,
    auth: 'user',
    allowPendingPasswordChange: spec.allowPendingPasswordChange ?? false,
    run: async (req, reply, deps) => {
      const actor = req.actor;
      if (!actor) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'AUTH_REQUIRED');
      if (actor.mustChangePassword && !spec.allowPendingPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
      const params = parse(spec.params, req.params, 'params');
      const query = parse(spec.query, req.query, 'query');
      const body = spec.multipart ? (undefined as Out<B>) : parse(spec.body, req.body, 'body');
      const ctx: Ctx = { actor, db: deps.db, clock: deps.clock, config: deps.config, files: deps.files, bus: deps.bus ?? null, announcer: deps.announcer, requestId: req.id, ip: req.ip ?? null };
      return handler({ params, query, body, req, reply, ctx });
    },
  };
}

/** A route open to anyone (health, login, the API description). */
export function publicRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  spec: Common<P, Q, B> & { handler: (input: Input<P, Q, B> & { deps: BuiltDeps }) => Promise<unknown> },
): Route {
  const { handler, ...rest } = spec;
  return {
    ...rest,
    auth: 'public',
    allowPendingPasswordChange: true,
    run: async (req, reply, deps) => {
      const params = parse(spec.params, req.params, 'params');
      const query = parse(spec.query, req.query, 'query');
      const body = spec.multipart ? (undefined as Out<B>) : parse(spec.body, req.body, 'body');
      return handler({ params, query, body, req, reply, deps });
    },
  };
}
