import type { Clock } from '../clock';
import type { Db } from '../db/client';

export type Job = {
  name: string;
  everySeconds: number;
  run: (db: Db, now: Date) => Promise<number>;
  /** Housekeeping that runs every second: its counts are not worth a log line. */
  quiet?: boolean;
};

/**
 * Runs each job on its interval in this process. Jobs are set-based sweeps that lock what they
 * touch (advisory locks, SKIP LOCKED), so every app node may run them: the work is done once.
 */
export function startJobs(db: Db, clock: Clock, jobs: Job[], log: (msg: string) => void): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const n = await job.run(db, clock.now());
        if (n > 0 && !job.quiet) log(`${job.name}: ${n}`);
      } catch (e) {
        log(`${job.name} failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        running = false;
      }
    };
    void tick();
    return setInterval(() => void tick(), job.everySeconds * 1000);
  });
  return () => timers.forEach(clearInterval);
}
