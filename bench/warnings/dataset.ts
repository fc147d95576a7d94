import type pg from 'pg';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { buildHierarchy, insertUnits } from '../generate/hierarchy';
import { BENCH_PASSWORD } from '../generate/accounts';

/** Bump when the generator makes different data: cached datasets of older versions are regenerated. */
export const WARNINGS_GENERATOR_VERSION = 1;

/** Grid workers at scale 1: exactly this many recipients of a warning issued to the grid workers of the city. */
export const FULL_RECIPIENTS = 100_000;
export const ISSUER = 'bw_city_admin';
export const workerName = (i: number) => `bw_grid_${String(i).padStart(6, '0')}`;

/**
 * Every account of the dataset, made in the database by one INSERT … SELECT per table: the grid
 * workers (`i` = 0 … N−1, on grid `i mod grids`, so ~10 per grid) and the chain above them that
 * escalation needs — a village lead per village, a duty officer and a chief per township, an
 * officer per county — and the city admin who issues. Each has a person with a phone (the channel
 * outbox reads it). All share one argon2id hash: only the few that sign in ever need it.
 */
const STAGE_ACCOUNTS = `
  create table bench_w_accounts as
  with grids as (select row_number() over (order by code) - 1 as ix, id from units where level = 'grid'),
       n as (select count(*) as grids from grids),
       workers as (
         select i, 'grid_worker'::text as role, g.id as unit_id, 'bw_grid_' || lpad(i::text, 6, '0') as username
         from generate_series(0, $1::int - 1) i cross join n join grids g on g.ix = i % n.grids
       ),
       leads as (
         select 1000000 + row_number() over (order by u.code, r.role) as i, r.role, u.id as unit_id,
                'bw_' || r.role || '_' || u.code as username
         from units u
         join (values ('village', 'village_lead'), ('township', 'duty_officer'), ('township', 'township_chief'), ('county', 'county_officer'), ('city', 'city_admin')) as r(level, role)
           on r.level = u.level
       )
  select i, role, unit_id, case when role = 'city_admin' then '${ISSUER}' else username end as username,
         uuidv7() as user_id, uuidv7() as person_id,
         (array['王','李','张','刘','陈','杨','黄','吴','林','郑','蔡','许','洪','苏','庄','施','曾','柯','吕','颜'])[1 + i % 20]
           || (array['建国','秀英','志明','丽华','海燕','文辉','国强','美玲','金水','阿珍','永福','淑芬','明德','春生','玉兰','天佑','雅婷','振华','秋月','长荣'])[1 + (i / 20) % 20]
           || case when i >= 400 then (i % 97)::text else '' end as name,
         '1' || (3 + i % 7)::text || lpad(((i * 7919) % 1000000000)::text, 9, '0') as phone
  from (select * from workers union all select * from leads) a`;

export async function generateWarningsDataset(db: pg.Pool, scale: number, log: (m: string) => void): Promise<{ generatedAt: string; generationSeconds: number; steps: { step: string; seconds: number; rows: number }[] }> {
  const started = Date.now();
  const steps: { step: string; seconds: number; rows: number }[] = [];
  const step = async (name: string, fn: () => Promise<number>) => {
    const t = Date.now();
    const rows = await fn();
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step: name, seconds, rows });
    log(`  ${name.padEnd(44)} ${rows.toLocaleString('en').padStart(10)} rows  ${seconds.toFixed(1).padStart(6)} s`);
  };
  const units = buildHierarchy(scale);
  await step('units (city → grids)', async () => {
    await insertUnits(db, units);
    return units.length;
  });
  const recipients = Math.round(FULL_RECIPIENTS * scale);
  await step('accounts staged (workers + chain above)', async () => (await db.query(STAGE_ACCOUNTS, [recipients])).rowCount ?? 0);
  const hash = await hashPassword(BENCH_PASSWORD);
  await step('people', async () => (await db.query(`insert into people (id, unit_id, name, phone) select person_id, unit_id, name, phone from bench_w_accounts`)).rowCount ?? 0);
  await step('users (one shared argon2id hash)', async () =>
    (await db.query(`insert into users (id, username, display_name, unit_id, person_id, password_hash) select user_id, username, name, unit_id, person_id, $1 from bench_w_accounts`, [hash])).rowCount ?? 0,
  );
  await step('role grants', async () => (await db.query(`insert into role_grants (id, user_id, role, unit_id) select uuidv7(), user_id, role, unit_id from bench_w_accounts`)).rowCount ?? 0);
  await step('vacuum analyze + checkpoint', async () => {
    await db.query('vacuum (analyze) units, people, users, role_grants, bench_w_accounts');
    await db.query('checkpoint');
    return 0;
  });
  return { generatedAt: new Date().toISOString(), generationSeconds: (Date.now() - started) / 1000, steps };
}

/**
 * A reused dataset goes back to what the generator made: every warning, issue, delivery,
 * escalation, outbox row, audit entry and session of earlier runs is deleted.
 */
export async function resetWarningsDataset(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from warning_deliveries`);
  await db.query(`truncate warning_channel_sends, warning_escalations, warning_deliveries, warning_issues, warnings, audit_events, sessions cascade`);
  await db.query(`drop table if exists bench_baseline_deliveries`);
  await db.query(`update users set last_login_at = null where last_login_at is not null`);
  await db.query('vacuum (analyze) users, sessions, warning_deliveries, warning_channel_sends, audit_events');
  return rows[0]!.n;
}

export async function countAccounts(db: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(`
    select (select count(*) from units where level = 'county')::int as counties,
           (select count(*) from units where level = 'township')::int as townships,
           (select count(*) from units where level = 'village')::int as villages,
           (select count(*) from units where level = 'grid')::int as grids,
           (select count(*) from role_grants where role = 'grid_worker')::int as "gridWorkers",
           (select count(*) from role_grants where role = 'village_lead')::int as "villageLeads",
           (select count(*) from role_grants where role in ('duty_officer', 'township_chief'))::int as "townshipOfficers",
           (select count(*) from users)::int as users,
           (select pg_database_size(current_database()))::float8 / 1e9 as "databaseGB"`);
  return rows[0]!;
}
