import type { Actor } from '../access/actor';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, resolved once per request from the session cookie. */
    actor: Actor | null;
    /** A session cookie came but its session had timed out. */
    sessionExpired: boolean;
  }
}
