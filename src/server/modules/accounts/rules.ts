import { ROLE_LEVEL, type Role, type UnitLevel } from '../../../contracts';
import type { Grant } from '../../platform/access/actor';
import { hasPermissionAt } from '../../platform/access/rules';

/** A role is granted on a unit of its own level: a grid worker on a grid, a chief on a township. */
export function roleFitsUnit(role: Role, level: UnitLevel): boolean {
  return ROLE_LEVEL[role] === level;
}

/**
 * An admin manages an account when the account's home unit and every role it holds lie where the
 * admin may manage accounts; so a township chief can never edit a county officer who also holds
 * a role in the township.
 */
export function canManageAccount(adminGrants: Grant[], account: { unitPath: string; grantPaths: string[] }): boolean {
  return [account.unitPath, ...account.grantPaths].every((p) => hasPermissionAt(adminGrants, 'accounts.manage', p));
}
