import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DUTY_DESK_LEVELS, type DutyDeskList, type DutyPersonRef, type OnDutyView } from '../../../../contracts/duty-roster';
import type { Actor } from '../../../platform/access/actor';
import { canAt, unitIdWithPermission } from '../../../platform/access/scope';
import type { Queryable } from '../../../platform/db/client';
import { units } from '../../../platform/hierarchy/schema';
import { shiftAt, type Shift } from '../rules';
import { loadDesk, patternAt, personRefs, presentShift, unitRef } from './desk';
import { dutyAssignments } from './schema';

type ReadCtx = { db: Queryable; actor: Actor; clock: { now: () => Date } };

/** The shift on duty at an instant, and its leader and officer when a published roster names them. */
async function shiftWithPeople(db: Queryable, unitId: string, at: Date): Promise<{ shift: Shift; rostered: boolean; leader: DutyPersonRef | null; officer: DutyPersonRef | null }> {
  const { pattern, rosterId, published } = await patternAt(db, unitId, at);
  const shift = shiftAt(at, pattern);
  if (!rosterId || !published) return { shift, rostered: false, leader: null, officer: null };
  const held = await db
    .select({ role: dutyAssignments.role, personId: dutyAssignments.personId })
    .from(dutyAssignments)
    .where(and(eq(dutyAssignments.rosterId, rosterId), eq(dutyAssignments.shiftKey, shift.key)));
  const refs = await personRefs(
    db,
    held.map((h) => h.personId),
  );
  const of = (role: 'leader' | 'officer') => {
    const id = held.find((h) => h.role === role)?.personId;
    return id ? (refs.get(id) ?? null) : null;
  };
  return { shift, rostered: true, leader: of('leader'), officer: of('officer') };
}

/** Who is on duty at a desk now, and who takes over next (the console shows both). */
export async function onDutyNow(ctx: ReadCtx, unitId: string): Promise<OnDutyView> {
  const unit = await loadDesk(ctx.db, ctx.actor, unitId);
  const current = await shiftWithPeople(ctx.db, unit.id, ctx.clock.now());
  const next = await shiftWithPeople(ctx.db, unit.id, current.shift.endsAt);
  return {
    unit: unitRef(unit),
    shift: presentShift(current.shift),
    rostered: current.rostered,
    leader: current.leader,
    officer: current.officer,
    next: { shift: presentShift(next.shift), leader: next.leader, officer: next.officer },
  };
}

/** Is this person on the shift that starts when another ends (the incoming officer or leader)? */
export async function onShiftStartingAt(db: Queryable, unitId: string, startsAt: Date, personId: string | null): Promise<boolean> {
  if (!personId) return false;
  const [row] = await db.execute<{ ok: number }>(sql`
    select 1 as ok from duty_assignments a join duty_rosters r on r.id = a.roster_id
    where r.unit_id = ${unitId} and r.status = 'published' and a.starts_at = ${startsAt.toISOString()}::timestamptz and a.person_id = ${personId}
    limit 1`).then((r) => r.rows);
  return row !== undefined;
}

const LEVEL_ORDER = sql`array_position(array['city','county','township']::text[], ${units.level})`;

/** The desks (township, county and city units) where the actor may see the duty desk. */
export async function listDesks(ctx: ReadCtx): Promise<DutyDeskList> {
  const rows = await ctx.db
    .select({ id: units.id, name: units.name, code: units.code, level: units.level, path: units.path })
    .from(units)
    .where(and(inArray(units.level, [...DUTY_DESK_LEVELS]), eq(units.status, 'active'), unitIdWithPermission(ctx.actor, 'duty.read', units.id)))
    .orderBy(LEVEL_ORDER, asc(units.code))
    .limit(500);
  return { items: rows.map((u) => ({ ...unitRef(u), can: { write: canAt(ctx.actor, 'duty.write', u.path), manage: canAt(ctx.actor, 'duty.manage', u.path) } })) };
}
