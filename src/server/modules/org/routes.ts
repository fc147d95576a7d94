import {
  IdParams,
  Ok,
  PersonCreate,
  PersonList,
  PersonListQuery,
  PersonUpdate,
  PersonView,
  PostCreate,
  PostList,
  PostUpdate,
  PostView,
  UnitCreate,
  UnitDetail,
  UnitList,
  UnitListQuery,
  UnitMove,
  UnitRetire,
  UnitRootsResponse,
  UnitUpdate,
} from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { listUnits, scopeRoots } from './units.queries';
import { createUnit, moveUnit, restoreUnit, retireUnit, unitDetail, updateUnit } from './units.service';
import { createPost, deletePost, listPosts, updatePost } from './posts.service';
import { createPerson, getPerson, listPeople, updatePerson } from './people.service';
import { excelRoutes } from './excel/routes';

const tags = ['org'];

export const unitRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/org/units/roots',
    summary: 'The top units of my view of the hierarchy',
    tags,
    response: UnitRootsResponse,
    handler: async ({ ctx }) => ({ items: await scopeRoots(ctx.db, ctx.actor) }),
  }),
  userRoute({
    method: 'GET',
    url: '/api/org/units',
    summary: 'Children of a unit, or a search by name or code in my scope',
    tags,
    query: UnitListQuery,
    response: UnitList,
    handler: ({ ctx, query }) => listUnits(ctx.db, ctx.actor, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/org/units/:id',
    summary: 'A unit with its breadcrumb, counts, station compliance and my abilities',
    tags,
    params: IdParams,
    response: UnitDetail,
    handler: ({ ctx, params }) => unitDetail(ctx.db, ctx.actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/units',
    summary: 'Add a unit under a parent',
    tags,
    body: UnitCreate,
    response: UnitDetail,
    status: 201,
    handler: ({ ctx, body }) => createUnit(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/org/units/:id',
    summary: 'Rename or edit a unit',
    tags,
    params: IdParams,
    body: UnitUpdate,
    response: UnitDetail,
    handler: ({ ctx, params, body }) => updateUnit(ctx, params.id, body),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/units/:id/move',
    summary: 'Move a unit (and all below it) under another parent of the same level',
    tags,
    params: IdParams,
    body: UnitMove,
    response: UnitDetail,
    handler: ({ ctx, params, body }) => moveUnit(ctx, params.id, body.parentId, body.code),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/units/:id/retire',
    summary: 'Retire (撤销) a unit that has no active units below it',
    tags,
    params: IdParams,
    body: UnitRetire,
    response: UnitDetail,
    handler: ({ ctx, params, body }) => retireUnit(ctx, params.id, body.reason),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/units/:id/restore',
    summary: 'Restore a retired unit',
    tags,
    params: IdParams,
    response: UnitDetail,
    handler: ({ ctx, params }) => restoreUnit(ctx, params.id),
  }),
];

export const postRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/org/units/:id/posts',
    summary: 'Posts (岗位) of a station or village point, with the station standard',
    tags,
    params: IdParams,
    response: PostList,
    handler: ({ ctx, params }) => listPosts(ctx.db, ctx.actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/units/:id/posts',
    summary: 'Add a post',
    tags,
    params: IdParams,
    body: PostCreate,
    response: PostView,
    status: 201,
    handler: ({ ctx, params, body }) => createPost(ctx, params.id, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/org/posts/:id',
    summary: 'Edit a post or change who holds it',
    tags,
    params: IdParams,
    body: PostUpdate,
    response: PostView,
    handler: ({ ctx, params, body }) => updatePost(ctx, params.id, body),
  }),
  userRoute({
    method: 'DELETE',
    url: '/api/org/posts/:id',
    summary: 'Remove a post',
    tags,
    params: IdParams,
    response: Ok,
    handler: async ({ ctx, params }) => {
      await deletePost(ctx, params.id);
      return { ok: true as const };
    },
  }),
];

export const peopleRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/org/people',
    summary: 'People in my scope, by unit (or its subtree), name or phone',
    tags,
    query: PersonListQuery,
    response: PersonList,
    handler: ({ ctx, query }) => listPeople(ctx.db, ctx.actor, query),
  }),
  userRoute({
    method: 'GET',
    url: '/api/org/people/:id',
    summary: 'A person with the posts they hold',
    tags,
    params: IdParams,
    response: PersonView,
    handler: ({ ctx, params }) => getPerson(ctx.db, ctx.actor, params.id),
  }),
  userRoute({
    method: 'POST',
    url: '/api/org/people',
    summary: 'Add a person to a unit',
    tags,
    body: PersonCreate,
    response: PersonView,
    status: 201,
    handler: ({ ctx, body }) => createPerson(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/org/people/:id',
    summary: 'Edit a person; status "left" vacates their posts',
    tags,
    params: IdParams,
    body: PersonUpdate,
    response: PersonView,
    handler: ({ ctx, params, body }) => updatePerson(ctx, params.id, body),
  }),
];

export const orgRoutes: Route[] = [...unitRoutes, ...postRoutes, ...peopleRoutes, ...excelRoutes];
