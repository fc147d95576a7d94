import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEADLINE_PRESETS,
  EVENT_GRADES,
  EVENT_TYPES,
  isDeadlinePreset,
  isZeroReportMissing,
  passUpDeadline,
  reportDeadlines,
  resolveRule,
  validatePreset,
  zeroReportDue,
  zeroReportStatus,
  type DeadlinePreset,
  type EventGrade,
  type ReportDeadlinesInput,
  type ReportKind,
} from './deadlines';

/** An instant written as the Beijing wall clock, so every expectation reads like the duty log. */
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const { national, strict_local: strict } = DEADLINE_PRESETS;
const report = (kind: ReportKind, at: string) => ({ kind, submittedAt: bj(at) });

describe('presets', () => {
  it('carry the national figures: work safety 60/120, the rest 120/120, 续报 24 h or 12 h, no 终报 deadline', () => {
    expect(resolveRule(national, 'work_safety', 'general')).toEqual({ firstReportMinutes: 60, passUpMinutes: 120, followUpEveryHours: 24, finalReportDays: null });
    expect(resolveRule(national, 'work_safety', 'especially_major')).toEqual({ firstReportMinutes: 60, passUpMinutes: 120, followUpEveryHours: 12, finalReportDays: null });
    for (const type of EVENT_TYPES.filter((t) => t !== 'work_safety')) {
      expect(resolveRule(national, type, 'larger')).toEqual({ firstReportMinutes: 120, passUpMinutes: 120, followUpEveryHours: 24, finalReportDays: null });
      expect(resolveRule(national, type, 'major')).toEqual({ firstReportMinutes: 120, passUpMinutes: 120, followUpEveryHours: 12, finalReportDays: null });
    }
  });

  it('make the strict local preset 15/30 for 重大 and above and national below', () => {
    for (const type of EVENT_TYPES) {
      for (const grade of ['major', 'especially_major'] as const) {
        expect(resolveRule(strict, type, grade)).toMatchObject({ firstReportMinutes: 15, passUpMinutes: 30, followUpEveryHours: 12 });
      }
      for (const grade of ['general', 'larger'] as const) expect(resolveRule(strict, type, grade)).toEqual(resolveRule(national, type, grade));
    }
  });

  it('are valid, also after a trip through JSON', () => {
    for (const p of Object.values(DEADLINE_PRESETS)) {
      expect(validatePreset(p)).toEqual([]);
      expect(isDeadlinePreset(JSON.parse(JSON.stringify(p)))).toBe(true);
    }
  });

  it('lists every problem of a bad preset, typos included', () => {
    expect(validatePreset(null)).toEqual(['preset: must be an object']);
    expect(validatePreset({ key: 'x', nameZh: '甲', nameEn: 'x', rules: {} })).toEqual(['rules.*: required, with a rule for every grade']);
    const bad = JSON.parse(JSON.stringify(national)) as Record<string, unknown> & { rules: Record<string, Record<string, Record<string, unknown>>> };
    bad.key = '';
    bad.rules.work_saftey = {};
    bad.rules.fire = { huge: {}, major: { firstReportMinutes: 0, passUpMinutes: 1.5, followUpEveryHours: 24, finalReportDays: 0, extra: 1 } };
    delete bad.rules['*']!.larger;
    expect(validatePreset(bad).sort()).toEqual(
      [
        'key: must be a non-empty text of at most 40 characters',
        'rules.work_saftey: unknown event type',
        'rules.fire.huge: unknown grade',
        'rules.fire.major.extra: unknown field',
        'rules.fire.major.firstReportMinutes: must be a whole number from 1 to 10080',
        'rules.fire.major.passUpMinutes: must be a whole number from 1 to 10080',
        'rules.fire.major.finalReportDays: must be null or a whole number from 1 to 365',
        'rules.*.larger: missing',
      ].sort(),
    );
  });

  it('fall back to the * rule for a grade a type does not override', () => {
    const p: DeadlinePreset = { ...national, rules: { ...national.rules, fire: { major: { firstReportMinutes: 30, passUpMinutes: 60, followUpEveryHours: 6, finalReportDays: 3 } } } };
    expect(validatePreset(p)).toEqual([]);
    expect(resolveRule(p, 'fire', 'major').firstReportMinutes).toBe(30);
    expect(resolveRule(p, 'fire', 'general')).toEqual(resolveRule(p, '*' as never, 'general'));
  });
});

const base = (over: Partial<ReportDeadlinesInput> = {}): ReportDeadlinesInput => ({
  receivedAt: bj('2024-03-01 23:30'),
  type: 'work_safety',
  grade: 'general',
  preset: national,
  submittedReports: [],
  now: bj('2024-03-01 23:30'),
  ...over,
});

describe('the 首报', () => {
  it('of an accident received at 23:30 is due at 00:30 the next day', () => {
    const d = reportDeadlines(base());
    expect(d.next).toEqual({ kind: 'first', dueAt: bj('2024-03-02 00:30') });
    expect(d.minutesLeft).toBe(60);
    expect(d.overdue).toEqual([]);
  });

  it('crosses month and year ends, and the leap day', () => {
    const due = (received: string, type: ReportDeadlinesInput['type'] = 'work_safety') => reportDeadlines(base({ receivedAt: bj(received), type, now: bj(received) })).next?.dueAt;
    expect(due('2024-01-31 23:30')).toEqual(bj('2024-02-01 00:30'));
    expect(due('2024-02-28 23:30')).toEqual(bj('2024-02-29 00:30'));
    expect(due('2023-02-28 23:30')).toEqual(bj('2023-03-01 00:30'));
    expect(due('2024-12-31 23:45', 'natural_disaster')).toEqual(bj('2025-01-01 01:45'));
    // 2024-12-31 16:30 UTC is already New Year in Beijing: the arithmetic is on instants, not on UTC dates.
    expect(due('2024-12-31 16:30')).toEqual(new Date('2024-12-31T09:30:00Z'));
  });

  it('is on time exactly at the deadline and late one minute after', () => {
    const onTime = reportDeadlines(base({ submittedReports: [report('first', '2024-03-02 00:30')], now: bj('2024-03-02 01:00') }));
    expect(onTime.submitted[0]).toMatchObject({ dueAt: bj('2024-03-02 00:30'), late: false, minutesLate: 0 });
    const late = reportDeadlines(base({ submittedReports: [report('first', '2024-03-02 00:31')], now: bj('2024-03-02 01:00') }));
    expect(late.submitted[0]).toMatchObject({ late: true, minutesLate: 1 });
    const secondLate = reportDeadlines(base({ submittedReports: [{ kind: 'first', submittedAt: new Date(bj('2024-03-02 00:30').getTime() + 1000) }] }));
    expect(secondLate.submitted[0]).toMatchObject({ late: true, minutesLate: 1 });
  });

  it('counts down to zero at the deadline and goes negative after, when it is listed as overdue', () => {
    expect(reportDeadlines(base({ now: bj('2024-03-02 00:30') }))).toMatchObject({ minutesLeft: 0, overdue: [] });
    const late = reportDeadlines(base({ now: bj('2024-03-02 00:31') }));
    expect(late.minutesLeft).toBe(-1);
    expect(late.overdue).toEqual([{ kind: 'first', dueAt: bj('2024-03-02 00:30'), minutesLate: 1 }]);
  });
});

describe('续报', () => {
  it('are due a day after the previous report for 一般 events and half a day for 重大', () => {
    const reports = [report('first', '2024-03-02 00:10')];
    expect(reportDeadlines(base({ submittedReports: reports })).next).toEqual({ kind: 'follow_up', dueAt: bj('2024-03-03 00:10') });
    expect(reportDeadlines(base({ grade: 'major', submittedReports: reports })).next).toEqual({ kind: 'follow_up', dueAt: bj('2024-03-02 12:10') });
  });

  it('run from the previous report even when it was late, and judge each report against its own deadline', () => {
    const d = reportDeadlines(
      base({
        grade: 'major',
        // Out of order on purpose: the rules sort by time.
        submittedReports: [report('follow_up', '2024-03-02 14:00'), report('first', '2024-03-02 01:00'), report('follow_up', '2024-03-03 01:00')],
        now: bj('2024-03-03 02:00'),
      }),
    );
    expect(d.submitted.map((s) => [s.kind, s.dueAt, s.late, s.minutesLate])).toEqual([
      ['first', bj('2024-03-02 00:30'), true, 30],
      ['follow_up', bj('2024-03-02 13:00'), true, 60],
      ['follow_up', bj('2024-03-03 02:00'), false, 0],
    ]);
    expect(d.next).toEqual({ kind: 'follow_up', dueAt: bj('2024-03-03 13:00') });
  });

  it('list every missed cycle as overdue', () => {
    const d = reportDeadlines(base({ submittedReports: [report('first', '2024-03-02 00:00')], now: bj('2024-03-04 01:00') }));
    expect(d.overdue).toEqual([
      { kind: 'follow_up', dueAt: bj('2024-03-03 00:00'), minutesLate: 25 * 60 },
      { kind: 'follow_up', dueAt: bj('2024-03-04 00:00'), minutesLate: 60 },
    ]);
    expect(d.minutesLeft).toBe(-25 * 60);
  });
});

describe('a change of grade', () => {
  it('restarts the next 续报 from the upgrade with the new cadence', () => {
    const d = reportDeadlines(
      base({ receivedAt: bj('2024-03-01 08:00'), submittedReports: [report('first', '2024-03-01 08:40')], regrades: [{ grade: 'major', at: bj('2024-03-01 10:00') }], now: bj('2024-03-01 11:00') }),
    );
    expect(d.grade).toBe('major');
    expect(d.rule.followUpEveryHours).toBe(12);
    expect(d.next).toEqual({ kind: 'follow_up', dueAt: bj('2024-03-01 22:00') });
  });

  it('judges a report sent after the upgrade against the restarted deadline, and later ones by the new cadence', () => {
    const d = reportDeadlines(
      base({
        receivedAt: bj('2024-03-01 08:00'),
        submittedReports: [report('first', '2024-03-01 08:40'), report('follow_up', '2024-03-01 22:30'), report('follow_up', '2024-03-02 10:00')],
        regrades: [{ grade: 'major', at: bj('2024-03-01 10:00') }],
        now: bj('2024-03-02 10:00'),
      }),
    );
    expect(d.submitted.map((s) => [s.dueAt, s.minutesLate])).toEqual([
      [bj('2024-03-01 09:00'), 0],
      [bj('2024-03-01 22:00'), 30],
      [bj('2024-03-02 10:30'), 0],
    ]);
  });

  it('brings a pending 首报 forward under the strict preset, but never later than it already was', () => {
    const input = base({ type: 'natural_disaster', receivedAt: bj('2024-03-01 08:00'), preset: strict, now: bj('2024-03-01 08:20') });
    expect(reportDeadlines(input).next?.dueAt).toEqual(bj('2024-03-01 10:00'));
    expect(reportDeadlines({ ...input, regrades: [{ grade: 'major', at: bj('2024-03-01 08:20') }] }).next?.dueAt).toEqual(bj('2024-03-01 08:35'));
    expect(reportDeadlines({ ...input, regrades: [{ grade: 'major', at: bj('2024-03-01 09:55') }] }).next?.dueAt).toEqual(bj('2024-03-01 10:00'));
  });

  it('does not touch a 首报 already sent', () => {
    const d = reportDeadlines(
      base({ preset: strict, receivedAt: bj('2024-03-01 08:00'), submittedReports: [report('first', '2024-03-01 08:50')], regrades: [{ grade: 'major', at: bj('2024-03-01 09:00') }], now: bj('2024-03-01 09:00') }),
    );
    expect(d.submitted[0]).toMatchObject({ dueAt: bj('2024-03-01 09:00'), late: false });
    expect(d.next?.dueAt).toEqual(bj('2024-03-01 21:00'));
  });

  it('downgraded, keeps the running deadline and relaxes only the cadence after the next report', () => {
    const input = base({ grade: 'major', receivedAt: bj('2024-03-01 08:00'), regrades: [{ grade: 'general', at: bj('2024-03-01 09:00') }], now: bj('2024-03-01 09:00') });
    expect(reportDeadlines({ ...input, submittedReports: [report('first', '2024-03-01 08:30')] }).next?.dueAt).toEqual(bj('2024-03-01 20:30'));
    const after = reportDeadlines({ ...input, submittedReports: [report('first', '2024-03-01 08:30'), report('follow_up', '2024-03-01 20:00')], now: bj('2024-03-01 20:00') });
    expect(after.next?.dueAt).toEqual(bj('2024-03-02 20:00'));
  });
});

describe('the 终报', () => {
  const closed = base({ receivedAt: bj('2024-03-01 08:00'), submittedReports: [report('first', '2024-03-01 08:30')], closedAt: bj('2024-03-01 18:00'), now: bj('2024-03-05 18:00') });

  it('is owed without a deadline once the event is closed, and missed 续报 lapse', () => {
    const d = reportDeadlines({ ...closed, now: bj('2024-03-09 00:00') });
    expect(d.next).toEqual({ kind: 'final', dueAt: null });
    expect(d.minutesLeft).toBeNull();
    expect(d.overdue).toEqual([]);
  });

  it('is due finalReportDays after closure when a preset sets it', () => {
    const withDays: DeadlinePreset = JSON.parse(JSON.stringify(national));
    withDays.rules['*'].general.finalReportDays = 7;
    withDays.rules.work_safety!.general!.finalReportDays = 7;
    const d = reportDeadlines({ ...closed, preset: withDays, now: bj('2024-03-08 18:01') });
    expect(d.next).toEqual({ kind: 'final', dueAt: bj('2024-03-08 18:00') });
    expect(d.overdue).toEqual([{ kind: 'final', dueAt: bj('2024-03-08 18:00'), minutesLate: 1 }]);
    const sent = reportDeadlines({ ...closed, preset: withDays, submittedReports: [...closed.submittedReports, report('follow_up', '2024-03-02 09:00'), report('final', '2024-03-09 09:00')] });
    expect(sent.submitted.slice(1).map((s) => [s.kind, s.dueAt, s.minutesLate])).toEqual([
      ['follow_up', null, 0],
      ['final', bj('2024-03-08 18:00'), 15 * 60],
    ]);
    expect(sent.next).toBeNull();
  });

  it('sent before closure ends the reporting; anything after it answers no deadline', () => {
    const d = reportDeadlines(base({ receivedAt: bj('2024-03-01 08:00'), submittedReports: [report('first', '2024-03-01 08:30'), report('final', '2024-03-01 12:00'), report('follow_up', '2024-03-03 12:00')], now: bj('2024-03-05 00:00') }));
    expect(d.submitted.map((s) => [s.kind, s.dueAt])).toEqual([
      ['first', bj('2024-03-01 09:00')],
      ['final', bj('2024-03-02 08:30')],
      ['follow_up', null],
    ]);
    expect(d).toMatchObject({ next: null, minutesLeft: null, overdue: [] });
  });

  it('does not excuse a 首报 never sent before closure', () => {
    const d = reportDeadlines(base({ receivedAt: bj('2024-03-01 08:00'), closedAt: bj('2024-03-01 08:30'), now: bj('2024-03-01 10:00') }));
    expect(d.next).toEqual({ kind: 'first', dueAt: bj('2024-03-01 09:00') });
    expect(d.overdue).toHaveLength(1);
  });
});

describe('passing a report up', () => {
  const input = { submittedAt: bj('2024-03-01 23:00'), levelsAbove: 2, type: 'work_safety' as const, grade: 'general' as const, preset: national };

  it('gives the county two hours and the city two more, across midnight', () => {
    expect(passUpDeadline(input).map((s) => [s.level, s.dueAt, s.late])).toEqual([
      [1, bj('2024-03-02 01:00'), false],
      [2, bj('2024-03-02 03:00'), false],
    ]);
  });

  it("starts each level's clock when the level below forwarded it, so a late county does not make the city late", () => {
    const early = passUpDeadline({ ...input, forwardedAt: [bj('2024-03-01 23:30')] });
    expect(early[1]!.dueAt).toEqual(bj('2024-03-02 01:30'));
    const late = passUpDeadline({ ...input, forwardedAt: [bj('2024-03-02 01:05'), bj('2024-03-02 03:05')] });
    expect(late.map((s) => [s.dueAt, s.late, s.minutesLate])).toEqual([
      [bj('2024-03-02 01:00'), true, 5],
      [bj('2024-03-02 03:05'), false, 0],
    ]);
  });

  it('flags a level that has not forwarded by now, and is 30 minutes per level under the strict preset for 重大', () => {
    expect(passUpDeadline({ ...input, now: bj('2024-03-02 01:01') }).map((s) => s.late)).toEqual([true, false]);
    expect(passUpDeadline({ ...input, grade: 'major', preset: strict }).map((s) => s.dueAt)).toEqual([bj('2024-03-01 23:30'), bj('2024-03-02 00:00')]);
  });

  it('has nothing to say for zero levels and refuses nonsense', () => {
    expect(passUpDeadline({ ...input, levelsAbove: 0 })).toEqual([]);
    expect(() => passUpDeadline({ ...input, levelsAbove: -1 })).toThrow(RangeError);
    expect(() => passUpDeadline({ ...input, levelsAbove: 1.5 })).toThrow(RangeError);
  });
});

describe('the zero report', () => {
  it('is due at the hour on the Beijing day, whatever the UTC date', () => {
    expect(zeroReportDue('2024-03-01', 9)).toEqual(new Date('2024-03-01T01:00:00Z'));
    expect(zeroReportDue('2025-01-01', 0)).toEqual(new Date('2024-12-31T16:00:00Z'));
    expect(zeroReportDue('2024-02-29', 23)).toEqual(bj('2024-02-29 23:00'));
  });

  it('refuses an impossible day or hour', () => {
    expect(() => zeroReportDue('2023-02-29', 9)).toThrow(RangeError);
    expect(() => zeroReportDue('2024-3-1', 9)).toThrow(RangeError);
    expect(() => zeroReportDue('2024-03-01', 24)).toThrow(RangeError);
    expect(() => zeroReportDue('2024-03-01', 8.5)).toThrow(RangeError);
  });

  it('is pending until the hour, missing after it, and late or on time once sent', () => {
    const z = { day: '2024-03-01', dueHour: 9, submittedAt: null };
    expect(zeroReportStatus({ ...z, now: bj('2024-03-01 09:00') })).toBe('pending');
    expect(zeroReportStatus({ ...z, now: bj('2024-03-01 09:01') })).toBe('missing');
    expect(isZeroReportMissing({ ...z, now: bj('2024-03-01 09:01') })).toBe(true);
    expect(isZeroReportMissing({ ...z, now: bj('2024-03-01 09:01'), hadEventReport: true })).toBe(false);
    expect(zeroReportStatus({ ...z, now: bj('2024-03-02 00:00'), submittedAt: bj('2024-03-01 09:00') })).toBe('on_time');
    expect(zeroReportStatus({ ...z, now: bj('2024-03-02 00:00'), submittedAt: bj('2024-03-01 09:01') })).toBe('late');
  });
});

describe('properties', () => {
  const MIN = 60_000;
  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
  const after = fc.integer({ min: 0, max: 10 * 24 * 60 }).map((m) => m * MIN);
  const grade = fc.constantFrom(...EVENT_GRADES);
  const scenario = fc
    .record({
      receivedAt: instant,
      type: fc.constantFrom(...EVENT_TYPES),
      grade,
      regrades: fc.array(fc.record({ grade, after }), { maxLength: 3 }),
      reports: fc.array(fc.record({ kind: fc.constantFrom<ReportKind>('first', 'follow_up', 'final'), after }), { maxLength: 5 }),
      closedAfter: fc.option(after),
      nowAfter: after,
    })
    .map(({ receivedAt, regrades, reports, closedAfter, nowAfter, ...rest }): ReportDeadlinesInput => {
      const at = (ms: number) => new Date(receivedAt.getTime() + ms);
      return {
        ...rest,
        receivedAt,
        preset: national,
        regrades: regrades.map((g) => ({ grade: g.grade, at: at(g.after) })),
        submittedReports: reports.map((r) => ({ kind: r.kind, submittedAt: at(r.after) })),
        closedAt: closedAfter === null ? null : at(closedAfter),
        now: at(nowAfter),
      };
    });
  const dues = (input: ReportDeadlinesInput) => {
    const d = reportDeadlines(input);
    return { next: d.next?.dueAt ?? null, submitted: d.submitted.map((s) => s.dueAt) };
  };
  const notLater = (a: Date | null, b: Date | null) => a === null || b === null || a.getTime() <= b.getTime();

  it('no deadline precedes the receipt of the event, nor a pass-up deadline its submission', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(national, strict), fc.integer({ min: 0, max: 4 }), (input, preset, levels) => {
        const d = reportDeadlines({ ...input, preset });
        const all = [d.next?.dueAt, ...d.submitted.map((s) => s.dueAt), ...d.overdue.map((o) => o.dueAt)];
        for (const due of all) if (due) expect(due.getTime()).toBeGreaterThanOrEqual(input.receivedAt.getTime());
        for (const s of passUpDeadline({ submittedAt: input.receivedAt, levelsAbove: levels, type: input.type, grade: input.grade, preset })) {
          expect(s.dueAt.getTime()).toBeGreaterThan(input.receivedAt.getTime());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the strict preset never gives a later deadline than the national one', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.option(after), { maxLength: 3 }), (input, forwarded) => {
        const n = dues(input);
        const s = dues({ ...input, preset: strict });
        expect(notLater(s.next, n.next)).toBe(true);
        s.submitted.forEach((due, i) => expect(notLater(due, n.submitted[i] ?? null)).toBe(true));
        const forwardedAt = forwarded.map((f) => (f === null ? null : new Date(input.receivedAt.getTime() + f)));
        const pass = { submittedAt: input.receivedAt, levelsAbove: 3, type: input.type, grade: input.grade, forwardedAt };
        const pn = passUpDeadline({ ...pass, preset: national });
        passUpDeadline({ ...pass, preset: strict }).forEach((step, i) => expect(step.dueAt.getTime()).toBeLessThanOrEqual(pn[i]!.dueAt.getTime()));
      }),
      { numRuns: 500 },
    );
  });

  it('upgrades only ever bring deadlines forward', () => {
    const rank = (g: EventGrade) => EVENT_GRADES.indexOf(g);
    fc.assert(
      fc.property(scenario, fc.constantFrom(national, strict), (input, preset) => {
        // Keep only the regrades that raise the grade in force.
        let current = input.grade;
        const upgrades = [];
        for (const g of [...(input.regrades ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime())) {
          if (rank(g.grade) <= rank(current)) continue;
          upgrades.push(g);
          current = g.grade;
        }
        const flat = dues({ ...input, preset, regrades: [] });
        const up = dues({ ...input, preset, regrades: upgrades });
        expect(notLater(up.next, flat.next)).toBe(true);
        up.submitted.forEach((due, i) => expect(notLater(due, flat.submitted[i] ?? null)).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it('the countdown is negative exactly when something is overdue', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const d = reportDeadlines(input);
        expect(d.minutesLeft !== null && d.minutesLeft < 0).toBe(d.overdue.length > 0);
        if (d.overdue.length > 0) expect(d.overdue[0]!.dueAt).toEqual(d.next?.dueAt);
      }),
      { numRuns: 500 },
    );
  });
});
