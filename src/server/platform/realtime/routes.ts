import { z } from 'zod';
import { isInScope } from '../access/rules';
import { userRoute, type Route } from '../http/route';
import type { RealtimeEvent } from './bus';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for the signed-in user: every announced change inside their scope, as it
 * commits on any app node. The stream ends when the client goes away; browsers reconnect by
 * themselves (EventSource) and screens refetch then.
 */
export const realtimeRoutes: Route[] = [
    userRoute({
      method: 'GET',
      url: '/api/events',
      summary: 'Live changes in my scope (text/event-stream): new hazards, state changes …',
      tags: ['realtime'],
      produces: 'text/event-stream',
      // `probe=1` answers the headers and ends: a health check of the stream (and what tests use).
      query: z.object({ probe: z.enum(['1']).optional() }),
      handler: async ({ ctx, req, reply, query }) => {
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          // Proxies such as nginx must not buffer the stream.
          'x-accel-buffering': 'no',
        });
        res.write(`retry: 3000\n: connected\n\n`);
        if (query.probe) {
          res.end();
          return;
        }
        const send = (event: RealtimeEvent) => {
          if (!isInScope(ctx.actor.scopePaths, event.unitPath)) return;
          res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
        };
        const unsubscribe = ctx.bus ? ctx.bus.subscribe(send) : () => undefined;
        const heartbeat = setInterval(() => res.write(`: ping\n\n`), HEARTBEAT_MS);
        req.raw.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
        });
      },
    }),
];
