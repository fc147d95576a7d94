import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HAZARD_ACTIONS, HAZARD_STATES, type HazardActionName, type HazardState } from '../../../contracts/hazards';
import { availableActions, dueAtAfter, shanghaiMonth, step, type ActorCaps } from './rules';

const reviewer: ActorCaps = { manage: true, approve: false, rectify: true, isRectifier: false };
const county: ActorCaps = { manage: true, approve: true, rectify: true, isRectifier: false };
const rectifier: ActorCaps = { manage: false, approve: false, rectify: true, isRectifier: true };
const rectifyingReviewer: ActorCaps = { manage: true, approve: false, rectify: true, isRectifier: true };

describe('the closed loop', () => {
  it('runs 上报 → 核实 → 定级 → 交办 → 整改 → 验收 → 销号', () => {
    let s: HazardState = 'reported';
    const go = (a: HazardActionName, caps: ActorCaps, level?: 'general' | 'major') => {
      const r = step(s, a, caps, level);
      if (!r.ok) throw new Error(`${a} from ${s}: ${r.code}`);
      s = r.to;
    };
    go('verify', reviewer);
    go('grade', reviewer, 'general');
    expect(s).toBe('graded');
    go('assign', reviewer);
    go('progress', rectifier);
    go('submit', rectifier);
    expect(s).toBe('accepting');
    go('accept', reviewer);
    expect(s).toBe('closed');
  });

  it('sends a 重大 hazard to the county or city for approval', () => {
    expect(step('verified', 'grade', reviewer, 'major')).toEqual({ ok: true, to: 'awaiting_approval' });
    expect(step('awaiting_approval', 'approve', reviewer)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(step('awaiting_approval', 'approve', county)).toEqual({ ok: true, to: 'graded' });
    expect(step('awaiting_approval', 'deny', county)).toEqual({ ok: true, to: 'verified' });
  });

  it('never lets the rectifier accept their own work', () => {
    expect(step('accepting', 'accept', rectifyingReviewer)).toEqual({ ok: false, code: 'HAZARD_SAME_REVIEWER' });
    expect(step('accepting', 'accept', rectifier)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(step('accepting', 'fail', reviewer)).toEqual({ ok: true, to: 'rectifying' });
  });

  it('refuses illegal transitions', () => {
    expect(step('reported', 'accept', reviewer)).toEqual({ ok: false, code: 'HAZARD_ILLEGAL_TRANSITION' });
    expect(step('merged', 'reopen', reviewer)).toEqual({ ok: false, code: 'HAZARD_ILLEGAL_TRANSITION' });
    expect(step('closed', 'progress', reviewer)).toEqual({ ok: false, code: 'HAZARD_ILLEGAL_TRANSITION' });
  });

  it('lists the available actions', () => {
    expect(availableActions('reported', reviewer).sort()).toEqual(['merge', 'reject', 'verify']);
    expect(availableActions('rectifying', rectifier).sort()).toEqual(['progress', 'submit']);
    expect(availableActions('closed', reviewer)).toEqual(['reopen']);
    expect(availableActions('merged', county)).toEqual([]);
  });

  const capsArb = fc.record({ manage: fc.boolean(), approve: fc.boolean(), rectify: fc.boolean(), isRectifier: fc.boolean() });
  const actionArb = fc.record({ action: fc.constantFrom(...HAZARD_ACTIONS), caps: capsArb, level: fc.constantFrom('general' as const, 'major' as const) });

  it('no sequence of actions reaches an illegal state, and closed moves only by a reopen (property)', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 60 }), (actions) => {
        let state: HazardState = 'reported';
        for (const { action, caps, level } of actions) {
          const r = step(state, action, caps, level);
          if (!r.ok) continue;
          expect(HAZARD_STATES).toContain(r.to);
          if (state === 'closed') expect(action).toBe('reopen');
          if (state === 'merged') throw new Error('merged is final');
          if (r.to === 'closed') {
            expect(action).toBe('accept');
            expect(caps.manage && !caps.isRectifier).toBe(true);
          }
          if (action === 'approve' || action === 'deny') expect(caps.approve).toBe(true);
          // availableActions agrees with step.
          expect(availableActions(state, caps)).toContain(action);
          state = r.to;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('deadlines', () => {
  it('gives a new report its verification deadline and an assigned one its rectification deadline', () => {
    const at = new Date('2026-06-01T10:00:00Z');
    expect(dueAtAfter('reported', at, 24, null)?.toISOString()).toBe('2026-06-02T10:00:00.000Z');
    const deadline = new Date('2026-06-10T00:00:00Z');
    expect(dueAtAfter('rectifying', at, 24, deadline)).toBe(deadline);
    expect(dueAtAfter('graded', at, 24, deadline)).toBeNull();
  });

  it('counts months in Beijing time', () => {
    expect(shanghaiMonth(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
    expect(shanghaiMonth(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05-01');
  });
});
