import crypto from 'node:crypto';
import type pg from 'pg';
import { Client } from 'undici';
import { BENCH_PASSWORD, CITY_ADMIN } from '../generate/accounts';
import type { CpuPids } from '../lib/cpu';
import { closedLoop, statusOf } from '../load/runner';

export type Session = { username: string; userId: string; unitId: string; lat: number; lng: number; cookie: string };

export type Plan = {
  scale: number;
  /** Measured seconds of the timed write workloads (a, b, e). */
  durationMs: number;
  /** Unmeasured seconds before each timed workload (JIT, pools, caches). */
  warmupMs: number;
  connections: number;
  phones: number;
  reportsPerPhone: number;
  phoneConcurrency: number;
  statsRequests: number;
  statsConnections: number;
};

export function planFor(scale: number): Plan {
  const phones = Math.max(20, Math.round(1000 * scale));
  return {
    scale,
    durationMs: scale >= 1 ? 15_000 : 5_000,
    warmupMs: scale >= 1 ? 3_000 : 1_500,
    connections: 64,
    phones,
    reportsPerPhone: 10,
    phoneConcurrency: Math.min(128, phones),
    statsRequests: scale >= 1 ? 300 : 200,
    statsConnections: 8,
  };
}

export type Units = { city: string; counties: string[]; townships: string[]; villages: string[]; categories: string[] };

export type Suite = {
  plan: Plan;
  pool: pg.Pool;
  url: string;
  origin: string;
  baselineOrigin: string;
  pids: CpuPids;
  workers: Session[];
  admin: Session;
  units: Units;
  log: (m: string) => void;
};

/** Signs every bench account in through the real login route (argon2id verify each time). */
export async function signIn(pool: pg.Pool, origin: string, log: (m: string) => void): Promise<{ workers: Session[]; admin: Session; seconds: number }> {
  const { rows } = await pool.query<{ username: string; id: string; unit_id: string; lat: number; lng: number }>(
    `select us.username, us.id, us.unit_id, u.lat, u.lng from users us join units u on u.id = us.unit_id
     where us.username like 'bench\\_%' order by us.username`,
  );
  const sessions: Session[] = new Array(rows.length);
  const t = Date.now();
  const result = await closedLoop({
    origin,
    connections: 8,
    total: rows.length,
    op: async (client, seq) => {
      const r = rows[seq]!;
      const res = await client.request({ path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: r.username, password: BENCH_PASSWORD }) });
      const setCookie = res.headers['set-cookie'];
      const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).map((c) => c.split(';')[0]!).find((c) => c.startsWith('lm_session='));
      if (res.statusCode === 200 && cookie) sessions[seq] = { username: r.username, userId: r.id, unitId: r.unit_id, lat: r.lat, lng: r.lng, cookie };
      return statusOf(res);
    },
  });
  const seconds = (Date.now() - t) / 1000;
  const failed = result.samples.unexpected([200]);
  if (failed > 0) throw new Error(`sign-in failed for ${failed} accounts: ${JSON.stringify(result.samples.statusSummary())}`);
  log(`signed in ${rows.length} accounts through POST /api/auth/login in ${seconds.toFixed(1)} s (${result.rate.toFixed(0)}/s, p50 ${result.samples.percentile(50).toFixed(0)} ms)`);
  const admin = sessions.find((s) => s.username === CITY_ADMIN)!;
  return { workers: sessions.filter((s) => s.username !== CITY_ADMIN), admin, seconds };
}

export async function loadUnits(pool: pg.Pool): Promise<Units> {
  const { rows } = await pool.query<{ level: string; ids: string[] }>(`select level, array_agg(id order by code) as ids from units where level <> 'grid' group by level`);
  const of = (level: string) => rows.find((r) => r.level === level)?.ids ?? [];
  const cats = await pool.query<{ code: string }>(`select code from hazard_categories where active order by sort_order, code`);
  return { city: of('city')[0]!, counties: of('county'), townships: of('township'), villages: of('village'), categories: cats.rows.map((r) => r.code) };
}

const PHRASES = ['路边边坡出现裂缝，雨后可能滑塌', '低洼路段积水约三十厘米', '老旧民房墙体开裂', '楼道堆放杂物堵塞消防通道', '餐饮店燃气软管老化', '小作坊电线私拉乱接', '山林边缘焚烧垃圾', '渔船救生设备不全'];

/** A valid report as the phone app sends it: a new v4 id (the phone's own), now or an earlier time. */
export function report(s: Session, n: number, categories: string[], reportedAt = new Date(), extra: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    categoryCode: categories[n % categories.length]!,
    description: `${PHRASES[n % PHRASES.length]}（压测 ${n}）`,
    lat: s.lat + ((n % 97) - 48) * 0.00002,
    lng: s.lng + ((n % 89) - 44) * 0.00002,
    accuracy: 8,
    suggestedLevel: 'general',
    reportedAt: reportedAt.toISOString(),
    ...extra,
  };
}

/** POST a JSON body with the session's cookie; returns the status (body read and dropped). */
export async function postJson(client: Client, path: string, body: unknown, cookie?: string): Promise<number> {
  const res = await client.request({ path, method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return statusOf(res);
}
