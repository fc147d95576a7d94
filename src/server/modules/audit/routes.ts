import { AuditEventView, AuditList, AuditListQuery, IdParams } from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { getAuditEvent, listAudit } from './service';

const tags = ['audit'];

export const auditRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/audit',
    summary: 'The audit log of my scope: who did what, when, before and after',
    tags,
    query: AuditListQuery,
    response: AuditList,
    handler: ({ ctx, query }) => listAudit(ctx.db, ctx.actor, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/audit/:id',
    summary: 'One audit event',
    tags,
    params: IdParams,
    response: AuditEventView,
    handler: ({ ctx, params }) => getAuditEvent(ctx.db, ctx.actor, params.id),
  }),
];
