import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Paged } from '../../../contracts/common';
import type { WarningCreate, WarningDetail, WarningIssueView, WarningListQuery, WarningSummary } from '../../../contracts/warnings';
import { WARNING_LEVEL_CODES, WARNING_TYPE_CODES } from '../../../contracts/warnings';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { makeWarningIdentifier, WARNING_LEVELS, WARNING_TYPES } from './cap';
import { warningDeliveries, warningIssues, warnings, type WarningIssueRow, type WarningRow } from './schema';

// The contracts and the CAP mapping name the same types and levels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameTypes: Same<(typeof WARNING_TYPE_CODES)[number], keyof typeof WARNING_TYPES> = true;
const sameLevels: Same<(typeof WARNING_LEVEL_CODES)[number], keyof typeof WARNING_LEVELS> = true;
void [sameTypes, sameLevels];

/** The three-digit organisation code (DDD) of GB/T 35965 identifiers this platform issues under. */
export const WARNING_ORG_CODE = '000';

/** Where a warning may be held: a city, county or township (villages and grids receive issues). */
const HOLDS_WARNINGS = new Set(['city', 'county', 'township']);

export type NewWarningMeta = {
  source: WarningRow['source'];
  sender?: string;
  identifier?: string;
  sentAt?: Date;
  msgType?: WarningRow['msgType'];
  references?: string[];
  capXml?: string | null;
};

/**
 * Records a warning held by the actor's unit (entered by hand, or confirmed from CAP). The client's
 * id makes a retry store it once. An Update or Cancel marks the warnings it references.
 */
export async function createWarning(ctx: Ctx, input: WarningCreate, meta: NewWarningMeta = { source: 'manual' }): Promise<{ detail: WarningDetail; created: boolean }> {
  const holder = await loadUnitInScope(ctx.db, ctx.actor, ctx.actor.unitId);
  requirePermission(ctx.actor, 'warnings.manage', holder.path);
  if (!HOLDS_WARNINGS.has(holder.level)) throw new AppError('WARNING_UNIT_LEVEL');
  // The areas must be units the actor can see.
  const areas = await ctx.db.select({ id: units.id }).from(units).where(and(inArray(units.id, input.areaUnitIds), unitIdInScope(ctx.actor, units.id)));
  if (areas.length !== new Set(input.areaUnitIds).size) throw notFound();
  if (new Date(input.expires) <= new Date(input.effective)) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'body.expires', code: 'before_effective', zh: '失效时间须晚于生效时间', en: 'Expiry must be after the effective time' }]);
  }
  const now = ctx.clock.now();
  const sentAt = meta.sentAt ?? now;
  const created = await auditedTx(ctx, async (tx) => {
    const [existing] = await tx.select({ id: warnings.id, createdBy: warnings.createdBy }).from(warnings).where(eq(warnings.id, input.id));
    if (existing) {
      if (existing.createdBy !== ctx.actor.id) throw new AppError('WARNING_ID_TAKEN');
      return { result: false, events: [] };
    }
    let row: WarningRow | undefined;
    for (let sequence = 0; !row && sequence < 10; sequence++) {
      const identifier = meta.identifier ?? makeWarningIdentifier({ regionCode: holder.code.slice(0, 6), orgCode: WARNING_ORG_CODE, issuedAt: sentAt, sequence });
      [row] = await tx
        .insert(warnings)
        .values({
          id: input.id,
          identifier,
          sender: meta.sender ?? `lastmeter:${holder.code}`,
          sentAt,
          msgType: meta.msgType ?? 'Alert',
          references: meta.references ?? [],
          source: meta.source,
          type: input.type,
          level: input.level,
          areaDesc: input.areaDesc,
          areaUnitIds: input.areaUnitIds,
          effective: new Date(input.effective),
          expires: new Date(input.expires),
          headline: input.headline,
          text: input.text,
          exercise: input.exercise,
          unitId: holder.id,
          capXml: meta.capXml ?? null,
          // CAP helper: the feed job imports as a system actor that is no user row (created_by references users).
          createdBy: meta.source === 'cap_feed' ? null : ctx.actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row && meta.identifier) throw new AppError('WARNING_DUPLICATE');
    }
    if (!row) throw new AppError('WARNING_DUPLICATE');
    // An Update replaces what it references; a Cancel ends it.
    if (row.references.length && row.msgType !== 'Alert') {
      await tx
        .update(warnings)
        .set({ status: row.msgType === 'Cancel' ? 'cancelled' : 'updated', updatedAt: now })
        // CAP helper: only warnings in the actor's scope; a CAP message must not end another unit's warning.
        .where(and(inArray(warnings.identifier, row.references), eq(warnings.status, 'active'), unitIdInScope(ctx.actor, warnings.unitId)));
      if (row.msgType === 'Cancel') await tx.update(warnings).set({ status: 'cancelled' }).where(eq(warnings.id, row.id));
    }
    return {
      result: true,
      events: [
        {
          action: 'warning.received',
          entityType: 'warning',
          entityId: row.id,
          unitId: holder.id,
          summary: `${row.exercise ? '【演练】' : ''}${WARNING_TYPES[row.type].zh}${WARNING_LEVELS[row.level].zh}预警 ${row.identifier}`,
          after: { type: row.type, level: row.level, source: row.source, msgType: row.msgType, exercise: row.exercise },
        },
      ],
    };
  });
  return { detail: await warningDetail(ctx, input.id), created };
}

/** A warning the actor can see: held by a unit in scope, or issued to them. */
export async function loadWarning(db: Queryable, actor: Actor, id: string): Promise<{ warning: WarningRow; unitPath: string }> {
  const [row] = await db
    .select({ warning: warnings, unitPath: units.path })
    .from(warnings)
    .innerJoin(units, eq(units.id, warnings.unitId))
    .where(
      and(
        eq(warnings.id, id),
        sql`(${unitIdInScope(actor, warnings.unitId)} or exists (select 1 from ${warningDeliveries} d where d.warning_id = ${warnings.id} and d.recipient_user_id = ${actor.id}))`,
      ),
    );
  if (!row) throw notFound();
  return row;
}

async function counts(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, { issues: number; recipients: number; answered: number }>();
  const rows = await db.execute<{ warning_id: string; issues: number; recipients: number; answered: number }>(sql`
    select i.warning_id, count(distinct i.id)::int as issues, coalesce(sum(i.recipients), 0)::int as recipients,
      (select count(*) from warning_deliveries d where d.warning_id = i.warning_id and d.answered_at is not null)::int as answered
    from warning_issues i where i.warning_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) group by i.warning_id`);
  return new Map(rows.rows.map((r) => [r.warning_id, r]));
}

export async function presentSummaries(db: Queryable, rows: WarningRow[]): Promise<WarningSummary[]> {
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const [unitRows, c] = await Promise.all([
    unitIds.length ? db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(inArray(units.id, unitIds)) : Promise.resolve([]),
    counts(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  return rows.map((w) => ({
    id: w.id,
    identifier: w.identifier,
    type: w.type,
    level: w.level,
    areaDesc: w.areaDesc,
    effective: w.effective.toISOString(),
    expires: w.expires.toISOString(),
    headline: w.headline,
    status: w.status,
    source: w.source,
    exercise: w.exercise,
    unit: unitById.get(w.unitId)!,
    createdAt: w.createdAt.toISOString(),
    issues: c.get(w.id)?.issues ?? 0,
    recipients: c.get(w.id)?.recipients ?? 0,
    answered: c.get(w.id)?.answered ?? 0,
  }));
}

export async function warningDetail(ctx: Ctx, id: string): Promise<WarningDetail> {
  const { warning: w, unitPath } = await loadWarning(ctx.db, ctx.actor, id);
  const [[summary], areaUnits, issues] = await Promise.all([
    presentSummaries(ctx.db, [w]),
    ctx.db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(inArray(units.id, w.areaUnitIds)),
    ctx.db.select().from(warningIssues).where(eq(warningIssues.warningId, w.id)).orderBy(desc(warningIssues.issuedAt)),
  ]);
  return {
    ...summary!,
    text: w.text,
    areaUnits,
    sender: w.sender,
    sentAt: w.sentAt.toISOString(),
    references: w.references,
    issueList: await presentIssues(ctx.db, issues),
    can: {
      issue: w.status === 'active' && ctx.actor.grants.some((g) => canAt(ctx.actor, 'warnings.issue', g.path)),
      cancel: w.status === 'active' && canAt(ctx.actor, 'warnings.manage', unitPath),
    },
  };
}

export async function listWarnings(ctx: Ctx, q: z.infer<typeof WarningListQuery>): Promise<Paged<WarningSummary>> {
  const where = and(
    sql`(${unitIdInScope(ctx.actor, warnings.unitId)} or exists (select 1 from ${warningDeliveries} d where d.warning_id = ${warnings.id} and d.recipient_user_id = ${ctx.actor.id}))`,
    q.status === 'active' ? eq(warnings.status, 'active') : undefined,
    q.exercise === undefined ? undefined : eq(warnings.exercise, q.exercise),
  );
  const [rows, counted] = await Promise.all([
    ctx.db
      .select()
      .from(warnings)
      .where(where)
      .orderBy(desc(warnings.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(warnings).where(where),
  ]);
  return { items: await presentSummaries(ctx.db, rows), total: counted[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Ends a warning early: open answers stop escalating. */
export async function cancelWarning(ctx: Ctx, id: string): Promise<WarningDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { warning: w, unitPath } = await loadWarning(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'warnings.manage', unitPath);
    if (w.status !== 'active') throw new AppError('WARNING_NOT_ACTIVE');
    await tx.update(warnings).set({ status: 'cancelled', updatedAt: now }).where(eq(warnings.id, w.id));
    await tx.update(warningDeliveries).set({ nextEscalationAt: null }).where(and(eq(warningDeliveries.warningId, w.id), sql`${warningDeliveries.answeredAt} is null`));
    return { result: null, events: [{ action: 'warning.cancelled', entityType: 'warning', entityId: w.id, unitId: w.unitId, summary: w.identifier, before: { status: w.status }, after: { status: 'cancelled' } }] };
  });
  return warningDetail(ctx, id);
}

/** Issues with their issuer and how many answered and were escalated (one query each for all of them). */
export async function presentIssues(db: Queryable, rows: WarningIssueRow[]): Promise<WarningIssueView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [unitRows, stats] = await Promise.all([
    db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))])),
    db
      .select({
        issueId: warningDeliveries.issueId,
        answered: sql<number>`count(*) filter (where ${warningDeliveries.answeredAt} is not null)::int`,
        escalated: sql<number>`count(*) filter (where ${warningDeliveries.tier} > 0)::int`,
      })
      .from(warningDeliveries)
      .where(inArray(warningDeliveries.issueId, ids))
      .groupBy(warningDeliveries.issueId),
  ]);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const statOf = new Map(stats.map((s) => [s.issueId, s]));
  return rows.map((r) => ({
    id: r.id,
    warningId: r.warningId,
    unit: unitById.get(r.unitId)!,
    issuedBy: r.issuedByName,
    issuedAt: r.issuedAt.toISOString(),
    requireAnswer: r.requireAnswer,
    policy: r.policy,
    exercise: r.exercise,
    recipients: r.recipients,
    answered: statOf.get(r.id)?.answered ?? 0,
    escalated: statOf.get(r.id)?.escalated ?? 0,
    note: r.note,
  }));
}
