import { describe, expect, it } from 'vitest';
import { checkOverdue, checkTimeAcceptable, holdsRiskPoints, isNewerCheck, nextCheckDue } from './rules';

const at = (iso: string) => new Date(iso);
const created = at('2026-05-01T02:00:00Z');

describe('next check due', () => {
  it('counts the cycle from the registration while there is no check', () => {
    expect(nextCheckDue({ lastCheckAt: null, createdAt: created, checkCycleDays: 7 }).toISOString()).toBe('2026-05-08T02:00:00.000Z');
  });

  it('counts the cycle from the last check once there is one', () => {
    expect(nextCheckDue({ lastCheckAt: at('2026-05-20T09:30:00Z'), createdAt: created, checkCycleDays: 30 }).toISOString()).toBe('2026-06-19T09:30:00.000Z');
  });
});

describe('check overdue', () => {
  const point = { status: 'active' as const, lastCheckAt: null, createdAt: created, checkCycleDays: 7 };

  it('is not overdue up to and including the due time', () => {
    expect(checkOverdue(point, at('2026-05-05T00:00:00Z'))).toBe(false);
    expect(checkOverdue(point, at('2026-05-08T02:00:00Z'))).toBe(false);
  });

  it('is overdue the moment after the due time', () => {
    expect(checkOverdue(point, at('2026-05-08T02:00:00.001Z'))).toBe(true);
  });

  it('a recent check clears it', () => {
    expect(checkOverdue({ ...point, lastCheckAt: at('2026-05-10T00:00:00Z') }, at('2026-05-12T00:00:00Z'))).toBe(false);
    expect(checkOverdue({ ...point, lastCheckAt: at('2026-05-10T00:00:00Z') }, at('2026-05-17T00:00:01Z'))).toBe(true);
  });

  it('a retired point is never overdue', () => {
    expect(checkOverdue({ ...point, status: 'retired' }, at('2027-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('check time', () => {
  const now = at('2026-06-01T02:00:00Z');
  it('accepts past times and a phone clock a few minutes fast, refuses later ones', () => {
    expect(checkTimeAcceptable(at('2026-05-01T00:00:00Z'), now)).toBe(true);
    expect(checkTimeAcceptable(at('2026-06-01T02:09:59Z'), now)).toBe(true);
    expect(checkTimeAcceptable(at('2026-06-01T02:10:01Z'), now)).toBe(false);
  });

  it('a late-arriving older check does not replace a newer last check', () => {
    expect(isNewerCheck(at('2026-05-01T00:00:00Z'), null)).toBe(true);
    expect(isNewerCheck(at('2026-05-01T00:00:00Z'), at('2026-05-02T00:00:00Z'))).toBe(false);
    expect(isNewerCheck(at('2026-05-03T00:00:00Z'), at('2026-05-02T00:00:00Z'))).toBe(true);
  });
});

describe('where risk points may be registered', () => {
  it('townships, villages and grids, not the city or county', () => {
    expect(['city', 'county', 'township', 'village', 'grid'].map((l) => holdsRiskPoints(l as never))).toEqual([false, false, true, true, true]);
  });
});
