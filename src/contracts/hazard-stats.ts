import { z } from 'zod';
import { UnitLevel } from './org';

/**
 * 隐患统计分析: the figures of a unit (its whole subtree) over a span of months, read from the
 * monthly roll-ups. A hazard counts towards the month it was reported in (Beijing time), also
 * when it is closed later, so "closed" of a span means "of the hazards found in it, closed so far".
 */
export const HAZARD_STATS_LIMITS = {
  /** The longest span one request may cover (ten years of months). */
  monthsMax: 120,
} as const;

/** A calendar month, YYYY-MM. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'year_month' });

export const HazardStatsQuery = z.object({
  /** The unit whose figures (and whose children's) are wanted; defaults to the caller's own unit. */
  unitId: z.uuid().optional(),
  /** First month, inclusive; defaults to eleven months before `to`. */
  from: YearMonth.optional(),
  /** Last month, inclusive; defaults to the current month (Beijing time). */
  to: YearMonth.optional(),
});
export type HazardStatsQuery = z.infer<typeof HazardStatsQuery>;

/** found / closed / mean days for one slice. `closureRate` is closed ÷ found (null when none found). */
export const HazardFigures = z.object({
  found: z.number().int(),
  closed: z.number().int(),
  closureRate: z.number().nullable(),
  /** Mean days from report to close-out of the closed ones (null when none closed). */
  meanCloseDays: z.number().nullable(),
});
export type HazardFigures = z.infer<typeof HazardFigures>;

const StatsUnit = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });

export const HazardStats = z.object({
  unit: StatsUnit,
  from: YearMonth,
  to: YearMonth,
  /** The unit's figures, plus `overdue`: open hazards in its subtree that are overdue now. */
  totals: HazardFigures.extend({ overdue: z.number().int() }),
  byCategory: z.array(HazardFigures.extend({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  /** Every month of the span, in order (months without hazards have zeros). */
  byMonth: z.array(HazardFigures.extend({ month: YearMonth })),
  /** Each child unit (units directly below), with its subtree's figures and overdue count. */
  children: z.array(HazardFigures.extend({ unit: StatsUnit, overdue: z.number().int() })),
});
export type HazardStats = z.infer<typeof HazardStats>;
