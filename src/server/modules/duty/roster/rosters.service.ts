import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RosterGenerate, RosterShiftEdit, RosterView } from '../../../../contracts/duty-roster';
import type { Actor } from '../../../platform/access/actor';
import { canAt, requirePermission, unitIdInScope } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { Ctx } from '../../../platform/context';
import type { Queryable, Tx } from '../../../platform/db/client';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { DUTY_ROLE_LABELS, SHIFT_PATTERN_LABELS, addDays, generateRoster, parseShiftKey, rosterGaps, shiftsOfMonth, type Assignment, type Shift } from '../rules';
import { loadDesk, personOf, personRefs, presentShift, requireDeskPeople, unitRef, DEFAULT_PATTERN } from './desk';
import { dutyAssignments, dutyRosters, type DutyRosterRow } from './schema';

type ReadCtx = { db: Queryable; actor: Actor; clock: { now: () => Date } };
type Unit = typeof units.$inferSelect;

/** A roster the actor can see, with its desk unit; "not found" otherwise. */
export async function loadRoster(db: Queryable, actor: Actor, id: string, lock = false): Promise<{ roster: DutyRosterRow; unit: Unit }> {
  if (lock) await db.execute(sql`select 1 from duty_rosters where id = ${id} and ${unitIdInScope(actor, dutyRosters.unitId)} for update`);
  const [row] = await db
    .select({ roster: dutyRosters, unit: units })
    .from(dutyRosters)
    .innerJoin(units, eq(units.id, dutyRosters.unitId))
    .where(and(eq(dutyRosters.id, id), unitIdInScope(actor, dutyRosters.unitId)));
  if (!row) throw notFound();
  return row;
}

export const rosterPattern = (r: Pick<DutyRosterRow, 'pattern' | 'startHour'>) => ({ kind: r.pattern, startHour: r.startHour });

export async function assignmentsOf(db: Queryable, rosterId: string): Promise<Assignment[]> {
  return db.select({ shiftKey: dutyAssignments.shiftKey, role: dutyAssignments.role, personId: dutyAssignments.personId }).from(dutyAssignments).where(eq(dutyAssignments.rosterId, rosterId));
}

async function present(db: Queryable, actor: Actor, unit: Unit, month: string, roster: DutyRosterRow | null): Promise<RosterView> {
  const can = { manage: canAt(actor, 'duty.manage', unit.path), requestSwap: canAt(actor, 'duty.write', unit.path) };
  const myPersonId = await personOf(db, actor);
  if (!roster) {
    return {
      id: null,
      unit: unitRef(unit),
      month,
      status: null,
      pattern: DEFAULT_PATTERN.kind,
      startHour: DEFAULT_PATTERN.startHour,
      leaders: [],
      officers: [],
      unavailable: [],
      shifts: [],
      gapCount: 0,
      publishedAt: null,
      publishedBy: null,
      updatedAt: null,
      myPersonId,
      can,
    };
  }
  const shifts = shiftsOfMonth(roster.month, rosterPattern(roster));
  const assignments = await assignmentsOf(db, roster.id);
  const refs = await personRefs(db, [...roster.leaderIds, ...roster.officerIds, ...roster.unavailable.map((u) => u.personId), ...assignments.map((a) => a.personId)]);
  const held = new Map(assignments.map((a) => [`${a.shiftKey}/${a.role}`, a.personId]));
  const missing = new Map(rosterGaps(shifts, assignments).map((g) => [g.shift.key, g.missing]));
  const ref = (id: string | undefined) => (id ? (refs.get(id) ?? null) : null);
  return {
    id: roster.id,
    unit: unitRef(unit),
    month: roster.month,
    status: roster.status,
    pattern: roster.pattern,
    startHour: roster.startHour,
    leaders: roster.leaderIds.map((id) => refs.get(id)).filter((p) => p !== undefined),
    officers: roster.officerIds.map((id) => refs.get(id)).filter((p) => p !== undefined),
    unavailable: roster.unavailable,
    shifts: shifts.map((s) => ({
      ...presentShift(s),
      leader: ref(held.get(`${s.key}/leader`)),
      officer: ref(held.get(`${s.key}/officer`)),
      missing: missing.get(s.key) ?? [],
    })),
    gapCount: missing.size,
    publishedAt: roster.publishedAt?.toISOString() ?? null,
    publishedBy: roster.publishedByName,
    updatedAt: roster.updatedAt.toISOString(),
    myPersonId,
    can,
  };
}

/** A desk's month: the roster with its shifts and gaps, or an empty one before it is generated. */
export async function getRoster(ctx: ReadCtx, unitId: string, month: string): Promise<RosterView> {
  const unit = await loadDesk(ctx.db, ctx.actor, unitId);
  const [roster] = await ctx.db.select().from(dutyRosters).where(and(eq(dutyRosters.unitId, unit.id), eq(dutyRosters.month, month)));
  return present(ctx.db, ctx.actor, unit, month, roster ?? null);
}

export async function rosterById(ctx: ReadCtx, id: string): Promise<RosterView> {
  const { roster, unit } = await loadRoster(ctx.db, ctx.actor, id);
  requirePermission(ctx.actor, 'duty.read', unit.path);
  return present(ctx.db, ctx.actor, unit, roster.month, roster);
}

async function writeAssignments(tx: Tx, rosterId: string, shifts: Shift[], assignments: Assignment[]) {
  await tx.delete(dutyAssignments).where(eq(dutyAssignments.rosterId, rosterId));
  const byKey = new Map(shifts.map((s) => [s.key, s]));
  const rows = assignments.map((a) => ({ rosterId, shiftKey: a.shiftKey, role: a.role, personId: a.personId, startsAt: byKey.get(a.shiftKey)!.startsAt, endsAt: byKey.get(a.shiftKey)!.endsAt }));
  if (rows.length) await tx.insert(dutyAssignments).values(rows);
}

const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

/**
 * "Generate month": fills the month with a fair rotation (rules/roster.ts), replacing a draft.
 * A published month is never regenerated: it is changed shift by shift, so people who already know
 * their duty days are not silently moved. The rotation carries on from where last month's ended.
 */
export async function generateMonth(ctx: Ctx, input: z.output<typeof RosterGenerate>): Promise<RosterView> {
  const unit = await loadDesk(ctx.db, ctx.actor, input.unitId, 'duty.manage');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  if (input.unavailable.some((u) => !u.date.startsWith(`${input.month}-`))) throw new AppError('DUTY_DATE_NOT_IN_MONTH');
  await requireDeskPeople(ctx.db, unit.id, [...input.leaders, ...input.officers, ...input.unavailable.map((u) => u.personId)]);
  const pattern = { kind: input.pattern, startHour: input.startHour };
  const id = await auditedTx(ctx, async (tx, now) => {
    // Make sure the month's row exists, then lock it: two managers generating at once take turns.
    await tx
      .insert(dutyRosters)
      .values({ id: uuidv7(now.getTime()), unitId: unit.id, month: input.month, pattern: input.pattern, startHour: input.startHour, leaderIds: [], officerIds: [], nextStartIndex: { leader: 0, officer: 0 }, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: [dutyRosters.unitId, dutyRosters.month] });
    const [row] = await tx.select().from(dutyRosters).where(and(eq(dutyRosters.unitId, unit.id), eq(dutyRosters.month, input.month))).for('update');
    if (row!.status === 'published') throw new AppError('DUTY_ROSTER_PUBLISHED');
    const [prev] = await tx.select({ next: dutyRosters.nextStartIndex }).from(dutyRosters).where(and(eq(dutyRosters.unitId, unit.id), eq(dutyRosters.month, previousMonth(input.month))));
    const generated = generateRoster({ month: input.month, pattern, leaders: input.leaders, officers: input.officers, unavailable: input.unavailable, startIndex: prev?.next });
    await tx
      .update(dutyRosters)
      .set({ pattern: input.pattern, startHour: input.startHour, leaderIds: input.leaders, officerIds: input.officers, unavailable: input.unavailable, nextStartIndex: generated.nextStartIndex, updatedAt: now })
      .where(eq(dutyRosters.id, row!.id));
    await writeAssignments(tx, row!.id, generated.shifts, generated.assignments);
    const gaps = rosterGaps(generated.shifts, generated.assignments).length;
    return {
      result: row!.id,
      events: [
        {
          action: 'duty.roster.generated',
          entityType: 'duty_roster',
          entityId: row!.id,
          unitId: unit.id,
          summary: `${unit.name} ${input.month}：${SHIFT_PATTERN_LABELS[input.pattern].zh}，共 ${generated.shifts.length} 班，空缺 ${gaps} 班`,
          after: { month: input.month, pattern: input.pattern, startHour: input.startHour, leaders: input.leaders.length, officers: input.officers.length, unavailableDays: input.unavailable.length, gaps },
        },
      ],
    };
  });
  return rosterById(ctx, id);
}

/** Changes who holds one role on one shift (or leaves it empty). Past shifts of a published month stay as they were. */
export async function editShift(ctx: Ctx, rosterId: string, input: RosterShiftEdit): Promise<RosterView> {
  await auditedTx(ctx, async (tx, now) => {
    const { roster, unit } = await loadRoster(tx, ctx.actor, rosterId, true);
    requirePermission(ctx.actor, 'duty.manage', unit.path);
    const shift = shiftsOfMonth(roster.month, rosterPattern(roster)).find((s) => s.key === input.shiftKey);
    if (!shift || !parseShiftKey(input.shiftKey)) throw new AppError('DUTY_SHIFT_UNKNOWN');
    if (roster.status === 'published' && shift.endsAt.getTime() <= now.getTime()) throw new AppError('DUTY_SHIFT_ENDED');
    const onShift = (await assignmentsOf(tx, roster.id)).filter((a) => a.shiftKey === shift.key);
    const before = onShift.find((a) => a.role === input.role)?.personId ?? null;
    if (input.personId) {
      await requireDeskPeople(tx, unit.id, [input.personId]);
      if (onShift.some((a) => a.role !== input.role && a.personId === input.personId)) throw new AppError('DUTY_SHIFT_BOTH_ROLES');
    }
    if (before === input.personId) return { result: null, events: [] };
    await tx.delete(dutyAssignments).where(and(eq(dutyAssignments.rosterId, roster.id), eq(dutyAssignments.shiftKey, shift.key), eq(dutyAssignments.role, input.role)));
    if (input.personId) await tx.insert(dutyAssignments).values({ rosterId: roster.id, shiftKey: shift.key, role: input.role, personId: input.personId, startsAt: shift.startsAt, endsAt: shift.endsAt });
    await tx.update(dutyRosters).set({ updatedAt: now }).where(eq(dutyRosters.id, roster.id));
    const refs = await personRefs(tx, [before, input.personId].filter((p): p is string => p !== null));
    const nameOf = (id: string | null) => (id ? (refs.get(id)?.name ?? null) : null);
    return {
      result: null,
      events: [
        {
          action: 'duty.roster.shift_changed',
          entityType: 'duty_roster',
          entityId: roster.id,
          unitId: unit.id,
          summary: `${unit.name} ${shift.date} ${shift.label.zh} ${DUTY_ROLE_LABELS[input.role].zh}：${nameOf(before) ?? '空'} → ${nameOf(input.personId) ?? '空'}`,
          before: { shiftKey: shift.key, role: input.role, person: nameOf(before) },
          after: { shiftKey: shift.key, role: input.role, person: nameOf(input.personId) },
        },
      ],
    };
  });
  return rosterById(ctx, rosterId);
}

/** Publishes the month: from now on it is what the desk works to, and it changes shift by shift. */
export async function publishRoster(ctx: Ctx, rosterId: string): Promise<RosterView> {
  let announced: { unitPath: string; month: string } | null = null;
  await auditedTx(ctx, async (tx, now) => {
    const { roster, unit } = await loadRoster(tx, ctx.actor, rosterId, true);
    requirePermission(ctx.actor, 'duty.manage', unit.path);
    if (roster.status === 'published') throw new AppError('DUTY_ROSTER_PUBLISHED');
    await tx.update(dutyRosters).set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.id, publishedByName: ctx.actor.displayName, updatedAt: now }).where(eq(dutyRosters.id, roster.id));
    const gaps = rosterGaps(shiftsOfMonth(roster.month, rosterPattern(roster)), await assignmentsOf(tx, roster.id)).length;
    announced = { unitPath: unit.path, month: roster.month };
    return {
      result: null,
      events: [
        {
          action: 'duty.roster.published',
          entityType: 'duty_roster',
          entityId: roster.id,
          unitId: unit.id,
          summary: `${unit.name} ${roster.month}${gaps ? `（空缺 ${gaps} 班）` : ''}`,
          before: { status: 'draft' },
          after: { status: 'published', gaps },
        },
      ],
    };
  });
  if (announced) {
    const a: { unitPath: string; month: string } = announced;
    ctx.announcer.soon({ type: 'duty.roster', unitPath: a.unitPath, data: { rosterId, month: a.month, status: 'published' } });
  }
  return rosterById(ctx, rosterId);
}
