import { PLAN_WARNING_LEVELS, RESPONSE_LEVELS, type PlanRule, type PlanStatus, type PlanWarningLevel, type PlanWarningType, type ResponseLevel, type UnitLevel } from '../../../contracts';
import { PLAN_UNIT_LEVELS } from '../../../contracts/plans';

/** Plans sit on every level but the grid. */
export const holdsPlans = (level: UnitLevel) => (PLAN_UNIT_LEVELS as readonly string[]).includes(level);

/** 0 for the most severe (红 / Ⅰ), 3 for the least (蓝 / Ⅳ). */
export const warningRank = (l: PlanWarningLevel) => PLAN_WARNING_LEVELS.indexOf(l);
export const responseRank = (l: ResponseLevel) => RESPONSE_LEVELS.indexOf(l);

/** The more severe of two response levels. */
const moreSevere = (a: ResponseLevel, b: ResponseLevel) => (responseRank(a) <= responseRank(b) ? a : b);

/**
 * The response level a plan's rules give a warning of this type and colour: the most severe level
 * any rule gives to this colour or a milder one. So a red warning starts at least what an orange
 * one would, even when the plan only has a rule for orange, and a higher colour never proposes a
 * milder response than a lower one. Null when no rule of the type is at or below the colour.
 */
export function responseLevelFor(rules: readonly PlanRule[], type: PlanWarningType, level: PlanWarningLevel): ResponseLevel | null {
  let found: ResponseLevel | null = null;
  for (const r of rules) {
    if (r.warningType !== type || warningRank(r.warningLevel) < warningRank(level)) continue;
    found = found ? moreSevere(found, r.responseLevel) : r.responseLevel;
  }
  return found;
}

/**
 * Problems in a set of activation rules, as field-level codes: a warning type and colour named
 * twice, a type the plan does not cover, or a higher colour mapped to a milder response than a
 * lower colour of the same type (红色 → Ⅲ级 while 黄色 → Ⅱ级).
 */
export function ruleProblems(rules: readonly PlanRule[], hazards: readonly string[]): { index: number; code: 'duplicate' | 'hazard_not_covered' | 'not_monotonic' }[] {
  const problems: { index: number; code: 'duplicate' | 'hazard_not_covered' | 'not_monotonic' }[] = [];
  const seen = new Set<string>();
  rules.forEach((r, index) => {
    const key = `${r.warningType}/${r.warningLevel}`;
    if (seen.has(key)) problems.push({ index, code: 'duplicate' });
    seen.add(key);
    if (!hazards.includes(r.warningType)) problems.push({ index, code: 'hazard_not_covered' });
    const milderBelow = rules.some((o) => o.warningType === r.warningType && warningRank(o.warningLevel) > warningRank(r.warningLevel) && responseRank(o.responseLevel) < responseRank(r.responseLevel));
    if (milderBelow) problems.push({ index, code: 'not_monotonic' });
  });
  return problems;
}

/** "YYYY-MM-DD" of an instant in Beijing (UTC+8, no daylight saving). */
export const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A plan still in use whose revision date (修订日期) is before today in Beijing. */
export function revisionOverdue(plan: { status: PlanStatus; revisionDue: string | null }, now: Date): boolean {
  return plan.status !== 'retired' && plan.revisionDue !== null && plan.revisionDue < beijingDay(now);
}

/** What `proposeResponse` needs of a plan: its unit's place in the hierarchy, status and rules. */
export type PlanCandidate = {
  id: string;
  name: string;
  unitId: string;
  /** The unit's ltree path (labels are unit ids without dashes), e.g. "city.county.township". */
  unitPath: string;
  status: PlanStatus;
  rules: readonly PlanRule[];
};

export type ResponseProposal = {
  planId: string;
  planName: string;
  unitId: string;
  responseLevel: ResponseLevel;
  /** Where the plan's unit is relative to the warning's: the same unit, above it or below it. */
  relation: 'same' | 'above' | 'below';
  /** How many levels apart the two units are (0 for the same unit). */
  distance: number;
};

const isAncestorOrSelf = (ancestor: string, path: string) => path === ancestor || path.startsWith(`${ancestor}.`);
const depth = (path: string) => path.split('.').length;

/**
 * The plans a warning for `unitPath` should start, and at which level: every active plan of the
 * warning's unit, the units above it and the units below it whose rules answer the warning (see
 * `responseLevelFor`). Nearest unit first — the unit itself, then at each distance the unit above
 * before those below — then the most severe level, then by name. Drafts and retired plans are
 * never proposed.
 */
export function proposeResponse(plans: readonly PlanCandidate[], warning: { type: PlanWarningType; level: PlanWarningLevel; unitPath: string }): ResponseProposal[] {
  const out: ResponseProposal[] = [];
  for (const plan of plans) {
    if (plan.status !== 'active') continue;
    const relation = plan.unitPath === warning.unitPath ? 'same' : isAncestorOrSelf(plan.unitPath, warning.unitPath) ? 'above' : isAncestorOrSelf(warning.unitPath, plan.unitPath) ? 'below' : null;
    if (!relation) continue;
    const responseLevel = responseLevelFor(plan.rules, warning.type, warning.level);
    if (!responseLevel) continue;
    out.push({ planId: plan.id, planName: plan.name, unitId: plan.unitId, responseLevel, relation, distance: Math.abs(depth(plan.unitPath) - depth(warning.unitPath)) });
  }
  const relationOrder = { same: 0, above: 1, below: 2 } as const;
  return out.sort(
    (a, b) =>
      a.distance - b.distance ||
      relationOrder[a.relation] - relationOrder[b.relation] ||
      responseRank(a.responseLevel) - responseRank(b.responseLevel) ||
      a.planName.localeCompare(b.planName, 'zh-CN') ||
      a.planId.localeCompare(b.planId),
  );
}

/** A new order of a level's actions must name each of them exactly once. */
export function isPermutation(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length || new Set(proposed).size !== proposed.length) return false;
  const have = new Set(current);
  return proposed.every((id) => have.has(id));
}

/** A file's name as kept and offered back on download: no folders, no control characters, bounded. */
export function cleanFileName(name: string, max: number, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!cleaned) return fallback;
  if (cleaned.length <= max) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, max - ext.length) + ext;
}
