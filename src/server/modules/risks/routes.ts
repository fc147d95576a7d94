import {
  IdParams,
  RiskCheckCreate,
  RiskCheckList,
  RiskCheckListQuery,
  RiskCheckView,
  RiskCreate,
  RiskList,
  RiskListQuery,
  RiskMap,
  RiskMapQuery,
  RiskPointDetail,
  RiskRetire,
  RiskUpdate,
} from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { listRiskChecks, listRiskPoints, riskMap, riskPointDetail } from './queries';
import { createRiskPoint, recordRiskCheck, retireRiskPoint, updateRiskPoint } from './service';

const tags = ['risks'];

export const riskRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/risks',
    summary: 'Risk points (风险点) in my scope, by unit subtree, level, type, name or overdue check',
    tags,
    query: RiskListQuery,
    response: RiskList,
    handler: ({ ctx, query }) => listRiskPoints(ctx, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/risks/map',
    summary: 'Active risk points in my scope, compactly, for the map',
    tags,
    query: RiskMapQuery,
    response: RiskMap,
    handler: ({ ctx, query }) => riskMap(ctx, query.unitId),
  }),
  userRoute({
    method: 'GET',
    url: '/api/risks/:id',
    summary: 'A risk point with its recent checks and my abilities',
    tags,
    params: IdParams,
    response: RiskPointDetail,
    handler: ({ ctx, params }) => riskPointDetail(ctx, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/risks',
    summary: 'Register a risk point at a township, village or grid',
    tags,
    body: RiskCreate,
    response: RiskPointDetail,
    status: 201,
    handler: ({ ctx, body }) => createRiskPoint(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/risks/:id',
    summary: 'Edit a risk point (level changes are audited with before and after)',
    tags,
    params: IdParams,
    body: RiskUpdate,
    response: RiskPointDetail,
    handler: ({ ctx, params, body }) => updateRiskPoint(ctx, params.id, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/risks/:id/retire',
    summary: 'Retire (注销) a risk point that no longer needs watching',
    tags,
    params: IdParams,
    body: RiskRetire,
    response: RiskPointDetail,
    handler: ({ ctx, params, body }) => retireRiskPoint(ctx, params.id, body.reason),
  }),
  userRoute({
    method: 'GET',
    url: '/api/risks/:id/checks',
    summary: 'The periodic checks of a risk point, newest first',
    tags,
    params: IdParams,
    query: RiskCheckListQuery,
    response: RiskCheckList,
    handler: ({ ctx, params, query }) => listRiskChecks(ctx, params.id, query),
  }),
  userRoute({
    method: 'POST',
    url: '/api/risks/:id/checks',
    summary: 'Record a periodic check; the id comes from the device, so a replay is stored once (201 new, 200 replay)',
    tags,
    params: IdParams,
    body: RiskCheckCreate,
    response: RiskCheckView,
    handler: async ({ ctx, params, body, reply }) => {
      const { check, created } = await recordRiskCheck(ctx, params.id, body);
      void reply.status(created ? 201 : 200);
      return check;
    },
  }),
];
