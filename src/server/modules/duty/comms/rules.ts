import { COMMS_LIMITS, COMMS_UNIT_LEVELS, ZERO_REPORT_SETTING_LEVELS, type UnitLevel } from '../../../../contracts';
import { DAY_MS, MINUTE_MS } from '../rules/beijing';

/** Stations keep equipment; a village may keep a broadcast system. */
export const holdsEquipment = (level: UnitLevel) => (COMMS_UNIT_LEVELS as readonly UnitLevel[]).includes(level);

/** The units that may set their own zero-report hour. */
export const setsZeroReportHour = (level: UnitLevel) => (ZERO_REPORT_SETTING_LEVELS as readonly UnitLevel[]).includes(level);

type Testable = { lastTestAt: Date | null; createdAt: Date; testIntervalDays: number };

/**
 * When the next connectivity test is due: the last test (or the registration, before any test)
 * plus the interval in whole 24-hour days. The SQL of the list filter and of the overdue sweep
 * computes the same (`dueSql` in queries.ts).
 */
export function nextTestDue(e: Testable): Date {
  return new Date((e.lastTestAt ?? e.createdAt).getTime() + e.testIntervalDays * DAY_MS);
}

/** Overdue once the due time has passed; retired equipment needs no more tests. */
export function testOverdue(e: Testable & { status: 'active' | 'retired' }, now: Date): boolean {
  return e.status === 'active' && now.getTime() > nextTestDue(e).getTime();
}

/** A test may not claim a time later than now, give or take a phone clock running fast. */
export const testTimeAcceptable = (at: Date, now: Date) => at.getTime() <= now.getTime() + COMMS_LIMITS.testFutureSkewMinutes * MINUTE_MS;

/** A test becomes the item's last test when it is at least as recent as the one on record. */
export const isNewerTest = (at: Date, lastTestAt: Date | null) => lastTestAt === null || at.getTime() >= lastTestAt.getTime();

