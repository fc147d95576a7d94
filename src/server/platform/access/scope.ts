import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../../../contracts/roles';
import { units } from '../hierarchy/schema';
import type { Queryable } from '../db/client';
import { AppError, notFound } from '../errors/app-error';
import type { Actor } from './actor';
import { hasPermissionAt, isInScope, pathsWithPermission, permissionsOf } from './rules';

/**
 * The data scope, in SQL. Every query of a scoped record goes through one of these, so "this
 * node and below" is written once. An empty scope matches nothing.
 */
function pathUnder(paths: string[], pathColumn: AnyPgColumn | SQL): SQL {
  if (paths.length === 0) return sql`false`;
  const list = sql.join(
    paths.map((p) => sql`${p}::ltree`),
    sql`, `,
  );
  // `ltree <@ ltree[]`: true when some element of the array is an ancestor of (or equal to) the path.
  return sql`${pathColumn} <@ array[${list}]`;
}

/** For the units table itself: its path lies in the actor's scope. */
export function unitPathInScope(actor: Actor, pathColumn: AnyPgColumn | SQL = units.path): SQL {
  return pathUnder(actor.scopePaths, pathColumn);
}

/** For any table with a unit reference: the unit it belongs to lies in the actor's scope. */
export function unitIdInScope(actor: Actor, unitIdColumn: AnyPgColumn): SQL {
  if (actor.scopePaths.length === 0) return sql`false`;
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${pathUnder(actor.scopePaths, units.path)})`;
}

/** Like `unitIdInScope`, but only where the actor holds `permission` (for lists of editable things). */
export function unitIdWithPermission(actor: Actor, permission: Permission, unitIdColumn: AnyPgColumn): SQL {
  const paths = pathsWithPermission(actor.grants, permission);
  if (paths.length === 0) return sql`false`;
  return sql`${unitIdColumn} in (select ${units.id} from ${units} where ${pathUnder(paths, units.path)})`;
}

export type ScopedUnit = typeof units.$inferSelect;

/** Loads a unit the actor can see, or answers "not found" — also for units outside the scope. */
export async function loadUnitInScope(db: Queryable, actor: Actor, unitId: string): Promise<ScopedUnit> {
  const [unit] = await db.select().from(units).where(sql`${units.id} = ${unitId} and ${unitPathInScope(actor)}`);
  if (!unit) throw notFound();
  return unit;
}

/**
 * Authorizes an action on a record at `unitPath`. Outside the scope it is "not found" (existence does
 * not leak); inside the scope but without the permission it is "forbidden".
 */
export function requirePermission(actor: Actor, permission: Permission, unitPath: string): void {
  if (!isInScope(actor.scopePaths, unitPath)) throw notFound();
  if (!hasPermissionAt(actor.grants, permission, unitPath)) throw new AppError('FORBIDDEN');
}

export function canAt(actor: Actor, permission: Permission, unitPath: string): boolean {
  return hasPermissionAt(actor.grants, permission, unitPath);
}

/**
 * For lists that only some roles may open at all (accounts, the audit log, the category catalog):
 * the actor must hold the permission on some node, else "forbidden". The rows shown are still
 * filtered by scope.
 */
export function requirePermissionSomewhere(actor: Actor, permission: Permission): void {
  if (!permissionsOf(actor.grants).includes(permission)) throw new AppError('FORBIDDEN');
}
