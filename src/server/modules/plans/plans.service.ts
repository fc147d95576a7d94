import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanCreate, PlanDetail, PlanRulesPut, PlanUpdate, PlanWarningType } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, requirePermission } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { loadPlan, planDetail, type JoinedPlan } from './queries';
import { holdsPlans, ruleProblems } from './rules';
import { planRules, plans, type PlanRow } from './schema';

/** The fields the audit log keeps for a plan; named so they cannot be mistaken for other records' fields. */
export const planAudited = (p: PlanRow) => ({
  name: p.name,
  planKind: p.kind,
  setting: p.setting,
  hazards: p.hazards,
  status: p.status,
  version: p.version,
  approvedOn: p.approvedOn,
  revisionDue: p.revisionDue,
  summary: p.summary,
});

/**
 * Loads a plan the actor may keep and locks its row, so concurrent edits of one plan (its
 * checklist positions above all) serialize. A retired plan is read-only.
 */
export async function lockPlanForChange(tx: Queryable, actor: Actor, id: string): Promise<JoinedPlan> {
  const row = await loadPlan(tx, actor, id, 'plans.manage');
  await tx.execute(sql`select 1 from plans where id = ${row.plan.id} for update`);
  const locked = await loadPlan(tx, actor, id, 'plans.manage');
  if (locked.plan.status === 'retired') throw new AppError('PLAN_RETIRED');
  return locked;
}

export async function createPlan(ctx: Ctx, input: z.output<typeof PlanCreate>): Promise<PlanDetail> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'plans.manage', unit.path);
  if (!holdsPlans(unit.level)) throw new AppError('PLAN_UNIT_LEVEL');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const id = uuidv7();
  await auditedTx(ctx, async (tx, now) => {
    const [row] = await tx
      .insert(plans)
      .values({
        id,
        unitId: unit.id,
        name: input.name,
        kind: input.kind,
        setting: input.setting,
        hazards: input.hazards,
        status: input.status,
        version: input.version,
        approvedOn: input.approvedOn ?? null,
        revisionDue: input.revisionDue ?? null,
        summary: input.summary ?? null,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { result: row, events: [{ action: 'plan.created', entityType: 'plan', entityId: id, unitId: unit.id, summary: `${unit.name} / ${input.name}`, after: planAudited(row!) }] };
  });
  return planDetail(ctx, id);
}

/**
 * Edits a plan. Narrowing the hazards it covers drops the activation rules of the types no longer
 * covered, in the same transaction, so no rule ever points outside the plan's scope.
 */
export async function updatePlan(ctx: Ctx, id: string, input: z.output<typeof PlanUpdate>): Promise<PlanDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, id);
    const [after] = await tx
      .update(plans)
      .set({ ...input, updatedAt: now })
      .where(eq(plans.id, plan.id))
      .returning();
    if (input.hazards) await tx.delete(planRules).where(and(eq(planRules.planId, plan.id), notInArray(planRules.warningType, input.hazards.filter((h): h is PlanWarningType => h !== 'other'))));
    const changes = diff(planAudited(plan), planAudited(after!));
    return { result: null, events: changes ? [{ action: 'plan.updated', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${after!.name}`, ...changes }] : [] };
  });
  return planDetail(ctx, id);
}

/** Replaces a plan's activation rules with a consistent set (see `ruleProblems`). */
export async function putPlanRules(ctx: Ctx, id: string, { rules }: z.output<typeof PlanRulesPut>): Promise<PlanDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, id);
    const problems = ruleProblems(rules, plan.hazards);
    if (problems.length) {
      throw new AppError(
        'PLAN_RULES_INVALID',
        problems.map((p) => ({ path: `body.rules.${p.index}`, code: p.code, zh: RULE_PROBLEM_TEXT[p.code].zh, en: RULE_PROBLEM_TEXT[p.code].en })),
      );
    }
    const before = await tx.select().from(planRules).where(eq(planRules.planId, plan.id));
    await tx.delete(planRules).where(eq(planRules.planId, plan.id));
    if (rules.length) await tx.insert(planRules).values(rules.map((r) => ({ planId: plan.id, ...r })));
    await tx.update(plans).set({ updatedAt: now }).where(eq(plans.id, plan.id));
    const show = (rs: { warningType: string; warningLevel: string; responseLevel: string }[]) => rs.map((r) => `${r.warningType}/${r.warningLevel}→${r.responseLevel}`).sort();
    const changes = diff({ rules: show(before) }, { rules: show(rules) });
    return { result: null, events: changes ? [{ action: 'plan.rules.updated', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name}`, ...changes }] : [] };
  });
  return planDetail(ctx, id);
}

const RULE_PROBLEM_TEXT = {
  duplicate: { zh: '同一预警类型和级别只能设置一条规则', en: 'One rule per warning type and level' },
  hazard_not_covered: { zh: '该预警类型不在预案适用的灾种内', en: 'The plan does not cover this warning type' },
  not_monotonic: { zh: '较高的预警级别不能对应较低的响应级别', en: 'A higher warning level cannot start a milder response' },
} as const;
