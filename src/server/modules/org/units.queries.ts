import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import type { z } from 'zod';
import type { UnitListQuery, UnitSummary } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, unitPathInScope } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { units, type UnitRow } from '../../platform/hierarchy/schema';
import { idsOnPath } from '../../platform/hierarchy/paths';

// Qualified by hand: Drizzle leaves columns in a select list unqualified, which inside this
// subquery would bind to `c` instead of the outer row.
const activeChildren = sql<number>`(select count(*) from units c where c.parent_id = "units"."id" and c.status = 'active')::int`;

export const summaryColumns = {
  id: units.id,
  parentId: units.parentId,
  level: units.level,
  kind: units.kind,
  code: units.code,
  name: units.name,
  status: units.status,
  childCount: activeChildren,
};

/** The top nodes of the actor's view: the units their grants sit on (minus those under another). */
export async function scopeRoots(db: Queryable, actor: Actor): Promise<UnitSummary[]> {
  if (actor.scopePaths.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(units)
    .where(sql`${units.path} = any(array[${sql.join(actor.scopePaths.map((p) => sql`${p}::ltree`), sql`, `)}])`)
    .orderBy(asc(units.code));
}

export type UnitListFilter = z.output<typeof UnitListQuery>;

/** Children of a unit, or a search across the whole scope; always inside the scope. */
export async function listUnits(db: Queryable, actor: Actor, f: UnitListFilter) {
  const conds: SQL[] = [unitPathInScope(actor)];
  // Listing the children of a unit outside the scope is "not found", not an empty list.
  if (f.parentId) conds.push(eq(units.parentId, (await loadUnitInScope(db, actor, f.parentId)).id));
  if (f.level) conds.push(eq(units.level, f.level));
  if (f.status !== 'all') conds.push(eq(units.status, f.status));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(units.name, like), ilike(units.code, `${f.q.replace(/[\\%_]/g, '')}%`))!);
  }
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(units)
      .where(where)
      .orderBy(asc(units.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(units).where(where),
  ]);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

export async function ancestorsOf(db: Queryable, unit: UnitRow) {
  const ids = idsOnPath(unit.path).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db.select({ id: units.id, name: units.name, code: units.code, level: units.level, path: units.path }).from(units).where(inArray(units.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
