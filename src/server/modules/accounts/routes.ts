import { AccountCreate, AccountList, AccountListQuery, AccountRoles, AccountUpdate, AccountView, IdParams, ResetPassword, RoleCatalog, ROLE_LEVEL, ROLE_PERMISSIONS, ROLES } from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { requirePermissionSomewhere } from '../../platform/access/scope';
import { createAccount, getAccount, listAccounts, resetPassword, setRoles, unlockAccount, updateAccount } from './service';

const tags = ['accounts'];

export const accountRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/roles',
    summary: 'The roles, the level each is granted on, and their permissions',
    tags,
    response: RoleCatalog,
    handler: async () => ({ items: ROLES.map((role) => ({ role, level: ROLE_LEVEL[role], permissions: [...ROLE_PERMISSIONS[role]] })) }),
  }),
  userRoute({
    method: 'GET',
    url: '/api/accounts',
    summary: 'Accounts whose home unit is in my scope',
    tags,
    query: AccountListQuery,
    response: AccountList,
    handler: ({ ctx, query }) => {
      requirePermissionSomewhere(ctx.actor, 'accounts.manage');
      return listAccounts(ctx, query);
    },
  }),
  userRoute({
    method: 'GET',
    url: '/api/accounts/:id',
    summary: 'One account with its roles',
    tags,
    params: IdParams,
    response: AccountView,
    handler: ({ ctx, params }) => {
      requirePermissionSomewhere(ctx.actor, 'accounts.manage');
      return getAccount(ctx, params.id);
    },
  }),
  userRoute({
    method: 'POST',
    url: '/api/accounts',
    summary: 'Create an account with an initial password (changed at first sign-in) and roles',
    tags,
    body: AccountCreate,
    response: AccountView,
    status: 201,
    handler: ({ ctx, body }) => createAccount(ctx, body),
  }),
  userRoute({
    method: 'PATCH',
    url: '/api/accounts/:id',
    summary: 'Rename, disable or enable an account, or link it to a person',
    tags,
    params: IdParams,
    body: AccountUpdate,
    response: AccountView,
    handler: ({ ctx, params, body }) => updateAccount(ctx, params.id, body),
  }),
  userRoute({
    method: 'PUT',
    url: '/api/accounts/:id/roles',
    summary: 'Replace the roles of an account',
    tags,
    params: IdParams,
    body: AccountRoles,
    response: AccountView,
    handler: ({ ctx, params, body }) => setRoles(ctx, params.id, body.roles),
  }),
  userRoute({
    method: 'POST',
    url: '/api/accounts/:id/reset-password',
    summary: 'Set a temporary password; the user must change it at next sign-in',
    tags,
    params: IdParams,
    body: ResetPassword,
    response: AccountView,
    handler: ({ ctx, params, body }) => resetPassword(ctx, params.id, body.password),
  }),
  userRoute({
    method: 'POST',
    url: '/api/accounts/:id/unlock',
    summary: 'Lift a sign-in lockout',
    tags,
    params: IdParams,
    response: AccountView,
    handler: ({ ctx, params }) => unlockAccount(ctx, params.id),
  }),
];
