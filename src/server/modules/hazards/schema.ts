import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATES } from '../../../contracts/hazards';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';

/** The configurable catalog of hazard categories (地质灾害, 城乡内涝, 危房, 消防 …). */
export const hazardCategories = pgTable('hazard_categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Human-readable hazard numbers: YH + Beijing date + a running number. */
export const hazardCodeSeq = pgSequence('hazard_code_seq');

export const hazards = pgTable(
  'hazards',
  {
    /** Made by the reporting client (offline phones too): a replay of the same report is stored once. */
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    /** Where it was found: a village or grid. Scope follows this unit. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    categoryCode: text('category_code')
      .notNull()
      .references(() => hazardCategories.code),
    description: text('description').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    accuracy: doublePrecision('accuracy'),
    address: text('address'),
    suggestedLevel: text('suggested_level', { enum: HAZARD_LEVELS }).notNull(),
    level: text('level', { enum: HAZARD_LEVELS }),
    /** 挂牌督办: a major hazard approved by the county or city. */
    supervised: boolean('supervised').notNull().default(false),
    state: text('state', { enum: HAZARD_STATES }).notNull(),
    source: text('source', { enum: HAZARD_SOURCES }).notNull(),
    reporterUserId: uuid('reporter_user_id'),
    reporterName: text('reporter_name').notNull(),
    reporterPhone: text('reporter_phone'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    patrolId: uuid('patrol_id'),
    riskPointId: uuid('risk_point_id'),
    photoIds: text('photo_ids').array().notNull().default(sql`'{}'::text[]`),
    /** The date the current step is due: verification while reported, the rectification deadline after assignment. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    overdue: boolean('overdue').notNull().default(false),
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedToUnitId: uuid('escalated_to_unit_id').references(() => units.id),
    // 交办 and 五到位
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    deadline: timestamp('deadline', { withTimezone: true }),
    measures: text('measures'),
    funds: text('funds'),
    contingencyPlan: text('contingency_plan'),
    /** Users who posted progress or submitted the rectification: none of them may accept it. */
    rectifierIds: uuid('rectifier_ids').array().notNull().default(sql`'{}'::uuid[]`),
    mergedIntoId: uuid('merged_into_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('hazards_code_key').on(t.code),
    index('hazards_unit_state_idx').on(t.unitId, t.state),
    index('hazards_due_idx').on(t.dueAt).where(sql`${t.dueAt} is not null and not ${t.overdue}`),
    index('hazards_reporter_idx').on(t.reporterUserId, t.receivedAt),
    index('hazards_responsible_idx').on(t.responsiblePersonId),
    index('hazards_received_idx').on(t.receivedAt),
    // Few hazards are open and overdue at once: statistics count them per subtree from this alone.
    index('hazards_overdue_open_idx')
      .on(t.unitId)
      .where(sql`${t.overdue} and ${t.state} in ('reported','verified','awaiting_approval','graded','rectifying','accepting')`),
    check('hazards_state_check', sql`${t.state} in ('reported','verified','awaiting_approval','graded','rectifying','accepting','closed','rejected','merged')`),
  ],
);
export type HazardRow = typeof hazards.$inferSelect;

/** The timeline: every report, transition and escalation, with who and why. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    /** The client's event id when it sent one (offline progress updates), so a replay applies once. */
    id: uuid('id').primaryKey(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    fromState: text('from_state', { enum: HAZARD_STATES }),
    toState: text('to_state', { enum: HAZARD_STATES }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    photoIds: text('photo_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Insertion order: events of one instant (and client-made ids) still read in the order they happened. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.seq)],
);

/**
 * Monthly counts per unit and category, kept for the unit where a hazard was found AND every unit
 * above it. Statistics at any level read a few hundred rows instead of scanning every hazard below.
 * Writers never touch these rows (every report of a month would queue on the city's row): they add
 * a delta row, and `foldRollupDeltas` adds the deltas to every level in one statement, by the job
 * every second and before each statistics read.
 */
export const hazardRollups = pgTable(
  'hazard_rollups',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    month: date('month').notNull(),
    categoryCode: text('category_code').notNull(),
    found: integer('found').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    /** Sum of days from report to close-out of the hazards closed, for the mean. */
    closeDaysSum: doublePrecision('close_days_sum').notNull().default(0),
    /** Open hazards of that month's reports that are overdue now (the sweep adds, a new due date or a close-out subtracts). */
    overdue: integer('overdue').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.month, t.categoryCode] }),
    // "Overdue now" sums a unit's rows over all months: this index holds only the few that count.
    index('hazard_rollups_overdue_idx').on(t.unitId, t.overdue).where(sql`${t.overdue} <> 0`),
  ],
);

/** Changes to the roll-ups not yet folded in: one row per change, for the unit where the hazard was found. */
export const hazardRollupDeltas = pgTable('hazard_rollup_deltas', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  unitId: uuid('unit_id').notNull(),
  month: date('month').notNull(),
  categoryCode: text('category_code').notNull(),
  found: integer('found').notNull().default(0),
  closed: integer('closed').notNull().default(0),
  closeDaysSum: doublePrecision('close_days_sum').notNull().default(0),
  overdue: integer('overdue').notNull().default(0),
});

/** The token behind each village's QR poster: the public form files hazards into that village. */
export const reportLinks = pgTable('report_links', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
