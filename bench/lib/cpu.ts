import fs from 'node:fs';

/**
 * CPU seconds spent by each part of the benchmark while a workload runs, read from /proc: the app
 * server, PostgreSQL (the postmaster, its live backends and the backends that already ended), the
 * load generator (this process), the baseline server, and everything else on the machine — on a
 * shared 2-core machine "everything else" (another developer's test run) is what makes figures
 * drift, so it is reported beside them.
 */
const TICK = 100; // USER_HZ on Linux

function procTimes(pid: number): { self: number; children: number; ppid: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    return { ppid: Number(f[1]), self: (Number(f[11]) + Number(f[12])) / TICK, children: (Number(f[13]) + Number(f[14])) / TICK };
  } catch {
    return null;
  }
}

function machineBusy(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line;
  return (user + nice + system + irq + softirq + steal) / TICK;
}

function treeOf(root: number): number {
  let total = 0;
  const r = procTimes(root);
  if (!r) return 0;
  total += r.self + r.children;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = procTimes(Number(name));
    if (p && p.ppid === root) total += p.self;
  }
  return total;
}

export type CpuPids = { app?: number; baseline?: number; postmaster: number };
export type CpuSnapshot = { at: number; app: number; baseline: number; postgres: number; loadgen: number; machine: number };
export type CpuUse = { seconds: number; app: number; postgres: number; loadgen: number; baseline: number; others: number };

export function cpuSnapshot(pids: CpuPids): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    app: pids.app ? treeOf(pids.app) : 0,
    baseline: pids.baseline ? treeOf(pids.baseline) : 0,
    postgres: treeOf(pids.postmaster),
    loadgen: (own.user + own.system) / 1e6,
    machine: machineBusy(),
  };
}

/** Cores used on average by each part between two snapshots (2.0 = both cores busy). */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const per = (x: number) => Math.round((x / seconds) * 100) / 100;
  const app = b.app - a.app;
  const baseline = b.baseline - a.baseline;
  const postgres = b.postgres - a.postgres;
  const loadgen = b.loadgen - a.loadgen;
  const others = Math.max(0, b.machine - a.machine - app - baseline - postgres - loadgen);
  return { seconds: Math.round(seconds * 10) / 10, app: per(app), postgres: per(postgres), loadgen: per(loadgen), baseline: per(baseline), others: per(others) };
}

export function postmasterPid(pgdata: string): number {
  return Number(fs.readFileSync(`${pgdata}/postmaster.pid`, 'utf8').split('\n')[0]);
}
