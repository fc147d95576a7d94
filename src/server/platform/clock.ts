/** Time comes from here, so tests can move it (lockouts, idle timeouts, deadlines). */
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

export function manualClock(start: Date = new Date()): Clock & { advance: (ms: number) => void; set: (d: Date) => void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}

/**
 * The real time, moved forward by whatever a browser test asked (TEST_CLOCK=true, never in
 * production): escalations and deadlines can be seen to happen without waiting for them.
 */
export function offsetClock(): Clock & { advance: (ms: number) => void; reset: () => void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
    reset: () => {
      offset = 0;
    },
  };
}

export const isAdvanceable = (c: Clock): c is Clock & { advance: (ms: number) => void; reset?: () => void } => typeof (c as { advance?: unknown }).advance === 'function';
