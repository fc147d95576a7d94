import type { Tracked } from './consoles';

/** Cores used by each part: the two app processes, PostgreSQL (all backends), this process, everything else. */
import type { WaitProfile } from '../lib/waits';

export type Cores = { seconds: number; appA: number; appB: number; postgres: number; loadgen: number; others: number };

export type Dist = { n: number; p50: number; p95: number; p99: number; max: number };

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentiles of a list of ms values. */
export function dist(values: number[]): Dist {
  const s = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : NaN);
  return { n: s.length, p50: r1(at(50)), p95: r1(at(95)), p99: r1(at(99)), max: r1(s.length ? s[s.length - 1]! : NaN) };
}

/** What one phase measured: per report, the latency to its first, median and last console. */
export type PhaseResult = {
  key: string;
  label: string;
  reports: number;
  consoles: number;
  seconds: number;
  /** POST /api/duty/reports answers other than 201. */
  failedPosts: number;
  /** Submission (t0, just before the POST) → the LAST of the consoles receiving it, one value per report. */
  last: Dist;
  /** … → the first console, and the median console. */
  first: Dist;
  median: Dist;
  /** The last console on the node that took the POST, and the last on the other node (LISTEN/NOTIFY across processes). */
  lastSameNode: Dist;
  lastOtherNode: Dist;
  /** last − first per report: how long one node's fan-out to its consoles plus the load generator's reading takes. */
  spread: Dist;
  /** The POST's own answer (commit + reading the report back). */
  post: Dist;
  /** The last console's arrival minus the POST's answer: how long after the submitter saw 201 the last screen had it (negative: before). */
  lastAfterAnswer: Dist;
  /** Every single delivery (reports × consoles). */
  allDeliveries: Dist;
  expected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  /** Cores busy on average (2.0 = both cores) per process while the phase ran. */
  cpu: Cores;
  /** CPU ms per report, both app processes together (the POST, and 500 SSE writes), and PostgreSQL. */
  cpuMsPerReport: { apps: number; postgres: number };
  /** The load generator's event-loop delay while the phase ran (bounds its own timing error). */
  loadgenLoopDelay: { p50: number; p99: number; max: number };
  /** What the two apps' database connections were doing, on average (pg_stat_activity every 50 ms). */
  dbConnections: WaitProfile;
};

export function phaseFigures(tracked: Tracked[], posts: { status: number; ms: number }[], nodes: number[]): Omit<PhaseResult, 'key' | 'label' | 'seconds' | 'cpu' | 'loadgenLoopDelay' | 'dbConnections' | 'cpuMsPerReport'> {
  const first: number[] = [];
  const median: number[] = [];
  const last: number[] = [];
  const lastSame: number[] = [];
  const lastOther: number[] = [];
  const spread: number[] = [];
  const all: number[] = [];
  const afterAnswer: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  for (const t of tracked) {
    const lat: number[] = [];
    let same = -Infinity;
    let other = -Infinity;
    t.at.forEach((at, i) => {
      if (Number.isNaN(at)) return;
      const ms = at - t.t0;
      lat.push(ms);
      all.push(ms);
      if (nodes[i] === t.node) same = Math.max(same, ms);
      else other = Math.max(other, ms);
    });
    delivered += t.received;
    duplicates += t.duplicates;
    if (!lat.length) continue;
    lat.sort((a, b) => a - b);
    first.push(lat[0]!);
    median.push(lat[Math.floor((lat.length - 1) / 2)]!);
    // A report that lost deliveries has no "last console": it is counted under `lost` instead.
    if (t.received === t.at.length) {
      last.push(lat[lat.length - 1]!);
      spread.push(lat[lat.length - 1]! - lat[0]!);
      afterAnswer.push(lat[lat.length - 1]! - (t.answeredAt - t.t0));
    }
    if (same > -Infinity) lastSame.push(same);
    if (other > -Infinity) lastOther.push(other);
  }
  const consoles = tracked[0]?.at.length ?? 0;
  const expected = tracked.length * consoles;
  return {
    reports: tracked.length,
    consoles,
    failedPosts: posts.filter((p) => p.status !== 201).length,
    last: dist(last),
    first: dist(first),
    median: dist(median),
    lastSameNode: dist(lastSame),
    lastOtherNode: dist(lastOther),
    spread: dist(spread),
    post: dist(posts.map((p) => p.ms)),
    lastAfterAnswer: dist(afterAnswer),
    allDeliveries: dist(all),
    expected,
    delivered,
    lost: expected - delivered,
    duplicates,
  };
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–').padStart(7);

/** The closing table: one block per phase. */
export function summaryTable(phases: PhaseResult[]): string {
  const head = `${'phase / latency from submission to …'.padEnd(46)} ${'n'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}`;
  const row = (label: string, d: Dist) => `${label.padEnd(46)} ${String(d.n).padStart(6)} ${f(d.p50)} ${f(d.p95)} ${f(d.p99)} ${f(d.max)}`;
  const out = [head];
  for (const p of phases) {
    out.push(
      `${p.label} — ${p.reports} reports × ${p.consoles} consoles in ${p.seconds} s; delivered ${p.delivered}/${p.expected}, LOST ${p.lost}, DUPLICATES ${p.duplicates}${p.failedPosts ? `, ${p.failedPosts} POSTs not 201` : ''}`,
      row('  LAST console (per report)', p.last),
      row('  first console (per report)', p.first),
      row('  median console (per report)', p.median),
      row('  last console on the submitting node', p.lastSameNode),
      row('  last console on the other node', p.lastOtherNode),
      row('  spread: last − first', p.spread),
      row('  every delivery', p.allDeliveries),
      row('  POST /api/duty/reports answer', p.post),
      row('  last console minus the POST answer', p.lastAfterAnswer),
      `  cores busy: app A ${p.cpu.appA.toFixed(2)}, app B ${p.cpu.appB.toFixed(2)}, postgres ${p.cpu.postgres.toFixed(2)}, load generator ${p.cpu.loadgen.toFixed(2)}, other processes ${p.cpu.others.toFixed(2)} (of 2); per report: apps ${p.cpuMsPerReport.apps} ms of CPU, postgres ${p.cpuMsPerReport.postgres} ms; load generator event-loop delay p99 ${p.loadgenLoopDelay.p99} ms, max ${p.loadgenLoopDelay.max} ms`,
      `  the apps' db connections on average: ${Object.entries(p.dbConnections.avgBackends).map(([k, v]) => `${k} ${v}`).join(', ') || 'idle'}`,
    );
  }
  return out.join('\n');
}
