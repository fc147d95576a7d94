import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { RESPONSE_LEVELS } from '../../../contracts/plans';
import { RESPONSE_STATUSES } from '../../../contracts/responses';
import { users } from '../../platform/auth/schema';
import { units } from '../../platform/hierarchy/schema';
import { dutyEvents } from '../duty/events/schema';
import { people } from '../org/schema';
import { plans } from '../plans/schema';
import { warnings } from '../warnings/schema';

/**
 * 应急响应: one response level of a plan started for a warning. `unit_id` is the plan's unit (scope
 * follows it). At most one response of a plan runs per warning (the partial unique index), so a
 * second start returns the running one.
 */
export const responses = pgTable(
  'responses',
  {
    /** Made by the client: a retried start is stored once. */
    id: uuid('id').primaryKey(),
    warningId: uuid('warning_id')
      .notNull()
      .references(() => warnings.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    level: text('level', { enum: RESPONSE_LEVELS }).notNull(),
    /** 演练: from the warning, or chosen at start. Never reaches real channels. */
    exercise: boolean('exercise').notNull(),
    status: text('status', { enum: RESPONSE_STATUSES }).notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    startedByName: text('started_by_name').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByName: text('ended_by_name'),
    summary: text('summary'),
    /** The duty event whose timeline received the summary (set at the end of a real response). */
    dutyEventId: uuid('duty_event_id').references(() => dutyEvents.id),
  },
  (t) => [
    uniqueIndex('responses_running_key').on(t.planId, t.warningId).where(sql`${t.status} = 'running'`),
    index('responses_unit_idx').on(t.unitId, t.startedAt),
    index('responses_warning_idx').on(t.warningId),
    check('responses_level_check', sql`${t.level} in ('I','II','III','IV')`),
    check('responses_status_check', sql`${t.status} in ('running','ended')`),
  ],
);

/**
 * One checklist action as a task of a running response. What, who and the time limit are copied
 * from the plan at the start, so later edits of the plan do not rewrite a response under way.
 */
export const responseTasks = pgTable(
  'response_tasks',
  {
    id: uuid('id').primaryKey(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id),
    position: integer('position').notNull(),
    action: text('action').notNull(),
    ownerPost: text('owner_post').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    timeLimitMinutes: integer('time_limit_minutes'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByName: text('done_by_name'),
    /** The note of the last tick or undo. */
    note: text('note'),
  },
  (t) => [index('response_tasks_response_idx').on(t.responseId, t.position)],
);

export type ResponseRow = typeof responses.$inferSelect;
export type ResponseTaskRow = typeof responseTasks.$inferSelect;
