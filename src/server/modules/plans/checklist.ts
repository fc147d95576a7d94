import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PlanActionView, ResponseLevel } from '../../../contracts';
import type { Queryable } from '../../platform/db/client';
import { units } from '../../platform/hierarchy/schema';
import { planActionViews } from './queries';
import type { PlanCandidate } from './rules';
import { planRules, plans } from './schema';

/**
 * The seam for responses (启动响应). When a warning arrives the warnings module loads the
 * candidates with `responseCandidates`, ranks them with `proposeResponse` (rules.ts), and when the
 * chief starts a response turns `checklistFor` into tasks. Neither function checks the caller's
 * scope or permissions: the caller authorizes (it has already loaded the plan or the warning).
 */

/** One checklist item to become a task: what to do, by whom, and within how many minutes of the start. */
export type ChecklistItem = PlanActionView;

/** The actions of one response level of a plan, in checklist order (empty for a level with none). */
export function checklistFor(db: Queryable, planId: string, level: ResponseLevel): Promise<ChecklistItem[]> {
  return planActionViews(db, planId, level);
}

/**
 * Active plans of the warning's unit, the units above it and the units below it, with their
 * activation rules: the input `proposeResponse` expects.
 */
export async function responseCandidates(db: Queryable, unitPath: string): Promise<PlanCandidate[]> {
  const rows = await db
    .select({ id: plans.id, name: plans.name, unitId: plans.unitId, unitPath: units.path, status: plans.status })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId))
    .where(and(eq(plans.status, 'active'), sql`(${units.path} @> ${unitPath}::ltree or ${units.path} <@ ${unitPath}::ltree)`));
  if (rows.length === 0) return [];
  const rules = await db
    .select()
    .from(planRules)
    .where(
      inArray(
        planRules.planId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, rules: rules.filter((x) => x.planId === r.id).map(({ warningType, warningLevel, responseLevel }) => ({ warningType, warningLevel, responseLevel })) }));
}
