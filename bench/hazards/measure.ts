import { cpuBetween, cpuSnapshot, type CpuUse } from '../lib/cpu';
import { sampleWaits, type WaitProfile } from '../lib/waits';
import type { LoopResult } from '../load/runner';
import type { Suite } from './context';

export type Target = { text: string; pass: boolean };

/** One line of results. Latencies in ms; `rate` per second of the unit named in `unit`. */
export type WorkloadResult = {
  key: string;
  label: string;
  unit: string;
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
  /** Database transactions (each autocommit statement is one) and WAL bytes, per request. */
  db: { transactionsPerRequest: number; walBytesPerRequest: number };
  waits?: WaitProfile;
  targets: Target[];
  notes: string[];
};

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Committed transactions in the bench database and the WAL position. Backends report their
 * counts to the statistics system at most once a second, so the reading waits that long.
 */
async function dbCounters(suite: Suite): Promise<{ xacts: number; wal: number }> {
  await new Promise((r) => setTimeout(r, 1100));
  const { rows } = await suite.pool.query<{ xacts: string; wal: string }>(
    `select (select xact_commit + xact_rollback from pg_stat_database where datname = current_database()) as xacts,
            pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') as wal`,
  );
  return { xacts: Number(rows[0]!.xacts), wal: Number(rows[0]!.wal) };
}

/**
 * Runs one workload with what explains its figures around it: a CHECKPOINT first (so one
 * workload's dirty pages are not flushed during the next), CPU use of each process while it runs,
 * and — for workloads that write through the app — what the app's database connections wait on.
 */
export async function measure(
  suite: Suite,
  w: { key: string; label: string; unit?: string; connections: number; expected: number[]; sampleApp?: boolean; sampleApplication?: string },
  run: () => Promise<LoopResult>,
  perUnit = 1,
): Promise<WorkloadResult> {
  await suite.pool.query('checkpoint');
  const db0 = await dbCounters(suite);
  const waits = w.sampleApp || w.sampleApplication ? sampleWaits(suite.url, w.sampleApplication ?? 'lastmeter') : null;
  const before = cpuSnapshot(suite.pids);
  const res = await run();
  const after = cpuSnapshot(suite.pids);
  const profile = waits ? await waits.stop() : undefined;
  const db1 = await dbCounters(suite);
  const seconds = res.elapsedMs / 1000;
  const result: WorkloadResult = {
    key: w.key,
    label: w.label,
    unit: w.unit ?? 'req',
    connections: w.connections,
    requests: res.completed,
    seconds: r1(seconds),
    rate: r1(res.completed / perUnit / seconds),
    p50: r1(res.samples.percentile(50)),
    p95: r1(res.samples.percentile(95)),
    p99: r1(res.samples.percentile(99)),
    statuses: res.samples.statusSummary(),
    unexpected: res.samples.unexpected(w.expected),
    cpu: cpuBetween(before, after),
    db: { transactionsPerRequest: r1((db1.xacts - db0.xacts) / Math.max(1, res.completed)), walBytesPerRequest: Math.round((db1.wal - db0.wal) / Math.max(1, res.completed)) },
    ...(profile ? { waits: profile } : {}),
    targets: [],
    notes: [],
  };
  suite.log(line(result));
  // Targets and notes are added by the caller after this returns; see `explain`.
  suite.log(`    ${cpuLine(result.cpu)}; db: ${result.db.transactionsPerRequest} transactions and ${result.db.walBytesPerRequest} WAL bytes per request`);
  if (profile) suite.log(`    ${waitLine(profile)}`);
  return result;
}

export function line(r: WorkloadResult): string {
  const bad = r.unexpected ? `  !! ${r.unexpected} unexpected answers ${JSON.stringify(r.statuses)}` : '';
  return `${r.label.padEnd(46)} ${String(r.requests).padStart(7)} req  ${r.rate.toFixed(1).padStart(8)} ${r.unit}/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms${bad}`;
}

/** Logs what the caller added to a result: targets with PASS/FAIL and notes. */
export function explain(suite: Suite, r: WorkloadResult): WorkloadResult {
  for (const t of r.targets) suite.log(`    ${t.pass ? 'PASS' : 'FAIL'} ${t.text}`);
  for (const n of r.notes) suite.log(`    ${n}`);
  return r;
}

export function cpuLine(c: CpuUse): string {
  return `cores busy: app ${c.app.toFixed(2)}, postgres ${c.postgres.toFixed(2)}, load generator ${c.loadgen.toFixed(2)}${c.baseline ? `, baseline ${c.baseline.toFixed(2)}` : ''}, other processes ${c.others.toFixed(2)} (of 2)`;
}

export function waitLine(w: WaitProfile): string {
  return `db connections on average: ${Object.entries(w.avgBackends)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;
}
