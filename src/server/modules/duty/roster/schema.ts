import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DUTY_LOG_KINDS, DUTY_ROLES, HANDOVER_STATUSES, ROSTER_STATUSES, SHIFT_PATTERN_KINDS, SWAP_STATUSES, type HandoverItemKey } from '../../../../contracts/duty-roster';
import { units } from '../../../platform/hierarchy/schema';
import { users } from '../../../platform/auth/schema';
import { people } from '../../org/schema';

/**
 * One desk's roster of one month (排班): the pattern, who rotates through each role, the days
 * people are away, and whether it is published. `next_start_index` is where the rotations stand
 * at the month's end, so next month's generation carries on from there.
 */
export const dutyRosters = pgTable(
  'duty_rosters',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    month: text('month').notNull(),
    pattern: text('pattern', { enum: SHIFT_PATTERN_KINDS }).notNull(),
    startHour: integer('start_hour').notNull().default(8),
    leaderIds: uuid('leader_ids').array().notNull(),
    officerIds: uuid('officer_ids').array().notNull(),
    unavailable: jsonb('unavailable').$type<{ personId: string; date: string }[]>().notNull().default([]),
    nextStartIndex: jsonb('next_start_index').$type<{ leader: number; officer: number }>().notNull(),
    status: text('status', { enum: ROSTER_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedByName: text('published_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('duty_rosters_unit_month_key').on(t.unitId, t.month),
    check('duty_rosters_pattern_check', sql`${t.pattern} in ('24h','day_night')`),
    check('duty_rosters_status_check', sql`${t.status} in ('draft','published')`),
    check('duty_rosters_start_hour_check', sql`${t.startHour} between 0 and 23`),
  ],
);

/**
 * Who holds which role on which shift. The shift's interval is stored with it so "who is on duty
 * now" and "my shifts" are index lookups rather than recomputed from the pattern.
 */
export const dutyAssignments = pgTable(
  'duty_assignments',
  {
    rosterId: uuid('roster_id')
      .notNull()
      .references(() => dutyRosters.id, { onDelete: 'cascade' }),
    shiftKey: text('shift_key').notNull(),
    role: text('role', { enum: DUTY_ROLES }).notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rosterId, t.shiftKey, t.role] }),
    index('duty_assignments_person_idx').on(t.personId, t.startsAt),
    check('duty_assignments_role_check', sql`${t.role} in ('leader','officer')`),
  ],
);

/** A request to hand one role on one shift to someone else (替班), and the manager's answer. */
export const dutySwaps = pgTable(
  'duty_swaps',
  {
    id: uuid('id').primaryKey(),
    rosterId: uuid('roster_id')
      .notNull()
      .references(() => dutyRosters.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    shiftKey: text('shift_key').notNull(),
    role: text('role', { enum: DUTY_ROLES }).notNull(),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => people.id),
    toPersonId: uuid('to_person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: SWAP_STATUSES }).notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('duty_swaps_unit_idx').on(t.unitId, t.requestedAt),
    // One open request per role and shift: a second would be decided against a roster the first changed.
    uniqueIndex('duty_swaps_pending_key').on(t.rosterId, t.shiftKey, t.role).where(sql`${t.status} = 'pending'`),
    check('duty_swaps_status_check', sql`${t.status} in ('pending','approved','rejected')`),
    check('duty_swaps_role_check', sql`${t.role} in ('leader','officer')`),
  ],
);

export type HandoverChecklist = { key: HandoverItemKey; checked: boolean; remark: string | null }[];

/**
 * 交接班: the outgoing officer's note and checklist for a shift, and the incoming officer's answer.
 * A shift has at most one handover that is open or accepted; a refused one may be opened again.
 */
export const dutyHandovers = pgTable(
  'duty_handovers',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    shiftKey: text('shift_key').notNull(),
    shiftStartsAt: timestamp('shift_starts_at', { withTimezone: true }).notNull(),
    shiftEndsAt: timestamp('shift_ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: HANDOVER_STATUSES }).notNull().default('open'),
    note: text('note').notNull(),
    checklist: jsonb('checklist').$type<HandoverChecklist>().notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    openedByName: text('opened_by_name').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerNote: text('answer_note'),
  },
  (t) => [
    index('duty_handovers_unit_idx').on(t.unitId, t.openedAt),
    uniqueIndex('duty_handovers_shift_key').on(t.unitId, t.shiftKey).where(sql`${t.status} <> 'refused'`),
    check('duty_handovers_status_check', sql`${t.status} in ('open','accepted','refused')`),
  ],
);

/**
 * 值班日志: what happened during a shift. The id comes from the client, so a retried submission
 * stores the entry once (ON CONFLICT (id) DO NOTHING).
 */
export const dutyLogEntries = pgTable(
  'duty_log_entries',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    shiftKey: text('shift_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: DUTY_LOG_KINDS }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('duty_log_unit_at_idx').on(t.unitId, t.at),
    index('duty_log_unit_shift_idx').on(t.unitId, t.shiftKey),
    check('duty_log_kind_check', sql`${t.kind} in ('call','document','instruction','patrol','other')`),
  ],
);

export type DutyRosterRow = typeof dutyRosters.$inferSelect;
export type DutyAssignmentRow = typeof dutyAssignments.$inferSelect;
export type DutySwapRow = typeof dutySwaps.$inferSelect;
export type DutyHandoverRow = typeof dutyHandovers.$inferSelect;
export type DutyLogRow = typeof dutyLogEntries.$inferSelect;
