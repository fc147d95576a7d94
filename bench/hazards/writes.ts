import { basePhoto, distinctCopy, multipartBody } from '../load/jpeg';
import { closedLoop, phoneBurst, statusOf, type Op } from '../load/runner';
import { Samples } from '../load/stats';
import { postJson, report, type Suite } from './context';
import { measure, type WorkloadResult } from './measure';

/** Warm-up: the same operation, not counted (JIT, connection pools, caches). */
async function warm(s: Suite, origin: string, op: Op) {
  await closedLoop({ origin, connections: s.plan.connections, durationMs: s.plan.warmupMs, op });
}

/** e. The bare server, same body, same connections, same duration. */
export async function baselineJson(s: Suite): Promise<WorkloadResult> {
  await s.pool.query('truncate bench_baseline_reports');
  const op: Op = (client, seq) => {
    const who = s.workers[seq % s.workers.length]!;
    return postJson(client, '/hazards', report(who, seq, s.units.categories, new Date(), { unitId: who.unitId }));
  };
  await warm(s, s.baselineOrigin, op);
  return measure(s, { key: 'baseline', label: 'e. baseline: bare http + pg, 1 INSERT', connections: s.plan.connections, expected: [201], sampleApplication: 'bench-baseline' }, () =>
    closedLoop({ origin: s.baselineOrigin, connections: s.plan.connections, durationMs: s.plan.durationMs, op }),
  );
}

/** a. JSON reports by many grid workers, each request with the next worker's session. */
export async function jsonReports(s: Suite, opts: { key?: string; label?: string; category?: string } = {}): Promise<WorkloadResult> {
  const cats = opts.category ? [opts.category] : s.units.categories;
  const op: Op = (client, seq) => {
    const who = s.workers[seq % s.workers.length]!;
    return postJson(client, '/api/hazards', report(who, seq, cats), who.cookie);
  };
  await warm(s, s.origin, op);
  return measure(s, { key: opts.key ?? 'json', label: opts.label ?? 'a. JSON report (POST /api/hazards)', connections: s.plan.connections, expected: [201], sampleApp: true }, () =>
    closedLoop({ origin: s.origin, connections: s.plan.connections, durationMs: s.plan.durationMs, op }),
  );
}

/** b. Each report uploads its own ~200 KB photo first, then submits with the photo's id. */
export async function photoReports(s: Suite): Promise<WorkloadResult> {
  const photo = await basePhoto();
  const upload = new Samples();
  const submit = new Samples();
  const op: Op = async (client, seq) => {
    const who = s.workers[seq % s.workers.length]!;
    const { body, contentType } = multipartBody(distinctCopy(photo, seq), `IMG_${seq}.jpg`);
    const t0 = performance.now();
    const res = await client.request({ path: '/api/files', method: 'POST', headers: { 'content-type': contentType, cookie: who.cookie }, body });
    if (res.statusCode !== 201) return statusOf(res);
    const { id } = (await res.body.json()) as { id: string };
    const t1 = performance.now();
    upload.add(t1 - t0, 201);
    const status = await postJson(client, '/api/hazards', report(who, seq, s.units.categories, new Date(), { photoIds: [id] }), who.cookie);
    submit.add(performance.now() - t1, status);
    return status;
  };
  await warm(s, s.origin, op);
  const warmUploads = upload.count;
  const warmSubmits = submit.count;
  const r = await measure(
    s,
    { key: 'photo', label: `b. report + ${Math.round(photo.length / 1024)} KB photo (upload, submit)`, unit: 'report', connections: s.plan.connections, expected: [201], sampleApp: true },
    () => closedLoop({ origin: s.origin, connections: s.plan.connections, durationMs: s.plan.durationMs, op }),
  );
  r.notes.push(
    `photo ${photo.length} bytes, 1600×1200 JPEG, a distinct comment segment per upload (${r.requests - 0} new files); ` +
      `upload p50 ${upload.percentile(50).toFixed(1)} ms, submit p50 ${submit.percentile(50).toFixed(1)} ms (warm-up included: ${warmUploads}/${warmSubmits})`,
  );
  return r;
}

/**
 * c. 1,000 phones come back online with 10 queued reports each and sync them, at most
 * `phoneConcurrency` phones at a time, each on its own connection; then every phone replays its
 * whole queue (a retry after a lost answer) — all 200, nothing stored twice. Checked in SQL.
 */
export async function syncBurst(s: Suite): Promise<WorkloadResult[]> {
  const phones = s.workers.slice(0, s.plan.phones);
  const now = Date.now();
  const queues = phones.map((who, p) =>
    Array.from({ length: s.plan.reportsPerPhone }, (_, k) => report(who, p * 100 + k, s.units.categories, new Date(now - Math.floor(Math.random() * 48 * 3600_000)))),
  );
  const ids = queues.flat().map((r) => r.id);
  const counts = async () => {
    const { rows } = await s.pool.query<{ hazards: number; events: number; found: number; ours: number }>(
      `select (select count(*) from hazards)::int as hazards, (select count(*) from hazard_events)::int as events,
              ((select coalesce(sum(found), 0) from hazard_rollups where unit_id = $1) + (select coalesce(sum(found), 0) from hazard_rollup_deltas))::int as found,
              (select count(*) from hazards where id = any($2::uuid[]))::int as ours`,
      [s.units.city, ids],
    );
    return rows[0]!;
  };
  const send = (client: Parameters<Op>[0], p: number, k: number) => postJson(client, '/api/hazards', queues[p]![k], phones[p]!.cookie);
  const burst = () => phoneBurst({ origin: s.origin, concurrency: s.plan.phoneConcurrency, phones: phones.map((_, i) => i), perPhone: () => s.plan.reportsPerPhone, send });
  const total = ids.length;

  const c0 = await counts();
  const first = await measure(s, { key: 'sync', label: `c. sync burst: ${phones.length} phones × ${s.plan.reportsPerPhone}`, connections: s.plan.phoneConcurrency, expected: [201], sampleApp: true }, burst);
  const c1 = await counts();
  const replay = await measure(s, { key: 'replay', label: `c. replay of all ${total} (must be 200)`, connections: s.plan.phoneConcurrency, expected: [200], sampleApp: true }, burst);
  const c2 = await counts();

  const added = c1.hazards - c0.hazards;
  first.targets.push({ text: `exactly ${total} rows added (SQL: ${added}; ${c1.ours} of our ids; events +${c1.events - c0.events}; city roll-up found +${c1.found - c0.found})`, pass: added === total && c1.ours === total && c1.events - c0.events === total && c1.found - c0.found === total });
  first.notes.push(`all ${total} reports in ${first.seconds} s`);
  replay.targets.push({
    text: `replay stored nothing (hazards +${c2.hazards - c1.hazards}, events +${c2.events - c1.events}, roll-up +${c2.found - c1.found}) and answered 200 to all`,
    pass: c2.hazards === c1.hazards && c2.events === c1.events && c2.found === c1.found && replay.unexpected === 0,
  });
  return [first, replay];
}
