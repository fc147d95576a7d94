import type { HazardActionName, HazardLevel, HazardState } from '../../../contracts/hazards';

/** What the actor is, for this hazard: a reviewer (hazards.manage), an approver, a rectifier. */
export type ActorCaps = {
  /** hazards.manage where the hazard lies: verify, grade, assign, accept, reopen. */
  manage: boolean;
  /** hazards.approve (county, city): decide on a 重大 hazard. */
  approve: boolean;
  /** The responsible person's own account, or a reviewer acting for them: may post progress and submit. */
  rectify: boolean;
  /** Has posted progress or submitted this hazard's rectification (or is the responsible person). */
  isRectifier: boolean;
};

type Step = { from: readonly HazardState[]; needs: 'manage' | 'approve' | 'rectify' | 'review'; to: (level: HazardLevel | undefined, state: HazardState) => HazardState };

/**
 * The closed loop. `review` is `manage` by someone who did not rectify: the person who fixed a
 * hazard never closes it. A closed hazard moves only by a reviewer reopening it with a reason.
 */
export const STEPS: Record<HazardActionName, Step> = {
  verify: { from: ['reported'], needs: 'manage', to: () => 'verified' },
  reject: { from: ['reported'], needs: 'manage', to: () => 'rejected' },
  merge: { from: ['reported', 'verified'], needs: 'manage', to: () => 'merged' },
  grade: { from: ['verified'], needs: 'manage', to: (level) => (level === 'major' ? 'awaiting_approval' : 'graded') },
  approve: { from: ['awaiting_approval'], needs: 'approve', to: () => 'graded' },
  deny: { from: ['awaiting_approval'], needs: 'approve', to: () => 'verified' },
  assign: { from: ['graded'], needs: 'manage', to: () => 'rectifying' },
  progress: { from: ['rectifying'], needs: 'rectify', to: () => 'rectifying' },
  submit: { from: ['rectifying'], needs: 'rectify', to: () => 'accepting' },
  accept: { from: ['accepting'], needs: 'review', to: () => 'closed' },
  fail: { from: ['accepting'], needs: 'review', to: () => 'rectifying' },
  reopen: { from: ['closed', 'rejected'], needs: 'manage', to: (_l, state) => (state === 'rejected' ? 'reported' : 'rectifying') },
};

export type StepResult = { ok: true; to: HazardState } | { ok: false; code: 'HAZARD_ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'HAZARD_SAME_REVIEWER' };

function allowed(needs: Step['needs'], caps: ActorCaps): StepResult | null {
  switch (needs) {
    case 'manage':
      return caps.manage ? null : { ok: false, code: 'FORBIDDEN' };
    case 'approve':
      return caps.approve ? null : { ok: false, code: 'FORBIDDEN' };
    case 'rectify':
      return caps.rectify ? null : { ok: false, code: 'FORBIDDEN' };
    case 'review':
      if (!caps.manage) return { ok: false, code: 'FORBIDDEN' };
      return caps.isRectifier ? { ok: false, code: 'HAZARD_SAME_REVIEWER' } : null;
  }
}

/** Whether `action` may happen now, and the state it leads to. Pure: the service applies it. */
export function step(state: HazardState, action: HazardActionName, caps: ActorCaps, level?: HazardLevel): StepResult {
  const s = STEPS[action];
  if (!s.from.includes(state)) return { ok: false, code: 'HAZARD_ILLEGAL_TRANSITION' };
  return allowed(s.needs, caps) ?? { ok: true, to: s.to(level, state) };
}

/** The actions the actor may take now (the UI shows these buttons and no others). */
export function availableActions(state: HazardState, caps: ActorCaps): HazardActionName[] {
  return (Object.keys(STEPS) as HazardActionName[]).filter((a) => {
    const s = STEPS[a];
    return s.from.includes(state) && allowed(s.needs, caps) === null;
  });
}

export const OPEN_STATES: readonly HazardState[] = ['reported', 'verified', 'awaiting_approval', 'graded', 'rectifying', 'accepting'];

/**
 * What is due when: a new report must be verified within `verifyHours`; after assignment the
 * rectification deadline applies until acceptance; other states wait on people, not a clock.
 */
export function dueAtAfter(toState: HazardState, at: Date, verifyHours: number, deadline: Date | null): Date | null {
  if (toState === 'reported') return new Date(at.getTime() + verifyHours * 3600_000);
  if (toState === 'rectifying' || toState === 'accepting') return deadline;
  return null;
}

export const isOverdue = (dueAt: Date | null, now: Date) => dueAt !== null && dueAt.getTime() < now.getTime();

/** Whole days (fractional) from report to close-out, for the mean time to close. */
export const daysBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

/** The first day of the month in Asia/Shanghai of an instant, as YYYY-MM-01 (statistics by month). */
export function shanghaiMonth(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}-01`;
}
