import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { UNIT_KIND_VALUES, UNIT_LEVELS, UNIT_STATUSES } from '../../../contracts/org';
import { ltree } from '../db/types';

/**
 * The administrative hierarchy (city → county → township → village → grid). Every scoped record
 * points at a unit; `path` is the chain of unit ids (dashes removed) from the top, so a subtree is
 * `path <@ ancestor.path`, served by the GiST index.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    level: text('level', { enum: UNIT_LEVELS }).notNull(),
    kind: text('kind', { enum: UNIT_KIND_VALUES }).notNull(),
    code: varchar('code', { length: 15 }).notNull(),
    name: text('name').notNull(),
    path: ltree('path').notNull(),
    status: text('status', { enum: UNIT_STATUSES }).notNull().default('active'),
    address: text('address'),
    phone: text('phone'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredReason: text('retired_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    uniqueIndex('units_path_key').on(t.path),
    index('units_path_gist').using('gist', t.path),
    index('units_parent_idx').on(t.parentId),
    check('units_level_check', sql`${t.level} in ('city','county','township','village','grid')`),
    check('units_status_check', sql`${t.status} in ('active','retired')`),
  ],
);

export type UnitRow = typeof units.$inferSelect;
