import { and, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { HazardCounts, HazardDetail, HazardListQuery } from '../../../contracts';
import { HAZARD_STATES } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, unitIdInScope } from '../../platform/access/scope';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/like';
import { hazards } from './schema';
import { capsFor, loadHazard, personOf } from './access';
import { availableActions, OPEN_STATES } from './rules';
import { presentDetail, presentSummaries } from './present';

export async function hazardDetail(ctx: Pick<Ctx, 'db' | 'actor'>, id: string): Promise<HazardDetail> {
  const { hazard, unitPath } = await loadHazard(ctx.db, ctx.actor, id);
  const caps = await capsFor(ctx.db, ctx.actor, hazard, unitPath);
  return presentDetail(ctx.db, hazard, availableActions(hazard.state, caps));
}

/** "This unit and below", for a unit the actor can see. */
async function subtreeOf(db: Queryable, actor: Actor, unitId: string): Promise<SQL> {
  const unit = await loadUnitInScope(db, actor, unitId);
  return sql`${hazards.unitId} in (select id from units where path <@ ${unit.path}::ltree)`;
}

export type HazardFilter = z.output<typeof HazardListQuery>;

export async function listHazards(ctx: Ctx, f: HazardFilter) {
  const conds: SQL[] = [unitIdInScope(ctx.actor, hazards.unitId)];
  if (f.unitId) conds.push(await subtreeOf(ctx.db, ctx.actor, f.unitId));
  if (f.state === 'open') conds.push(inArray(hazards.state, [...OPEN_STATES]));
  else if (f.state !== 'all') conds.push(eq(hazards.state, f.state));
  if (f.level) conds.push(eq(hazards.level, f.level));
  if (f.categoryCode) conds.push(eq(hazards.categoryCode, f.categoryCode));
  if (f.source) conds.push(eq(hazards.source, f.source));
  if (f.overdue !== undefined) conds.push(eq(hazards.overdue, f.overdue));
  if (f.from) conds.push(gte(hazards.receivedAt, new Date(f.from)));
  if (f.to) conds.push(lte(hazards.receivedAt, new Date(f.to)));
  if (f.mine) conds.push(eq(hazards.reporterUserId, ctx.actor.id));
  if (f.assignedToMe) {
    const person = await personOf(ctx.db, ctx.actor);
    conds.push(person ? eq(hazards.responsiblePersonId, person) : sql`false`);
  }
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(hazards.description, like), ilike(hazards.code, like), ilike(hazards.address, like))!);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select()
      .from(hazards)
      .where(where)
      // Overdue first, then the newest: the review queue never buries what is late.
      .orderBy(desc(hazards.overdue), desc(hazards.receivedAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(hazards).where(where),
  ]);
  return { items: await presentSummaries(ctx.db, rows), total, page: f.page, pageSize: f.pageSize };
}

/** Counts by state and overdue, for the menu badges and the queue's tabs. */
export async function hazardCounts(ctx: Ctx, unitId?: string): Promise<HazardCounts> {
  const conds: SQL[] = [unitIdInScope(ctx.actor, hazards.unitId)];
  if (unitId) conds.push(await subtreeOf(ctx.db, ctx.actor, unitId));
  const rows = await ctx.db
    .select({ state: hazards.state, n: sql<number>`count(*)::int`, overdue: sql<number>`count(*) filter (where ${hazards.overdue})::int` })
    .from(hazards)
    .where(and(...conds))
    .groupBy(hazards.state);
  const byState = Object.fromEntries(HAZARD_STATES.map((s) => [s, rows.find((r) => r.state === s)?.n ?? 0])) as HazardCounts['byState'];
  return {
    byState,
    open: OPEN_STATES.reduce((n, s) => n + byState[s], 0),
    overdue: rows.filter((r) => OPEN_STATES.includes(r.state)).reduce((n, r) => n + r.overdue, 0),
  };
}
