import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import type { Db } from '../../src/server/platform/db/client';
import { sweepWarningEscalations } from '../../src/server/modules/warnings/escalation.job';
import { cpuBetween, cpuSnapshot, type CpuUse } from '../lib/cpu';
import { closedLoop, statusOf, type Op } from '../load/runner';
import { dbCounters, measureLoop, median, r1, type Bench, type LoopFigures } from './measure';

const ANSWERS = ['acknowledged', 'on_duty', 'evacuating'] as const;
const answerBody = (seq: number) => JSON.stringify({ answer: ANSWERS[seq % ANSWERS.length] });

export type IssueRep = {
  warningId: string;
  issueId: string;
  /** POST /api/warnings/:id/issues, from sending it to its answer (the statement has committed by then). */
  postMs: number;
  deliveries: number;
  outbox: number;
  audit: number;
  walBytes: number;
  cpu: CpuUse;
};

async function post(client: Client, path: string, body: unknown, cookie: string): Promise<{ status: number; json: unknown }> {
  const res = await client.request({ path, method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * a. One warning entered by hand (POST /api/warnings, not timed) and issued to every grid worker of
 * the city (POST /api/warnings/:id/issues, timed): the answer comes after the one statement that
 * records the issue, every delivery, the outbox rows and the audit entry has committed. SQL then
 * counts what it recorded.
 */
export async function issueOnce(b: Bench, adminCookie: string, cityId: string, rep: number): Promise<IssueRep> {
  const client = new Client(b.origin);
  try {
    const now = Date.now();
    const warningId = crypto.randomUUID();
    const created = await post(
      client,
      '/api/warnings',
      {
        id: warningId,
        type: 'typhoon',
        level: 'red',
        areaDesc: '泉州市全市（压测）',
        areaUnitIds: [cityId],
        effective: new Date(now).toISOString(),
        expires: new Date(now + 3 * 86_400_000).toISOString(),
        headline: `台风红色预警（压测第 ${rep} 次）`,
        text: '受台风影响，预计未来24小时内沿海风力将达12级以上，请各网格员立即到岗，组织危险区域人员转移。',
        exercise: false,
      },
      adminCookie,
    );
    if (created.status !== 201) throw new Error(`POST /api/warnings answered ${created.status}: ${JSON.stringify(created.json)}`);
    const issueId = crypto.randomUUID();
    await b.pool.query('checkpoint');
    const db0 = await dbCounters(b.pool);
    const before = cpuSnapshot(b.pids);
    const t0 = performance.now();
    const issued = await post(client, `/api/warnings/${warningId}/issues`, { id: issueId, unitIds: [cityId], roles: ['grid_worker'] }, adminCookie);
    const postMs = performance.now() - t0;
    const after = cpuSnapshot(b.pids);
    if (issued.status !== 201) throw new Error(`POST /api/warnings/:id/issues answered ${issued.status}: ${JSON.stringify(issued.json)}`);
    const db1 = await dbCounters(b.pool);
    const { rows } = await b.pool.query<{ deliveries: number; outbox: number; audit: number }>(
      `select (select count(*) from warning_deliveries where issue_id = $1)::int as deliveries,
              (select count(*) from warning_channel_sends where issue_id = $1 and kind = 'warning')::int as outbox,
              (select count(*) from audit_events where action = 'warning.issued' and after->>'issueId' = $1::text)::int as audit`,
      [issueId],
    );
    return { warningId, issueId, postMs: r1(postMs), ...rows[0]!, walBytes: db1.wal - db0.wal, cpu: cpuBetween(before, after) };
  } finally {
    await client.close();
  }
}

/** The same deliveries with nothing else: one INSERT … SELECT of the grid workers into a copy of the table (its columns, defaults, identity and indexes). */
export async function baselineInsert(b: Bench): Promise<{ ms: number; rows: number }> {
  await b.pool.query(`create table if not exists bench_baseline_deliveries (like warning_deliveries including all)`);
  await b.pool.query('checkpoint');
  const t0 = performance.now();
  const r = await b.pool.query(
    `insert into bench_baseline_deliveries (issue_id, warning_id, recipient_user_id, recipient_unit_id, role, delivered_at, require_answer, next_escalation_at, token)
     select $1, $2, g.user_id, g.unit_id, g.role, now(), true, now() + interval '10 minutes',
            replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
     from role_grants g where g.role = 'grid_worker'`,
    [crypto.randomUUID(), crypto.randomUUID()],
  );
  return { ms: r1(performance.now() - t0), rows: r.rowCount ?? 0 };
}

/** Warm-up (not counted), then the measured window, at the same connections. */
async function warmThenMeasure(b: Bench, origin: string, w: { key: string; label: string; connections: number; expected: number[]; application: string; warmupMs: number; durationMs: number }, op: Op): Promise<LoopFigures> {
  // One count across the warm-up and the measured window: the measured requests go on to the next
  // deliveries instead of answering the warm-up's again.
  let n = 0;
  const next: Op = (client, _seq, worker) => op(client, n++, worker);
  await closedLoop({ origin, connections: w.connections, durationMs: w.warmupMs, op: next });
  return measureLoop(b, w, () => closedLoop({ origin, connections: w.connections, durationMs: w.durationMs, op: next }));
}

/** Answers arrive in no particular order: each list is shuffled, so consecutive requests hit unrelated pages. */
export function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export type LoopPlan = { connections: number; warmupMs: number; durationMs: number };

/** b. 叫应 in the app: each request is the next recipient's answer to their own delivery, with their session. */
export async function appAnswers(b: Bench, plan: LoopPlan, answerers: { cookie: string; deliveryId: string }[]): Promise<LoopFigures> {
  const op: Op = (client, seq) => {
    const who = answerers[seq % answerers.length]!;
    return client.request({ path: `/api/warnings/deliveries/${who.deliveryId}/answer`, method: 'POST', headers: { 'content-type': 'application/json', cookie: who.cookie }, body: answerBody(seq) }).then(statusOf);
  };
  return warmThenMeasure(b, b.origin, { key: 'answer-app', label: 'b. answer in the app (POST …/deliveries/:id/answer)', expected: [200], application: 'lastmeter', ...plan }, op);
}

/** b′. 叫应 through the SMS link: no session, the token is the key. */
export async function linkAnswers(b: Bench, plan: LoopPlan, tokens: string[]): Promise<LoopFigures> {
  const op: Op = (client, seq) =>
    client.request({ path: `/api/public/warnings/${tokens[seq % tokens.length]!}/answer`, method: 'POST', headers: { 'content-type': 'application/json' }, body: answerBody(seq) }).then(statusOf);
  return warmThenMeasure(b, b.origin, { key: 'answer-link', label: 'b′. answer by link (POST /api/public/warnings/:token/answer)', expected: [200], application: 'lastmeter', ...plan }, op);
}

/** The baseline: one UPDATE by id through bare node:http + pg. */
export async function baselineAnswers(b: Bench, plan: LoopPlan, deliveryIds: string[]): Promise<LoopFigures> {
  const op: Op = (client, seq) => client.request({ path: `/answer/${deliveryIds[seq % deliveryIds.length]!}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: answerBody(seq) }).then(statusOf);
  return warmThenMeasure(b, b.baselineOrigin, { key: 'answer-baseline', label: 'b. baseline: bare http + pg, 1 UPDATE by id', expected: [200], application: 'bench-baseline', ...plan }, op);
}

export type SweepRep = { ms: number; advanced: number; escalations: number; outbox: number; audit: number; walBytes: number; cpu: CpuUse };
export type SweepFigures = { tier: 'remind' | 'superior'; reps: SweepRep[]; medianMs: number; explain?: { totalMs: number; ctes: ExplainNode[]; top: ExplainNode[] };
  /** The same rows advanced by one bare UPDATE (tier and next time only): the floor of a sweep. */
  bareUpdateMs?: number[];
  /** Set when a sweep did not finish within the statement timeout (its median is then this lower bound). */
  timedOutAfterMs?: number;
  /** The plan without running it, when the sweep was cut off. */
  planText?: string[];
};
type ExplainNode = { node: string; selfMs: number; rows: number; loops: number };

/**
 * c. The escalation sweep over one issue's 100,000 unanswered deliveries, called directly (the
 * function the app's job runs every 15 s) against the bench database. `tier` 0 → 1 is the default
 * policy's first step (remind the recipient); 1 → 2 its second (tell the village lead). Every rep
 * starts from the same state: the tier set back, this run's escalations, outbox rows and audit
 * entries deleted, VACUUM ANALYZE and a CHECKPOINT. The sweep's clock is a day ahead of the real
 * one, so the app's own sweep job (real time) finds nothing due meanwhile.
 */
export async function sweeps(b: Bench, db: Db, issueId: string, tierFrom: 0 | 1, sweepAt: Date, reps: number, expected: number): Promise<SweepFigures> {
  const out: SweepFigures = { tier: tierFrom === 0 ? 'remind' : 'superior', reps: [], medianMs: NaN };
  for (let i = 0; i < reps; i++) {
    await resetSweep(b, issueId, tierFrom, sweepAt);
    const db0 = await dbCounters(b.pool);
    const before = cpuSnapshot(b.pids);
    const t0 = performance.now();
    let advanced: number;
    try {
      advanced = await sweepWarningEscalations(db, sweepAt);
    } catch (e) {
      // The sweep's connections carry a statement_timeout: a sweep that would run for minutes is cut off and counted as such.
      if ((e as { code?: string }).code !== '57014') throw e;
      out.timedOutAfterMs = r1(performance.now() - t0);
      b.log(`  sweep ${out.tier} #${i + 1}: CANCELLED by the statement timeout after ${out.timedOutAfterMs} ms; no more reps of this tier`);
      break;
    }
    const ms = performance.now() - t0;
    const after = cpuSnapshot(b.pids);
    const db1 = await dbCounters(b.pool);
    const { rows } = await b.pool.query<{ escalations: number; outbox: number; audit: number }>(
      `select (select count(*) from warning_escalations where at = $1)::int as escalations,
              (select count(*) from warning_channel_sends where kind <> 'warning' and created_at = $1)::int as outbox,
              (select count(*) from audit_events where action = 'warning.escalated' and at = $1)::int as audit`,
      [sweepAt],
    );
    const rep = { ms: r1(ms), advanced, ...rows[0]!, walBytes: db1.wal - db0.wal, cpu: cpuBetween(before, after) };
    out.reps.push(rep);
    b.log(`  sweep ${out.tier} #${i + 1}: ${rep.ms} ms, ${advanced} advanced (expected ${expected}), ${rep.escalations} escalations, ${rep.outbox} outbox rows, ${rep.audit} audit entries, ${(rep.walBytes / 1e6).toFixed(0)} MB WAL`);
  }
  out.medianMs = out.timedOutAfterMs ? out.timedOutAfterMs : r1(median(out.reps.map((r) => r.ms)));
  out.bareUpdateMs = [];
  for (let i = 0; i < reps; i++) {
    await resetSweep(b, issueId, tierFrom, sweepAt);
    const t0 = performance.now();
    await b.pool.query(
      `update warning_deliveries set tier = tier + 1, next_escalation_at = $2::timestamptz + interval '10 minutes'
       where answered_at is null and next_escalation_at is not null and next_escalation_at <= $2 and issue_id = $1`,
      [issueId, sweepAt],
    );
    out.bareUpdateMs.push(r1(performance.now() - t0));
  }
  b.log(`  baseline: one bare UPDATE of the same rows (tier and next time, nothing written beside): ${out.bareUpdateMs.join(', ')} ms`);
  return out;
}

async function resetSweep(b: Bench, issueId: string, tierFrom: number, sweepAt: Date) {
  await b.pool.query(`update warning_deliveries set tier = $2, next_escalation_at = $3::timestamptz - interval '1 minute' where issue_id = $1 and answered_at is null`, [issueId, tierFrom, sweepAt]);
  await b.pool.query(`truncate warning_escalations`);
  await b.pool.query(`delete from warning_channel_sends where kind <> 'warning'`);
  await b.pool.query(`delete from audit_events where action = 'warning.escalated'`);
  await b.pool.query('vacuum (analyze) warning_deliveries, warning_escalations, warning_channel_sends, audit_events');
  await b.pool.query('checkpoint');
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'CTE Name'?: string; 'Actual Total Time': number; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the sweep's own statement — captured from the function through a
 * stand-in client, so it is always the code's current text — in a transaction that is rolled back.
 * Returns the nodes with the most time of their own (their time minus their children's).
 */
export async function explainSweep(b: Bench, issueId: string, tierFrom: number, sweepAt: Date): Promise<NonNullable<SweepFigures['explain']>> {
  let captured: { text: string; values: unknown[] } | null = null;
  const capture = {
    $client: {
      query: (cfg: { text: string; values: unknown[] }) => {
        captured = cfg;
        return Promise.resolve({ rows: [{ n: 0 }] });
      },
    },
  } as unknown as Db;
  await sweepWarningEscalations(capture, sweepAt);
  const stmt = captured as { text: string; values: unknown[] } | null;
  if (!stmt) throw new Error('the sweep sent no statement');
  await resetSweep(b, issueId, tierFrom, sweepAt);
  const client = await b.pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`explain (analyze, buffers, format json) ${stmt.text}`, stmt.values);
    await client.query('rollback');
    const plan = rows[0]!['QUERY PLAN'][0];
    // A CTE runs when its first reader pulls rows, so a CTE Scan's time includes the CTE's own
    // plan: CTE Scans are left out of the nodes, and each CTE is listed with its whole time instead.
    const flat: { node: string; selfMs: number; rows: number; loops: number }[] = [];
    const ctes: { node: string; selfMs: number; rows: number; loops: number }[] = [];
    const walk = (n: PlanNode, cte: string) => {
      const children = n.Plans ?? [];
      const total = n['Actual Total Time'] * n['Actual Loops'];
      const childTotal = children.reduce((sum, c) => sum + c['Actual Total Time'] * c['Actual Loops'], 0);
      const name = `${cte ? `[${cte}] ` : ''}${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`;
      if (n['Node Type'] !== 'CTE Scan') flat.push({ node: name, selfMs: r1(Math.max(0, total - childTotal)), rows: n['Actual Rows'], loops: n['Actual Loops'] });
      for (const c of children) {
        const sub = (c as PlanNode & { 'Subplan Name'?: string })['Subplan Name'];
        if (sub?.startsWith('CTE ')) ctes.push({ node: `${sub} (whole, with what it reads)`, selfMs: r1(c['Actual Total Time'] * c['Actual Loops']), rows: c['Actual Rows'], loops: c['Actual Loops'] });
        walk(c, sub ?? cte);
      }
    };
    walk(plan.Plan, '');
    return { totalMs: r1(plan['Execution Time']), ctes, top: flat.sort((a, c) => c.selfMs - a.selfMs).slice(0, 10) };
  } finally {
    client.release();
  }
}

/** EXPLAIN without ANALYZE (nothing runs): the plan the sweep would take, as text. */
export async function planOfSweep(b: Bench, issueId: string, tierFrom: number, sweepAt: Date): Promise<string[]> {
  let captured: { text: string; values: unknown[] } | null = null;
  const capture = { $client: { query: (cfg: { text: string; values: unknown[] }) => ((captured = cfg), Promise.resolve({ rows: [{ n: 0 }] })) } } as unknown as Db;
  await sweepWarningEscalations(capture, sweepAt);
  const stmt = captured as { text: string; values: unknown[] } | null;
  if (!stmt) throw new Error('the sweep sent no statement');
  await resetSweep(b, issueId, tierFrom, sweepAt);
  const { rows } = await b.pool.query<{ 'QUERY PLAN': string }>(`explain ${stmt.text}`, stmt.values);
  return rows.map((r) => r['QUERY PLAN']);
}
