import { IdParams, ResponseDetail, ResponseEnd, ResponseList, ResponseListQuery, ResponseProposal, ResponseProposalQuery, ResponseStart, ResponseTaskTick } from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { endResponse } from './end.service';
import { listResponses, responseDetail } from './queries';
import { proposeFor, startResponse } from './start.service';
import { tickTask } from './tasks.service';

const tags = ['responses'];

export const responseRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/responses',
    summary: 'Emergency responses (应急响应) I may read, running first; real ones and exercises counted apart',
    tags,
    query: ResponseListQuery,
    response: ResponseList,
    handler: ({ ctx, query }) => listResponses(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/responses/proposals',
    summary: 'The plans and response levels a warning should start for me, with their checklists',
    tags,
    query: ResponseProposalQuery,
    response: ResponseProposal,
    handler: ({ ctx, query }) => proposeFor(ctx, query.warningId),
  }),
  userRoute({
    method: 'POST',
    url: '/api/responses',
    summary: '启动响应: start a plan’s response level for a warning; its checklist becomes tasks (201 new, 200 the running one)',
    tags,
    body: ResponseStart,
    response: ResponseDetail,
    handler: async ({ ctx, body, reply }) => {
      const { detail, created } = await startResponse(ctx, body);
      void reply.status(created ? 201 : 200);
      return detail;
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/responses/:id',
    summary: 'A response with its tasks, progress and overdue tasks',
    tags,
    params: IdParams,
    response: ResponseDetail,
    handler: ({ ctx, params }) => responseDetail(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/responses/tasks/:id/tick',
    summary: 'Tick a task done or undo it, with a note (its owner or a responder)',
    tags,
    params: IdParams,
    body: ResponseTaskTick,
    response: ResponseDetail,
    handler: ({ ctx, params, body }) => tickTask(ctx, params.id, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/responses/:id/end',
    summary: 'End a response with a summary; a real one joins the township’s event timeline',
    tags,
    params: IdParams,
    body: ResponseEnd,
    response: ResponseDetail,
    handler: ({ ctx, params, body }) => endResponse(ctx, params.id, body),
  }),
];
