import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { EMPLOYMENTS, GENDERS, PERSON_STATUSES, POST_DUTIES } from '../../../contracts/org';
import { units } from '../../platform/hierarchy/schema';

/** People (人员) of a unit: station staff, village point staff, grid workers. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    gender: text('gender', { enum: GENDERS }),
    title: text('title'),
    notes: text('notes'),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_unit_phone_key').on(t.unitId, t.phone),
    index('people_name_idx').on(t.name),
    check('people_status_check', sql`${t.status} in ('active','left')`),
  ],
);

/** Posts (岗位) of a township station or a village point, held by at most one person. */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    employment: text('employment', { enum: EMPLOYMENTS }).notNull(),
    duties: text('duties', { enum: POST_DUTIES }).array().notNull(),
    phone: text('phone'),
    personId: uuid('person_id').references(() => people.id),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('posts_unit_idx').on(t.unitId),
    index('posts_person_idx').on(t.personId),
    check('posts_employment_check', sql`${t.employment} in ('full_time','part_time')`),
  ],
);

export type PersonRow = typeof people.$inferSelect;
export type PostRow = typeof posts.$inferSelect;
