import { and, asc, eq, sql } from 'drizzle-orm';
import type { HazardFigures, HazardStats, HazardStatsQuery } from '../../../contracts';
import { HAZARD_STATS_LIMITS } from '../../../contracts';
import { loadUnitInScope } from '../../platform/access/scope';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { hazardCategories, hazardRollups } from './schema';
import { foldRollupDeltas } from './rollups';
import { shanghaiMonth } from './rules';

/* ---------- months ---------- */

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The span asked for, with its defaults: the twelve months up to the current one (Beijing time). */
export function statsSpan(q: Pick<HazardStatsQuery, 'from' | 'to'>, now: Date): { from: string; to: string; months: string[] } {
  const to = q.to ?? shanghaiMonth(now).slice(0, 7);
  const from = q.from ?? monthOf(monthIndex(to) - 11);
  const n = monthIndex(to) - monthIndex(from) + 1;
  if (n < 1) throw new AppError('VALIDATION_FAILED', [{ path: 'query.from', code: 'after_to', zh: '开始月份不能晚于结束月份', en: 'The first month must not be after the last' }]);
  if (n > HAZARD_STATS_LIMITS.monthsMax) {
    const years = HAZARD_STATS_LIMITS.monthsMax / 12;
    throw new AppError('VALIDATION_FAILED', [{ path: 'query.from', code: 'too_long', zh: `统计区间最长 ${years} 年`, en: `The span may cover at most ${years} years` }]);
  }
  return { from, to, months: Array.from({ length: n }, (_, i) => monthOf(monthIndex(from) + i)) };
}

/* ---------- figures ---------- */

type Sums = { found: number; closed: number; closeDaysSum: number };
const ZERO: Sums = { found: 0, closed: 0, closeDaysSum: 0 };
const add = (a: Sums, b: Sums): Sums => ({ found: a.found + b.found, closed: a.closed + b.closed, closeDaysSum: a.closeDaysSum + b.closeDaysSum });

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function figures(s: Sums): HazardFigures {
  return {
    found: s.found,
    closed: s.closed,
    closureRate: s.found > 0 ? round(s.closed / s.found, 4) : null,
    meanCloseDays: s.closed > 0 ? round(s.closeDaysSum / s.closed, 1) : null,
  };
}

/**
 * The statistics of a unit's subtree over a span of months. Everything comes from the roll-ups,
 * which hold each unit's whole subtree per month and category: the unit's own rows give its
 * figures, its children's rows theirs — a few hundred rows, whatever the number of hazards. The
 * deltas written since the last fold are folded in first, so a change shows at once.
 * "Overdue now" is a state, not a history: it is summed over all months, not the span.
 */
export async function hazardStats(ctx: Ctx, q: HazardStatsQuery): Promise<HazardStats> {
  const [unit] = await Promise.all([loadUnitInScope(ctx.db, ctx.actor, q.unitId ?? ctx.actor.unitId), foldRollupDeltas(ctx.db)]);
  const span = statsSpan(q, ctx.clock.now());
  const inSpan = sql`${hazardRollups.month} between ${`${span.from}-01`}::date and ${`${span.to}-01`}::date`;

  const [own, overdueRows, childRows, categories] = await Promise.all([
    ctx.db
      .select({ month: hazardRollups.month, code: hazardRollups.categoryCode, found: hazardRollups.found, closed: hazardRollups.closed, closeDaysSum: hazardRollups.closeDaysSum })
      .from(hazardRollups)
      .where(and(eq(hazardRollups.unitId, unit.id), inSpan)),
    // Overdue now, for the unit and each child, from the partial index of rows with overdue hazards.
    ctx.db
      .select({ unitId: hazardRollups.unitId, n: sql<number>`sum(${hazardRollups.overdue})::int` })
      .from(hazardRollups)
      .where(and(sql`${hazardRollups.overdue} <> 0`, sql`${hazardRollups.unitId} in (select ${unit.id}::uuid union all select ${units.id} from ${units} where ${units.parentId} = ${unit.id})`))
      .groupBy(hazardRollups.unitId),
    // Each child with the sums of its roll-up rows in the span; a retired child only if it has any.
    ctx.db
      .select({
        id: units.id,
        name: units.name,
        code: units.code,
        level: units.level,
        found: sql<number>`coalesce(sum(${hazardRollups.found}), 0)::int`,
        closed: sql<number>`coalesce(sum(${hazardRollups.closed}), 0)::int`,
        closeDaysSum: sql<number>`coalesce(sum(${hazardRollups.closeDaysSum}), 0)::float8`,
      })
      .from(units)
      .leftJoin(hazardRollups, and(eq(hazardRollups.unitId, units.id), inSpan))
      .where(eq(units.parentId, unit.id))
      .groupBy(units.id)
      .having(sql`${units.status} = 'active' or coalesce(sum(${hazardRollups.found}), 0) > 0`)
      .orderBy(asc(units.code)),
    ctx.db.select().from(hazardCategories).orderBy(asc(hazardCategories.sortOrder), asc(hazardCategories.code)),
  ]);
  const overdueOf = new Map(overdueRows.map((r) => [r.unitId, r.n]));

  const byMonth = new Map(span.months.map((m) => [m, ZERO]));
  const byCategory = new Map<string, Sums>();
  for (const r of own) {
    const month = r.month.slice(0, 7);
    byMonth.set(month, add(byMonth.get(month) ?? ZERO, r));
    byCategory.set(r.code, add(byCategory.get(r.code) ?? ZERO, r));
  }
  const total = [...byCategory.values()].reduce(add, ZERO);

  return {
    unit: { id: unit.id, name: unit.name, code: unit.code, level: unit.level },
    from: span.from,
    to: span.to,
    totals: { ...figures(total), overdue: overdueOf.get(unit.id) ?? 0 },
    // Categories in catalog order; a category with hazards in the span shows even if retired since.
    byCategory: categories
      .filter((c) => c.active || byCategory.has(c.code))
      .map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, ...figures(byCategory.get(c.code) ?? ZERO) })),
    byMonth: span.months.map((month) => ({ month, ...figures(byMonth.get(month) ?? ZERO) })),
    children: childRows.map((c) => ({
      unit: { id: c.id, name: c.name, code: c.code, level: c.level },
      overdue: overdueOf.get(c.id) ?? 0,
      ...figures(c),
    })),
  };
}
