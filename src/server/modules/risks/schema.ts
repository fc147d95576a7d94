import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { RISK_CHECK_RESULTS, RISK_LEVELS, RISK_STATUSES, RISK_TYPES } from '../../../contracts/risks';
import { units } from '../../platform/hierarchy/schema';
import { users } from '../../platform/auth/schema';
import { people } from '../org/schema';

/**
 * The risk point registry (风险点台账). `last_check_at`/`last_check_result` repeat the newest check
 * (by when it was done, not when it arrived) so lists can filter on "check overdue" without a
 * subquery per row; they are set in the same transaction as the check.
 */
export const riskPoints = pgTable(
  'risk_points',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    type: text('type', { enum: RISK_TYPES }).notNull(),
    level: text('level', { enum: RISK_LEVELS }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    address: text('address'),
    responsiblePersonId: uuid('responsible_person_id')
      .notNull()
      .references(() => people.id),
    controlMeasures: text('control_measures').notNull(),
    checkCycleDays: integer('check_cycle_days').notNull(),
    status: text('status', { enum: RISK_STATUSES }).notNull().default('active'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredReason: text('retired_reason'),
    lastCheckAt: timestamp('last_check_at', { withTimezone: true }),
    lastCheckResult: text('last_check_result', { enum: RISK_CHECK_RESULTS }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_points_unit_idx').on(t.unitId),
    index('risk_points_person_idx').on(t.responsiblePersonId),
    check('risk_points_type_check', sql`${t.type} in ('geological','waterlogging','dangerous_building','hazardous_enterprise','forest_fire','marine','crowded_place','other')`),
    check('risk_points_level_check', sql`${t.level} in ('major','large','general','low')`),
    check('risk_points_status_check', sql`${t.status} in ('active','retired')`),
    check('risk_points_cycle_check', sql`${t.checkCycleDays} between 1 and 365`),
    check('risk_points_last_result_check', sql`${t.lastCheckResult} in ('normal','abnormal')`),
  ],
);

/**
 * Periodic checks of a risk point. The id comes from the device that recorded the check, so a
 * replayed offline queue inserts nothing new (ON CONFLICT (id) DO NOTHING).
 */
export const riskChecks = pgTable(
  'risk_checks',
  {
    id: uuid('id').primaryKey(),
    riskPointId: uuid('risk_point_id')
      .notNull()
      .references(() => riskPoints.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    checkerId: uuid('checker_id').references(() => users.id),
    /** The checker's name when the check was recorded, so the history reads the same later. */
    checkerName: text('checker_name').notNull(),
    result: text('result', { enum: RISK_CHECK_RESULTS }).notNull(),
    note: text('note'),
    photoIds: text('photo_ids').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_checks_point_at_idx').on(t.riskPointId, t.at),
    check('risk_checks_result_check', sql`${t.result} in ('normal','abnormal')`),
  ],
);

export type RiskPointRow = typeof riskPoints.$inferSelect;
export type RiskCheckRow = typeof riskChecks.$inferSelect;
