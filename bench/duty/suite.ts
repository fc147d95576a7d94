import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BenchArgs } from '../lib/args';
import { ROOT, startServer } from '../../src/server/test/child-server';
import { cpuBetween, cpuSnapshot, postmasterPid, type CpuPids, type CpuSnapshot } from '../lib/cpu';
import { openBenchDatabase } from '../lib/database';
import { freePort } from '../lib/ports';
import { sampleWaits } from '../lib/waits';
import { codeVersion, machine } from '../hazards/report';
import { ConsoleFleet, type ConsoleSpec, type Tracked } from './consoles';
import { dist, phaseFigures, summaryTable, type Cores, type PhaseResult } from './figures';
import { firstReport, intake, pools, post } from './submit';

/** The whole run stays well under this; if not, everything started is stopped. */
const WATCHDOG_MS = 5 * 60_000;
const NODES = 2;
const CONSOLES_PER_NODE = 250;
const WARMUP_REPORTS = 10;
const SEQUENTIAL_REPORTS = 200;
const BURST_REPORTS = 50;
/** Sent one at a time after every console is closed: what a report costs the apps without the fan-out. */
const CONTROL_REPORTS = 50;
const IDLE_MS = 2_000;
/** How long one report may take to reach every console before it counts as lost. */
const ARRIVAL_TIMEOUT_MS = 5_000;
const PASSWORD = 'Shishi@2024';
/** Demo users whose scope covers 宝盖镇 (the consoles), and one of the neighbouring 灵秀镇 (must see nothing). */
const IN_SCOPE_USERS = ['city_admin', 'county_officer', 'baogai_chief', 'baogai_duty', 'baogai_enforcer', 'baogai_keeper', 'baogai_rescue'];
const OUT_OF_SCOPE_USER = 'lingxiu_chief';
const SUBMITTER = 'baogai_duty';

const r2 = (x: number) => Math.round(x * 100) / 100;

/** cpu.ts knows one app and a baseline: the second app process is measured as its "baseline". */
function cores(a: CpuSnapshot, b: CpuSnapshot): Cores {
  const c = cpuBetween(a, b);
  return { seconds: c.seconds, appA: c.app, appB: c.baseline, postgres: c.postgres, loadgen: c.loadgen, others: c.others };
}

async function signIn(origin: string, username: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} at ${origin}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('lm_session='));
  if (!cookie) throw new Error(`sign-in of ${username} at ${origin} set no session cookie`);
  return cookie;
}

/**
 * `npm run bench -- duty`: 500 open duty consoles (server-sent events), 250 on each of two app
 * processes on one PostgreSQL; reports submitted as 宝盖镇's duty officer on alternating
 * processes; per report, the time from just before its POST to the last console receiving it.
 */
export async function runDuty(args: BenchArgs): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  const cacheDir = args.cacheDir ?? path.join(os.tmpdir(), 'lastmeter-bench', 'duty');
  const cleanups: (() => Promise<unknown> | void)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((e: unknown) => console.error('[bench] cleanup:', e));
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
    log(`duty benchmark: ${NODES} app processes × ${CONSOLES_PER_NODE} consoles; machine: ${host.cpus} cores, ${host.memoryGB} GB, load average ${host.loadAverageAtStart.join(' ')}`);

    // A new database each run (the demo data is small): every run starts from the same state.
    const t0Db = performance.now();
    const db = await openBenchDatabase({ cacheDir, scale: 1, generator: 1, fresh: true, log });
    cleanups.push(db.stop);
    const pgVersion = (await db.pool.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
    log(`embedded PostgreSQL ${pgVersion} on 127.0.0.1:${db.port} (new data directory in ${db.dataDir}, durable settings), migrations applied in ${((performance.now() - t0Db) / 1000).toFixed(1)} s`);

    const runDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lastmeter-bench-duty-'));
    cleanups.push(() => fs.rm(runDir, { recursive: true, force: true }));
    const code = codeVersion();
    const t0Apps = performance.now();
    const apps = [];
    for (let n = 0; n < NODES; n++) {
      const port = await freePort(3100, 3200);
      const dataDir = path.join(runDir, `node-${n}`);
      const env = { NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: db.url, SEED_DEMO: 'true', DEMO: 'true', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, WEB_DIST_DIR: path.join(runDir, 'no-web') };
      // One after the other: the first fills the empty database with the 石狮市 demo data.
      const app = await startServer({ entry: 'src/server/main.ts', port, env, healthPath: '/api/health' });
      cleanups.push(app.stop);
      apps.push(app);
    }
    const origins = apps.map((a) => a.origin);
    log(`app processes (src/server/main.ts, NODE_ENV=production, LOG_LEVEL=silent, DEMO=true, demo data seeded) at ${origins.join(' and ')} in ${((performance.now() - t0Apps) / 1000).toFixed(1)} s`);
    log(`app code: commit ${code.commit}${code.uncommittedInSrc.length ? `, with uncommitted changes of others in ${code.uncommittedInSrc.length} files under src/` : ', clean'}`);

    // Each user signs in once on each process; the consoles of a user on a process share that session.
    const sessions = new Map<string, string>();
    for (let n = 0; n < NODES; n++) for (const u of [...IN_SCOPE_USERS, OUT_OF_SCOPE_USER]) sessions.set(`${n}:${u}`, await signIn(origins[n]!, u));
    log(`signed in ${sessions.size} sessions (${IN_SCOPE_USERS.length + 1} users × ${NODES} processes)`);

    const specs: ConsoleSpec[] = [];
    for (let n = 0; n < NODES; n++) {
      for (let i = 0; i < CONSOLES_PER_NODE; i++) {
        const user = IN_SCOPE_USERS[i % IN_SCOPE_USERS.length]!;
        specs.push({ node: n, origin: origins[n]!, user, cookie: sessions.get(`${n}:${user}`)!, inScope: true });
      }
      specs.push({ node: n, origin: origins[n]!, user: OUT_OF_SCOPE_USER, cookie: sessions.get(`${n}:${OUT_OF_SCOPE_USER}`)!, inScope: false });
    }
    const fleet = new ConsoleFleet(specs);
    cleanups.push(() => fleet.close());
    const opened = await fleet.open(50, 20_000);
    const nodes = fleet.nodesOfInScope();
    log(`${fleet.inScope} consoles open (${CONSOLES_PER_NODE} per process, users ${IN_SCOPE_USERS.join(', ')}), each got ': connected', in ${opened.seconds.toFixed(1)} s; plus ${NODES} consoles of ${OUT_OF_SCOPE_USER} (灵秀镇) that must receive nothing`);

    const http = pools(origins, BURST_REPORTS + 4);
    cleanups.push(() => Promise.all(http.map((p) => p.close())));
    const submitter = Array.from({ length: NODES }, (_, n) => sessions.get(`${n}:${SUBMITTER}`)!);

    // 接报 first, for every report of the run: the measured POSTs are the reports alone.
    const fannedOut = WARMUP_REPORTS + SEQUENTIAL_REPORTS + BURST_REPORTS;
    const events = Array.from({ length: fannedOut + CONTROL_REPORTS }, (_, n) => intake(n));
    let nextEvent = 0;
    const t0Intake = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (nextEvent < events.length) {
          const n = nextEvent++;
          const res = await post(http[n % NODES]!, '/api/duty/events', JSON.stringify(events[n]), submitter[n % NODES]!);
          if (res.status !== 201) throw new Error(`POST /api/duty/events: ${res.status}`);
        }
      }),
    );
    const intakeDeadline = performance.now() + 15_000;
    const intakesDelivered = () => [...fleet.intakes.values()].reduce((a, b) => a + b, 0);
    while (intakesDelivered() < events.length * fleet.inScope && performance.now() < intakeDeadline) await new Promise((r) => setTimeout(r, 50));
    log(`${events.length} events (接报) recorded as ${SUBMITTER} on alternating processes in ${((performance.now() - t0Intake) / 1000).toFixed(1)} s; their duty.event reached the consoles ${intakesDelivered()}/${events.length * fleet.inScope} times`);

    const pids: CpuPids = { app: apps[0]!.pid, baseline: apps[1]!.pid, postmaster: postmasterPid(path.join(db.dataDir, 'pg')) };
    const phases: PhaseResult[] = [];
    let eventIndex = 0;

    /** One report: t0 just before the POST; the POST goes to the process the event was recorded on. */
    const send = (out: { status: number; ms: number }[]): { tracked: Tracked; done: Promise<void> } => {
      const n = eventIndex++;
      const node = n % NODES;
      const body = firstReport(events[n]!.id, n);
      const json = JSON.stringify(body);
      const t0 = performance.now();
      const tracked = fleet.track(body.id, node, t0);
      const done = post(http[node]!, '/api/duty/reports', json, submitter[node]!).then(
        (r) => {
          tracked.answeredAt = r.at;
          out.push({ status: r.status, ms: r.at - t0 });
        },
        (e: unknown) => {
          out.push({ status: -1, ms: performance.now() - t0 });
          log(`POST /api/duty/reports failed: ${String(e)}`);
        },
      );
      return { tracked, done };
    };

    const phase = async (key: string, label: string, run: (posts: { status: number; ms: number }[]) => Promise<Tracked[]>) => {
      const loop = monitorEventLoopDelay({ resolution: 1 });
      const posts: { status: number; ms: number }[] = [];
      const waits = sampleWaits(db.url, 'lastmeter', 50);
      const c0 = cpuSnapshot(pids);
      loop.enable();
      const t = performance.now();
      const tracked = await run(posts);
      const seconds = Math.round((performance.now() - t) / 100) / 10;
      loop.disable();
      const c1 = cpuSnapshot(pids);
      const dbConnections = await waits.stop();
      const cpu = cores(c0, c1);
      const perReport = (c: number) => Math.round(((c * cpu.seconds * 1000) / Math.max(1, tracked.length)) * 10) / 10;
      const result: PhaseResult = {
        key,
        label,
        seconds,
        ...phaseFigures(tracked, posts, nodes),
        cpu,
        cpuMsPerReport: { apps: perReport(cpu.appA + cpu.appB), postgres: perReport(cpu.postgres) },
        loadgenLoopDelay: { p50: r2(loop.percentile(50) / 1e6), p99: r2(loop.percentile(99) / 1e6), max: r2(loop.max / 1e6) },
        dbConnections,
      };
      log(`${label}: last console p50 ${result.last.p50} ms, p99 ${result.last.p99} ms, max ${result.last.max} ms; lost ${result.lost}, duplicates ${result.duplicates}`);
      return { result, tracked, posts };
    };

    const sequential = async (count: number, posts: { status: number; ms: number }[]) => {
      const out: Tracked[] = [];
      for (let i = 0; i < count; i++) {
        const { tracked, done } = send(posts);
        await done;
        await fleet.allArrived([tracked], ARRIVAL_TIMEOUT_MS);
        out.push(tracked);
      }
      return out;
    };

    // Warm-up (JIT, pools, prepared plans): the same as the sequential phase, not counted.
    await phase('warmup', `warm-up: ${WARMUP_REPORTS} reports one at a time`, (posts) => sequential(WARMUP_REPORTS, posts));

    const measured = [];
    measured.push(await phase('sequential', `sequential: ${SEQUENTIAL_REPORTS} reports, one at a time`, (posts) => sequential(SEQUENTIAL_REPORTS, posts)));
    measured.push(
      await phase('burst', `burst: ${BURST_REPORTS} reports at once`, async (posts) => {
        const sent = Array.from({ length: BURST_REPORTS }, () => send(posts));
        await Promise.all(sent.map((s) => s.done));
        const tracked = sent.map((s) => s.tracked);
        await fleet.allArrived(tracked, ARRIVAL_TIMEOUT_MS * 2);
        return tracked;
      }),
    );

    // Late copies would show up as duplicates, strays as unknown reports or leaks: wait a moment,
    // then count again (a delivery after its time limit counts as delivered, late, and in the figures).
    await new Promise((r) => setTimeout(r, 1000));
    for (const m of measured) phases.push({ ...m.result, ...phaseFigures(m.tracked, m.posts, nodes) });
    const submitted = Number((await db.pool.query<{ n: string }>(`select count(*) as n from duty_reports where state = 'submitted'`)).rows[0]!.n);
    const checks = {
      reportsSubmittedInDb: submitted,
      consolesStillOpen: fleet.stillOpen(),
      consolesDropped: fleet.dropped,
      unknownReportIds: fleet.unknownReports,
      outOfScopeDeliveries: fleet.leaks,
    };
    log(
      `checks: ${submitted}/${fannedOut} reports submitted in the database; ${checks.consolesStillOpen} consoles still open, ${checks.consolesDropped} dropped; ` +
        `${checks.unknownReportIds} unknown report ids; ${checks.outOfScopeDeliveries} duty events at the 灵秀镇 consoles (must be 0)`,
    );

    // What the apps spend with nothing to do (jobs, heartbeats), then on a report without consoles:
    // the difference to the sequential phase is the cost of fanning a report out to 500 screens.
    const i0 = cpuSnapshot(pids);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle = cores(i0, cpuSnapshot(pids));
    fleet.close();
    await new Promise((r) => setTimeout(r, 500));
    const controlPosts: { status: number; ms: number }[] = [];
    const k0 = cpuSnapshot(pids);
    for (let i = 0; i < CONTROL_REPORTS; i++) await send(controlPosts).done;
    const kc = cores(k0, cpuSnapshot(pids));
    const control = {
      label: `control: ${CONTROL_REPORTS} reports one at a time, every console closed`,
      reports: CONTROL_REPORTS,
      failedPosts: controlPosts.filter((p) => p.status !== 201).length,
      post: dist(controlPosts.map((p) => p.ms)),
      cpu: kc,
      cpuMsPerReport: { apps: Math.round((((kc.appA + kc.appB) * kc.seconds * 1000) / CONTROL_REPORTS) * 10) / 10, postgres: Math.round(((kc.postgres * kc.seconds * 1000) / CONTROL_REPORTS) * 10) / 10 },
    };
    log(
      `apps idle with 500 consoles open: ${idle.appA.toFixed(2)} + ${idle.appB.toFixed(2)} cores; ${control.label}: POST p50 ${control.post.p50} ms, p99 ${control.post.p99} ms; ` +
        `apps ${control.cpuMsPerReport.apps} ms and postgres ${control.cpuMsPerReport.postgres} ms of CPU per report${control.failedPosts ? `; ${control.failedPosts} POSTs not 201` : ''}`,
    );

    // Net of the idle use: (sequential − control) per report is what the 500 SSE writes cost.
    const seq = phases.find((p) => p.key === 'sequential');
    const idlePerReport = (seconds: number, reports: number) => ((idle.appA + idle.appB) * seconds * 1000) / reports;
    const fanOutMs = seq ? seq.cpuMsPerReport.apps - idlePerReport(seq.cpu.seconds, seq.reports) - (control.cpuMsPerReport.apps - idlePerReport(kc.seconds, CONTROL_REPORTS)) : NaN;
    const fanOut = Number.isFinite(fanOutMs) ? { msPerReport: Math.round(fanOutMs * 10) / 10, usPerConsole: Math.round((fanOutMs * 1000) / fleet.inScope) } : null;

    const totalSeconds = Math.round((Date.now() - started) / 1000);
    const report = {
      suite: 'duty',
      date: new Date().toISOString(),
      machine: { ...host, postgres: pgVersion },
      code,
      config: {
        appProcesses: NODES,
        consolesPerProcess: CONSOLES_PER_NODE,
        consoleUsers: IN_SCOPE_USERS,
        submitter: SUBMITTER,
        warmupReports: WARMUP_REPORTS,
        sequentialReports: SEQUENTIAL_REPORTS,
        burstReports: BURST_REPORTS,
        arrivalTimeoutMs: ARRIVAL_TIMEOUT_MS,
        announcerBatchWindowMs: 10,
        appNodeEnv: 'production',
        appLogLevel: 'silent',
        appDbPoolMax: 10,
        postgresDurable: true,
      },
      setup: { consolesOpenSeconds: r2(opened.seconds), intakes: events.length },
      phases,
      idleCores: idle,
      control,
      fanOutEstimate: fanOut,
      checks,
      totalSeconds,
    };
    const dir = path.join(ROOT, 'bench', 'results');
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `duty-${report.date.slice(0, 10)}.json`);
    await fs.writeFile(file, JSON.stringify(report, null, 2) + '\n');
    console.log(
      `\n${NODES} app processes, ${fleet.inScope} consoles, one PostgreSQL (code: commit ${code.commit}${code.uncommittedInSrc.length ? ` + uncommitted changes in ${code.uncommittedInSrc.length} files under src/` : ', clean'})\n` +
        `${summaryTable(phases)}\n` +
        `${control.label}: POST p50 ${control.post.p50} ms, p99 ${control.post.p99} ms; apps ${control.cpuMsPerReport.apps} ms, postgres ${control.cpuMsPerReport.postgres} ms of CPU per report\n` +
        (fanOut ? `fan-out estimate: ${fanOut.msPerReport} ms of app CPU per report for ${fleet.inScope} consoles (${fanOut.usPerConsole} µs per console), from the sequential phase minus the control, both net of the apps' idle use\n` : '') +
        `the app's Announcer gathers realtime events for 10 ms after the commit before one NOTIFY: every figure includes up to that wait\n\n` +
        `results written to ${path.relative(ROOT, file)}; whole run ${totalSeconds} s`,
    );
  } finally {
    clearTimeout(watchdog);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}
