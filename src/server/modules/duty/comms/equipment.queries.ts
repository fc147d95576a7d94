import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { COMMS_LIMITS, type CommsEquipmentDetail, type CommsEquipmentView, type CommsListQuery, type CommsOverdueItem, type CommsTestView } from '../../../../contracts';
import type { Actor } from '../../../platform/access/actor';
import { canAt, loadUnitInScope, requirePermission, requirePermissionSomewhere, unitIdWithPermission } from '../../../platform/access/scope';
import type { Queryable } from '../../../platform/db/client';
import { containsPattern } from '../../../platform/db/like';
import { notFound } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { people } from '../../org/schema';
import { nextTestDue, testOverdue } from './rules';
import { dutyCommsEquipment as equip, dutyCommsTests, type CommsEquipmentRow, type CommsTestRow } from './schema';

/** What the reads need: who asks, and what time it is (for "test overdue"). */
export type ReadCtx = { db: Queryable; actor: Actor; clock: { now: () => Date } };

const columns = {
  item: equip,
  unit: { id: units.id, name: units.name, code: units.code, level: units.level, path: units.path },
  keeper: { id: people.id, name: people.name, phone: people.phone },
};
type Joined = { item: CommsEquipmentRow; unit: { id: string; name: string; code: string; level: CommsEquipmentView['unit']['level']; path: string }; keeper: CommsEquipmentView['keeper'] };

const joined = (db: Queryable) => db.select(columns).from(equip).innerJoin(units, eq(units.id, equip.unitId)).innerJoin(people, eq(people.id, equip.keeperId));

/** The due time in SQL, the same rule as `nextTestDue` (hours, so the session's time zone does not matter). */
export const dueSql = sql`(coalesce(${equip.lastTestAt}, ${equip.createdAt}) + ${equip.testIntervalDays} * interval '24 hours')`;
const overdueAt = (now: Date): SQL => sql`(${equip.status} = 'active' and ${dueSql} < ${now.toISOString()}::timestamptz)`;

/**
 * Equipment the actor may see on the duty desk: in scope where they hold duty.read, optionally
 * within one unit's subtree (a unit outside the scope is "not found", not an empty list).
 */
async function scopeConditions(db: Queryable, actor: Actor, unitId: string | undefined): Promise<SQL[]> {
  requirePermissionSomewhere(actor, 'duty.read');
  const conds: SQL[] = [unitIdWithPermission(actor, 'duty.read', equip.unitId)];
  if (unitId) {
    const unit = await loadUnitInScope(db, actor, unitId);
    conds.push(sql`${equip.unitId} in (select id from units where path <@ ${unit.path}::ltree)`);
  }
  return conds;
}

/** Kinds in the order a duty officer reaches for them. */
const kindRank = sql`array_position(array['satellite_phone','video_conference','emergency_broadcast','radio','other']::text[], ${equip.kind})`;
/** What needs doing first: overdue tests, then failed last tests, then the rest. */
const attentionRank = (now: Date) => sql`case when ${overdueAt(now)} then 0 when ${equip.status} = 'active' and ${equip.lastTestResult} = 'failed' then 1 else 2 end`;

export async function listEquipment(ctx: ReadCtx, f: z.output<typeof CommsListQuery>) {
  const now = ctx.clock.now();
  const conds = await scopeConditions(ctx.db, ctx.actor, f.unitId);
  if (f.status !== 'all') conds.push(eq(equip.status, f.status));
  if (f.kind) conds.push(eq(equip.kind, f.kind));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(equip.model, like), ilike(equip.identifier, like), ilike(equip.place, like))!);
  }
  if (f.overdue !== undefined) conds.push(f.overdue ? overdueAt(now) : sql`not ${overdueAt(now)}`);
  if (f.failed) conds.push(sql`(${equip.status} = 'active' and ${equip.lastTestResult} = 'failed')`);
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    joined(ctx.db)
      .where(where)
      .orderBy(attentionRank(now), units.code, kindRank, equip.identifier, equip.id)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(equip).where(where),
  ]);
  return { items: rows.map((r) => present(ctx.actor, r, now)), total, page: f.page, pageSize: f.pageSize };
}

/** Active equipment in a subtree whose test is overdue, longest overdue first (the live console's list). */
export async function listOverdue(ctx: ReadCtx, unitId: string | undefined): Promise<{ items: CommsOverdueItem[]; truncated: boolean }> {
  const now = ctx.clock.now();
  const conds = await scopeConditions(ctx.db, ctx.actor, unitId);
  const rows = await joined(ctx.db)
    .where(and(...conds, overdueAt(now)))
    .orderBy(dueSql, equip.id)
    .limit(COMMS_LIMITS.overdueMax + 1);
  const items = rows.slice(0, COMMS_LIMITS.overdueMax).map(({ item, unit, keeper }) => ({
    id: item.id,
    unit: { id: unit.id, name: unit.name, code: unit.code, level: unit.level },
    kind: item.kind,
    model: item.model,
    identifier: item.identifier,
    keeper: { name: keeper.name, phone: keeper.phone },
    lastTest: lastTestOf(item),
    nextTestDue: nextTestDue(item).toISOString(),
  }));
  return { items, truncated: rows.length > COMMS_LIMITS.overdueMax };
}

/** An item the actor can see (in scope), "not found" otherwise; reading it needs duty.read there. */
export async function loadEquipment(db: Queryable, actor: Actor, id: string): Promise<Joined> {
  const [row] = await joined(db).where(eq(equip.id, id));
  if (!row) throw notFound();
  requirePermission(actor, 'duty.read', row.unit.path);
  return row;
}

export async function equipmentDetail(ctx: ReadCtx, id: string): Promise<CommsEquipmentDetail> {
  const row = await loadEquipment(ctx.db, ctx.actor, id);
  const tests = await ctx.db.select().from(dutyCommsTests).where(eq(dutyCommsTests.equipmentId, id)).orderBy(desc(dutyCommsTests.at), desc(dutyCommsTests.id)).limit(COMMS_LIMITS.recentTests);
  return { ...present(ctx.actor, row, ctx.clock.now()), recentTests: tests.map(presentTest) };
}

export async function listTests(ctx: ReadCtx, id: string, page: { page: number; pageSize: number }) {
  const row = await loadEquipment(ctx.db, ctx.actor, id);
  const where = eq(dutyCommsTests.equipmentId, row.item.id);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select()
      .from(dutyCommsTests)
      .where(where)
      .orderBy(desc(dutyCommsTests.at), desc(dutyCommsTests.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(dutyCommsTests).where(where),
  ]);
  return { items: items.map(presentTest), total, page: page.page, pageSize: page.pageSize };
}

const lastTestOf = (item: CommsEquipmentRow) => (item.lastTestAt && item.lastTestResult ? { at: item.lastTestAt.toISOString(), result: item.lastTestResult } : null);

export function present(actor: Actor, { item, unit, keeper }: Joined, now: Date): CommsEquipmentView {
  const active = item.status === 'active';
  return {
    id: item.id,
    unit: { id: unit.id, name: unit.name, code: unit.code, level: unit.level },
    kind: item.kind,
    model: item.model,
    identifier: item.identifier,
    place: item.place,
    keeper,
    testIntervalDays: item.testIntervalDays,
    status: item.status,
    retiredAt: item.retiredAt?.toISOString() ?? null,
    retiredReason: item.retiredReason,
    lastTest: lastTestOf(item),
    nextTestDue: nextTestDue(item).toISOString(),
    testOverdue: testOverdue(item, now),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    can: {
      update: active && canAt(actor, 'duty.manage', unit.path),
      retire: active && canAt(actor, 'duty.manage', unit.path),
      test: active && canAt(actor, 'duty.write', unit.path),
    },
  };
}

export function presentTest(r: CommsTestRow): CommsTestView {
  return { id: r.id, equipmentId: r.equipmentId, at: r.at.toISOString(), result: r.result, note: r.note, tester: { id: r.testerId, name: r.testerName }, createdAt: r.createdAt.toISOString() };
}
