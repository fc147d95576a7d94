import { IdParams, PatrolCheckin, PatrolCheckinView, PatrolDetail, PatrolEnd, PatrolList, PatrolListQuery, PatrolStart, PatrolSummary } from '../../../contracts';
import { z } from 'zod';
import { userRoute, type Route } from '../../platform/http/route';
import { addCheckin, endPatrol, getPatrol, listPatrols, startPatrol } from './service';

const tags = ['patrols'];

export const patrolRoutes: Route[] = [
  userRoute({
    method: 'POST',
    url: '/api/patrols',
    summary: 'Start a patrol (id from the phone: 201 new, 200 replay)',
    tags,
    body: PatrolStart,
    response: PatrolDetail,
    handler: async ({ ctx, body, reply }) => {
      const { patrol, created } = await startPatrol(ctx, body);
      void reply.status(created ? 201 : 200);
      return patrol;
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/patrols/:id/checkins',
    summary: 'Check in at a place (GPS, finding) or add a track point; stored once per id',
    tags,
    params: IdParams,
    body: PatrolCheckin,
    response: z.object({ created: z.boolean(), point: PatrolCheckinView.pick({ id: true }) }),
    handler: async ({ ctx, params, body, reply }) => {
      const { created } = await addCheckin(ctx, params.id, body);
      void reply.status(created ? 201 : 200);
      return { created, point: { id: body.id } };
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/patrols/:id/end',
    summary: 'End a patrol (a second end changes nothing)',
    tags,
    params: IdParams,
    body: PatrolEnd,
    response: PatrolSummary,
    handler: ({ ctx, params, body }) => endPatrol(ctx, params.id, body),
  }),
  userRoute({
    method: 'GET',
    url: '/api/patrols',
    summary: 'Patrols in my scope (mine, active, by unit and time)',
    tags,
    query: PatrolListQuery,
    response: PatrolList,
    handler: ({ ctx, query }) => listPatrols(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/patrols/:id',
    summary: 'A patrol with its check-ins and track',
    tags,
    params: IdParams,
    response: PatrolDetail,
    handler: ({ ctx, params }) => getPatrol(ctx.db, ctx.actor, params.id),
  }),
];
