import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import type { z } from 'zod';
import type { AuditEventView, AuditListQuery } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, requirePermissionSomewhere, unitIdWithPermission } from '../../platform/access/scope';
import { auditEvents } from '../../platform/audit/schema';
import type { Queryable } from '../../platform/db/client';
import { notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';

export type AuditFilter = z.output<typeof AuditListQuery>;

const columns = { event: auditEvents, unit: { id: units.id, name: units.name, code: units.code } };
type Row = { event: typeof auditEvents.$inferSelect; unit: { id: string; name: string; code: string } | null };

function present({ event, unit }: Row): AuditEventView {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: { id: event.actorId, username: event.actorUsername, displayName: event.actorName },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    unit: unit?.id ? unit : null,
    summary: event.summary,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
  };
}

/** Audit events placed in units where the actor may read the audit log, newest first. */
export async function listAudit(db: Queryable, actor: Actor, f: AuditFilter) {
  requirePermissionSomewhere(actor, 'audit.read');
  const conds: SQL[] = [unitIdWithPermission(actor, 'audit.read', auditEvents.unitId)];
  if (f.unitId) {
    const unit = await loadUnitInScope(db, actor, f.unitId);
    conds.push(sql`${auditEvents.unitId} in (select id from units where path <@ ${unit.path}::ltree)`);
  }
  if (f.actorId) conds.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) conds.push(f.action.endsWith('.') ? ilike(auditEvents.action, `${f.action}%`) : eq(auditEvents.action, f.action));
  if (f.entityType) conds.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) conds.push(gte(auditEvents.at, new Date(f.from)));
  if (f.to) conds.push(lte(auditEvents.at, new Date(f.to)));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(auditEvents.summary, like), ilike(auditEvents.actorUsername, like), ilike(auditEvents.actorName, like))!);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select(columns).from(auditEvents).leftJoin(units, eq(units.id, auditEvents.unitId)).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { items: rows.map(present), total, page: f.page, pageSize: f.pageSize };
}

export async function getAuditEvent(db: Queryable, actor: Actor, id: string): Promise<AuditEventView> {
  requirePermissionSomewhere(actor, 'audit.read');
  const [row] = await db
    .select(columns)
    .from(auditEvents)
    .leftJoin(units, eq(units.id, auditEvents.unitId))
    .where(and(eq(auditEvents.id, id), unitIdWithPermission(actor, 'audit.read', auditEvents.unitId)));
  if (!row) throw notFound();
  return present(row);
}
