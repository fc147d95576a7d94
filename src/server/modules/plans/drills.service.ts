import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DrillCreate, DrillUpdate, DrillView } from '../../../contracts';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors/app-error';
import { lockPlanForChange } from './plans.service';
import { presentDrill } from './queries';
import { beijingDay } from './rules';
import { planDrills, type PlanDrillRow } from './schema';

const drillAudited = (d: PlanDrillRow) => ({
  heldOn: d.heldOn,
  scenario: d.scenario,
  participantCount: d.participantCount,
  participantNames: d.participantNames,
  evaluation: d.evaluation,
  findings: d.findings,
});

/** A drill is recorded after it was held: not dated after today in Beijing. */
function requirePast(heldOn: string | undefined, now: Date) {
  if (heldOn && heldOn > beijingDay(now)) throw new AppError('DRILL_IN_FUTURE');
}

export async function createDrill(ctx: Ctx, planId: string, input: z.output<typeof DrillCreate>): Promise<DrillView> {
  const row = await auditedTx(ctx, async (tx, now) => {
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, planId);
    requirePast(input.heldOn, now);
    const [drill] = await tx
      .insert(planDrills)
      .values({
        id: uuidv7(),
        planId: plan.id,
        heldOn: input.heldOn,
        scenario: input.scenario,
        participantCount: input.participantCount,
        participantNames: input.participantNames ?? null,
        evaluation: input.evaluation ?? null,
        findings: input.findings ?? null,
        recordedBy: ctx.actor.id,
        recordedByName: ctx.actor.displayName,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { result: drill!, events: [{ action: 'plan.drill.created', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name}: ${input.heldOn}`, after: drillAudited(drill!) }] };
  });
  return presentDrill(row);
}

export async function updateDrill(ctx: Ctx, drillId: string, input: z.output<typeof DrillUpdate>): Promise<DrillView> {
  const row = await auditedTx(ctx, async (tx, now) => {
    const [found] = await tx.select({ planId: planDrills.planId }).from(planDrills).where(eq(planDrills.id, drillId));
    if (!found) throw notFound();
    const { plan, unit } = await lockPlanForChange(tx, ctx.actor, found.planId);
    requirePast(input.heldOn, now);
    const [before] = await tx.select().from(planDrills).where(eq(planDrills.id, drillId));
    const [after] = await tx
      .update(planDrills)
      .set({ ...input, updatedAt: now })
      .where(eq(planDrills.id, drillId))
      .returning();
    const changes = diff(drillAudited(before!), drillAudited(after!));
    return { result: after!, events: changes ? [{ action: 'plan.drill.updated', entityType: 'plan', entityId: plan.id, unitId: unit.id, summary: `${unit.name} / ${plan.name}: ${after!.heldOn}`, ...changes }] : [] };
  });
  return presentDrill(row);
}
