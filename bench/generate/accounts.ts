import type pg from 'pg';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { uuidv7 } from '../../src/server/platform/db/ids';
import { demoPerson } from '../../src/server/modules/org/seed/shishi-data';
import type { UnitRow } from './hierarchy';

export const BENCH_PASSWORD = 'Bench@2024-lm';
export const CITY_ADMIN = 'bench_city_admin';
export const gridWorkerName = (i: number) => `bench_grid_${String(i).padStart(4, '0')}`;

/**
 * Grid workers spread evenly over the grids (one account per chosen grid, a grid_worker grant on
 * it) and one city admin for the statistics. One argon2 hash serves every account: hashing 1,000
 * passwords would cost a minute of CPU and measure nothing.
 */
export async function insertAccounts(db: pg.Pool, units: UnitRow[], workers: number): Promise<number> {
  const grids = units.filter((u) => u.level === 'grid');
  const city = units.find((u) => u.level === 'city')!;
  const hash = await hashPassword(BENCH_PASSWORD);
  const step = grids.length / workers;
  const rows = Array.from({ length: workers }, (_, i) => ({ id: uuidv7(), username: gridWorkerName(i + 1), displayName: demoPerson(i).name, unitId: grids[Math.floor(i * step)]!.id, role: 'grid_worker' }));
  rows.push({ id: uuidv7(), username: CITY_ADMIN, displayName: '市局统计员', unitId: city.id, role: 'city_admin' });
  await db.query(
    `insert into users (id, username, display_name, unit_id, password_hash)
     select id, username, display_name, unit_id, $5 from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) as t(id, username, display_name, unit_id)`,
    [rows.map((r) => r.id), rows.map((r) => r.username), rows.map((r) => r.displayName), rows.map((r) => r.unitId), hash],
  );
  await db.query(
    `insert into role_grants (id, user_id, role, unit_id)
     select gen_random_uuid(), user_id, role, unit_id from unnest($1::uuid[], $2::text[], $3::uuid[]) as t(user_id, role, unit_id)`,
    [rows.map((r) => r.id), rows.map((r) => r.role), rows.map((r) => r.unitId)],
  );
  return rows.length;
}
