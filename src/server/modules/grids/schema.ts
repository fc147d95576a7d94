import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { HOUSEHOLD_STATUSES, VULNERABLE_CATEGORIES, VULNERABLE_STATUSES, type GridGeometry } from '../../../contracts/grids';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';

/** The boundary of a grid unit: a GeoJSON Polygon or MultiPolygon (WGS84), checked on the way in. */
export const gridBoundaries = pgTable('grid_boundaries', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  geojson: jsonb('geojson').$type<GridGeometry>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Households (户) of a grid. An address is registered once per grid: it is the import's key. */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    address: text('address').notNull(),
    headName: text('head_name').notNull(),
    phone: text('phone'),
    members: integer('members').notNull(),
    notes: text('notes'),
    status: text('status', { enum: HOUSEHOLD_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_unit_address_key').on(t.unitId, t.address),
    index('households_head_name_idx').on(t.headName),
    check('households_status_check', sql`${t.status} in ('active','moved_out')`),
    check('households_members_check', sql`${t.members} between 1 and 99`),
  ],
);

/**
 * Vulnerable people (重点人群) of a grid, and who looks after each in an emergency. A person is
 * registered once per grid by name and phone (no phone counts as one value): the import's key.
 */
export const vulnerablePeople = pgTable(
  'vulnerable_people',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    householdId: uuid('household_id').references(() => households.id),
    name: text('name').notNull(),
    category: text('category', { enum: VULNERABLE_CATEGORIES }).notNull(),
    phone: text('phone'),
    notes: text('notes'),
    responsiblePersonId: uuid('responsible_person_id').references(() => people.id),
    status: text('status', { enum: VULNERABLE_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vulnerable_people_unit_name_phone_key').on(t.unitId, t.name, sql`coalesce(${t.phone}, '')`),
    index('vulnerable_people_household_idx').on(t.householdId),
    index('vulnerable_people_responsible_idx').on(t.responsiblePersonId),
    check('vulnerable_people_status_check', sql`${t.status} in ('active','removed')`),
    check('vulnerable_people_category_check', sql`${t.category} in ('elderly_alone','disabled','pregnant','seriously_ill','left_behind_child','other')`),
  ],
);

export type BoundaryRow = typeof gridBoundaries.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;
export type VulnerableRow = typeof vulnerablePeople.$inferSelect;
