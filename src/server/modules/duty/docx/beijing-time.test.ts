import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBeijing } from './beijing-time';

describe('formatBeijing', () => {
  it('writes an instant in the official style, in Beijing time', () => {
    expect(formatBeijing('2026-11-29T10:30:00Z', 'long')).toBe('2026年11月29日 18时30分');
    expect(formatBeijing('2026-11-29T10:30:00.123Z', 'date')).toBe('2026年11月29日');
    expect(formatBeijing('2026-11-29T10:30:00Z', 'numeric')).toBe('2026-11-29 18:30');
    expect(formatBeijing('2026-03-05T00:05:00Z', 'long')).toBe('2026年3月5日 08时05分');
  });

  it('moves to the next Beijing day from 16:00 UTC, across months and years', () => {
    expect(formatBeijing('2026-11-29T15:59:00Z', 'long')).toBe('2026年11月29日 23时59分');
    expect(formatBeijing('2026-11-29T16:00:00Z', 'long')).toBe('2026年11月30日 00时00分');
    expect(formatBeijing('2026-11-30T16:00:00Z', 'numeric')).toBe('2026-12-01 00:00');
    expect(formatBeijing('2026-12-31T16:30:00Z', 'long')).toBe('2027年1月1日 00时30分');
    expect(formatBeijing('2028-02-28T16:00:00Z', 'date')).toBe('2028年2月29日');
  });

  it('reads the offset the instant carries', () => {
    expect(formatBeijing('2026-11-30T00:10:00+08:00', 'long')).toBe('2026年11月30日 00时10分');
    expect(formatBeijing('2026-11-29T23:10:00-05:00', 'long')).toBe('2026年11月30日 12时10分');
    expect(formatBeijing('2026-11-29T16:00Z', 'numeric')).toBe('2026-11-30 00:00');
  });

  it('agrees with UTC+8 for any instant (China has kept no summer time since 1991)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const shifted = new Date(d.getTime() + 8 * 3600_000).toISOString();
        expect(formatBeijing(d.toISOString(), 'numeric')).toBe(`${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`);
      }),
    );
  });

  it('refuses what is not an instant with a zone', () => {
    for (const bad of ['', 'yesterday', '2026-11-29', '2026-11-29T10:30:00', '2026-02-30T00:00:00Z', '2026-11-29T24:00:00Z', '2026-13-01T00:00:00Z']) {
      expect(() => formatBeijing(bad, 'long'), bad).toThrow(RangeError);
    }
  });
});
