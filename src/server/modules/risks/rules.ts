import { RISK_LIMITS, RISK_UNIT_LEVELS, type UnitLevel } from '../../../contracts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Risk points are registered on townships, villages and grids. */
export function holdsRiskPoints(level: UnitLevel): boolean {
  return (RISK_UNIT_LEVELS as readonly UnitLevel[]).includes(level);
}

/**
 * When the next periodic check is due: the last check (or the registration, before any check)
 * plus the cycle, counted in whole 24-hour days. The list filter in queries.ts computes the same in SQL.
 */
export function nextCheckDue(p: { lastCheckAt: Date | null; createdAt: Date; checkCycleDays: number }): Date {
  return new Date((p.lastCheckAt ?? p.createdAt).getTime() + p.checkCycleDays * DAY_MS);
}

/** A check is overdue once its due time has passed; a retired point needs no more checks. */
export function checkOverdue(p: { status: 'active' | 'retired'; lastCheckAt: Date | null; createdAt: Date; checkCycleDays: number }, now: Date): boolean {
  return p.status === 'active' && now.getTime() > nextCheckDue(p).getTime();
}

/** A check may not claim a time later than now, give or take a phone clock running fast. */
export function checkTimeAcceptable(at: Date, now: Date): boolean {
  return at.getTime() <= now.getTime() + RISK_LIMITS.checkFutureSkewMinutes * 60 * 1000;
}

/** A check counts as the point's last check when it is at least as recent as the one on record. */
export function isNewerCheck(at: Date, lastCheckAt: Date | null): boolean {
  return lastCheckAt === null || at.getTime() >= lastCheckAt.getTime();
}
