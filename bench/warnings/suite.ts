import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchArgs } from '../lib/args';
import { ROOT, startServer } from '../../src/server/test/child-server';
import { connect } from '../../src/server/platform/db/client';
import { BENCH_PASSWORD } from '../generate/accounts';
import { postmasterPid } from '../lib/cpu';
import { openBenchDatabase, type CacheMeta } from '../lib/database';
import { freePort } from '../lib/ports';
import { closedLoop, statusOf } from '../load/runner';
import { codeVersion, machine } from '../hazards/report';
import { countAccounts, generateWarningsDataset, ISSUER, resetWarningsDataset, WARNINGS_GENERATOR_VERSION } from './dataset';
import { cpuLine, median, r1, type Bench, type LoopFigures } from './measure';
import { appAnswers, baselineAnswers, baselineInsert, explainSweep, issueOnce, linkAnswers, planOfSweep, shuffled, sweeps, type IssueRep, type SweepFigures } from './workloads';

/** Nothing in a run may take this long; if it does, everything started is stopped. */
const WATCHDOG_MS = 30 * 60_000;
const ISSUE_TARGET_MS = 2000;
const SWEEP_TARGET_MS = 200;
const SWEEP_TIMEOUT_MS = 60_000;
const REPS = 3;
/** Recipients who sign in through POST /api/auth/login (argon2id each); the others' sessions are written in SQL. */
const SIGN_INS = 1000;
const SESSIONS = 10_000;

export type WarningsReport = {
  suite: 'warnings';
  date: string;
  scale: number;
  machine: ReturnType<typeof machine> & { postgres: string };
  code: ReturnType<typeof codeVersion>;
  config: Record<string, string | number>;
  dataset: { reused: boolean; generatedAt: string; generationSeconds: number; steps: CacheMeta['steps']; counts: Record<string, number> };
  signIn: { accounts: number; seconds: number; perSecond: number };
  issue: { reps: IssueRep[]; medianMs: number; baselineReps: { ms: number; rows: number }[]; baselineMedianMs: number; ratio: number; target: string; pass: boolean };
  answers: LoopFigures[];
  sweep: SweepFigures[];
  outbox: { sentByAppDuringRun: number; pendingAtEnd: number; note: string };
  ratios: Record<string, number>;
  totalSeconds: number;
};

export async function runWarnings(args: BenchArgs): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  const full = args.scale >= 1;
  const loop = { connections: 64, warmupMs: full ? 3000 : 1500, durationMs: full ? 15_000 : 5000 };
  const cacheDir = args.cacheDir ?? path.join(os.tmpdir(), 'lastmeter-bench', 'warnings');
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
    const host = machine('');
    log(`warnings benchmark, scale ${args.scale}; machine: ${host.cpus} cores, ${host.memoryGB} GB, load average ${host.loadAverageAtStart.join(' ')}`);
    const db = await openBenchDatabase({ cacheDir, scale: args.scale, generator: WARNINGS_GENERATOR_VERSION, fresh: args.fresh, log });
    cleanups.push(db.stop);
    log(`embedded PostgreSQL on 127.0.0.1:${db.port} (data in ${db.dataDir}), migrations applied`);
    let meta: CacheMeta;
    let reused = false;
    if (db.cached) {
      meta = db.cached;
      reused = true;
      const removed = await resetWarningsDataset(db.pool);
      log(`REUSED the cached dataset (scale ${meta.scale}, made ${meta.generatedAt}; generating it took ${meta.generationSeconds.toFixed(0)} s); removed ${removed} deliveries of earlier runs`);
    } else {
      log(`generating the dataset at scale ${args.scale} (INSERT … SELECT):`);
      const generated = await generateWarningsDataset(db.pool, args.scale, log);
      meta = { generator: WARNINGS_GENERATOR_VERSION, scale: args.scale, ...generated, counts: {} };
      await db.saveMeta(meta);
      log(`generation took ${meta.generationSeconds.toFixed(1)} s; cached in ${cacheDir}`);
    }
    meta.counts = await countAccounts(db.pool);
    const c = meta.counts;
    log(`dataset: ${c.counties} counties, ${c.townships} townships, ${c.villages} villages, ${c.grids} grids; ${c.gridWorkers} grid workers, ${c.villageLeads} village leads, ${c.townshipOfficers} township officers; ${c.users} accounts`);
    const settings = (await db.pool.query<{ name: string; setting: string }>(`select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'work_mem')`)).rows;
    const pgSetting = (n: string) => settings.find((s) => s.name === n)?.setting ?? '?';

    const runDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lastmeter-bench-warnings-'));
    cleanups.push(() => fs.rm(runDir, { recursive: true, force: true }));
    const appPort = await freePort(3100, 3200);
    const app = await startServer({
      entry: 'src/server/main.ts',
      port: appPort,
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
        SEED_DEMO: 'false',
        DEMO: 'false',
        HOST: '127.0.0.1',
        PORT: String(appPort),
        DATA_DIR: runDir,
        WEB_DIST_DIR: path.join(runDir, 'no-web'),
        PUBLIC_BASE_URL: 'https://lastmeter.example.cn',
        // All link answers come from 127.0.0.1: the per-address limit must not be what is measured.
        PUBLIC_REPORTS_PER_MINUTE: '100000',
        PUBLIC_READS_PER_MINUTE: '100000',
      },
      healthPath: '/api/health',
    });
    cleanups.push(app.stop);
    const basePort = await freePort(3100, 3200);
    const baseline = await startServer({ entry: 'bench/warnings/baseline-server.ts', port: basePort, env: { DATABASE_URL: db.url, PORT: String(basePort), DB_POOL_MAX: '10' }, healthPath: '/health' });
    cleanups.push(baseline.stop);
    const code = codeVersion();
    log(`app (src/server/main.ts, NODE_ENV=production, default pool of 10, its jobs running) at ${app.origin}; answer baseline at ${baseline.origin}`);
    log(`app code: commit ${code.commit}${code.uncommittedInSrc.length ? `, with uncommitted changes of others in ${code.uncommittedInSrc.join(', ')}` : ', clean'}`);
    const b: Bench = { pool: db.pool, url: db.url, origin: app.origin, baselineOrigin: baseline.origin, pids: { app: app.pid, baseline: baseline.pid, postmaster: postmasterPid(path.join(db.dataDir, 'pg')) }, log };

    // Who answers in the app: every k-th grid worker (spread over the grids), the first SIGN_INS of them signed in for real.
    const nWorkers = c.gridWorkers!;
    const nSessions = Math.min(SESSIONS, Math.floor(nWorkers / 3));
    const nSignIns = Math.min(SIGN_INS, nSessions);
    const stride = Math.floor(nWorkers / nSessions);
    const answerers = (
      await db.pool.query<{ username: string; user_id: string }>(`select username, user_id from bench_w_accounts where role = 'grid_worker' and i % $1 = 0 order by i limit $2`, [stride, nSessions])
    ).rows;
    const loginNames = [ISSUER, ...answerers.slice(0, nSignIns).map((a) => a.username)];
    const cookies = new Map<string, string>();
    const t0 = Date.now();
    const signIn = await closedLoop({
      origin: app.origin,
      connections: 8,
      total: loginNames.length,
      op: async (client, seq) => {
        const res = await client.request({ path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: loginNames[seq], password: BENCH_PASSWORD }) });
        const set = res.headers['set-cookie'];
        const cookie = (Array.isArray(set) ? set : [set ?? '']).map((x) => x.split(';')[0]!).find((x) => x.startsWith('lm_session='));
        if (res.statusCode === 200 && cookie) cookies.set(loginNames[seq]!, cookie);
        return statusOf(res);
      },
    });
    const signInSeconds = (Date.now() - t0) / 1000;
    if (signIn.samples.unexpected([200])) throw new Error(`sign-in failed: ${JSON.stringify(signIn.samples.statusSummary())}`);
    log(`signed in ${loginNames.length} accounts through POST /api/auth/login in ${signInSeconds.toFixed(1)} s (${signIn.rate.toFixed(0)}/s: argon2id)`);
    // The other answerers' sessions, written as createSession writes them (a SHA-256 of the cookie
    // token); last seen 5 minutes ago like the signed-in ones, so each first request refreshes it.
    const forged = answerers.slice(nSignIns).map((a) => ({ username: a.username, userId: a.user_id, token: crypto.randomBytes(32).toString('base64url') }));
    await db.pool.query(
      `insert into sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
       select id, user_id, now() - interval '5 minutes', now() - interval '5 minutes', now() + interval '8 hours', '127.0.0.1', 'bench' from unnest($1::text[], $2::uuid[]) as t(id, user_id)`,
      [forged.map((f) => crypto.createHash('sha256').update(f.token).digest('hex')), forged.map((f) => f.userId)],
    );
    for (const f of forged) cookies.set(f.username, `lm_session=${f.token}`);
    log(`${forged.length} more answerers' sessions written to the sessions table (argon2 for them would take ${(forged.length / Math.max(1, signIn.rate) / 60).toFixed(0)} minutes)`);
    const adminCookie = cookies.get(ISSUER)!;
    const cityId = (await db.pool.query<{ id: string }>(`select id from units where level = 'city'`)).rows[0]!.id;

    // a. Issue to every grid worker, REPS times (fresh warnings); the bare INSERT … SELECT beside each.
    log(`a. issuing a red typhoon warning to all ${nWorkers} grid workers of the city, ${REPS} times:`);
    const issueReps: IssueRep[] = [];
    const baseReps: { ms: number; rows: number }[] = [];
    for (let i = 1; i <= REPS; i++) {
      const rep = await issueOnce(b, adminCookie, cityId, i);
      issueReps.push(rep);
      log(`  issue #${i}: POST answered in ${rep.postMs} ms; SQL counts ${rep.deliveries} deliveries, ${rep.outbox} outbox rows, ${rep.audit} audit entry; ${(rep.walBytes / 1e6).toFixed(0)} MB WAL; ${cpuLine(rep.cpu)}`);
      if (rep.deliveries !== nWorkers) log(`  !! expected ${nWorkers} deliveries`);
      const base = await baselineInsert(b);
      baseReps.push(base);
      log(`  baseline #${i}: bare INSERT … SELECT of ${base.rows} delivery rows in ${base.ms} ms`);
    }
    const issueMedian = r1(median(issueReps.map((r) => r.postMs)));
    const baseMedian = r1(median(baseReps.map((r) => r.ms)));
    const issuePass = issueMedian <= ISSUE_TARGET_MS && issueReps.every((r) => r.deliveries === nWorkers);
    log(`  median ${issueMedian} ms (${issuePass ? 'PASS' : 'FAIL'} ≤ ${ISSUE_TARGET_MS} ms); bare INSERT … SELECT median ${baseMedian} ms; ratio ${(issueMedian / baseMedian).toFixed(1)}×`);

    // b. Answers. The app's answerers answer their delivery of issue 1; the links are the tokens of
    // issue 2; the baseline updates issue 1's deliveries of everyone else. All first answers while they last.
    const [first, second, third] = issueReps as [IssueRep, IssueRep, IssueRep];
    const ids = new Map(
      (await db.pool.query<{ user_id: string; id: string }>(`select recipient_user_id as user_id, id::text from warning_deliveries where issue_id = $1`, [first.issueId])).rows.map((r) => [r.user_id, r.id]),
    );
    const appAnswerers = shuffled(answerers).map((a) => ({ cookie: cookies.get(a.username)!, deliveryId: ids.get(a.user_id)! }));
    const taken = new Set(answerers.map((a) => a.user_id));
    const baselineIds = shuffled([...ids].filter(([u]) => !taken.has(u)).map(([, id]) => id));
    const tokens = shuffled((await db.pool.query<{ token: string }>(`select token from warning_deliveries where issue_id = $1`, [second.issueId])).rows.map((r) => r.token));
    log(`b. answers at ${loop.connections} connections, ${loop.warmupMs / 1000} s warm-up + ${loop.durationMs / 1000} s measured each:`);
    const answers: LoopFigures[] = [];
    const base = await baselineAnswers(b, loop, baselineIds);
    answers.push(base);
    const inApp = await appAnswers(b, loop, appAnswerers);
    answers.push(inApp);
    const byLink = await linkAnswers(b, loop, tokens);
    answers.push(byLink);
    const firsts = (await db.pool.query<{ app: number; link: number }>(
      `select (select count(*) from warning_deliveries where id = any($1::bigint[]) and answered_at is not null)::int as app,
              (select count(*) from warning_deliveries where issue_id = $2 and answered_via = 'link')::int as link`,
      [appAnswerers.map((a) => a.deliveryId), second.issueId],
    )).rows[0]!;
    inApp.notes.push(`${appAnswerers.length} answerers (${nSignIns} signed in, ${forged.length} sessions from SQL); ${firsts.app} of their deliveries now answered (warm-up and measured requests; beyond one per answerer a request is a later answer replacing the word)`);
    byLink.notes.push(`${tokens.length} tokens of issue 2 in random order; ${firsts.link} now answered by link (warm-up and measured)`);
    for (const a of [inApp, byLink]) {
      const ratio = a.rate / base.rate;
      a.notes.push(`${(ratio * 100).toFixed(0)} % of the baseline's rate`);
    }
    for (const a of answers) for (const n of a.notes) log(`    ${n}`);

    // c. The escalation sweep over issue 3's untouched deliveries; the others are taken out of the sweep.
    await db.pool.query(`update warning_deliveries set next_escalation_at = null where issue_id <> $1 and next_escalation_at is not null`, [third.issueId]);
    const sweepAt = new Date(Date.now() + 86_400_000);
    // Bounded: a sweep that has not finished after SWEEP_TIMEOUT_MS is cancelled and reported as such.
    const sweepUrl = new URL(db.url);
    sweepUrl.searchParams.set('options', `-c statement_timeout=${SWEEP_TIMEOUT_MS}`);
    const sweepDb = connect(sweepUrl.toString(), 2);
    let sweepDbOpen = true;
    cleanups.push(async () => {
      if (sweepDbOpen) await sweepDb.close();
      sweepDbOpen = false;
    });
    log(`c. escalation sweep over ${nWorkers} unanswered deliveries (sweepWarningEscalations called from this process), ${REPS} times per tier:`);
    const remind = await sweeps(b, sweepDb.db, third.issueId, 0, sweepAt, REPS, nWorkers);
    const superior = await sweeps(b, sweepDb.db, third.issueId, 1, new Date(sweepAt.getTime() + 10 * 60_000), REPS, nWorkers);
    for (const s of [remind, superior]) {
      const pass = !s.timedOutAfterMs && s.medianMs <= SWEEP_TARGET_MS;
      log(`  ${s.tier}: median ${s.medianMs} ms (${pass ? 'PASS' : 'FAIL'} ≤ ${SWEEP_TARGET_MS} ms)`);
      const at = s.tier === 'remind' ? sweepAt : new Date(sweepAt.getTime() + 10 * 60_000);
      if (s.timedOutAfterMs) {
        s.planText = await planOfSweep(b, third.issueId, s.tier === 'remind' ? 0 : 1, at);
        log(`  the ${s.tier} sweep was cut off, so no EXPLAIN ANALYZE; its plan (EXPLAIN, nothing run), the superiors' lookup:`);
        for (const l of s.planText.filter((x) => /role_grants|units gu|units_path_gist|WindowAgg|CTE escalated/.test(x))) log(`    ${l}`);
        continue;
      }
      s.explain = await explainSweep(b, third.issueId, s.tier === 'remind' ? 0 : 1, at);
      if (!pass) {
        log(`  EXPLAIN ANALYZE (${s.tier}, rolled back): ${s.explain.totalMs} ms. Each CTE, whole:`);
        for (const n of s.explain.ctes) log(`    ${n.selfMs.toFixed(1).padStart(8)} ms  ${String(n.rows).padStart(7)} rows  ${n.node}`);
        log('  the nodes with the most time of their own (CTE Scans left out):');
        for (const n of s.explain.top) log(`    ${n.selfMs.toFixed(1).padStart(8)} ms  ${String(n.rows).padStart(7)} rows × ${n.loops}  ${n.node}`);
      }
    }

    const outbox = (await db.pool.query<{ sent: number; pending: number }>(`select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'pending')::int as pending from warning_channel_sends`)).rows[0]!;
    const report: WarningsReport = {
      suite: 'warnings',
      date: new Date().toISOString(),
      scale: args.scale,
      machine: { ...host, postgres: pgSetting('server_version') },
      code,
      config: {
        appNodeEnv: 'production',
        appDbPoolMax: 10,
        baselineDbPoolMax: 10,
        connections: loop.connections,
        warmupSeconds: loop.warmupMs / 1000,
        durationSeconds: loop.durationMs / 1000,
        publicReportsPerMinute: 100000,
        fsync: pgSetting('fsync'),
        synchronousCommit: pgSetting('synchronous_commit'),
        fullPageWrites: pgSetting('full_page_writes'),
        sharedBuffers8kB: pgSetting('shared_buffers'),
        workMem: pgSetting('work_mem'),
      },
      dataset: { reused, generatedAt: meta.generatedAt, generationSeconds: meta.generationSeconds, steps: meta.steps, counts: meta.counts },
      signIn: { accounts: loginNames.length, seconds: r1(signInSeconds), perSecond: r1(signIn.rate) },
      issue: { reps: issueReps, medianMs: issueMedian, baselineReps: baseReps, baselineMedianMs: baseMedian, ratio: r1(issueMedian / baseMedian), target: `≤ ${ISSUE_TARGET_MS} ms`, pass: issuePass },
      answers,
      sweep: [remind, superior],
      outbox: {
        sentByAppDuringRun: outbox.sent,
        pendingAtEnd: outbox.pending,
        note: 'sent by the app\'s drain job (drainChannelOutbox: batches of 500, 20 at a time, for up to 4 s per run, every 5 s)',
      },
      ratios: { issueOverBareInsert: r1(issueMedian / baseMedian), appAnswersOverBaseline: Math.round((inApp.rate / base.rate) * 1000) / 1000, linkAnswersOverBaseline: Math.round((byLink.rate / base.rate) * 1000) / 1000 },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    const file = await writeReport(report);
    console.log(`\n${summaryTable(report)}\n\nresults written to ${file}; whole run ${report.totalSeconds} s`);
  } finally {
    clearTimeout(watchdog);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

const mark = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

export function summaryTable(r: WarningsReport): string {
  const c = r.dataset.counts;
  const lines = [
    `dataset (scale ${r.scale}, ${r.dataset.reused ? 'reused from cache' : 'generated in this run'}; generation took ${r.dataset.generationSeconds.toFixed(0)} s): ${c.townships} townships, ${c.villages} villages, ${c.grids} grids, ${c.gridWorkers} grid workers (the recipients), ${c.users} accounts`,
    `code: commit ${r.code.commit}${r.code.uncommittedInSrc.length ? ` + uncommitted changes in ${r.code.uncommittedInSrc.length} files under src/` : ' (clean)'}`,
    '',
    `${'a. issue to every grid worker'.padEnd(56)} ${'median'.padStart(9)}   reps                         target`,
    `${`   POST /api/warnings/:id/issues (${r.issue.reps[0]?.deliveries ?? 0} deliveries)`.padEnd(56)} ${`${r.issue.medianMs} ms`.padStart(9)}   ${r.issue.reps.map((x) => `${x.postMs}`).join(', ').padEnd(28)} ${mark(r.issue.pass)} ${r.issue.target}`,
    `${'   baseline: bare INSERT … SELECT of the same rows'.padEnd(56)} ${`${r.issue.baselineMedianMs} ms`.padStart(9)}   ${r.issue.baselineReps.map((x) => `${x.ms}`).join(', ')}`,
    `${'   ratio app ÷ baseline'.padEnd(56)} ${`${r.issue.ratio}×`.padStart(9)}`,
    '',
    `${'b. answers (叫应)'.padEnd(56)} conn requests  rate/s  p50 ms  p95 ms  p99 ms`,
    ...r.answers.map(
      (a) =>
        `${`   ${a.label}`.padEnd(56)} ${String(a.connections).padStart(4)} ${String(a.requests).padStart(8)} ${a.rate.toFixed(1).padStart(7)} ${a.p50.toFixed(1).padStart(7)} ${a.p95.toFixed(1).padStart(7)} ${a.p99.toFixed(1).padStart(7)}${a.unexpected ? `  [${a.unexpected} unexpected: ${JSON.stringify(a.statuses)}]` : ''}`,
    ),
    `   ratios: in the app ${(r.ratios.appAnswersOverBaseline! * 100).toFixed(0)} %, by link ${(r.ratios.linkAnswersOverBaseline! * 100).toFixed(0)} % of the baseline`,
    '',
    `${'c. escalation sweep over every unanswered delivery'.padEnd(56)} ${'median'.padStart(9)}   reps                         target`,
    ...r.sweep.flatMap((s) => [
      `${`   tier ${s.tier === 'remind' ? '0 → 1: remind the recipient' : '1 → 2: tell the village lead'} (${s.reps[0]?.advanced ?? 0})`.padEnd(56)} ${`${s.timedOutAfterMs ? '> ' : ''}${s.medianMs} ms`.padStart(9)}   ${(s.timedOutAfterMs ? 'cancelled by the timeout' : s.reps.map((x) => `${x.ms}`).join(', ')).padEnd(28)} ${mark(!s.timedOutAfterMs && s.medianMs <= SWEEP_TARGET_MS)} ≤ ${SWEEP_TARGET_MS} ms`,
      `${'     baseline: one bare UPDATE of the same rows'.padEnd(56)} ${`${r1(median(s.bareUpdateMs ?? [NaN]))} ms`.padStart(9)}   ${(s.bareUpdateMs ?? []).join(', ').padEnd(28)} ratio ${r1(s.medianMs / median(s.bareUpdateMs ?? [NaN]))}×`,
    ]),
    '',
    `channel outbox: ${r.outbox.sentByAppDuringRun} messages sent by the app's drain job during the run, ${r.outbox.pendingAtEnd} still pending (${r.outbox.note})`,
  ];
  return lines.join('\n');
}

async function writeReport(r: WarningsReport): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `warnings-${r.date.slice(0, 10)}${r.scale === 1 ? '' : `-scale${r.scale}`}.json`);
  await fs.writeFile(file, JSON.stringify(r, null, 2) + '\n');
  return path.relative(ROOT, file);
}
