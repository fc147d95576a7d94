import { z } from 'zod';
import { LIMITS } from './limits';
import { Page, paged, text } from './common';
import { RoleGrant, RoleGrantView } from './roles';

export const Username = z
  .string()
  .trim()
  .min(LIMITS.usernameMin)
  .max(LIMITS.usernameMax)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, { message: 'username' });

export const AccountStatus = z.enum(['active', 'disabled']);

export const AccountView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  personId: z.uuid().nullable(),
  status: AccountStatus,
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleGrantView),
  createdAt: z.string(),
  can: z.object({ update: z.boolean() }),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountListQuery = Page.extend({
  unitId: z.uuid().optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  status: z.enum(['active', 'disabled', 'all']).default('all'),
});
export const AccountList = paged(AccountView);

export const AccountCreate = z
  .object({
    username: Username,
    displayName: text(LIMITS.nameMax),
    unitId: z.uuid(),
    personId: z.uuid().nullable().optional(),
    password: z.string().min(1).max(LIMITS.passwordMax),
    roles: z.array(RoleGrant).max(LIMITS.rolesPerAccountMax).default([]),
  })
  .strict();
export type AccountCreate = z.infer<typeof AccountCreate>;

export const AccountUpdate = z
  .object({
    displayName: text(LIMITS.nameMax).optional(),
    status: AccountStatus.optional(),
    personId: z.uuid().nullable().optional(),
  })
  .strict();
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const AccountRoles = z.object({ roles: z.array(RoleGrant).max(LIMITS.rolesPerAccountMax) }).strict();
export const ResetPassword = z.object({ password: z.string().min(1).max(LIMITS.passwordMax) }).strict();
