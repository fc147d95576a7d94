import { bigint, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from '../../platform/hierarchy/schema';

/** A grid worker's patrol (巡查). The id comes from the phone, so a replayed start is stored once. */
export const patrols = pgTable(
  'patrols',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    walkerId: uuid('walker_id').notNull(),
    walkerName: text('walker_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    startLat: doublePrecision('start_lat'),
    startLng: doublePrecision('start_lng'),
    summary: text('summary'),
    checkins: integer('checkins').notNull().default(0),
    issues: integer('issues').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('patrols_unit_started_idx').on(t.unitId, t.startedAt), index('patrols_walker_idx').on(t.walkerId, t.startedAt)],
);
export type PatrolRow = typeof patrols.$inferSelect;

/** Check-ins (GPS, place, finding) and track points of a patrol; ids from the phone. */
export const patrolPoints = pgTable(
  'patrol_points',
  {
    id: uuid('id').primaryKey(),
    patrolId: uuid('patrol_id')
      .notNull()
      .references(() => patrols.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: ['checkin', 'track'] }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    accuracy: doublePrecision('accuracy'),
    place: text('place'),
    finding: text('finding', { enum: ['normal', 'issue'] }).notNull(),
    note: text('note'),
    hazardId: uuid('hazard_id'),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [index('patrol_points_patrol_idx').on(t.patrolId, t.at)],
);

/** Monthly patrol counts per unit and every unit above it (statistics without scanning points). */
export const patrolRollups = pgTable(
  'patrol_rollups',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    month: date('month').notNull(),
    patrols: integer('patrols').notNull().default(0),
    checkins: integer('checkins').notNull().default(0),
    issues: integer('issues').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);

