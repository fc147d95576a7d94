import { and, eq, inArray } from 'drizzle-orm';
import { RESPONSE_LEVEL_ROMAN } from '../../../contracts/plans';
import type { ResponseDetail, ResponseProposal, ResponseProposalItem, ResponseStart } from '../../../contracts/responses';
import type { Actor } from '../../platform/access/actor';
import { isAncestorOrSelf, isInScope } from '../../platform/access/rules';
import { canAt, requirePermission } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { checklistFor, responseCandidates } from '../plans/checklist';
import { loadPlan } from '../plans/queries';
import { proposeResponse, responseRank, type ResponseProposal as PlanProposal } from '../plans/rules';
import { plans } from '../plans/schema';
import { WARNING_LEVELS, WARNING_TYPES } from '../warnings/cap';
import { warningIssues, type WarningRow } from '../warnings/schema';
import { loadWarning } from '../warnings/warnings.service';
import { responseDetail } from './queries';
import { dueAt } from './rules';
import { responses, responseTasks, type ResponseRow } from './schema';

type UnitCols = { id: string; name: string; code: string; level: ResponseProposalItem['place']['level']; path: string };
const unitCols = { id: units.id, name: units.name, code: units.code, level: units.level, path: units.path };
const ref = ({ id, name, code, level }: UnitCols) => ({ id, name, code, level });

/**
 * Where the warning lands for this actor: for each warned unit (its areas and every issue's
 * targets), the actor's own unit when it lies inside it (a township chief under a county-wide
 * warning), else the warned unit itself when the actor can see it (a county officer looking at a
 * township's warning). Units the actor cannot see give nothing.
 */
async function warnedPlaces(db: Queryable, actor: Actor, w: WarningRow): Promise<UnitCols[]> {
  const issued = await db.select({ targets: warningIssues.targetUnitIds }).from(warningIssues).where(eq(warningIssues.warningId, w.id));
  const ids = [...new Set([...w.areaUnitIds, ...issued.flatMap((i) => i.targets)])];
  const warned = ids.length ? await db.select(unitCols).from(units).where(inArray(units.id, ids)) : [];
  const grantUnits = await db
    .select(unitCols)
    .from(units)
    .where(inArray(units.id, [...new Set(actor.grants.map((g) => g.unitId))]));
  const places = new Map<string, UnitCols>();
  for (const place of warned) {
    const inside = grantUnits.filter((g) => isAncestorOrSelf(place.path, g.path));
    if (inside.length) for (const g of inside) places.set(g.path, g);
    else if (isInScope(actor.scopePaths, place.path)) places.set(place.path, place);
  }
  return [...places.values()];
}

/**
 * 响应建议: the plans the warning should start for the actor, at which level (the plans module's
 * `proposeResponse` rules), with the checklist each would create. Only plans the actor may read
 * are proposed; `canStart` says whether they may start it.
 */
export async function proposeFor(ctx: Ctx, warningId: string): Promise<ResponseProposal> {
  const { warning: w } = await loadWarning(ctx.db, ctx.actor, warningId);
  const found = new Map<string, { p: PlanProposal; place: UnitCols }>();
  for (const place of await warnedPlaces(ctx.db, ctx.actor, w)) {
    const candidates = (await responseCandidates(ctx.db, place.path)).filter((c) => isInScope(ctx.actor.scopePaths, c.unitPath) && (canAt(ctx.actor, 'plans.read', c.unitPath) || canAt(ctx.actor, 'warnings.respond', c.unitPath)));
    for (const p of proposeResponse(candidates, { type: w.type, level: w.level, unitPath: place.path })) {
      const seen = found.get(p.planId);
      if (!seen || p.distance < seen.p.distance) found.set(p.planId, { p, place });
    }
  }
  const chosen = [...found.values()].sort((a, b) => a.p.distance - b.p.distance || responseRank(a.p.responseLevel) - responseRank(b.p.responseLevel) || a.p.planName.localeCompare(b.p.planName, 'zh-CN'));
  const planIds = chosen.map((c) => c.p.planId);
  const [planUnits, running] = planIds.length
    ? await Promise.all([
        ctx.db.select({ planId: plans.id, unit: unitCols }).from(plans).innerJoin(units, eq(units.id, plans.unitId)).where(inArray(plans.id, planIds)),
        ctx.db
          .select({ id: responses.id, planId: responses.planId })
          .from(responses)
          .where(and(eq(responses.warningId, w.id), eq(responses.status, 'running'), inArray(responses.planId, planIds))),
      ])
    : [[], []];
  const items: ResponseProposalItem[] = [];
  for (const { p, place } of chosen) {
    const unit = planUnits.find((u) => u.planId === p.planId)!.unit;
    items.push({
      plan: { id: p.planId, name: p.planName, unit: ref(unit) },
      level: p.responseLevel,
      relation: p.relation,
      distance: p.distance,
      place: ref(place),
      checklist: await checklistFor(ctx.db, p.planId, p.responseLevel),
      canStart: canAt(ctx.actor, 'warnings.respond', unit.path),
      runningId: running.find((r) => r.planId === p.planId)?.id ?? null,
    });
  }
  return { warning: { id: w.id, identifier: w.identifier, type: w.type, level: w.level, headline: w.headline, exercise: w.exercise }, items };
}

/**
 * 启动响应: a response row and one task per checklist action of the chosen level, with the audit
 * entry, in one transaction. Idempotent twice over: the client's id stores a retry once, and a
 * second start of the same plan for the same warning (by anyone) answers the running response.
 */
export async function startResponse(ctx: Ctx, input: ResponseStart): Promise<{ detail: ResponseDetail; created: boolean }> {
  const { warning: w } = await loadWarning(ctx.db, ctx.actor, input.warningId);
  const { plan, unit } = await loadPlan(ctx.db, ctx.actor, input.planId);
  requirePermission(ctx.actor, 'warnings.respond', unit.path);
  // A retry after the warning ended still answers the response it started.
  const replay = await findExisting(ctx.db, input);
  if (replay) return { detail: await responseDetail(ctx, replay.id), created: false };
  if (plan.status !== 'active') throw new AppError('RESPONSE_PLAN_NOT_ACTIVE');
  if (w.status !== 'active') throw new AppError('WARNING_NOT_ACTIVE');
  if (w.exercise && input.exercise === false) throw new AppError('RESPONSE_EXERCISE_WARNING');
  const exercise = w.exercise || input.exercise === true;
  const checklist = await checklistFor(ctx.db, plan.id, input.level);
  const result = await auditedTx(ctx, async (tx, now) => {
    // Any unique conflict — this id, or a response of this plan already running for this warning — inserts nothing.
    const [row] = await tx
      .insert(responses)
      .values({ id: input.id, warningId: w.id, planId: plan.id, unitId: plan.unitId, level: input.level, exercise, startedAt: now, startedBy: ctx.actor.id, startedByName: ctx.actor.displayName })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const existing = await findExisting(tx, input);
      if (!existing) throw new AppError('RESPONSE_ID_TAKEN');
      return { result: { id: existing.id, created: false }, events: [] };
    }
    if (checklist.length) {
      await tx.insert(responseTasks).values(
        checklist.map((a, position) => ({
          id: uuidv7(now.getTime()),
          responseId: row.id,
          position,
          action: a.action,
          ownerPost: a.ownerPost,
          ownerPersonId: a.ownerPerson?.id ?? null,
          timeLimitMinutes: a.timeLimitMinutes,
          dueAt: dueAt(now, a.timeLimitMinutes),
        })),
      );
    }
    const label = `${exercise ? '【演练】' : ''}${plan.name} ${RESPONSE_LEVEL_ROMAN[input.level]}级响应（${WARNING_TYPES[w.type].zh}${WARNING_LEVELS[w.level].zh}预警 ${w.identifier}）`;
    return {
      result: { id: row.id, created: true },
      events: [{ action: 'response.started' as const, entityType: 'response', entityId: row.id, unitId: plan.unitId, summary: label, after: { warningId: w.id, planId: plan.id, level: input.level, exercise, tasks: checklist.length } }],
    };
  });
  if (result.created) ctx.announcer.soon({ type: 'response.started', unitPath: unit.path, data: { id: result.id, warningId: w.id, planId: plan.id, level: input.level, exercise } });
  return { detail: await responseDetail(ctx, result.id), created: result.created };
}

/**
 * The response a start names already: the same id for the same warning and plan (a retry), else
 * the one of this plan running for this warning. The same id used for something else is refused.
 */
async function findExisting(db: Queryable, input: ResponseStart): Promise<ResponseRow | null> {
  const [same] = await db.select().from(responses).where(eq(responses.id, input.id));
  if (same) {
    if (same.warningId !== input.warningId || same.planId !== input.planId) throw new AppError('RESPONSE_ID_TAKEN');
    return same;
  }
  const [running] = await db
    .select()
    .from(responses)
    .where(and(eq(responses.planId, input.planId), eq(responses.warningId, input.warningId), eq(responses.status, 'running')));
  return running ?? null;
}
