import type pg from 'pg';
import type { CacheMeta } from '../lib/database';
import { insertAccounts } from './accounts';
import { dropForLoad, restoreAfterLoad, schemaFingerprint } from './constraints';
import { buildHierarchy, insertUnits } from './hierarchy';
import { CREATE_GRID_INDEX, FILL_HAZARD_ROLLUPS, FILL_PATROL_ROLLUPS, INSERT_HAZARD_EVENTS, INSERT_HAZARDS, INSERT_PATROL_POINTS, INSERT_PATROLS } from './sql';

/** Bump when the generator makes different data: cached datasets of older versions are regenerated. */
export const GENERATOR_VERSION = 1;

/** The dataset at scale 1; `--scale` multiplies every figure (townships through patrol points). */
export const FULL = { hazards: 1_000_000, patrols: 3_600_000, gridWorkers: 1_000 };

/** How often each category is reported (a made-up but plausible mix); unknown codes weigh 1. */
const CATEGORY_WEIGHT: Record<string, number> = { geological: 15, waterlogging: 20, dangerous_building: 15, fire: 20, gas: 8, work_safety: 12, forest_fire: 5, marine: 3, other: 2 };

const BULK_TABLES = ['hazards', 'hazard_events', 'hazard_rollups', 'patrols', 'patrol_points', 'patrol_rollups'];

const GENERATION_SETTINGS = [
  ['max_wal_size', '16GB'],
  ['checkpoint_timeout', '30min'],
  ['work_mem', '512MB'],
  ['maintenance_work_mem', '2GB'],
] as const;

type Step = CacheMeta['steps'][number];

/** Runs `sql` once per slice of [lo, hi], the slices in parallel on their own connections. */
async function sliced(db: pg.Pool, sql: string, slices: [number | string, number | string][], rest: unknown[]): Promise<number> {
  const counts = await Promise.all(
    slices.map(async ([lo, hi]) => {
      const c = await db.connect();
      try {
        const r = await c.query(sql, [rest[0], lo, hi, ...rest.slice(1)]);
        return r.rowCount ?? 0;
      } finally {
        c.release();
      }
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

const halves = (lo: number, hi: number): [number, number][] => {
  const mid = Math.floor((lo + hi) / 2);
  return [
    [lo, mid],
    [mid + 1, hi],
  ];
};

/**
 * Generates the city-scale dataset into a freshly migrated database. Returns the steps with their
 * times and row counts, and the final row counts of every table the benchmark reports.
 */
export async function generateDataset(db: pg.Pool, scale: number, log: (m: string) => void): Promise<Omit<CacheMeta, 'generator' | 'scale'>> {
  const started = Date.now();
  const now = new Date();
  const steps: Step[] = [];
  const step = async (name: string, fn: () => Promise<number>) => {
    const t = Date.now();
    const rows = await fn();
    const seconds = (Date.now() - t) / 1000;
    steps.push({ step: name, seconds, rows });
    log(`  ${name.padEnd(44)} ${rows.toLocaleString('en').padStart(12)} rows  ${seconds.toFixed(1).padStart(6)} s`);
  };

  // A bulk load writes gigabytes of WAL: let checkpoints space out while it runs, and give sorts,
  // hashes and index builds memory (the machine has 24 GB). All reset below.
  for (const [k, v] of GENERATION_SETTINGS) await db.query(`alter system set ${k} = '${v}'`);
  await db.query('select pg_reload_conf()');

  const units = buildHierarchy(scale);
  const gridCount = units.filter((u) => u.level === 'grid').length;
  const workers = Math.max(20, Math.round(FULL.gridWorkers * scale));
  const nHazards = Math.round(FULL.hazards * scale);
  const nPatrols = Math.round(FULL.patrols * scale);

  await step('units (city → grids)', async () => {
    await insertUnits(db, units);
    return units.length;
  });
  await step('grid-worker accounts + city admin', () => insertAccounts(db, units, workers));
  await step('grid index (bench_grids)', async () => {
    await db.query(CREATE_GRID_INDEX);
    return gridCount;
  });

  const before = await schemaFingerprint(db, BULK_TABLES);
  const saved = await dropForLoad(db, BULK_TABLES);
  log(`  (dropped ${saved.length} keys, indexes and foreign keys of ${BULK_TABLES.join(', ')} for the load)`);

  const cats = (await db.query<{ code: string }>(`select code from hazard_categories where active order by sort_order, code`)).rows.map((r) => r.code);
  const weights = cats.map((c) => CATEGORY_WEIGHT[c] ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.slice(0, -1).map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);

  await step('hazards (5 years)', () => sliced(db, INSERT_HAZARDS, halves(1, nHazards), [now, nHazards, gridCount, cats, cumulative]));
  await step('hazard events (report + final step)', async () => (await db.query(INSERT_HAZARD_EVENTS, [now])).rowCount ?? 0);
  await step('patrols', () => sliced(db, INSERT_PATROLS, halves(0, nPatrols - 1), [now, nPatrols, gridCount]));
  const mid = new Date(now.getTime() - 913 * 86_400_000).toISOString();
  await step('patrol points (10 per patrol)', () =>
    sliced(
      db,
      INSERT_PATROL_POINTS,
      [
        ['-infinity', mid],
        [mid, 'infinity'],
      ],
      [now],
    ),
  );
  // Both aggregates at once, one per core.
  await step('roll-ups: hazards ‖ patrols (one aggregate each)', async () => {
    const [h, p] = await Promise.all([db.query(FILL_HAZARD_ROLLUPS), db.query(FILL_PATROL_ROLLUPS)]);
    return (h.rowCount ?? 0) + (p.rowCount ?? 0);
  });
  await step('keys, indexes, foreign keys rebuilt', async () => {
    await restoreAfterLoad(db, saved, (ddl, seconds) => {
      if (seconds >= 1) log(`    ${seconds.toFixed(1).padStart(6)} s  ${ddl.slice(0, 100)}`);
    });
    return saved.length;
  });
  const after = await schemaFingerprint(db, BULK_TABLES);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    throw new Error(`the restored schema differs from the migrated one:\n- ${before.filter((d) => !after.includes(d)).join('\n- ')}\n+ ${after.filter((d) => !before.includes(d)).join('\n+ ')}`);
  }
  // The hazard code sequence stays where it is: generated codes have seven digits (see sql.ts).
  await step('vacuum analyze + checkpoint', async () => {
    for (const [k] of GENERATION_SETTINGS) await db.query(`alter system reset ${k}`);
    await db.query('select pg_reload_conf()');
    // Sets hint bits and the visibility map now, so autovacuum does not wake up mid-benchmark.
    await db.query(`vacuum (analyze) units, users, role_grants, hazards, hazard_events, hazard_rollups, patrols, patrol_points, patrol_rollups`);
    await db.query('checkpoint');
    return 0;
  });

  return { generatedAt: now.toISOString(), generationSeconds: (Date.now() - started) / 1000, steps, counts: await countRows(db) };
}

export async function countRows(db: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(`
    select (select count(*) from units where level = 'city')::int as cities,
           (select count(*) from units where level = 'county')::int as counties,
           (select count(*) from units where level = 'township')::int as townships,
           (select count(*) from units where level = 'village')::int as villages,
           (select count(*) from units where level = 'grid')::int as grids,
           (select count(*) from role_grants where role = 'grid_worker')::int as "gridWorkers",
           (select count(*) from hazards)::int as hazards,
           (select count(*) from hazard_events)::int as "hazardEvents",
           (select count(*) from hazard_rollups)::int as "hazardRollups",
           (select count(*) from patrols)::int as patrols,
           (select count(*) from patrol_points)::int as "patrolPoints",
           (select count(*) from patrol_rollups)::int as "patrolRollups",
           (select pg_database_size(current_database()))::float8 / 1e9 as "databaseGB"`);
  return rows[0]!;
}
