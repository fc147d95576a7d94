import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { users } from '../../../platform/auth/schema';
import { uuidv7 } from '../../../platform/db/ids';
import { people } from '../../org/schema';
import { HANDOVER_ITEM_KEYS } from '../../../../contracts/duty-roster';
import { generateRoster, shiftAt } from '../rules';
import { dutyAssignments, dutyHandovers, dutyRosters } from './schema';

/** The person behind a demo account. */
export async function personOfAccount(db: Db, username: string): Promise<string> {
  const [u] = await db.select({ personId: users.personId }).from(users).where(eq(users.username, username));
  if (!u?.personId) throw new Error(`no person for ${username}`);
  return u.personId;
}

/** Active people of a unit, by name. */
export async function peopleOf(db: Db, unitId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.unitId, unitId), eq(people.status, 'active'))).orderBy(asc(people.name));
}

/**
 * A month's roster written straight into the database (setup for swaps and the matrix); published
 * unless told otherwise. A month nobody else uses keeps tests apart (one roster per desk and month).
 */
export async function insertRoster(db: Db, unitId: string, month: string, leaders: string[], officers: string[], status: 'draft' | 'published' = 'published') {
  const id = uuidv7();
  const g = generateRoster({ month, pattern: '24h', leaders, officers });
  await db.insert(dutyRosters).values({ id, unitId, month, pattern: '24h', leaderIds: leaders, officerIds: officers, nextStartIndex: g.nextStartIndex, status, publishedAt: status === 'published' ? new Date() : null });
  const byKey = new Map(g.shifts.map((s) => [s.key, s]));
  await db.insert(dutyAssignments).values(g.assignments.map((a) => ({ rosterId: id, shiftKey: a.shiftKey, role: a.role, personId: a.personId, startsAt: byKey.get(a.shiftKey)!.startsAt, endsAt: byKey.get(a.shiftKey)!.endsAt })));
  return { id, assignments: g.assignments, shifts: g.shifts };
}

/** An open handover of some past shift, opened by nobody in particular (so every persona may answer it). */
let day = 0;
export async function insertHandover(db: Db, unitId: string) {
  const id = uuidv7();
  // Each call takes another day of 2025, so the one-handover-per-shift rule never bites.
  const shift = shiftAt(new Date(Date.UTC(2025, 0, 1, 4) + day++ * 86_400_000), '24h');
  await db.insert(dutyHandovers).values({
    id,
    unitId,
    shiftKey: shift.key,
    shiftStartsAt: shift.startsAt,
    shiftEndsAt: shift.endsAt,
    note: '夜间无突发事件',
    checklist: HANDOVER_ITEM_KEYS.map((key) => ({ key, checked: true, remark: null })),
    openedBy: null,
    openedByName: '测试值班员',
    openedAt: shift.endsAt,
  });
  return id;
}

export const fullChecklist = (checked = true) => HANDOVER_ITEM_KEYS.map((key) => ({ key, checked }));
