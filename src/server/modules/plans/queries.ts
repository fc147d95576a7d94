import { and, arrayContains, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { RESPONSE_LEVELS, type DrillView, type PlanActionView, type PlanDetail, type PlanListQuery, type PlanView, type UnitLevel } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, requirePermission, requirePermissionSomewhere, unitIdInScope, unitIdWithPermission } from '../../platform/access/scope';
import type { Queryable } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/like';
import { notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { beijingDay, revisionOverdue } from './rules';
import { planActions, planDrills, planRules, plans, type PlanActionRow, type PlanDrillRow, type PlanRow } from './schema';

/** What the reads need: who asks, and what time it is (for "revision overdue"). */
export type ReadCtx = { db: Queryable; actor: Actor; clock: { now: () => Date } };

type UnitCols = { id: string; name: string; code: string; level: UnitLevel; path: string };
type LastDrill = { id: string; heldOn: string; scenario: string } | null;
export type JoinedPlan = { plan: PlanRow; unit: UnitCols; lastDrill: LastDrill };

/** The newest drill of the plan (by the day it was held), for lists and the plan's header. */
const lastDrill = sql<LastDrill>`(select json_build_object('id', d.id, 'heldOn', d.held_on, 'scenario', d.scenario) from plan_drills d where d.plan_id = ${plans.id} order by d.held_on desc, d.id desc limit 1)`;

const joined = (db: Queryable) =>
  db
    .select({ plan: plans, unit: { id: units.id, name: units.name, code: units.code, level: units.level, path: units.path }, lastDrill })
    .from(plans)
    .innerJoin(units, eq(units.id, plans.unitId));

/** "Revision overdue" in SQL, for filtering before paging: the same rule as `revisionOverdue` in rules.ts. */
const overdueOn = (today: string): SQL => sql`(${plans.status} <> 'retired' and ${plans.revisionDue} < ${today}::date)`;

export type PlanFilter = z.output<typeof PlanListQuery>;

/** Plans the actor may read (plans.read), optionally within one unit's subtree, nearest the top first. */
export async function listPlans(ctx: ReadCtx, f: PlanFilter) {
  requirePermissionSomewhere(ctx.actor, 'plans.read');
  const now = ctx.clock.now();
  const conds: SQL[] = [unitIdWithPermission(ctx.actor, 'plans.read', plans.unitId)];
  if (f.unitId) {
    // A unit outside the scope is "not found", not an empty list.
    const unit = await loadUnitInScope(ctx.db, ctx.actor, f.unitId);
    conds.push(sql`${plans.unitId} in (select id from units where path <@ ${unit.path}::ltree)`);
  }
  if (f.kind) conds.push(eq(plans.kind, f.kind));
  if (f.status) conds.push(eq(plans.status, f.status));
  if (f.hazard) conds.push(arrayContains(plans.hazards, [f.hazard]));
  if (f.q) conds.push(ilike(plans.name, containsPattern(f.q)));
  if (f.revisionOverdue !== undefined) {
    const overdue = overdueOn(beijingDay(now));
    conds.push(f.revisionOverdue ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    joined(ctx.db)
      .where(where)
      .orderBy(sql`nlevel(${units.path})`, units.code, sql`array_position(array['active','draft','retired']::text[], ${plans.status})`, plans.name, plans.id)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(plans).where(where),
  ]);
  return { items: rows.map((r) => present(ctx.actor, r, now)), total, page: f.page, pageSize: f.pageSize };
}

/**
 * A plan in the actor's scope, or "not found"; `permission` is then required at its unit (403
 * without it), so a grid worker who sees the village still cannot open its plans.
 */
export async function loadPlan(db: Queryable, actor: Actor, id: string, permission: 'plans.read' | 'plans.manage' = 'plans.read'): Promise<JoinedPlan> {
  const [row] = await joined(db).where(and(eq(plans.id, id), unitIdInScope(actor, plans.unitId)));
  if (!row) throw notFound();
  requirePermission(actor, permission, row.unit.path);
  return row;
}

/** Actions of a plan (optionally one level), in level then position order, with their owners. */
export async function planActionViews(db: Queryable, planId: string, level?: PlanActionView['level']): Promise<PlanActionView[]> {
  const rows = await db
    .select({ a: planActions, person: { id: people.id, name: people.name, phone: people.phone } })
    .from(planActions)
    .leftJoin(people, eq(people.id, planActions.ownerPersonId))
    .where(level ? and(eq(planActions.planId, planId), eq(planActions.level, level)) : eq(planActions.planId, planId))
    .orderBy(asc(planActions.level), asc(planActions.position), asc(planActions.id));
  return rows.map(({ a, person }) => presentAction(a, person?.id ? person : null));
}

export function presentAction(a: PlanActionRow, person: { id: string; name: string; phone: string } | null): PlanActionView {
  return { id: a.id, level: a.level, position: a.position, action: a.action, ownerPost: a.ownerPost, ownerPerson: person, timeLimitMinutes: a.timeLimitMinutes };
}

export async function planDetail(ctx: ReadCtx, id: string): Promise<PlanDetail> {
  const row = await loadPlan(ctx.db, ctx.actor, id);
  const [actions, rules] = await Promise.all([
    planActionViews(ctx.db, id),
    ctx.db.select().from(planRules).where(eq(planRules.planId, id)),
  ]);
  const levelOrder = (l: string) => RESPONSE_LEVELS.indexOf(l as (typeof RESPONSE_LEVELS)[number]);
  const typeOrder = (t: string) => row.plan.hazards.indexOf(t);
  return {
    ...present(ctx.actor, row, ctx.clock.now()),
    levels: RESPONSE_LEVELS.map((level) => ({ level, actions: actions.filter((a) => a.level === level) })),
    rules: rules
      .map((r) => ({ warningType: r.warningType, warningLevel: r.warningLevel, responseLevel: r.responseLevel }))
      .sort((a, b) => typeOrder(a.warningType) - typeOrder(b.warningType) || levelOrder(a.responseLevel) - levelOrder(b.responseLevel) || a.warningLevel.localeCompare(b.warningLevel)),
  };
}

export async function listDrills(ctx: ReadCtx, planId: string, page: { page: number; pageSize: number }) {
  const row = await loadPlan(ctx.db, ctx.actor, planId);
  const where = eq(planDrills.planId, row.plan.id);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select()
      .from(planDrills)
      .where(where)
      .orderBy(desc(planDrills.heldOn), desc(planDrills.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(planDrills).where(where),
  ]);
  return { items: items.map(presentDrill), total, page: page.page, pageSize: page.pageSize };
}

export const documentUrl = (planId: string) => `/api/plans/${planId}/document`;

export function present(actor: Actor, { plan, unit, lastDrill: drill }: JoinedPlan, now: Date): PlanView {
  return {
    id: plan.id,
    unit: { id: unit.id, name: unit.name, code: unit.code, level: unit.level },
    name: plan.name,
    kind: plan.kind,
    setting: plan.setting,
    hazards: plan.hazards as PlanView['hazards'],
    status: plan.status,
    version: plan.version,
    approvedOn: plan.approvedOn,
    revisionDue: plan.revisionDue,
    revisionOverdue: revisionOverdue(plan, now),
    summary: plan.summary,
    document:
      plan.documentKey && plan.documentName && plan.documentMime && plan.documentSize !== null && plan.documentUploadedAt
        ? { fileName: plan.documentName, mime: plan.documentMime, size: plan.documentSize, uploadedAt: plan.documentUploadedAt.toISOString(), url: documentUrl(plan.id) }
        : null,
    lastDrill: drill,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    can: { manage: plan.status !== 'retired' && canAt(actor, 'plans.manage', unit.path) },
  };
}

export function presentDrill(d: PlanDrillRow): DrillView {
  return {
    id: d.id,
    planId: d.planId,
    heldOn: d.heldOn,
    scenario: d.scenario,
    participantCount: d.participantCount,
    participantNames: d.participantNames,
    evaluation: d.evaluation,
    findings: d.findings,
    recordedBy: d.recordedByName,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
