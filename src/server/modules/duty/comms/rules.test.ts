import { describe, expect, it } from 'vitest';
import { holdsEquipment, isNewerTest, nextTestDue, setsZeroReportHour, testOverdue, testTimeAcceptable } from './rules';

const DAY = 86_400_000;
const created = new Date('2026-06-01T02:00:00Z');

describe('connectivity test intervals', () => {
  it('are due an interval after the last test, or after registration before any test', () => {
    expect(nextTestDue({ lastTestAt: null, createdAt: created, testIntervalDays: 7 })).toEqual(new Date(created.getTime() + 7 * DAY));
    const tested = new Date('2026-06-03T10:00:00Z');
    expect(nextTestDue({ lastTestAt: tested, createdAt: created, testIntervalDays: 7 })).toEqual(new Date(tested.getTime() + 7 * DAY));
  });

  it('fall overdue just after the due time, and never for retired equipment', () => {
    const item = { lastTestAt: null, createdAt: created, testIntervalDays: 7, status: 'active' as const };
    const due = created.getTime() + 7 * DAY;
    expect(testOverdue(item, new Date(due))).toBe(false);
    expect(testOverdue(item, new Date(due + 1))).toBe(true);
    expect(testOverdue({ ...item, status: 'retired' }, new Date(due + DAY))).toBe(false);
  });

  it('accept a phone clock up to ten minutes fast, and only a newer test moves the due date', () => {
    expect(testTimeAcceptable(new Date(created.getTime() + 10 * 60_000), created)).toBe(true);
    expect(testTimeAcceptable(new Date(created.getTime() + 10 * 60_000 + 1), created)).toBe(false);
    expect(isNewerTest(created, null)).toBe(true);
    expect(isNewerTest(created, created)).toBe(true);
    expect(isNewerTest(new Date(created.getTime() - 1), created)).toBe(false);
  });
});

describe('where things belong', () => {
  it('equipment sits at stations and villages, never on a grid; hours are set by stations and bureaus', () => {
    expect(['city', 'county', 'township', 'village'].every((l) => holdsEquipment(l as 'city'))).toBe(true);
    expect(holdsEquipment('grid')).toBe(false);
    expect(setsZeroReportHour('township')).toBe(true);
    expect(setsZeroReportHour('village')).toBe(false);
  });
});
