import { and, asc, eq, sql } from 'drizzle-orm';
import type { BoundaryView, GridFeatureCollection, GridGeometry } from '../../../contracts/grids';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, unitPathInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors/app-error';
import { units, type UnitRow } from '../../platform/hierarchy/schema';
import { loadGridForWrite } from './access';
import { gridBoundaries } from './schema';

const positions = (g: GridGeometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).length;

function view(actor: Actor, unit: UnitRow, row: { geojson: GridGeometry; updatedAt: Date } | undefined): BoundaryView {
  return {
    unitId: unit.id,
    name: unit.name,
    code: unit.code,
    geometry: row?.geojson ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    can: { update: unit.status === 'active' && canAt(actor, 'grids.manage', unit.path) },
  };
}

/** A grid's boundary (null geometry when none is drawn yet). */
export async function getBoundary(db: Queryable, actor: Actor, unitId: string): Promise<BoundaryView> {
  const unit = await loadUnitInScope(db, actor, unitId);
  if (unit.level !== 'grid') throw new AppError('GRID_UNIT_REQUIRED');
  const [row] = await db.select().from(gridBoundaries).where(eq(gridBoundaries.unitId, unit.id));
  return view(actor, unit, row);
}

/** Draws or replaces a grid's boundary; the log keeps the old and the new geometry. */
export async function putBoundary(ctx: Ctx, unitId: string, geometry: GridGeometry): Promise<BoundaryView> {
  return auditedTx(ctx, async (tx, now) => {
    const unit = await loadGridForWrite(tx, ctx.actor, unitId);
    // Locks the grid's row, so two editors replacing one boundary at once log a true before/after.
    await tx.execute(sql`select 1 from units where id = ${unit.id} for update`);
    const [before] = await tx.select().from(gridBoundaries).where(eq(gridBoundaries.unitId, unit.id));
    if (before && JSON.stringify(before.geojson) === JSON.stringify(geometry)) return { result: view(ctx.actor, unit, before), events: [] };
    const [after] = await tx
      .insert(gridBoundaries)
      .values({ unitId: unit.id, geojson: geometry, updatedAt: now })
      .onConflictDoUpdate({ target: gridBoundaries.unitId, set: { geojson: geometry, updatedAt: now } })
      .returning();
    return {
      result: view(ctx.actor, unit, after),
      events: [
        {
          action: 'grid.boundary.updated',
          entityType: 'grid_boundary',
          entityId: unit.id,
          unitId: unit.id,
          summary: `${unit.name}：${geometry.type === 'Polygon' ? '多边形' : '多个多边形'}，${positions(geometry)} 个顶点`,
          before: before ? { geometry: before.geojson } : null,
          after: { geometry },
        },
      ],
    };
  });
}

/** The boundaries of the active grids in the actor's scope, or in the subtree of `unitId`, for a map. */
export async function boundaryCollection(db: Queryable, actor: Actor, unitId: string | undefined): Promise<GridFeatureCollection> {
  const root = unitId ? await loadUnitInScope(db, actor, unitId) : null;
  const rows = await db
    .select({ id: units.id, name: units.name, code: units.code, geojson: gridBoundaries.geojson })
    .from(gridBoundaries)
    .innerJoin(units, eq(units.id, gridBoundaries.unitId))
    .where(and(unitPathInScope(actor), eq(units.status, 'active'), root ? sql`${units.path} <@ ${root.path}::ltree` : undefined))
    .orderBy(asc(units.code));
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: r.geojson, properties: { unitId: r.id, name: r.name, code: r.code } })),
  };
}
