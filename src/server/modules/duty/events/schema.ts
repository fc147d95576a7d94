import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DUTY_DEADLINE_PRESETS, DUTY_EVENT_GRADES, DUTY_EVENT_SOURCES, DUTY_EVENT_STATUSES, DUTY_EVENT_TYPES, DUTY_REPORT_KINDS, DUTY_REPORT_STATES } from '../../../../contracts/duty-events';
import { users } from '../../../platform/auth/schema';
import { units } from '../../../platform/hierarchy/schema';

/** Event numbers: SJ + Beijing date + a running number. */
export const dutyEventCodeSeq = pgSequence('duty_event_code_seq');

/**
 * An event (事件) as the desk received it (接报). `grade_changes` keeps every regrade with its time,
 * because report deadlines restart from a regrade (rules/deadlines.ts).
 */
export const dutyEvents = pgTable(
  'duty_events',
  {
    /** Made by the client: a retried intake is stored once. */
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    /** The desk that received it (township, county or city); scope follows it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    source: text('source', { enum: DUTY_EVENT_SOURCES }).notNull(),
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    type: text('type', { enum: DUTY_EVENT_TYPES }).notNull(),
    /** The grade when received; later ones are in grade_changes. */
    initialGrade: text('initial_grade', { enum: DUTY_EVENT_GRADES }).notNull(),
    grade: text('grade', { enum: DUTY_EVENT_GRADES }).notNull(),
    gradeChanges: jsonb('grade_changes').$type<{ grade: (typeof DUTY_EVENT_GRADES)[number]; at: string }[]>().notNull().default(sql`'[]'::jsonb`),
    dead: integer('dead'),
    injured: integer('injured'),
    missing: integer('missing'),
    description: text('description').notNull(),
    status: text('status', { enum: DUTY_EVENT_STATUSES }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    mergedIntoId: uuid('merged_into_id'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('duty_events_unit_status_idx').on(t.unitId, t.status, t.receivedAt), index('duty_events_received_idx').on(t.receivedAt)],
);

/** The event's timeline: intake, regrades, notes, reports and the answers from above, in order. */
export const dutyEventEntries = pgTable(
  'duty_event_entries',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => dutyEvents.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    text: text('text').notNull(),
    reportId: uuid('report_id'),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [index('duty_event_entries_event_idx').on(t.eventId, t.seq)],
);

/**
 * A report (首报/续报/终报) in the official structure. One record, read by every level above;
 * `due_at`, `late` and `minutes_late` are fixed at submission from the deadline rules.
 */
export const dutyReports = pgTable(
  'duty_reports',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => dutyEvents.id),
    /** The event's desk, repeated so scope filters need no join. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: DUTY_REPORT_KINDS }).notNull(),
    sequence: integer('sequence').notNull().default(0),
    state: text('state', { enum: DUTY_REPORT_STATES }).notNull().default('draft'),
    title: text('title'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    location: text('location'),
    eventType: text('event_type', { enum: DUTY_EVENT_TYPES }),
    dead: integer('dead'),
    injured: integer('injured'),
    missing: integer('missing'),
    narrative: text('narrative'),
    measures: text('measures'),
    nextSteps: text('next_steps'),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    issuer: text('issuer'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    late: boolean('late').notNull().default(false),
    minutesLate: integer('minutes_late').notNull().default(0),
    returnReason: text('return_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('duty_reports_event_idx').on(t.eventId), index('duty_reports_unit_state_idx').on(t.unitId, t.state, t.submittedAt)],
);

/** One acknowledgement per level above (the county's, the city's) of a submitted report. */
export const dutyReportAcks = pgTable(
  'duty_report_acks',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => dutyReports.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    userName: text('user_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.unitId] })],
);

/** A desk's choice of deadline rules; units without one inherit the nearest one above (else national). */
export const dutySettings = pgTable('duty_settings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  preset: text('preset', { enum: DUTY_DEADLINE_PRESETS }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type DutyEventRow = typeof dutyEvents.$inferSelect;
export type DutyReportRow = typeof dutyReports.$inferSelect;
export type DutyReportAckRow = typeof dutyReportAcks.$inferSelect;
