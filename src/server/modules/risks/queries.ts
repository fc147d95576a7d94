import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { RISK_LEVELS, RISK_LIMITS, type RiskCheckView, type RiskListQuery, type RiskMapPoint, type RiskPointDetail, type RiskPointView } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, unitIdInScope } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/like';
import { notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { riskChecks, riskPoints, type RiskCheckRow, type RiskPointRow } from './schema';
import { checkOverdue, nextCheckDue } from './rules';

/** What the reads need: who asks, and what time it is (for "check overdue"). */
export type ReadCtx = { db: Queryable; actor: Actor; clock: { now: () => Date } };

const personUnit = alias(units, 'person_unit');

const columns = {
  point: riskPoints,
  unit: { id: units.id, name: units.name, code: units.code, level: units.level, path: units.path },
  person: { id: people.id, name: people.name, phone: people.phone, unitName: personUnit.name },
};
type Joined = { point: RiskPointRow; unit: { id: string; name: string; code: string; level: RiskPointView['unit']['level']; path: string }; person: RiskPointView['responsiblePerson'] };

const joined = (db: Queryable) =>
  db
    .select(columns)
    .from(riskPoints)
    .innerJoin(units, eq(units.id, riskPoints.unitId))
    .innerJoin(people, eq(people.id, riskPoints.responsiblePersonId))
    .innerJoin(personUnit, eq(personUnit.id, people.unitId));

/** Highest level first: 重大, 较大, 一般, 低. */
const levelRank = sql`array_position(array[${sql.join(
  RISK_LEVELS.map((l) => sql`${l}`),
  sql`, `,
)}]::text[], ${riskPoints.level})`;

/**
 * "Check overdue" in SQL, for filtering before paging: the same rule as `checkOverdue` in rules.ts
 * (last check or registration + cycle in 24-hour days, active points only). Hours rather than days
 * in the interval keep it independent of the session's time zone.
 */
const overdueAt = (now: Date): SQL =>
  sql`(${riskPoints.status} = 'active' and coalesce(${riskPoints.lastCheckAt}, ${riskPoints.createdAt}) + ${riskPoints.checkCycleDays} * interval '24 hours' < ${now.toISOString()}::timestamptz)`;

/** Points in the actor's scope, optionally within one unit's subtree. */
async function scopeConditions(db: Queryable, actor: Actor, unitId: string | undefined): Promise<SQL[]> {
  const conds: SQL[] = [unitIdInScope(actor, riskPoints.unitId)];
  if (unitId) {
    // A unit outside the scope is "not found", not an empty list.
    const unit = await loadUnitInScope(db, actor, unitId);
    conds.push(sql`${riskPoints.unitId} in (select id from units where path <@ ${unit.path}::ltree)`);
  }
  return conds;
}

export type RiskFilter = z.output<typeof RiskListQuery>;

export async function listRiskPoints(ctx: ReadCtx, f: RiskFilter) {
  const now = ctx.clock.now();
  const conds = await scopeConditions(ctx.db, ctx.actor, f.unitId);
  if (f.status !== 'all') conds.push(eq(riskPoints.status, f.status));
  if (f.level) conds.push(eq(riskPoints.level, f.level));
  if (f.type) conds.push(eq(riskPoints.type, f.type));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(riskPoints.name, like), ilike(riskPoints.address, like))!);
  }
  if (f.overdueCheck !== undefined) conds.push(f.overdueCheck ? overdueAt(now) : sql`not ${overdueAt(now)}`);
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    joined(ctx.db)
      .where(where)
      .orderBy(levelRank, units.code, riskPoints.name, riskPoints.id)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(riskPoints).where(where),
  ]);
  return { items: rows.map((r) => present(ctx.actor, r, now)), total, page: f.page, pageSize: f.pageSize };
}

/** A risk point the actor can see, with its unit's path for authorizing; "not found" otherwise. */
export async function loadRiskPoint(db: Queryable, actor: Actor, id: string): Promise<Joined> {
  const [row] = await joined(db).where(and(eq(riskPoints.id, id), unitIdInScope(actor, riskPoints.unitId)));
  if (!row) throw notFound();
  return row;
}

export async function riskPointDetail(ctx: ReadCtx, id: string): Promise<RiskPointDetail> {
  const row = await loadRiskPoint(ctx.db, ctx.actor, id);
  const checks = await ctx.db.select().from(riskChecks).where(eq(riskChecks.riskPointId, id)).orderBy(desc(riskChecks.at), desc(riskChecks.id)).limit(RISK_LIMITS.recentChecks);
  return { ...present(ctx.actor, row, ctx.clock.now()), recentChecks: checks.map(presentCheck) };
}

export async function listRiskChecks(ctx: ReadCtx, id: string, page: { page: number; pageSize: number }) {
  const row = await loadRiskPoint(ctx.db, ctx.actor, id);
  const where = eq(riskChecks.riskPointId, row.point.id);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select()
      .from(riskChecks)
      .where(where)
      .orderBy(desc(riskChecks.at), desc(riskChecks.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(riskChecks).where(where),
  ]);
  return { items: items.map(presentCheck), total, page: page.page, pageSize: page.pageSize };
}

/** Active points in scope, compactly, for the map; highest level first when the list is cut. */
export async function riskMap(ctx: ReadCtx, unitId: string | undefined): Promise<{ items: RiskMapPoint[]; truncated: boolean }> {
  const now = ctx.clock.now();
  const conds = await scopeConditions(ctx.db, ctx.actor, unitId);
  const rows = await ctx.db
    .select({
      id: riskPoints.id,
      name: riskPoints.name,
      level: riskPoints.level,
      type: riskPoints.type,
      lat: riskPoints.lat,
      lng: riskPoints.lng,
      status: riskPoints.status,
      lastCheckAt: riskPoints.lastCheckAt,
      createdAt: riskPoints.createdAt,
      checkCycleDays: riskPoints.checkCycleDays,
    })
    .from(riskPoints)
    .where(and(...conds, eq(riskPoints.status, 'active')))
    .orderBy(levelRank, riskPoints.id)
    .limit(RISK_LIMITS.mapMax + 1);
  const items = rows.slice(0, RISK_LIMITS.mapMax).map((r) => ({ id: r.id, name: r.name, level: r.level, type: r.type, lat: r.lat, lng: r.lng, checkOverdue: checkOverdue(r, now) }));
  return { items, truncated: rows.length > RISK_LIMITS.mapMax };
}

export function present(actor: Actor, { point, unit, person }: Joined, now: Date): RiskPointView {
  const active = point.status === 'active';
  return {
    id: point.id,
    unit: { id: unit.id, name: unit.name, code: unit.code, level: unit.level },
    name: point.name,
    type: point.type,
    level: point.level,
    lat: point.lat,
    lng: point.lng,
    address: point.address,
    responsiblePerson: person,
    controlMeasures: point.controlMeasures,
    checkCycleDays: point.checkCycleDays,
    status: point.status,
    retiredAt: point.retiredAt?.toISOString() ?? null,
    retiredReason: point.retiredReason,
    lastCheck: point.lastCheckAt && point.lastCheckResult ? { at: point.lastCheckAt.toISOString(), result: point.lastCheckResult } : null,
    nextCheckDue: nextCheckDue(point).toISOString(),
    checkOverdue: checkOverdue(point, now),
    createdAt: point.createdAt.toISOString(),
    updatedAt: point.updatedAt.toISOString(),
    can: {
      update: active && canAt(actor, 'risks.manage', unit.path),
      retire: active && canAt(actor, 'risks.manage', unit.path),
      check: active && canAt(actor, 'risks.check', unit.path),
    },
  };
}

export function presentCheck(c: RiskCheckRow): RiskCheckView {
  return {
    id: c.id,
    riskPointId: c.riskPointId,
    at: c.at.toISOString(),
    checker: { id: c.checkerId, name: c.checkerName },
    result: c.result,
    note: c.note,
    photoIds: c.photoIds,
    createdAt: c.createdAt.toISOString(),
  };
}
