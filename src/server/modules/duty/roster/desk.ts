import { and, eq, inArray } from 'drizzle-orm';
import { DUTY_DESK_LEVELS, type DutyPersonRef, type ShiftView } from '../../../../contracts/duty-roster';
import type { Permission } from '../../../../contracts/roles';
import type { Actor } from '../../../platform/access/actor';
import { loadUnitInScope, requirePermission, type ScopedUnit } from '../../../platform/access/scope';
import { users } from '../../../platform/auth/schema';
import type { Queryable } from '../../../platform/db/client';
import { AppError } from '../../../platform/errors/app-error';
import { people } from '../../org/schema';
import { addDays, beijingDateOf, shiftAt, type Shift, type ShiftPattern } from '../rules';
import { dutyRosters } from './schema';

/**
 * A duty desk the actor may use: a township, county or city unit in scope (404 outside it), where
 * the actor holds `permission` (403 otherwise).
 */
export async function loadDesk(db: Queryable, actor: Actor, unitId: string, permission: Permission = 'duty.read'): Promise<ScopedUnit> {
  const unit = await loadUnitInScope(db, actor, unitId);
  requirePermission(actor, permission, unit.path);
  if (!(DUTY_DESK_LEVELS as readonly string[]).includes(unit.level)) throw new AppError('DUTY_DESK_LEVEL');
  return unit;
}

export const unitRef = (u: Pick<ScopedUnit, 'id' | 'name' | 'code' | 'level'>) => ({ id: u.id, name: u.name, code: u.code, level: u.level });

export function presentShift(s: Shift): ShiftView {
  return { key: s.key, date: s.date, slot: s.slot, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), labelZh: s.label.zh, labelEn: s.label.en };
}

export const DEFAULT_PATTERN: ShiftPattern = { kind: '24h', startHour: 8 };

/** The month a shift belongs to (its duty day's month). */
export const monthOfShift = (s: Pick<Shift, 'date'>) => s.date.slice(0, 7);

/**
 * The pattern a desk works to at an instant: that of the roster of the month the instant's duty day
 * falls in, or 24-hour shifts from 08:00 when the month has no roster. Two months are candidates
 * because the duty day of 07:00 on the 1st still belongs to the previous month.
 */
export async function patternAt(db: Queryable, unitId: string, at: Date): Promise<{ pattern: ShiftPattern; rosterId: string | null; published: boolean }> {
  const today = beijingDateOf(at);
  const months = [...new Set([today.slice(0, 7), addDays(today, -1).slice(0, 7)])];
  const rows = await db
    .select({ id: dutyRosters.id, month: dutyRosters.month, pattern: dutyRosters.pattern, startHour: dutyRosters.startHour, status: dutyRosters.status })
    .from(dutyRosters)
    .where(and(eq(dutyRosters.unitId, unitId), inArray(dutyRosters.month, months)));
  for (const r of rows) {
    const pattern = { kind: r.pattern, startHour: r.startHour };
    if (monthOfShift(shiftAt(at, pattern)) === r.month) return { pattern, rosterId: r.id, published: r.status === 'published' };
  }
  return { pattern: DEFAULT_PATTERN, rosterId: null, published: false };
}

/** Names and phones of people, by id. */
export async function personRefs(db: Queryable, ids: readonly string[]): Promise<Map<string, DutyPersonRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: people.id, name: people.name, phone: people.phone }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The person record behind the signed-in user, if the account has one. */
export async function personOf(db: Queryable, actor: Actor): Promise<string | null> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.id));
  return row?.personId ?? null;
}

/** Refuses people who are not active people of the desk's own unit. */
export async function requireDeskPeople(db: Queryable, unitId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, unique), eq(people.unitId, unitId), eq(people.status, 'active')));
  if (rows.length !== unique.length) throw new AppError('PERSON_NOT_IN_UNIT');
}
