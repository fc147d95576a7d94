import {
  BoundariesQuery,
  BoundaryPut,
  BoundaryView,
  GridFeatureCollection,
  GridUnitParams,
  HouseholdCreate,
  HouseholdList,
  HouseholdListQuery,
  HouseholdUpdate,
  HouseholdView,
  IdParams,
  ResponsibleList,
  ResponsibleQuery,
  VulnerableCreate,
  VulnerableList,
  VulnerableListQuery,
  VulnerableUpdate,
  VulnerableView,
} from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { boundaryCollection, getBoundary, putBoundary } from './boundaries.service';
import { createHousehold, getHousehold, listHouseholds, updateHousehold } from './households.service';
import { createVulnerable, getVulnerable, listVulnerable, responsibleCandidates, updateVulnerable } from './vulnerable.service';
import { gridExcelRoutes } from './excel/routes';

const tags = ['grids'];

export const boundaryRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/grids/boundaries',
    summary: 'The grid boundaries of my scope (or of a unit’s subtree) as a GeoJSON FeatureCollection',
    tags,
    query: BoundariesQuery,
    response: GridFeatureCollection,
    handler: ({ ctx, query }) => boundaryCollection(ctx.db, ctx.actor, query.unitId),
  }),
  userRoute({
    method: 'GET',
    url: '/api/grids/:unitId/boundary',
    summary: 'A grid’s boundary (geometry null when none is drawn)',
    tags,
    params: GridUnitParams,
    response: BoundaryView,
    handler: ({ ctx, params }) => getBoundary(ctx.db, ctx.actor, params.unitId),
  }),
  userRoute({
    method: 'PUT',
    url: '/api/grids/:unitId/boundary',
    summary: 'Draw or replace a grid’s boundary: a GeoJSON Polygon or MultiPolygon in WGS84',
    tags,
    params: GridUnitParams,
    body: BoundaryPut,
    response: BoundaryView,
    handler: ({ ctx, params, body }) => putBoundary(ctx, params.unitId, body.geometry),
  }),
  userRoute({
    method: 'GET',
    url: '/api/grids/:unitId/responsibles',
    summary: 'People of the grid’s village who may be responsible for its vulnerable people',
    tags,
    params: GridUnitParams,
    query: ResponsibleQuery,
    response: ResponsibleList,
    handler: async ({ ctx, params, query }) => ({ items: await responsibleCandidates(ctx.db, ctx.actor, params.unitId, query.q) }),
  }),
];

export const householdRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/grids/households',
    summary: 'Households (户) of my scope, of a grid or of all grids below a unit',
    tags,
    query: HouseholdListQuery,
    response: HouseholdList,
    handler: ({ ctx, query }) => listHouseholds(ctx.db, ctx.actor, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/grids/households/:id',
    summary: 'A household',
    tags,
    params: IdParams,
    response: HouseholdView,
    handler: ({ ctx, params }) => getHousehold(ctx.db, ctx.actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/grids/households',
    summary: 'Register a household in a grid',
    tags,
    body: HouseholdCreate,
    response: HouseholdView,
    status: 201,
    handler: ({ ctx, body }) => createHousehold(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/grids/households/:id',
    summary: 'Edit a household; status "moved_out" when it leaves',
    tags,
    params: IdParams,
    body: HouseholdUpdate,
    response: HouseholdView,
    handler: ({ ctx, params, body }) => updateHousehold(ctx, params.id, body),
  }),
];

export const vulnerableRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/grids/vulnerable',
    summary: 'Vulnerable people (重点人群) of my scope, with who is responsible for each',
    tags,
    query: VulnerableListQuery,
    response: VulnerableList,
    handler: ({ ctx, query }) => listVulnerable(ctx.db, ctx.actor, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/grids/vulnerable/:id',
    summary: 'A vulnerable person',
    tags,
    params: IdParams,
    response: VulnerableView,
    handler: ({ ctx, params }) => getVulnerable(ctx.db, ctx.actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/grids/vulnerable',
    summary: 'Register a vulnerable person in a grid',
    tags,
    body: VulnerableCreate,
    response: VulnerableView,
    status: 201,
    handler: ({ ctx, body }) => createVulnerable(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/grids/vulnerable/:id',
    summary: 'Edit a vulnerable person; status "removed" takes them off the register',
    tags,
    params: IdParams,
    body: VulnerableUpdate,
    response: VulnerableView,
    handler: ({ ctx, params, body }) => updateVulnerable(ctx, params.id, body),
  }),
];

export const gridRoutes: Route[] = [...boundaryRoutes, ...householdRoutes, ...vulnerableRoutes, ...gridExcelRoutes];
