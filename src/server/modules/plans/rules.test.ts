import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLAN_STATUSES, PLAN_WARNING_LEVELS, PLAN_WARNING_TYPES, RESPONSE_LEVELS, type PlanRule } from '../../../contracts';
import { WARNING_LEVELS, WARNING_TYPES } from '../warnings/cap/mapping';
import { cleanFileName, isPermutation, proposeResponse, responseLevelFor, responseRank, revisionOverdue, ruleProblems, warningRank, type PlanCandidate } from './rules';
import { contentDisposition, sniffDocument } from './documents';

const CITY = 'c';
const COUNTY = 'c.k';
const BAOGAI = 'c.k.b';
const TANGHOU = 'c.k.b.t';
const LINGXIU = 'c.k.l';

const plan = (id: string, unitPath: string, rules: PlanRule[], status: PlanCandidate['status'] = 'active'): PlanCandidate => ({ id, name: id, unitId: unitPath, unitPath, status, rules });
const typhoon = (warningLevel: PlanRule['warningLevel'], responseLevel: PlanRule['responseLevel']): PlanRule => ({ warningType: 'typhoon', warningLevel, responseLevel });
const oneToOne: PlanRule[] = [typhoon('red', 'I'), typhoon('orange', 'II'), typhoon('yellow', 'III'), typhoon('blue', 'IV')];

describe('the plan vocabulary matches the warnings module', () => {
  it('warning types and levels are the CAP mapping’s, in its order', () => {
    expect([...PLAN_WARNING_TYPES]).toEqual(Object.keys(WARNING_TYPES));
    expect([...PLAN_WARNING_LEVELS]).toEqual(Object.keys(WARNING_LEVELS));
  });
});

describe('responseLevelFor', () => {
  it('maps a typhoon red warning to Ⅰ级 in a one-to-one plan', () => {
    expect(responseLevelFor(oneToOne, 'typhoon', 'red')).toBe('I');
    expect(responseLevelFor(oneToOne, 'typhoon', 'blue')).toBe('IV');
  });
  it('a red warning starts at least what the orange rule starts when red has no rule', () => {
    expect(responseLevelFor([typhoon('orange', 'II')], 'typhoon', 'red')).toBe('II');
  });
  it('a colour below every rule starts nothing; another type starts nothing', () => {
    expect(responseLevelFor([typhoon('orange', 'II')], 'typhoon', 'yellow')).toBeNull();
    expect(responseLevelFor(oneToOne, 'rainstorm', 'red')).toBeNull();
  });
});

describe('proposeResponse', () => {
  const plans = [
    plan('county-typhoon', COUNTY, oneToOne),
    plan('baogai-typhoon', BAOGAI, oneToOne),
    plan('tanghou-transfer', TANGHOU, [typhoon('red', 'I'), typhoon('orange', 'II')]),
    plan('lingxiu-typhoon', LINGXIU, oneToOne),
    plan('baogai-old', BAOGAI, oneToOne, 'retired'),
    plan('baogai-draft', BAOGAI, oneToOne, 'draft'),
    plan('city-typhoon', CITY, [typhoon('red', 'II')]),
  ];

  it('台风红色 for 宝盖镇: its own plan first, then above, then below; never 灵秀镇, drafts or retired plans', () => {
    const got = proposeResponse(plans, { type: 'typhoon', level: 'red', unitPath: BAOGAI });
    expect(got.map((p) => [p.planId, p.responseLevel, p.relation, p.distance])).toEqual([
      ['baogai-typhoon', 'I', 'same', 0],
      ['county-typhoon', 'I', 'above', 1],
      ['tanghou-transfer', 'I', 'below', 1],
      ['city-typhoon', 'II', 'above', 2],
    ]);
  });

  it('台风黄色 for 塘后村 leaves out the plans that do not answer yellow', () => {
    const got = proposeResponse(plans, { type: 'typhoon', level: 'yellow', unitPath: TANGHOU });
    expect(got.map((p) => [p.planId, p.responseLevel])).toEqual([
      ['baogai-typhoon', 'III'],
      ['county-typhoon', 'III'],
    ]);
  });

  const rule = fc.record({ warningType: fc.constantFrom(...PLAN_WARNING_TYPES), warningLevel: fc.constantFrom(...PLAN_WARNING_LEVELS), responseLevel: fc.constantFrom(...RESPONSE_LEVELS) });
  const path = fc.constantFrom(CITY, COUNTY, BAOGAI, TANGHOU, LINGXIU, 'c.k.b.t.g1');
  const candidate = fc.record({ id: fc.uuid(), name: fc.string(), unitId: fc.uuid(), unitPath: path, status: fc.constantFrom(...PLAN_STATUSES), rules: fc.array(rule, { maxLength: 8 }) });
  const warning = fc.record({ type: fc.constantFrom(...PLAN_WARNING_TYPES), level: fc.constantFrom(...PLAN_WARNING_LEVELS), unitPath: path });

  it('never proposes a plan that is not active', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 10 }), warning, (cands, w) => {
        const byId = new Map(cands.map((c) => [c.id, c]));
        for (const p of proposeResponse(cands, w)) expect(byId.get(p.planId)!.status).toBe('active');
      }),
    );
  });

  it('a higher warning level never proposes a milder response for the same plan than a lower one', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 10 }), warning, fc.constantFrom(...PLAN_WARNING_LEVELS), (cands, w, other) => {
        const [higher, lower] = warningRank(w.level) <= warningRank(other) ? [w.level, other] : [other, w.level];
        const hi = new Map(proposeResponse(cands, { ...w, level: higher }).map((p) => [p.planId, p.responseLevel]));
        for (const p of proposeResponse(cands, { ...w, level: lower })) {
          const atHigher = hi.get(p.planId);
          // A plan proposed at the lower level is proposed at the higher one too, at least as severe.
          expect(atHigher).toBeDefined();
          expect(responseRank(atHigher!)).toBeLessThanOrEqual(responseRank(p.responseLevel));
        }
      }),
    );
  });

  it('proposes only plans on the warning unit’s line, nearest first', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 10 }), warning, (cands, w) => {
        const got = proposeResponse(cands, w);
        for (let i = 1; i < got.length; i++) expect(got[i]!.distance).toBeGreaterThanOrEqual(got[i - 1]!.distance);
        for (const p of got) {
          const c = cands.find((x) => x.id === p.planId)!;
          expect(c.unitPath === w.unitPath || c.unitPath.startsWith(`${w.unitPath}.`) || w.unitPath.startsWith(`${c.unitPath}.`)).toBe(true);
        }
      }),
    );
  });
});

describe('ruleProblems', () => {
  it('accepts a one-to-one set for a covered hazard', () => {
    expect(ruleProblems(oneToOne, ['typhoon'])).toEqual([]);
  });
  it('names duplicates, uncovered types and inversions', () => {
    expect(ruleProblems([typhoon('red', 'I'), typhoon('red', 'II')], ['typhoon']).map((p) => p.code)).toContain('duplicate');
    expect(ruleProblems([typhoon('red', 'I')], ['rainstorm'])).toEqual([{ index: 0, code: 'hazard_not_covered' }]);
    expect(ruleProblems([typhoon('red', 'III'), typhoon('yellow', 'II')], ['typhoon'])).toEqual([{ index: 0, code: 'not_monotonic' }]);
  });
});

describe('revisionOverdue', () => {
  const now = new Date('2026-06-01T02:00:00Z'); // 10:00 in Beijing on 1 June
  it('is overdue the day after the revision date, in Beijing', () => {
    expect(revisionOverdue({ status: 'active', revisionDue: '2026-05-31' }, now)).toBe(true);
    expect(revisionOverdue({ status: 'active', revisionDue: '2026-06-01' }, now)).toBe(false);
    expect(revisionOverdue({ status: 'active', revisionDue: '2026-05-31' }, new Date('2026-05-31T15:59:00Z'))).toBe(false);
  });
  it('never for retired plans or plans without a date', () => {
    expect(revisionOverdue({ status: 'retired', revisionDue: '2020-01-01' }, now)).toBe(false);
    expect(revisionOverdue({ status: 'draft', revisionDue: null }, now)).toBe(false);
  });
});

describe('small helpers', () => {
  it('isPermutation wants every id once', () => {
    expect(isPermutation(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(isPermutation(['a', 'b'], ['a', 'a'])).toBe(false);
    expect(isPermutation(['a', 'b'], ['a'])).toBe(false);
    expect(isPermutation(['a'], ['x'])).toBe(false);
  });
  it('cleanFileName drops folders and control characters and keeps the extension when cutting', () => {
    expect(cleanFileName('C:\\docs\\宝盖镇预案.pdf', 120, 'x')).toBe('宝盖镇预案.pdf');
    expect(cleanFileName('a\u0000b".pdf', 120, 'x')).toBe('ab.pdf');
    expect(cleanFileName(`${'长'.repeat(200)}.docx`, 20, 'x')).toBe(`${'长'.repeat(15)}.docx`);
    expect(cleanFileName('  ', 20, '预案')).toBe('预案');
  });
  it('sniffDocument knows a PDF by %PDF- and refuses a PNG', () => {
    expect(sniffDocument(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBeNull();
    expect(sniffDocument(Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'))).toBeNull();
  });
  it('sniffDocument never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void sniffDocument(Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.from(b)]))));
  });
  it('contentDisposition carries the UTF-8 name and an ASCII fallback', () => {
    expect(contentDisposition('宝盖镇预案.pdf')).toBe(`attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('宝盖镇预案.pdf')}`);
  });
});
