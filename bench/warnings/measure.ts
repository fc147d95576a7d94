import type pg from 'pg';
import { cpuBetween, cpuSnapshot, type CpuPids, type CpuUse } from '../lib/cpu';
import { sampleWaits, type WaitProfile } from '../lib/waits';
import type { LoopResult } from '../load/runner';

export type Bench = {
  pool: pg.Pool;
  url: string;
  origin: string;
  baselineOrigin: string;
  pids: CpuPids;
  log: (m: string) => void;
};

export type Target = { text: string; pass: boolean };

/** One closed-loop workload: rate per second, latencies in ms, what the processes and the database did meanwhile. */
export type LoopFigures = {
  key: string;
  label: string;
  connections: number;
  requests: number;
  seconds: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  unexpected: number;
  cpu: CpuUse;
  db: { transactionsPerRequest: number; walBytesPerRequest: number };
  waits?: WaitProfile;
  targets: Target[];
  notes: string[];
};

export const r1 = (x: number) => Math.round(x * 10) / 10;

/** Committed transactions and the WAL position; backends report their counts at most once a second, so this waits that long. */
export async function dbCounters(pool: pg.Pool): Promise<{ xacts: number; wal: number }> {
  await new Promise((r) => setTimeout(r, 1100));
  const { rows } = await pool.query<{ xacts: string; wal: string }>(
    `select (select xact_commit + xact_rollback from pg_stat_database where datname = current_database()) as xacts,
            pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') as wal`,
  );
  return { xacts: Number(rows[0]!.xacts), wal: Number(rows[0]!.wal) };
}

export async function measureLoop(b: Bench, w: { key: string; label: string; connections: number; expected: number[]; application: string }, run: () => Promise<LoopResult>): Promise<LoopFigures> {
  await b.pool.query('checkpoint');
  const db0 = await dbCounters(b.pool);
  const waits = sampleWaits(b.url, w.application);
  const before = cpuSnapshot(b.pids);
  const res = await run();
  const after = cpuSnapshot(b.pids);
  const profile = await waits.stop();
  const db1 = await dbCounters(b.pool);
  const seconds = res.elapsedMs / 1000;
  const n = Math.max(1, res.completed);
  const out: LoopFigures = {
    key: w.key,
    label: w.label,
    connections: w.connections,
    requests: res.completed,
    seconds: r1(seconds),
    rate: r1(res.completed / seconds),
    p50: r1(res.samples.percentile(50)),
    p95: r1(res.samples.percentile(95)),
    p99: r1(res.samples.percentile(99)),
    statuses: res.samples.statusSummary(),
    unexpected: res.samples.unexpected(w.expected),
    cpu: cpuBetween(before, after),
    // The sampler's own queries (10 a second) are in the count; at hundreds of requests a second they barely show.
    db: { transactionsPerRequest: r1((db1.xacts - db0.xacts) / n), walBytesPerRequest: Math.round((db1.wal - db0.wal) / n) },
    waits: profile,
    targets: [],
    notes: [],
  };
  const bad = out.unexpected ? `  !! ${out.unexpected} unexpected answers ${JSON.stringify(out.statuses)}` : '';
  b.log(`${out.label.padEnd(50)} ${String(out.requests).padStart(7)} req  ${out.rate.toFixed(1).padStart(8)}/s  p50 ${out.p50.toFixed(1)} ms  p95 ${out.p95.toFixed(1)} ms  p99 ${out.p99.toFixed(1)} ms${bad}`);
  b.log(`    ${cpuLine(out.cpu)}; db: ${out.db.transactionsPerRequest} transactions and ${out.db.walBytesPerRequest} WAL bytes per request`);
  b.log(`    db connections on average: ${Object.entries(profile.avgBackends).map(([k, v]) => `${k} ${v}`).join(', ') || 'none busy'}`);
  return out;
}

export function cpuLine(c: CpuUse, baselineName = 'baseline'): string {
  return `cores busy: app ${c.app.toFixed(2)}, postgres ${c.postgres.toFixed(2)}, load generator ${c.loadgen.toFixed(2)}${c.baseline ? `, ${baselineName} ${c.baseline.toFixed(2)}` : ''}, other processes ${c.others.toFixed(2)} (of 2)`;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
