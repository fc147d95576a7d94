import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COMMS_KINDS, COMMS_STATUSES, COMMS_TEST_RESULTS } from '../../../../contracts/duty-comms';
import { units } from '../../../platform/hierarchy/schema';
import { users } from '../../../platform/auth/schema';
import { people } from '../../org/schema';

/**
 * Communications equipment of a station (通讯设备台账). `last_test_at`/`last_test_result` repeat
 * the newest test (by when it was done, not when it arrived) so lists filter on "test overdue"
 * without a subquery per row; they are set in the same transaction as the test.
 * `overdue_flagged_due` is the due time the overdue sweep last announced: the sweep flags an item
 * once per due date, and a new test (a new due date) makes it eligible again.
 */
export const dutyCommsEquipment = pgTable(
  'duty_comms_equipment',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: COMMS_KINDS }).notNull(),
    model: text('model').notNull(),
    identifier: text('identifier').notNull(),
    place: text('place'),
    keeperId: uuid('keeper_id')
      .notNull()
      .references(() => people.id),
    testIntervalDays: integer('test_interval_days').notNull(),
    status: text('status', { enum: COMMS_STATUSES }).notNull().default('active'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredReason: text('retired_reason'),
    lastTestAt: timestamp('last_test_at', { withTimezone: true }),
    lastTestResult: text('last_test_result', { enum: COMMS_TEST_RESULTS }),
    overdueFlaggedDue: timestamp('overdue_flagged_due', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('duty_comms_equipment_unit_idx').on(t.unitId),
    index('duty_comms_equipment_keeper_idx').on(t.keeperId),
    check('duty_comms_equipment_kind_check', sql`${t.kind} in ('satellite_phone','video_conference','emergency_broadcast','radio','other')`),
    check('duty_comms_equipment_status_check', sql`${t.status} in ('active','retired')`),
    check('duty_comms_equipment_interval_check', sql`${t.testIntervalDays} between 1 and 365`),
    check('duty_comms_equipment_last_result_check', sql`${t.lastTestResult} in ('ok','failed')`),
  ],
);

/**
 * Connectivity tests (联通测试). The id comes from the device that recorded the test, so a replayed
 * queue inserts nothing new (ON CONFLICT (id) DO NOTHING).
 */
export const dutyCommsTests = pgTable(
  'duty_comms_tests',
  {
    id: uuid('id').primaryKey(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => dutyCommsEquipment.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    result: text('result', { enum: COMMS_TEST_RESULTS }).notNull(),
    note: text('note'),
    testerId: uuid('tester_id').references(() => users.id),
    /** The tester's name when the test was recorded, so the history reads the same later. */
    testerName: text('tester_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('duty_comms_tests_equipment_at_idx').on(t.equipmentId, t.at), check('duty_comms_tests_result_check', sql`${t.result} in ('ok','failed')`)],
);

/** A township's zero report (零报告) for one Beijing day: at most one per (unit, day). */
export const dutyZeroReports = pgTable(
  'duty_zero_reports',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    note: text('note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submitterId: uuid('submitter_id').references(() => users.id),
    submitterName: text('submitter_name').notNull(),
  },
  (t) => [uniqueIndex('duty_zero_reports_unit_day_key').on(t.unitId, t.day), index('duty_zero_reports_day_idx').on(t.day)],
);

/** The missing-zero-report flags the sweep sent to the county: one per (township, day). */
export const dutyZeroReportFlags = pgTable(
  'duty_zero_report_flags',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);

/** A unit's own zero-report hour; townships without one follow the nearest unit above that has one. */
export const dutyZeroReportSettings = pgTable(
  'duty_zero_report_settings',
  {
    unitId: uuid('unit_id')
      .primaryKey()
      .references(() => units.id),
    dueHour: integer('due_hour').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('duty_zero_report_settings_hour_check', sql`${t.dueHour} between 0 and 23`)],
);

export type CommsEquipmentRow = typeof dutyCommsEquipment.$inferSelect;
export type CommsTestRow = typeof dutyCommsTests.$inferSelect;
export type ZeroReportRowDb = typeof dutyZeroReports.$inferSelect;
