import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from '../hierarchy/schema';

/**
 * Append-only audit log. Each row is written in the same transaction as the change it records.
 * `unit_id` places the event in the hierarchy, which is how audit reads are scoped.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    unitId: uuid('unit_id').references(() => units.id),
    summary: text('summary'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_unit_at_idx').on(t.unitId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_at_idx').on(t.actorId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);
