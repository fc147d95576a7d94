import { describe, expect, it } from 'vitest';
import { figures, statsSpan } from './stats.service';

describe('statistics span and figures', () => {
  it('defaults to the twelve months up to the current one in Beijing time', () => {
    // 2026-05-31 17:00 UTC is already 1 June in Beijing.
    const span = statsSpan({}, new Date('2026-05-31T17:00:00Z'));
    expect(span).toMatchObject({ from: '2025-07', to: '2026-06' });
    expect(span.months).toHaveLength(12);
    expect(span.months.slice(5, 8)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('counts back from a given last month, and refuses a reversed or too long span', () => {
    expect(statsSpan({ to: '2026-03' }, new Date()).from).toBe('2025-04');
    expect(statsSpan({ from: '2026-03', to: '2026-03' }, new Date()).months).toEqual(['2026-03']);
    expect(() => statsSpan({ from: '2026-04', to: '2026-03' }, new Date())).toThrow();
    expect(() => statsSpan({ from: '2010-01', to: '2020-01' }, new Date())).toThrow();
  });

  it('gives no rate without hazards and no mean without close-outs', () => {
    expect(figures({ found: 0, closed: 0, closeDaysSum: 0 })).toEqual({ found: 0, closed: 0, closureRate: null, meanCloseDays: null });
    expect(figures({ found: 3, closed: 2, closeDaysSum: 5 })).toEqual({ found: 3, closed: 2, closureRate: 0.6667, meanCloseDays: 2.5 });
  });
});
