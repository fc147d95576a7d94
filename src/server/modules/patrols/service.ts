import { and, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PatrolCheckin, PatrolDetail, PatrolEnd, PatrolListQuery, PatrolStart, PatrolSummary } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { AppError, notFound } from '../../platform/errors/app-error';
import { unitAndAncestors } from '../../platform/hierarchy/paths';
import { units } from '../../platform/hierarchy/schema';
import { shanghaiMonth } from '../hazards/rules';
import { patrolPoints, patrols, type PatrolRow } from './schema';

/** Adds to the monthly patrol counts of a unit and every unit above it, in the caller's transaction. */
async function bumpPatrolRollups(tx: Queryable, unitPath: string, at: Date, d: { patrols?: number; checkins?: number; issues?: number }) {
  await tx.execute(sql`
    insert into patrol_rollups (unit_id, month, patrols, checkins, issues)
    select u, ${shanghaiMonth(at)}::date, ${d.patrols ?? 0}, ${d.checkins ?? 0}, ${d.issues ?? 0}
    from ${unitAndAncestors(unitPath)} as u
    on conflict (unit_id, month) do update set
      patrols = patrol_rollups.patrols + excluded.patrols,
      checkins = patrol_rollups.checkins + excluded.checkins,
      issues = patrol_rollups.issues + excluded.issues`);
}

const unitRef = { id: units.id, name: units.name, code: units.code, path: units.path };

function summary(p: PatrolRow, unit: { id: string; name: string; code: string }): PatrolSummary {
  return {
    id: p.id,
    unit: { id: unit.id, name: unit.name, code: unit.code },
    walker: { id: p.walkerId, name: p.walkerName },
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt?.toISOString() ?? null,
    checkins: p.checkins,
    issues: p.issues,
    summary: p.summary,
  };
}

async function loadPatrol(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select({ patrol: patrols, unit: unitRef }).from(patrols).innerJoin(units, eq(units.id, patrols.unitId)).where(and(eq(patrols.id, id), unitIdInScope(actor, patrols.unitId)));
  const [row] = opts.lock ? await q.for('update', { of: patrols }) : await q;
  if (!row) throw notFound();
  return row;
}

/** Only the walker adds to their own patrol; others in scope may look, not write. */
function requireWalker(actor: Actor, p: PatrolRow) {
  if (p.walkerId !== actor.id) throw new AppError('FORBIDDEN');
}

export async function getPatrol(db: Queryable, actor: Actor, id: string): Promise<PatrolDetail> {
  const { patrol, unit } = await loadPatrol(db, actor, id);
  const points = await db.select().from(patrolPoints).where(eq(patrolPoints.patrolId, id)).orderBy(patrolPoints.at, patrolPoints.seq);
  return {
    ...summary(patrol, unit),
    points: points.map((p) => ({
      id: p.id,
      at: p.at.toISOString(),
      kind: p.kind,
      lat: p.lat,
      lng: p.lng,
      accuracy: p.accuracy,
      place: p.place,
      finding: p.finding,
      note: p.note,
      hazardId: p.hazardId,
    })),
  };
}

/** Starts a patrol, or finds the one this phone started before (same id). */
export async function startPatrol(ctx: Ctx, input: PatrolStart): Promise<{ patrol: PatrolDetail; created: boolean }> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId ?? ctx.actor.unitId);
  requirePermission(ctx.actor, 'hazards.report', unit.path);
  const created = await auditedTx(ctx, async (tx, now) => {
    const startedAt = new Date(Math.min(new Date(input.startedAt).getTime(), now.getTime()));
    const [row] = await tx
      .insert(patrols)
      .values({ id: input.id, unitId: unit.id, walkerId: ctx.actor.id, walkerName: ctx.actor.displayName, startedAt, startLat: input.lat ?? null, startLng: input.lng ?? null, receivedAt: now })
      .onConflictDoNothing({ target: patrols.id })
      .returning();
    if (!row) {
      const [existing] = await tx.select({ walkerId: patrols.walkerId }).from(patrols).where(eq(patrols.id, input.id));
      if (existing?.walkerId !== ctx.actor.id) throw new AppError('HAZARD_ID_TAKEN');
      return { result: false, events: [] };
    }
    await bumpPatrolRollups(tx, unit.path, startedAt, { patrols: 1 });
    return { result: true, events: [{ action: 'patrol.started', entityType: 'patrol', entityId: row.id, unitId: unit.id, summary: `${ctx.actor.displayName} ${unit.name}` }] };
  });
  return { patrol: await getPatrol(ctx.db, ctx.actor, input.id), created };
}

/** A check-in (or a track point); stored once per id. A patrol that ended takes no more. */
export async function addCheckin(ctx: Ctx, patrolId: string, input: PatrolCheckin): Promise<{ created: boolean }> {
  return auditedTx<{ created: boolean }>(ctx, async (tx) => {
    const { patrol, unit } = await loadPatrol(tx, ctx.actor, patrolId, { lock: true });
    requireWalker(ctx.actor, patrol);
    const [seen] = await tx.select({ patrolId: patrolPoints.patrolId }).from(patrolPoints).where(eq(patrolPoints.id, input.id));
    if (seen) {
      if (seen.patrolId !== patrolId) throw new AppError('HAZARD_ID_TAKEN');
      return { result: { created: false }, events: [] };
    }
    // A check-in sent before the end reached the server (offline order) is still accepted if it
    // happened before the end.
    if (patrol.endedAt && new Date(input.at) > patrol.endedAt) throw new AppError('PATROL_ENDED');
    await tx.insert(patrolPoints).values({
      id: input.id,
      patrolId,
      at: new Date(input.at),
      kind: input.kind,
      lat: input.lat,
      lng: input.lng,
      accuracy: input.accuracy ?? null,
      place: input.place ?? null,
      finding: input.finding,
      note: input.note ?? null,
      hazardId: input.hazardId ?? null,
    });
    if (input.kind !== 'checkin') return { result: { created: true }, events: [] };
    const issue = input.finding === 'issue' ? 1 : 0;
    await tx.update(patrols).set({ checkins: sql`${patrols.checkins} + 1`, issues: sql`${patrols.issues} + ${issue}` }).where(eq(patrols.id, patrolId));
    await bumpPatrolRollups(tx, unit.path, patrol.startedAt, { checkins: 1, issues: issue });
    // GPS track points are telemetry, not records: only check-ins go to the audit log.
    return {
      result: { created: true },
      events: [{ action: 'patrol.checked_in', entityType: 'patrol', entityId: patrolId, unitId: unit.id, summary: `${input.place ?? ''} ${input.finding === 'issue' ? '发现问题' : '正常'}`.trim(), after: { at: input.at, lat: input.lat, lng: input.lng, finding: input.finding, note: input.note ?? null } }],
    };
  });
}

export async function endPatrol(ctx: Ctx, patrolId: string, input: z.output<typeof PatrolEnd>): Promise<PatrolSummary> {
  await auditedTx(ctx, async (tx, now) => {
    const { patrol, unit } = await loadPatrol(tx, ctx.actor, patrolId, { lock: true });
    requireWalker(ctx.actor, patrol);
    if (patrol.endedAt) return { result: null, events: [] };
    const endedAt = new Date(Math.max(Math.min(new Date(input.endedAt).getTime(), now.getTime()), patrol.startedAt.getTime()));
    await tx.update(patrols).set({ endedAt, summary: input.summary ?? null }).where(eq(patrols.id, patrolId));
    return { result: null, events: [{ action: 'patrol.ended', entityType: 'patrol', entityId: patrolId, unitId: unit.id, summary: `${patrol.walkerName} ${unit.name}：打卡 ${patrol.checkins} 处，问题 ${patrol.issues} 个` }] };
  });
  const { patrol, unit } = await loadPatrol(ctx.db, ctx.actor, patrolId);
  return summary(patrol, unit);
}

export async function listPatrols(ctx: Ctx, f: z.output<typeof PatrolListQuery>) {
  const conds: SQL[] = [unitIdInScope(ctx.actor, patrols.unitId)];
  if (f.unitId) {
    const unit = await loadUnitInScope(ctx.db, ctx.actor, f.unitId);
    conds.push(sql`${patrols.unitId} in (select id from units where path <@ ${unit.path}::ltree)`);
  }
  if (f.from) conds.push(gte(patrols.startedAt, new Date(f.from)));
  if (f.to) conds.push(lte(patrols.startedAt, new Date(f.to)));
  if (f.mine) conds.push(eq(patrols.walkerId, ctx.actor.id));
  if (f.active) conds.push(isNull(patrols.endedAt));
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db.select({ patrol: patrols, unit: unitRef }).from(patrols).innerJoin(units, eq(units.id, patrols.unitId)).where(where).orderBy(desc(patrols.startedAt)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(patrols).where(where),
  ]);
  return { items: rows.map((r) => summary(r.patrol, r.unit)), total, page: f.page, pageSize: f.pageSize };
}

