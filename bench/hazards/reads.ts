import { closedLoop, closedLoopFn, statusOf, type Op } from '../load/runner';
import type { Suite } from './context';
import { explain, measure, type WorkloadResult } from './measure';

const STATS_P95_MS = 100;

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
/** The current month in Beijing time, YYYY-MM. */
const currentMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

function statsTarget(r: WorkloadResult) {
  r.targets.push({ text: `p95 ≤ ${STATS_P95_MS} ms`, pass: r.p95 <= STATS_P95_MS && r.unexpected === 0 });
  return r;
}

/**
 * d. GET /api/hazards/stats (the 统计分析 page) as the city admin, for units of each level in
 * turn (every county, many townships and villages, so no single row set stays hot), over the
 * default span (the last 12 months) and, at the city, over five years.
 */
export async function hazardStats(s: Suite): Promise<WorkloadResult[]> {
  const to = currentMonth();
  const fiveYears = `from=${monthOf(monthIndex(to) - 59)}&to=${to}`;
  const levels: { key: string; label: string; ids: string[]; query?: string }[] = [
    { key: 'stats-city', label: 'd. hazard stats: city (12 months)', ids: [s.units.city] },
    { key: 'stats-city-5y', label: 'd. hazard stats: city (60 months)', ids: [s.units.city], query: fiveYears },
    { key: 'stats-county', label: `d. hazard stats: ${s.units.counties.length} counties`, ids: s.units.counties },
    { key: 'stats-township', label: `d. hazard stats: ${s.units.townships.length} townships`, ids: s.units.townships },
    { key: 'stats-village', label: `d. hazard stats: ${s.units.villages.length} villages`, ids: s.units.villages },
  ];
  const results: WorkloadResult[] = [];
  const sqlTimes = await statsSqlTimes(s, levels.filter((l) => !l.query).map((l) => ({ key: l.key, id: l.ids[Math.floor(l.ids.length / 2)]! })));
  for (const level of levels) {
    const op: Op = async (client, seq) => {
      const unitId = level.ids[(seq * 7919) % level.ids.length]!;
      const res = await client.request({ path: `/api/hazards/stats?unitId=${unitId}${level.query ? `&${level.query}` : ''}`, method: 'GET', headers: { cookie: s.admin.cookie } });
      return statusOf(res);
    };
    await closedLoop({ origin: s.origin, connections: s.plan.statsConnections, total: 40, op });
    const r = await measure(s, { key: level.key, label: level.label, connections: s.plan.statsConnections, expected: [200] }, () => closedLoop({ origin: s.origin, connections: s.plan.statsConnections, total: s.plan.statsRequests, op }));
    const t = sqlTimes.get(level.key);
    if (t) r.notes.push(t);
    results.push(explain(s, statsTarget(r)));
  }
  return results;
}

/**
 * Where a statistics request's database time goes: the statements the route runs
 * (src/server/modules/hazards/stats.service.ts, copied here), each timed alone on one idle
 * connection, median of five, for one unit of each level.
 */
async function statsSqlTimes(s: Suite, units: { key: string; id: string }[]): Promise<Map<string, string>> {
  const to = `${currentMonth()}-01`;
  const from = `${monthOf(monthIndex(currentMonth()) - 11)}-01`;
  const statements: [string, string][] = [
    ['own months', `select month, category_code, found, closed, close_days_sum from hazard_rollups where unit_id = $1 and month between $2::date and $3::date`],
    [
      'overdue now',
      `select unit_id, sum(overdue)::int from hazard_rollups
       where overdue <> 0 and unit_id in (select $1::uuid union all select id from units where parent_id = $1) and $2::date <= $3::date group by unit_id`,
    ],
    [
      'children',
      `select u.id, u.name, u.code, u.level, coalesce(sum(r.found), 0)::int, coalesce(sum(r.closed), 0)::int, coalesce(sum(r.close_days_sum), 0)::float8
       from units u left join hazard_rollups r on r.unit_id = u.id and r.month between $2::date and $3::date
       where u.parent_id = $1 group by u.id having u.status = 'active' or coalesce(sum(r.found), 0) > 0 order by u.code`,
    ],
    ['fold (no deltas pending)', `delete from hazard_rollup_deltas where $1::uuid is not null and $2::date <= $3::date returning 1`],
  ];
  const out = new Map<string, string>();
  const client = await s.pool.connect();
  try {
    for (const u of units) {
      const parts: string[] = [];
      // The path goes in as a parameter, as the app sends it: the planner sees its value.
      const params = [u.id, from, to];
      for (const [name, sql] of statements) {
        const times: number[] = [];
        for (let i = 0; i < 6; i++) {
          const t0 = performance.now();
          await client.query(sql, params);
          if (i > 0) times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        parts.push(`${name} ${times[2]!.toFixed(1)} ms`);
      }
      out.set(u.key, `its SQL alone (one connection, median of 5): ${parts.join(', ')}`);
    }
  } finally {
    client.release();
  }
  return out;
}

/**
 * There is no patrol statistics route yet, so this runs the SQL such a page would run over
 * patrol_rollups, the way the hazard statistics read theirs: the unit's own months, and each
 * child's sums, for the last 12 months — two queries at once on the pool, like the app.
 */
export async function patrolStats(s: Suite): Promise<WorkloadResult[]> {
  const to = currentMonth();
  const from = monthOf(monthIndex(to) - 11);
  const own = `select month, patrols, checkins, issues from patrol_rollups where unit_id = $1 and month between $2::date and $3::date order by month`;
  const children = `select u.id, u.name, u.code, coalesce(sum(r.patrols), 0)::int as patrols, coalesce(sum(r.checkins), 0)::int as checkins, coalesce(sum(r.issues), 0)::int as issues
                    from units u left join patrol_rollups r on r.unit_id = u.id and r.month between $2::date and $3::date
                    where u.parent_id = $1 group by u.id order by u.code`;
  const levels = [
    { key: 'patrol-city', label: 'd. patrol stats (SQL): city', ids: [s.units.city] },
    { key: 'patrol-county', label: 'd. patrol stats (SQL): counties', ids: s.units.counties },
    { key: 'patrol-township', label: 'd. patrol stats (SQL): townships', ids: s.units.townships },
    { key: 'patrol-village', label: 'd. patrol stats (SQL): villages', ids: s.units.villages },
  ];
  const results: WorkloadResult[] = [];
  for (const level of levels) {
    const op = async (seq: number) => {
      const params = [level.ids[(seq * 7919) % level.ids.length]!, `${from}-01`, `${to}-01`];
      await Promise.all([s.pool.query(own, params), s.pool.query(children, params)]);
      return 200;
    };
    await closedLoopFn({ workers: s.plan.statsConnections, total: 40, op });
    results.push(explain(s, statsTarget(await measure(s, { key: level.key, label: level.label, connections: s.plan.statsConnections, expected: [200] }, () => closedLoopFn({ workers: s.plan.statsConnections, total: s.plan.statsRequests, op })))));
  }
  return results;
}
