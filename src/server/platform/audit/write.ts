import type { AuditAction } from '../../../contracts/audit';
import type { Queryable } from '../db/client';
import { uuidv7 } from '../db/ids';
import { auditEvents } from './schema';

export type AuditWho = {
  actor: { id: string; username: string; displayName: string } | null;
  requestId: string | null;
  ip: string | null;
  at: Date;
};

export type AuditEvent = {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Records one event. Call it with the transaction that makes the change, never after it. */
export async function writeAudit(tx: Queryable, who: AuditWho, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    id: uuidv7(who.at.getTime()),
    at: who.at,
    actorId: who.actor?.id ?? null,
    actorUsername: who.actor?.username ?? null,
    actorName: who.actor?.displayName ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    unitId: event.unitId,
    summary: event.summary ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: who.requestId,
    ip: who.ip,
  });
}

/** Keeps only the fields that differ, so the log shows what changed rather than two whole records. */
export function diff<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
