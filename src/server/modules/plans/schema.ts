import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PLAN_DOCUMENT_TYPES, PLAN_KINDS, PLAN_SETTINGS, PLAN_STATUSES, PLAN_WARNING_LEVELS, PLAN_WARNING_TYPES, RESPONSE_LEVELS } from '../../../contracts/plans';
import { units } from '../../platform/hierarchy/schema';
import { users } from '../../platform/auth/schema';
import { people } from '../org/schema';

/**
 * Emergency plans (预案). The attached document's bytes live in the FileStorage under the SHA-256
 * of their bytes (`document_key`); the row keeps the name, type and size to answer downloads.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    setting: text('setting', { enum: PLAN_SETTINGS }).notNull(),
    hazards: text('hazards').array().notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    version: text('version').notNull(),
    approvedOn: date('approved_on'),
    revisionDue: date('revision_due'),
    summary: text('summary'),
    documentKey: text('document_key'),
    documentName: text('document_name'),
    documentMime: text('document_mime', { enum: PLAN_DOCUMENT_TYPES }),
    documentSize: integer('document_size'),
    documentUploadedAt: timestamp('document_uploaded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_unit_idx').on(t.unitId),
    check('plans_kind_check', sql`${t.kind} in ('comprehensive','special')`),
    check('plans_setting_check', sql`${t.setting} in ('coastal','mountain','general')`),
    check('plans_status_check', sql`${t.status} in ('draft','active','retired')`),
  ],
);

/** The checklist of one response level of a plan, in `position` order (0, 1, 2 … within the level). */
export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    level: text('level', { enum: RESPONSE_LEVELS }).notNull(),
    position: integer('position').notNull(),
    action: text('action').notNull(),
    ownerPost: text('owner_post').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    timeLimitMinutes: integer('time_limit_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_actions_plan_level_idx').on(t.planId, t.level, t.position),
    check('plan_actions_level_check', sql`${t.level} in ('I','II','III','IV')`),
    check('plan_actions_time_limit_check', sql`${t.timeLimitMinutes} is null or ${t.timeLimitMinutes} > 0`),
  ],
);

/** Activation rules: a warning of this type and colour starts this response level of the plan. */
export const planRules = pgTable(
  'plan_rules',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    warningType: text('warning_type', { enum: PLAN_WARNING_TYPES }).notNull(),
    warningLevel: text('warning_level', { enum: PLAN_WARNING_LEVELS }).notNull(),
    responseLevel: text('response_level', { enum: RESPONSE_LEVELS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.warningType, t.warningLevel] }),
    check('plan_rules_warning_level_check', sql`${t.warningLevel} in ('red','orange','yellow','blue')`),
    check('plan_rules_response_level_check', sql`${t.responseLevel} in ('I','II','III','IV')`),
  ],
);

/** Drills (演练) of a plan. */
export const planDrills = pgTable(
  'plan_drills',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    heldOn: date('held_on').notNull(),
    scenario: text('scenario').notNull(),
    participantCount: integer('participant_count').notNull(),
    participantNames: text('participant_names'),
    evaluation: text('evaluation'),
    findings: text('findings'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** The recorder's name when the drill was recorded, so the record reads the same later. */
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_drills_plan_held_idx').on(t.planId, t.heldOn), check('plan_drills_count_check', sql`${t.participantCount} > 0`)],
);

export type PlanRow = typeof plans.$inferSelect;
export type PlanActionRow = typeof planActions.$inferSelect;
export type PlanRuleRow = typeof planRules.$inferSelect;
export type PlanDrillRow = typeof planDrills.$inferSelect;
