import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { WARNING_ANSWERS, WARNING_LEVEL_CODES, WARNING_SOURCES, WARNING_STATUSES, WARNING_TYPE_CODES, type EscalationPolicy } from '../../../contracts/warnings';
import { ROLES } from '../../../contracts/roles';
import { users } from '../../platform/auth/schema';
import { units } from '../../platform/hierarchy/schema';

/**
 * A warning as received: entered by hand or imported from CAP 1.2 (`cap_xml` keeps the original).
 * Update and Cancel messages are warnings too, linked by `references` (CAP identifiers); the one
 * they replace is marked updated or cancelled.
 */
export const warnings = pgTable(
  'warnings',
  {
    id: uuid('id').primaryKey(),
    /** GB/T 35965 style (ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N) for ours; the sender's for imported ones. */
    identifier: text('identifier').notNull(),
    sender: text('sender').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    msgType: text('msg_type', { enum: ['Alert', 'Update', 'Cancel'] }).notNull().default('Alert'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    source: text('source', { enum: WARNING_SOURCES }).notNull(),
    type: text('type', { enum: WARNING_TYPE_CODES }).notNull(),
    level: text('level', { enum: WARNING_LEVEL_CODES }).notNull(),
    areaDesc: text('area_desc').notNull(),
    areaUnitIds: uuid('area_unit_ids').array().notNull(),
    effective: timestamp('effective', { withTimezone: true }).notNull(),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
    headline: text('headline').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: WARNING_STATUSES }).notNull().default('active'),
    exercise: boolean('exercise').notNull().default(false),
    /** The unit that holds it (received or entered it): scope follows it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    capXml: text('cap_xml'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('warnings_sender_identifier_key').on(t.sender, t.identifier), index('warnings_unit_idx').on(t.unitId, t.createdAt)],
);

/** 发布: one issuing of a warning downward, with its targets, whether answers are required and how the unanswered escalate. */
export const warningIssues = pgTable(
  'warning_issues',
  {
    id: uuid('id').primaryKey(),
    warningId: uuid('warning_id')
      .notNull()
      .references(() => warnings.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    targetUnitIds: uuid('target_unit_ids').array().notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    requireAnswer: boolean('require_answer').notNull(),
    policy: jsonb('policy').$type<EscalationPolicy>().notNull(),
    exercise: boolean('exercise').notNull(),
    note: text('note'),
    recipients: integer('recipients').notNull().default(0),
  },
  (t) => [index('warning_issues_warning_idx').on(t.warningId)],
);

/**
 * One recipient of an issue: delivered in the app at `delivered_at`, answered (叫应) or not, and
 * how far the escalation went. `next_escalation_at` is when the sweep looks at it again (null when
 * answered or when the policy has no tier left). The token opens the one-tap answer page.
 */
export const warningDeliveries = pgTable(
  'warning_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => warningIssues.id),
    warningId: uuid('warning_id').notNull(),
    recipientUserId: uuid('recipient_user_id').notNull(),
    recipientUnitId: uuid('recipient_unit_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
    requireAnswer: boolean('require_answer').notNull(),
    answer: text('answer', { enum: WARNING_ANSWERS }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerNote: text('answer_note'),
    answeredVia: text('answered_via', { enum: ['app', 'link'] }),
    tier: integer('tier').notNull().default(0),
    nextEscalationAt: timestamp('next_escalation_at', { withTimezone: true }),
    token: text('token').notNull(),
  },
  (t) => [
    uniqueIndex('warning_deliveries_issue_user_key').on(t.issueId, t.recipientUserId),
    uniqueIndex('warning_deliveries_token_key').on(t.token),
    index('warning_deliveries_user_idx').on(t.recipientUserId, t.deliveredAt),
    // The sweep reads only the unanswered that are due: this index holds just those.
    index('warning_deliveries_escalation_idx').on(t.nextEscalationAt).where(sql`${t.answeredAt} is null and ${t.nextEscalationAt} is not null`),
  ],
);

/** Each reminder and each escalation to a superior, with its time (the audit keeps them too). */
export const warningEscalations = pgTable(
  'warning_escalations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'number' }).notNull(),
    tier: integer('tier').notNull(),
    action: text('action', { enum: ['remind', 'superior'] }).notNull(),
    toUserId: uuid('to_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('warning_escalations_delivery_idx').on(t.deliveryId), index('warning_escalations_to_idx').on(t.toUserId, t.at)],
);

/**
 * The outbox of the channel adapters (SMS gateway, emergency broadcast, webhook): written in the
 * same statement as what causes it, sent by a job that claims rows (SKIP LOCKED) and marks them,
 * so a restart neither loses nor repeats a send. Exercises never get rows here.
 */
export const warningChannelSends = pgTable(
  'warning_channel_sends',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    issueId: uuid('issue_id').notNull(),
    deliveryId: bigint('delivery_id', { mode: 'number' }),
    kind: text('kind', { enum: ['warning', 'reminder', 'escalation'] }).notNull(),
    toUserId: uuid('to_user_id'),
    phone: text('phone'),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [index('warning_channel_sends_pending_idx').on(t.id).where(sql`${t.status} = 'pending'`)],
);

export type WarningRow = typeof warnings.$inferSelect;
export type WarningIssueRow = typeof warningIssues.$inferSelect;
export type WarningDeliveryRow = typeof warningDeliveries.$inferSelect;
