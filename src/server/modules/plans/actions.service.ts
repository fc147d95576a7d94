import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PLAN_LIMITS, type PlanActionCreate, type PlanActionOrder, type PlanActionUpdate, type PlanDetail } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors/app-error';
import { people } from '../org/schema';
import { lockPlanForChange } from './plans.service';
import { planDetail } from './queries';
import { isPermutation } from './rules';
import { planActions, plans, type PlanActionRow } from './schema';

/** An action's owner person: someone in post at the plan's own unit. */
async function ownerPerson(db: Queryable, unitId: string, personId: string | null | undefined): Promise<{ id: string; name: string } | null> {
  if (!personId) return null;
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.unitId, unitId), eq(people.status, 'active')));
  if (!person) throw new AppError('PLAN_PERSON_INVALID');
  return person;
}

const actionAudited = (a: PlanActionRow, personName: string | null) => ({
  responseLevel: a.level,
  position: a.position,
  action: a.action,
  ownerPost: a.ownerPost,
  ownerPerson: personName,
  timeLimitMinutes: a.timeLimitMinutes,
});

/** An action and its plan, locked for change; the action must belong to a plan the actor keeps. */
async function lockAction(tx: Queryable, actor: Actor, actionId: string) {
  const [found] = await tx.select({ planId: planActions.planId }).from(planActions).where(eq(planActions.id, actionId));
  if (!found) throw notFound();
  const joined = await lockPlanForChange(tx, actor, found.planId);
  // Re-read under the plan's lock: a concurrent delete or reorder may have moved it.
  const [action] = await tx.select().from(planActions).where(eq(planActions.id, actionId));
  if (!action) throw notFound();
  return { ...joined, action };
}

const personName = async (db: Queryable, id: string | null) => (id ? ((await db.select({ name: people.name }).from(people).where(eq(people.id, id)))[0]?.name ?? null) : null);

/** Adds an action at the end of its level's checklist. */
export async function addAction(ctx: Ctx, planId: string, input: z.output<typeof PlanActionCreate>): Promise<PlanDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, planId);
    const person = await ownerPerson(tx, plan.unitId, input.ownerPersonId);
    const [{ n, next } = { n: 0, next: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${planActions.position}) + 1, 0)::int` })
      .from(planActions)
      .where(and(eq(planActions.planId, plan.id), eq(planActions.level, input.level)));
    if (n >= PLAN_LIMITS.actionsPerLevelMax) throw new AppError('PLAN_ACTIONS_FULL');
    const [row] = await tx
      .insert(planActions)
      .values({ id: uuidv7(), planId: plan.id, level: input.level, position: next, action: input.action, ownerPost: input.ownerPost, ownerPersonId: person?.id ?? null, timeLimitMinutes: input.timeLimitMinutes ?? null, createdAt: now })
      .returning();
    await tx.update(plans).set({ updatedAt: now }).where(eq(plans.id, plan.id));
    return { result: null, events: [{ action: 'plan.action.created', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name}`, after: actionAudited(row!, person?.name ?? null) }] };
  });
  return planDetail(ctx, planId);
}

export async function updateAction(ctx: Ctx, actionId: string, input: z.output<typeof PlanActionUpdate>): Promise<PlanDetail> {
  const planId = await auditedTx(ctx, async (tx, now) => {
    const { plan, unit, action } = await lockAction(tx, ctx.actor, actionId);
    const person = input.ownerPersonId !== undefined ? await ownerPerson(tx, plan.unitId, input.ownerPersonId) : undefined;
    const set = {
      ...(input.action !== undefined ? { action: input.action } : {}),
      ...(input.ownerPost !== undefined ? { ownerPost: input.ownerPost } : {}),
      ...(person !== undefined ? { ownerPersonId: person?.id ?? null } : {}),
      ...(input.timeLimitMinutes !== undefined ? { timeLimitMinutes: input.timeLimitMinutes } : {}),
    };
    // An empty change (a form sent back untouched) writes nothing and logs nothing.
    if (Object.keys(set).length === 0) return { result: plan.id, events: [] };
    const [after] = await tx.update(planActions).set(set).where(eq(planActions.id, action.id)).returning();
    await tx.update(plans).set({ updatedAt: now }).where(eq(plans.id, plan.id));
    const changes = diff(actionAudited(action, await personName(tx, action.ownerPersonId)), actionAudited(after!, await personName(tx, after!.ownerPersonId)));
    return { result: plan.id, events: changes ? [{ action: 'plan.action.updated', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name}`, ...changes }] : [] };
  });
  return planDetail(ctx, planId);
}

/** Removes an action; those after it in its level move up one place. */
export async function deleteAction(ctx: Ctx, actionId: string): Promise<PlanDetail> {
  const planId = await auditedTx(ctx, async (tx, now) => {
    const { plan, unit, action } = await lockAction(tx, ctx.actor, actionId);
    await tx.delete(planActions).where(eq(planActions.id, action.id));
    await tx
      .update(planActions)
      .set({ position: sql`${planActions.position} - 1` })
      .where(and(eq(planActions.planId, plan.id), eq(planActions.level, action.level), gt(planActions.position, action.position)));
    await tx.update(plans).set({ updatedAt: now }).where(eq(plans.id, plan.id));
    return {
      result: plan.id,
      events: [{ action: 'plan.action.deleted', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name}`, before: actionAudited(action, await personName(tx, action.ownerPersonId)) }],
    };
  });
  return planDetail(ctx, planId);
}

/** Puts one level's actions in a new order: the list must name each of them exactly once. */
export async function reorderActions(ctx: Ctx, planId: string, input: z.output<typeof PlanActionOrder>): Promise<PlanDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, planId);
    const current = await tx
      .select({ id: planActions.id, action: planActions.action })
      .from(planActions)
      .where(and(eq(planActions.planId, plan.id), eq(planActions.level, input.level)))
      .orderBy(asc(planActions.position), asc(planActions.id));
    if (!isPermutation(current.map((a) => a.id), input.actionIds)) throw new AppError('PLAN_ORDER_INVALID');
    if (input.actionIds.length) {
      // One statement: each id gets its index in the new list.
      await tx.execute(sql`update plan_actions set position = o.position - 1
        from unnest(${sql`array[${sql.join(
          input.actionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]`}) with ordinality as o(id, position)
        where plan_actions.id = o.id and plan_actions.plan_id = ${plan.id}`);
    }
    await tx.update(plans).set({ updatedAt: now }).where(eq(plans.id, plan.id));
    const byId = new Map(current.map((a) => [a.id, a.action]));
    const changes = diff({ order: current.map((a) => a.action) }, { order: input.actionIds.map((id) => byId.get(id)!) });
    return { result: null, events: changes ? [{ action: 'plan.actions.reordered', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name} / ${input.level}`, ...changes }] : [] };
  });
  return planDetail(ctx, planId);
}
