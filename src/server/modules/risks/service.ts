import { and, eq, sql } from 'drizzle-orm';
import type { RiskCheckCreate, RiskCheckView, RiskCreate, RiskPointDetail, RiskUpdate } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff, type AuditEvent } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { people } from '../org/schema';
import { loadRiskPoint, presentCheck, riskPointDetail } from './queries';
import { checkTimeAcceptable, holdsRiskPoints, isNewerCheck } from './rules';
import { riskChecks, riskPoints, type RiskCheckRow, type RiskPointRow } from './schema';

/** The fields the audit log keeps for a risk point; named so they cannot be mistaken for a unit's level. */
const riskAudited = (p: RiskPointRow, personName: string) => ({
  name: p.name,
  riskType: p.type,
  riskLevel: p.level,
  lat: p.lat,
  lng: p.lng,
  address: p.address,
  responsiblePerson: personName,
  controlMeasures: p.controlMeasures,
  checkCycleDays: p.checkCycleDays,
  status: p.status,
});

/** The responsible person: someone the actor can see who is still in post. */
async function responsiblePerson(db: Queryable, actor: Actor, personId: string) {
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.status, 'active'), unitIdInScope(actor, people.unitId)));
  if (!person) throw new AppError('RISK_PERSON_INVALID');
  return person;
}

/** Loads a risk point in scope and locks its row, so concurrent edits and checks of one point serialize. */
async function lockRiskPoint(tx: Queryable, actor: Actor, id: string) {
  const row = await loadRiskPoint(tx, actor, id);
  await tx.execute(sql`select 1 from risk_points where id = ${row.point.id} for update`);
  return loadRiskPoint(tx, actor, id);
}

export async function createRiskPoint(ctx: Ctx, input: RiskCreate): Promise<RiskPointDetail> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'risks.manage', unit.path);
  if (!holdsRiskPoints(unit.level)) throw new AppError('RISK_UNIT_LEVEL');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const person = await responsiblePerson(ctx.db, ctx.actor, input.responsiblePersonId);
  const id = uuidv7();
  await auditedTx(ctx, async (tx, now) => {
    const [row] = await tx
      .insert(riskPoints)
      .values({
        id,
        unitId: unit.id,
        name: input.name,
        type: input.type,
        level: input.level,
        lat: input.lat,
        lng: input.lng,
        address: input.address ?? null,
        responsiblePersonId: person.id,
        controlMeasures: input.controlMeasures,
        checkCycleDays: input.checkCycleDays,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return {
      result: row,
      events: [{ action: 'risk.created', entityType: 'risk_point', entityId: id, unitId: unit.id, summary: `${unit.name} / ${input.name}`, after: riskAudited(row!, person.name) }],
    };
  });
  return riskPointDetail(ctx, id);
}

export async function updateRiskPoint(ctx: Ctx, id: string, input: RiskUpdate): Promise<RiskPointDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { point, unit, person } = await lockRiskPoint(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'risks.manage', unit.path);
    if (point.status !== 'active') throw new AppError('RISK_RETIRED');
    const newPerson = input.responsiblePersonId && input.responsiblePersonId !== point.responsiblePersonId ? await responsiblePerson(tx, ctx.actor, input.responsiblePersonId) : person;
    const [after] = await tx
      .update(riskPoints)
      .set({ ...input, updatedAt: now })
      .where(eq(riskPoints.id, point.id))
      .returning();
    const changes = diff(riskAudited(point, person.name), riskAudited(after!, newPerson.name));
    return {
      result: after,
      events: changes ? [{ action: 'risk.updated', entityType: 'risk_point', entityId: point.id, unitId: unit.id, summary: `${unit.name} / ${after!.name}`, ...changes }] : [],
    };
  });
  return riskPointDetail(ctx, id);
}

export async function retireRiskPoint(ctx: Ctx, id: string, reason: string): Promise<RiskPointDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { point, unit } = await lockRiskPoint(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'risks.manage', unit.path);
    if (point.status !== 'active') throw new AppError('RISK_RETIRED');
    await tx.update(riskPoints).set({ status: 'retired', retiredAt: now, retiredReason: reason, updatedAt: now }).where(eq(riskPoints.id, point.id));
    return {
      result: null,
      events: [
        {
          action: 'risk.retired',
          entityType: 'risk_point',
          entityId: point.id,
          unitId: unit.id,
          summary: `${unit.name} / ${point.name}: ${reason}`,
          before: { status: 'active' },
          after: { status: 'retired', reason },
        },
      ],
    };
  });
  return riskPointDetail(ctx, id);
}

/**
 * Records a periodic check. The id comes from the device, so a replay (a retry, an offline queue
 * sent twice) answers the check already stored and writes nothing: no second row, no second audit
 * entry; `created` tells the two apart (201 or 200). The risk point's row lock makes two replays of one check arrive one after the other.
 */
export async function recordRiskCheck(ctx: Ctx, riskPointId: string, input: RiskCheckCreate): Promise<{ check: RiskCheckView; created: boolean }> {
  const stored = await auditedTx(ctx, async (tx, now): Promise<{ result: { row: RiskCheckRow; created: boolean }; events: AuditEvent[] }> => {
    const { point, unit } = await lockRiskPoint(tx, ctx.actor, riskPointId);
    requirePermission(ctx.actor, 'risks.check', unit.path);
    const existing = await findCheck(tx, input.id, point.id);
    if (existing) return { result: { row: existing, created: false }, events: [] };
    if (point.status !== 'active') throw new AppError('RISK_RETIRED');
    const at = new Date(input.at);
    if (!checkTimeAcceptable(at, now)) throw new AppError('RISK_CHECK_IN_FUTURE');
    const [row] = await tx
      .insert(riskChecks)
      .values({
        id: input.id,
        riskPointId: point.id,
        at,
        checkerId: ctx.actor.id,
        checkerName: ctx.actor.displayName,
        result: input.result,
        note: input.note ?? null,
        photoIds: input.photoIds,
        createdAt: now,
      })
      // The same id may have been stored meanwhile for another risk point (whose lock we do not hold).
      .onConflictDoNothing({ target: riskChecks.id })
      .returning();
    if (!row) return { result: { row: (await findCheck(tx, input.id, point.id))!, created: false }, events: [] };
    // Only a check at least as recent as the one on record becomes the point's last check: an old
    // check arriving late from an offline phone goes into the history without moving the due date.
    // (The row lock keeps `point.lastCheckAt` current.)
    if (isNewerCheck(at, point.lastCheckAt)) await tx.update(riskPoints).set({ lastCheckAt: at, lastCheckResult: input.result }).where(eq(riskPoints.id, point.id));
    return {
      result: { row, created: true },
      events: [
        {
          action: 'risk.checked',
          entityType: 'risk_point',
          entityId: point.id,
          unitId: unit.id,
          summary: `${unit.name} / ${point.name}`,
          after: { checkId: row.id, checkedAt: row.at.toISOString(), checkResult: row.result, checkNote: row.note, checkPhotos: row.photoIds.length },
        },
      ],
    };
  });
  return { check: presentCheck(stored.row), created: stored.created };
}

/** A check by id: the one of this risk point, or a refusal when the id belongs to another point. */
async function findCheck(tx: Queryable, checkId: string, riskPointId: string): Promise<RiskCheckRow | null> {
  const [existing] = await tx.select().from(riskChecks).where(eq(riskChecks.id, checkId));
  if (!existing) return null;
  if (existing.riskPointId !== riskPointId) throw new AppError('RISK_CHECK_ID_TAKEN');
  return existing;
}
