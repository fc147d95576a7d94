import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, requirePermission } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors/app-error';
import type { UnitRow } from '../../platform/hierarchy/schema';

/**
 * A grid the actor may change records of: in scope (else 404), with grids.manage there (else 403),
 * of level grid (households, vulnerable people and boundaries belong to grids) and active.
 */
export async function loadGridForWrite(db: Queryable, actor: Actor, unitId: string): Promise<UnitRow> {
  const unit = await loadUnitInScope(db, actor, unitId);
  requirePermission(actor, 'grids.manage', unit.path);
  if (unit.level !== 'grid') throw new AppError('GRID_UNIT_REQUIRED');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  return unit;
}

/** A grid's village: its parent, whose path is the grid's path without its last label. */
export const villagePathOf = (gridPath: string) => gridPath.slice(0, gridPath.lastIndexOf('.'));

/** Rows whose unit lies in the subtree at `rootPath` (the caller checked that the root is in scope). */
export const unitInSubtree = (unitIdColumn: AnyPgColumn, rootPath: string): SQL =>
  sql`${unitIdColumn} in (select id from units where path <@ ${rootPath}::ltree)`;
