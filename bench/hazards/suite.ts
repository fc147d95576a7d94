import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchArgs } from '../lib/args';
import { startServer } from '../../src/server/test/child-server';
import { postmasterPid } from '../lib/cpu';
import { openBenchDatabase, type CacheMeta } from '../lib/database';
import { freePort } from '../lib/ports';
import { summarizeProfiles } from '../lib/profile';
import { countRows, generateDataset, GENERATOR_VERSION } from '../generate/dataset';
import { loadUnits, planFor, signIn, type Suite } from './context';
import { explain, type WorkloadResult } from './measure';
import { hazardStats, patrolStats } from './reads';
import { codeVersion, machine, summaryTable, writeReport, type RunReport } from './report';
import { resetToGenerated } from './reset';
import { baselineJson, jsonReports, photoReports, syncBurst } from './writes';

/** Nothing in a run may take this long; if it does, everything started is stopped. */
const WATCHDOG_MS = 45 * 60_000;
const JSON_RATIO_TARGET = 0.5;
const JSON_P99_MS = 100;

const BASELINE_TABLE = `
  create table if not exists bench_baseline_reports (
    id uuid primary key,
    unit_id uuid not null references units(id),
    category_code text not null references hazard_categories(code),
    description text not null,
    lat float8 not null,
    lng float8 not null,
    suggested_level text not null,
    reported_at timestamptz not null,
    received_at timestamptz not null
  )`;

export async function runHazards(args: BenchArgs): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  const plan = planFor(args.scale);
  const cacheDir = args.cacheDir ?? path.join(os.tmpdir(), 'lastmeter-bench', 'hazards');
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error('[bench] cleanup:', e));
    cleanups.length = 0;
  };
  const abort = (why: string) => {
    console.error(`[bench] ${why}: stopping everything started`);
    void cleanup().then(() => process.exit(1));
  };
  const onSignal = () => abort('interrupted');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const watchdog = setTimeout(() => abort(`still running after ${WATCHDOG_MS / 60_000} minutes`), WATCHDOG_MS);

  try {
    const loadAtStart = machine('');
    log(`hazards benchmark, scale ${args.scale}; machine: ${loadAtStart.cpus} cores, ${loadAtStart.memoryGB} GB, load average ${loadAtStart.loadAverageAtStart.join(' ')}`);
    const db = await openBenchDatabase({ cacheDir, scale: args.scale, generator: GENERATOR_VERSION, fresh: args.fresh, log });
    cleanups.push(db.stop);
    log(`embedded PostgreSQL on 127.0.0.1:${db.port} (data in ${db.dataDir}), migrations applied`);

    let meta: CacheMeta;
    let reused = false;
    if (db.cached) {
      meta = db.cached;
      reused = true;
      const { removed } = await resetToGenerated(db.pool, meta.generatedAt);
      await db.pool.query('vacuum (analyze) hazards, hazard_events, hazard_rollups, audit_events, sessions, stored_files');
      log(`REUSED the cached dataset (scale ${meta.scale}, made ${meta.generatedAt}; generating it took ${meta.generationSeconds.toFixed(0)} s); removed ${removed} reports of earlier runs`);
    } else {
      log(`generating the dataset at scale ${args.scale} (set-based SQL, two slices in parallel):`);
      const generated = await generateDataset(db.pool, args.scale, log);
      meta = { generator: GENERATOR_VERSION, scale: args.scale, ...generated };
      await db.saveMeta(meta);
      log(`GENERATION TOOK ${meta.generationSeconds.toFixed(1)} s; cached in ${cacheDir} for the next run at this scale`);
    }
    meta.counts = await countRows(db.pool);
    const settings = (await db.pool.query<{ name: string; setting: string }>(`select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'wal_level', 'max_connections')`)).rows;
    const pgSetting = (n: string) => settings.find((s) => s.name === n)?.setting ?? '?';
    await db.pool.query(BASELINE_TABLE);

    const runDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lastmeter-bench-run-'));
    cleanups.push(() => fs.rm(runDir, { recursive: true, force: true }));
    const appPort = await freePort(3100, 3200);
    const appEnv = { NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: db.url, SEED_DEMO: 'false', DEMO: 'false', HOST: '127.0.0.1', PORT: String(appPort), DATA_DIR: runDir, WEB_DIST_DIR: path.join(runDir, 'no-web') };
    const profileDir = path.join(runDir, 'profile');
    const code = codeVersion();
    const app = await startServer({ entry: 'src/server/main.ts', port: appPort, env: appEnv, healthPath: '/api/health', nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
    cleanups.push(app.stop);
    const basePort = await freePort(3100, 3200);
    const baseline = await startServer({ entry: 'bench/baseline-server.ts', port: basePort, env: { DATABASE_URL: db.url, PORT: String(basePort), DB_POOL_MAX: '10' }, healthPath: '/health' });
    cleanups.push(baseline.stop);
    log(`app (src/server/main.ts, NODE_ENV=production, LOG_LEVEL=silent, default pool of 10) at ${app.origin}; baseline at ${baseline.origin}`);
    log(`app code: commit ${code.commit}${code.uncommittedInSrc.length ? `, with uncommitted changes of others in ${code.uncommittedInSrc.join(', ')}` : ', clean'}`);

    const { workers, admin, seconds: signInSeconds } = await signIn(db.pool, app.origin, log);
    const suite: Suite = {
      plan,
      pool: db.pool,
      url: db.url,
      origin: app.origin,
      baselineOrigin: baseline.origin,
      pids: { app: app.pid, baseline: baseline.pid, postmaster: postmasterPid(path.join(db.dataDir, 'pg')) },
      workers,
      admin,
      units: await loadUnits(db.pool),
      log,
    };

    const want = (w: string) => args.only.length === 0 || args.only.includes(w);
    const results: WorkloadResult[] = [];
    let ratio = NaN;
    if (want('baseline') || want('json')) {
      const base = await baselineJson(suite);
      results.push(base);
      if (want('json')) {
        const json = await jsonReports(suite);
        ratio = json.rate / base.rate;
        json.targets.push(
          { text: `≥ ${JSON_RATIO_TARGET * 100} % of baseline (${(ratio * 100).toFixed(0)} %)`, pass: ratio >= JSON_RATIO_TARGET && json.unexpected === 0 },
          { text: `p99 < ${JSON_P99_MS} ms`, pass: json.p99 < JSON_P99_MS },
        );
        results.push(explain(suite, json));
      }
    }
    // The same reports, all in one category: every one of them then bumps the same city and
    // county roll-up rows of this month, so their row locks serialize the transactions.
    if (want('hot')) results.push(await jsonReports(suite, { key: 'json-one-category', label: 'a′. JSON report, all in one category', category: suite.units.categories[0]! }));
    if (want('photo')) results.push(explain(suite, await photoReports(suite)));
    if (want('sync')) results.push(...(await syncBurst(suite)).map((r) => explain(suite, r)));
    if (want('stats')) results.push(...(await hazardStats(suite)), ...(await patrolStats(suite)));

    let appProfile: Awaited<ReturnType<typeof summarizeProfiles>> = null;
    if (args.profile) {
      await app.stop();
      appProfile = await summarizeProfiles(profileDir);
      if (appProfile) {
        log(`app main thread, ${(appProfile.totalMs / 1000).toFixed(1)} s of CPU samples; self time by package / source folder:`);
        for (const [k, ms] of appProfile.byOwner) log(`  ${((ms / appProfile.totalMs) * 100).toFixed(1).padStart(5)} %  ${k}`);
        log('hottest functions (self time):');
        for (const [k, ms] of appProfile.byFunction) log(`  ${((ms / appProfile.totalMs) * 100).toFixed(1).padStart(5)} %  ${k}`);
      }
    }

    const report: RunReport = {
      suite: 'hazards',
      date: new Date().toISOString(),
      scale: args.scale,
      machine: { ...loadAtStart, postgres: pgSetting('server_version') },
      code,
      config: {
        appNodeEnv: 'production',
        appLogLevel: 'silent',
        appDbPoolMax: 10,
        baselineDbPoolMax: 10,
        connections: plan.connections,
        durationSeconds: plan.durationMs / 1000,
        warmupSeconds: plan.warmupMs / 1000,
        phones: plan.phones,
        reportsPerPhone: plan.reportsPerPhone,
        phoneConcurrency: plan.phoneConcurrency,
        statsRequestsPerLevel: plan.statsRequests,
        statsConnections: plan.statsConnections,
        fsync: pgSetting('fsync'),
        synchronousCommit: pgSetting('synchronous_commit'),
        fullPageWrites: pgSetting('full_page_writes'),
        walLevel: pgSetting('wal_level'),
        sharedBuffers8kB: pgSetting('shared_buffers'),
      },
      dataset: { reused, generatedAt: meta.generatedAt, generationSeconds: meta.generationSeconds, steps: meta.steps, counts: meta.counts },
      signIn: { accounts: workers.length + 1, seconds: signInSeconds },
      workloads: results,
      ratio: { jsonOverBaseline: Math.round(ratio * 1000) / 1000 },
      ...(appProfile ? { appProfile } : {}),
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    const file = await writeReport(report, args.only.length > 0 || args.profile);
    console.log(`\n${summaryTable(report)}\n\nresults written to ${file}; whole run ${report.totalSeconds} s`);
  } finally {
    clearTimeout(watchdog);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}
