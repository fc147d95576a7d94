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
