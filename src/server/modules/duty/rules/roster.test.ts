import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DUTY_ROLES,
  HANDOVER_CHECKLIST,
  HANDOVER_ITEM_KEYS,
  applySwap,
  generateRoster,
  parseShiftKey,
  rosterGaps,
  shiftAt,
  shiftsOfMonth,
  type Assignment,
  type ShiftPatternKind,
} from './roster';

const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;

describe('shifts of a month', () => {
  it('give a leap February 29 shifts of 24 h from 08:00 on the 1st to 08:00 on March 1st', () => {
    const shifts = shiftsOfMonth('2024-02', '24h');
    expect(shifts).toHaveLength(29);
    expect(shifts[0]).toMatchObject({ key: '2024-02-01/full', date: '2024-02-01', slot: 'full', startsAt: bj('2024-02-01 08:00'), endsAt: bj('2024-02-02 08:00') });
    expect(shifts[0]!.label).toEqual({ zh: '全天 08:00—次日08:00', en: 'Full day 08:00–08:00 (+1 day)' });
    expect(shifts.at(-1)).toMatchObject({ key: '2024-02-29/full', endsAt: bj('2024-03-01 08:00') });
    expect(shiftsOfMonth('2023-02', '24h')).toHaveLength(28);
  });

  it('split each day into a day and a night shift, the night belonging to the evening it starts', () => {
    const shifts = shiftsOfMonth('2024-12', 'day_night');
    expect(shifts).toHaveLength(62);
    expect(shifts.slice(-2).map((s) => [s.key, s.startsAt, s.endsAt, s.label.zh])).toEqual([
      ['2024-12-31/day', bj('2024-12-31 08:00'), bj('2024-12-31 20:00'), '白班 08:00—20:00'],
      ['2024-12-31/night', bj('2024-12-31 20:00'), bj('2025-01-01 08:00'), '夜班 20:00—次日08:00'],
    ]);
    expect(shifts.at(-1)!.label.en).toBe('Night 20:00–08:00 (+1 day)');
  });

  it('follow a configured start hour', () => {
    const [first] = shiftsOfMonth('2024-04', { kind: '24h', startHour: 0 });
    expect(first).toMatchObject({ startsAt: bj('2024-04-01 00:00'), endsAt: bj('2024-04-02 00:00') });
    expect(first!.label.zh).toBe('全天 00:00—次日00:00');
    const [, night] = shiftsOfMonth('2024-04', { kind: 'day_night', startHour: 14 });
    expect(night!.label.zh).toBe('夜班 次日02:00—次日14:00');
  });

  it('refuse a bad month or start hour', () => {
    expect(() => shiftsOfMonth('2024-13', '24h')).toThrow(RangeError);
    expect(() => shiftsOfMonth('2024-1', '24h')).toThrow(RangeError);
    expect(() => shiftsOfMonth('2024-01', { kind: '24h', startHour: 24 })).toThrow(RangeError);
  });

  const monthArb = fc.record({ y: fc.integer({ min: 1999, max: 2101 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => ({ month: `${y}-${String(m).padStart(2, '0')}`, y, m }));
  const patternArb = fc.record({ kind: fc.constantFrom<ShiftPatternKind>('24h', 'day_night'), startHour: fc.integer({ min: 0, max: 23 }) });

  it('tile the duty month exactly: no gap, no overlap, and the next month starts where this one ends (property)', () => {
    fc.assert(
      fc.property(monthArb, patternArb, ({ month, y, m }, pattern) => {
        const shifts = shiftsOfMonth(month, pattern);
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(shifts).toHaveLength(days * (pattern.kind === '24h' ? 1 : 2));
        expect(shifts[0]!.startsAt).toEqual(new Date(Date.UTC(y, m - 1, 1, pattern.startHour - 8)));
        for (let i = 1; i < shifts.length; i++) expect(shifts[i]!.startsAt).toEqual(shifts[i - 1]!.endsAt);
        expect(shifts.at(-1)!.endsAt.getTime() - shifts[0]!.startsAt.getTime()).toBe(days * 24 * HOUR);
        const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
        expect(shiftsOfMonth(next, pattern)[0]!.startsAt).toEqual(shifts.at(-1)!.endsAt);
        expect(new Set(shifts.map((s) => s.key)).size).toBe(shifts.length);
      }),
      { numRuns: 300 },
    );
  });

  it('agree with shiftAt for every instant inside them (property)', () => {
    fc.assert(
      fc.property(monthArb, patternArb, fc.nat(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ({ month }, pattern, pick, frac) => {
        const shifts = shiftsOfMonth(month, pattern);
        const s = shifts[pick % shifts.length]!;
        const at = new Date(s.startsAt.getTime() + Math.floor(frac * (s.endsAt.getTime() - s.startsAt.getTime())));
        expect(shiftAt(at, pattern)).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the shift on duty', () => {
  it('changes at 08:00 sharp for 24 h shifts, across the leap day', () => {
    expect(shiftAt(bj('2024-03-01 07:59'), '24h').key).toBe('2024-02-29/full');
    expect(shiftAt(bj('2024-03-01 08:00'), '24h').key).toBe('2024-03-01/full');
  });

  it('changes at 08:00 and at 20:00 for day and night shifts, across the new year', () => {
    expect(shiftAt(bj('2025-01-01 07:59'), 'day_night').key).toBe('2024-12-31/night');
    expect(shiftAt(bj('2025-01-01 08:00'), 'day_night').key).toBe('2025-01-01/day');
    expect(shiftAt(bj('2025-01-01 19:59'), 'day_night').key).toBe('2025-01-01/day');
    expect(shiftAt(bj('2025-01-01 20:00'), 'day_night').key).toBe('2025-01-01/night');
    expect(shiftAt(bj('2025-01-01 03:00'), 'day_night').key).toBe('2024-12-31/night');
  });
});

const keysOf = (a: Assignment[], role: 'leader' | 'officer') => a.filter((x) => x.role === role).map((x) => x.personId);

describe('generating a roster', () => {
  it('rotates leaders and officers round robin and says where to start next month', () => {
    const r = generateRoster({ month: '2024-02', pattern: '24h', leaders: ['L1', 'L2'], officers: ['O1', 'O2', 'O3'] });
    expect(keysOf(r.assignments, 'leader').slice(0, 4)).toEqual(['L1', 'L2', 'L1', 'L2']);
    expect(keysOf(r.assignments, 'officer').slice(0, 4)).toEqual(['O1', 'O2', 'O3', 'O1']);
    expect(r.nextStartIndex).toEqual({ leader: 1, officer: 2 });
    const march = generateRoster({ month: '2024-03', pattern: '24h', leaders: ['L1', 'L2'], officers: ['O1', 'O2', 'O3'], startIndex: r.nextStartIndex });
    expect(march.assignments.slice(0, 2).map((a) => a.personId)).toEqual(['L2', 'O3']);
  });

  it('passes over someone unavailable, who then keeps their turn', () => {
    const r = generateRoster({ month: '2024-02', pattern: '24h', leaders: ['L1'], officers: ['O1', 'O2', 'O3'], unavailable: [{ personId: 'O1', date: '2024-02-01' }] });
    expect(keysOf(r.assignments, 'officer').slice(0, 5)).toEqual(['O2', 'O1', 'O3', 'O2', 'O1']);
  });

  it('leaves a slot empty when nobody can take it, and the gap shows', () => {
    const r = generateRoster({ month: '2024-02', pattern: 'day_night', leaders: ['L1'], officers: ['O1'], unavailable: [{ personId: 'O1', date: '2024-02-10' }] });
    const gaps = rosterGaps(r.shifts, r.assignments);
    expect(gaps.map((g) => [g.shift.key, g.missing])).toEqual([
      ['2024-02-10/day', ['officer']],
      ['2024-02-10/night', ['officer']],
    ]);
  });

  it('never puts one person in both roles on a shift', () => {
    const r = generateRoster({ month: '2024-02', pattern: '24h', leaders: ['A'], officers: ['A', 'B'] });
    expect(keysOf(r.assignments, 'officer').every((p) => p === 'B')).toBe(true);
    expect(generateRoster({ month: '2024-02', pattern: '24h', leaders: [], officers: [] }).assignments).toEqual([]);
  });

  const people = (prefix: string) => fc.integer({ min: 1, max: 8 }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`));
  const rosterArb = fc.record({
    month: fc.constantFrom('2023-02', '2024-02', '2024-04', '2024-12'),
    pattern: fc.constantFrom<ShiftPatternKind>('24h', 'day_night'),
    leaders: people('L'),
    officers: people('O'),
    startIndex: fc.record({ leader: fc.integer({ min: -20, max: 20 }), officer: fc.integer({ min: -20, max: 20 }) }),
  });

  it('is fair: with nobody away, shifts per person differ by at most one and every slot is filled (property)', () => {
    fc.assert(
      fc.property(rosterArb, (input) => {
        const r = generateRoster(input);
        expect(rosterGaps(r.shifts, r.assignments)).toEqual([]);
        for (const [role, list] of [['leader', input.leaders], ['officer', input.officers]] as const) {
          const counts = list.map((p) => r.assignments.filter((a) => a.role === role && a.personId === p).length);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never assigns anyone on a day they are away, nor twice to a shift (property)', () => {
    const withAway = rosterArb.chain((input) =>
      fc.record({
        input: fc.constant(input),
        away: fc.array(fc.record({ personId: fc.constantFrom(...input.leaders, ...input.officers, 'L0'), date: fc.integer({ min: 1, max: 28 }).map((d) => `${input.month}-${String(d).padStart(2, '0')}`) }), { maxLength: 40 }),
      }),
    );
    fc.assert(
      fc.property(withAway, ({ input, away }) => {
        const officers = [...input.officers, 'L0'];
        const r = generateRoster({ ...input, officers, unavailable: away });
        const dateOf = new Map(r.shifts.map((s) => [s.key, s.date]));
        for (const a of r.assignments) expect(away.some((u) => u.personId === a.personId && u.date === dateOf.get(a.shiftKey))).toBe(false);
        for (const s of r.shifts) {
          const on = r.assignments.filter((a) => a.shiftKey === s.key);
          expect(new Set(on.map((a) => a.personId)).size).toBe(on.length);
          expect(new Set(on.map((a) => a.role)).size).toBe(on.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('swaps', () => {
  const roster: Assignment[] = [
    { shiftKey: '2024-03-01/full', role: 'leader', personId: 'L1' },
    { shiftKey: '2024-03-01/full', role: 'officer', personId: 'O1' },
    { shiftKey: '2024-03-02/full', role: 'leader', personId: 'L2' },
    { shiftKey: '2024-03-02/full', role: 'officer', personId: 'O2' },
  ];
  const swap = { shiftKey: '2024-03-01/full', fromPersonId: 'O1', toPersonId: 'O2', role: 'officer' as const };

  it('hands a role on a shift to someone else without touching the input', () => {
    const before = structuredClone(roster);
    const r = applySwap(roster, swap);
    expect(r).toEqual({ ok: true, assignments: [roster[0], { ...roster[1], personId: 'O2' }, roster[2], roster[3]] });
    expect(roster).toEqual(before);
  });

  it('answers each invalid swap with its code', () => {
    expect(applySwap(roster, { ...swap, toPersonId: 'O1' })).toEqual({ ok: false, code: 'DUTY_SWAP_SAME_PERSON' });
    expect(applySwap(roster, { ...swap, fromPersonId: 'O3' })).toEqual({ ok: false, code: 'DUTY_SWAP_NOT_ON_SHIFT' });
    expect(applySwap(roster, { ...swap, shiftKey: '2024-03-09/full' })).toEqual({ ok: false, code: 'DUTY_SWAP_NOT_ON_SHIFT' });
    expect(applySwap(roster, { ...swap, role: 'leader' })).toEqual({ ok: false, code: 'DUTY_SWAP_ROLE_MISMATCH' });
    expect(applySwap(roster, { ...swap, toPersonId: 'L1' })).toEqual({ ok: false, code: 'DUTY_SWAP_ALREADY_ON_SHIFT' });
    expect(applySwap(roster, { ...swap, toPersonId: 'L2' }, { eligible: { officer: ['O1', 'O2', 'O3'] } })).toEqual({ ok: false, code: 'DUTY_SWAP_NOT_ELIGIBLE' });
    expect(applySwap(roster, swap, { unavailable: [{ personId: 'O2', date: '2024-03-01' }] })).toEqual({ ok: false, code: 'DUTY_SWAP_UNAVAILABLE' });
    expect(applySwap(roster, swap, { unavailable: [{ personId: 'O2', date: '2024-03-02' }] }).ok).toBe(true);
  });

  it('keep a roster without gaps without gaps (property)', () => {
    const r = generateRoster({ month: '2024-02', pattern: 'day_night', leaders: ['L1', 'L2', 'L3'], officers: ['O1', 'O2', 'O3', 'O4'] });
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...DUTY_ROLES), fc.constantFrom('L1', 'L2', 'L3', 'O1', 'O2', 'O3', 'O4', 'X'), (pick, role, to) => {
        const shift = r.shifts[pick % r.shifts.length]!;
        const from = r.assignments.find((a) => a.shiftKey === shift.key && a.role === role)!.personId;
        const res = applySwap(r.assignments, { shiftKey: shift.key, fromPersonId: from, toPersonId: to, role });
        if (!res.ok) return;
        expect(rosterGaps(r.shifts, res.assignments)).toEqual([]);
        expect(res.assignments.filter((a) => a.shiftKey === shift.key).map((a) => a.personId)).toContain(to);
      }),
    );
  });
});

describe('shift keys and the handover checklist', () => {
  it('parse shift keys and reject malformed ones', () => {
    expect(parseShiftKey('2024-02-29/night')).toEqual({ date: '2024-02-29', slot: 'night' });
    for (const bad of ['2023-02-29/day', '2024-02-01/dawn', '2024-02-01', '2024-02-01/day/x']) expect(parseShiftKey(bad)).toBeNull();
  });

  it('lists the equipment test, open events and reports due, in both languages', () => {
    expect(HANDOVER_CHECKLIST.map((i) => i.key)).toEqual([...HANDOVER_ITEM_KEYS]);
    expect(HANDOVER_CHECKLIST.slice(0, 3).map((i) => i.zh)).toEqual(['通讯设备已测试（卫星电话、视频会议、应急广播）', '在办事件已交接', '待报信息已交接']);
    for (const item of HANDOVER_CHECKLIST) expect(item.en.length).toBeGreaterThan(0);
  });
});
