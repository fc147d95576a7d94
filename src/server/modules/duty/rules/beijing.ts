/**
 * Beijing time (Asia/Shanghai) arithmetic for the duty rules. China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact for every date this system will see and
 * keeps the rules free of a time-zone database: a "Beijing wall clock" is the UTC clock moved 8 h.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * HOUR_MS;

/** A Beijing calendar date, 'YYYY-MM-DD'. */
export type BeijingDate = string;
/** A Beijing calendar month, 'YYYY-MM'. */
export type BeijingMonth = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Year, month (1-12) and day of a 'YYYY-MM-DD', or throws a RangeError: 2023-02-29 is not a date. */
export function parseBeijingDate(day: BeijingDate): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(day);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${day}`);
  }
  return { y, m, d };
}

/** Year and month (1-12) of a 'YYYY-MM', or throws a RangeError. */
export function parseBeijingMonth(month: BeijingMonth): { y: number; m: number } {
  const match = MONTH_RE.exec(month);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return { y, m };
}

/** The instant when the Beijing wall clock shows `hour`:00 on `day` (hour may be 24 = next midnight). */
export function beijingInstant(day: BeijingDate, hour: number, minute = 0): Date {
  const { y, m, d } = parseBeijingDate(day);
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - OFFSET_MS);
}

/** The Beijing calendar date of an instant: 2024-12-31T16:30Z is already 2025-01-01 in Beijing. */
export function beijingDateOf(at: Date): BeijingDate {
  const local = new Date(at.getTime() + OFFSET_MS);
  return `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
}

/** 'HH:MM' on the Beijing wall clock (labels). */
export function beijingClock(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS);
  return `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/** Milliseconds since Beijing midnight of the Beijing day `at` falls on. */
export function msIntoBeijingDay(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  return ((local % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The date `n` days after `day` (n may be negative). */
export function addDays(day: BeijingDate, n: number): BeijingDate {
  const { y, m, d } = parseBeijingDate(day);
  const next = new Date(Date.UTC(y, m - 1, d + n));
  return `${next.getUTCFullYear()}-${pad2(next.getUTCMonth() + 1)}-${pad2(next.getUTCDate())}`;
}

/** Every date of a month, in order (28 to 31 of them). */
export function datesOfMonth(month: BeijingMonth): BeijingDate[] {
  const { y, m } = parseBeijingMonth(month);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${y}-${pad2(m)}-${pad2(i + 1)}`);
}

/**
 * Whole minutes from `now` until `due`, rounded down: 30 s before a deadline is 0 minutes left,
 * 30 s after it is -1, so a countdown never shows 0 for something already late.
 */
export function minutesUntil(due: Date, now: Date): number {
  return Math.floor((due.getTime() - now.getTime()) / MINUTE_MS);
}
