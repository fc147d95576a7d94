import { and, eq, sql } from 'drizzle-orm';
import type { HazardDetail, HazardSubmit } from '../../../contracts';
import { canAt, loadUnitInScope, requirePermission } from '../../platform/access/scope';
import { writeAudit, type AuditWho } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { presentFile, requireFiles } from '../../platform/files/service';
import type { UnitRow } from '../../platform/hierarchy/schema';
import { hazardCategories, hazardEvents, hazards, type HazardRow } from './schema';
import { bumpRollups } from './rollups';
import { announce } from '../../platform/realtime/bus';
import { availableActions, dueAtAfter } from './rules';
import { presentNewReport } from './present';
import { hazardDetail } from './queries';
import { loadRiskPoint } from '../risks/queries';

/** Hours a new report may wait for verification before it is overdue (and escalated). */
export const VERIFY_HOURS = 24;

export async function requireActiveCategory(db: Queryable, code: string) {
  const [cat] = await db.select().from(hazardCategories).where(and(eq(hazardCategories.code, code), eq(hazardCategories.active, true)));
  if (!cat) throw new AppError('CATEGORY_UNKNOWN', [{ path: 'body.categoryCode', code: 'unknown', zh: '隐患类别不存在或已停用', en: 'Unknown category' }]);
  return cat;
}

/**
 * The code: YH, the Beijing date, a running number of at least six digits. (lpad alone would cut
 * the millionth report's number back to six digits and repeat codes.)
 */
export const hazardCode = (now: Date) =>
  sql<string>`(select 'YH' || to_char(${now}::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(n::text, greatest(6, length(n::text)), '0')
    from (select nextval('hazard_code_seq') as n) as seq)`;

type NewHazard = Omit<typeof hazards.$inferInsert, 'code' | 'state' | 'receivedAt' | 'updatedAt' | 'dueAt'>;

/**
 * Inserts a new report with its first timeline event, its audit entry and its counts, or finds the
 * same report stored before (same id: a retry or a replay) and returns null. The roll-up rows of
 * the units above are shared by every report of the month, so they are touched last: their row
 * locks are held only for the commit.
 */
export async function insertReport(tx: Queryable, unit: UnitRow, values: NewHazard, now: Date, who: AuditWho, unitName = unit.name): Promise<{ row: HazardRow; eventId: string } | null> {
  const [row] = await tx
    .insert(hazards)
    .values({ ...values, code: hazardCode(now), state: 'reported', receivedAt: now, updatedAt: now, dueAt: dueAtAfter('reported', now, VERIFY_HOURS, null) })
    .onConflictDoNothing({ target: hazards.id })
    .returning();
  if (!row) return null;
  const eventId = uuidv7(now.getTime());
  await tx.insert(hazardEvents).values({
    id: eventId,
    hazardId: row.id,
    at: now,
    action: 'report',
    fromState: null,
    toState: 'reported',
    actorId: values.reporterUserId ?? null,
    actorName: who.actor?.displayName ?? values.reporterName,
    note: null,
    photoIds: values.photoIds ?? [],
  });
  await writeAudit(tx, who, {
    action: 'hazard.reported',
    entityType: 'hazard',
    entityId: row.id,
    unitId: unit.id,
    summary: `${row.code} ${unitName}${row.source === 'public' ? '（群众上报）' : ''}`,
    after: { state: 'reported', source: row.source, categoryCode: row.categoryCode, description: row.description },
  });
  await announce(tx, { type: 'hazard', unitPath: unit.path, data: { id: row.id, code: row.code, state: row.state, source: row.source } });
  await bumpRollups(tx, unit.path, row.reportedAt, row.categoryCode, { found: 1 });
  return { row, eventId };
}

/**
 * A report from the app (or a patrol). Stored once per client id: a second submission of the same
 * id by the same reporter answers with what was stored; by anyone else it is a conflict.
 */
export async function submitHazard(ctx: Ctx, input: HazardSubmit, source: 'app' | 'patrol' = 'app'): Promise<{ detail: HazardDetail; created: boolean }> {
  // Independent checks, side by side.
  const [unit, category, files] = await Promise.all([
    loadUnitInScope(ctx.db, ctx.actor, input.unitId ?? ctx.actor.unitId),
    requireActiveCategory(ctx.db, input.categoryCode),
    requireFiles(ctx.db, input.photoIds),
    // A hazard found at a risk point links to it; the point must be one the reporter can see.
    input.riskPointId ? loadRiskPoint(ctx.db, ctx.actor, input.riskPointId) : null,
  ]);
  requirePermission(ctx.actor, 'hazards.report', unit.path);
  if (unit.level !== 'village' && unit.level !== 'grid') throw new AppError('HAZARD_UNIT_INVALID');
  const now = ctx.clock.now();
  const who = { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip, at: now };
  const stored = await ctx.db.transaction(async (tx) => {
    const inserted = await insertReport(
      tx,
      unit,
      {
        id: input.id,
        unitId: unit.id,
        categoryCode: input.categoryCode,
        description: input.description,
        lat: input.lat,
        lng: input.lng,
        accuracy: input.accuracy ?? null,
        address: input.address ?? null,
        suggestedLevel: input.suggestedLevel,
        source: input.patrolId ? 'patrol' : source,
        reporterUserId: ctx.actor.id,
        reporterName: ctx.actor.displayName,
        reportedAt: new Date(Math.min(new Date(input.reportedAt).getTime(), now.getTime())),
        patrolId: input.patrolId ?? null,
        riskPointId: input.riskPointId ?? null,
        photoIds: input.photoIds,
      },
      now,
      who,
    );
    if (!inserted) {
      const [existing] = await tx.select({ reporter: hazards.reporterUserId }).from(hazards).where(eq(hazards.id, input.id));
      if (existing?.reporter !== ctx.actor.id) throw new AppError('HAZARD_ID_TAKEN');
    }
    return inserted;
  });
  // A replay answers with the stored record as it is now (it may have moved on since).
  if (!stored) return { detail: await hazardDetail(ctx, input.id), created: false };
  const caps = { manage: canAt(ctx.actor, 'hazards.manage', unit.path), approve: canAt(ctx.actor, 'hazards.approve', unit.path), rectify: false, isRectifier: false };
  const unitRef = { id: unit.id, name: unit.name, code: unit.code, level: unit.level };
  const detail = presentNewReport(stored.row, unitRef, category, files.map(presentFile), { id: stored.eventId, actorName: ctx.actor.displayName }, availableActions('reported', caps));
  return { detail, created: true };
}
