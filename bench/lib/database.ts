import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/server/platform/db/embedded';
import { runMigrations } from '../../src/server/platform/db/migrate';
import { freePort } from './ports';

export type CacheMeta = {
  /** Bumped whenever the generator changes what it makes: an older cache is regenerated. */
  generator: number;
  scale: number;
  generatedAt: string;
  generationSeconds: number;
  steps: { step: string; seconds: number; rows: number }[];
  counts: Record<string, number>;
};

export type BenchDatabase = {
  url: string;
  port: number;
  dataDir: string;
  pool: pg.Pool;
  /** The cache's description when a generated dataset was found; null when it must be generated. */
  cached: CacheMeta | null;
  saveMeta: (meta: CacheMeta) => Promise<void>;
  stop: () => Promise<void>;
};

const META = 'meta.json';

async function readMeta(dir: string): Promise<CacheMeta | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, META), 'utf8')) as CacheMeta;
  } catch {
    return null;
  }
}

/**
 * The benchmark's own PostgreSQL: the embedded server exactly as production starts it (durable:
 * fsync on, synchronous commit, full page writes), on a free loopback port, in a cache directory
 * that survives between runs. A cache made by another scale or generator version is wiped; the
 * meta file is written only after a complete generation, so a run stopped half-way regenerates.
 */
export async function openBenchDatabase(opts: { cacheDir: string; scale: number; generator: number; fresh: boolean; log: (m: string) => void }): Promise<BenchDatabase> {
  const meta = await readMeta(opts.cacheDir);
  const usable = !opts.fresh && meta !== null && meta.scale === opts.scale && meta.generator === opts.generator;
  if (!usable) {
    if (meta) opts.log(`cached dataset is ${opts.fresh ? 'refused (--fresh)' : `for scale ${meta.scale} / generator ${meta.generator}`}: removing it`);
    await fs.rm(opts.cacheDir, { recursive: true, force: true });
  }
  await fs.mkdir(opts.cacheDir, { recursive: true });
  const port = await freePort(54500, 54600);
  const dataDir = path.join(opts.cacheDir, 'db');
  const server = await startEmbeddedPostgres({
    dir: dataDir,
    port,
    durable: true,
    log: (line) => {
      if (/FATAL|PANIC/.test(line)) opts.log(`postgres: ${line}`);
    },
  });
  const url = await ensureDatabase(server.url, 'lastmeter_bench');
  await runMigrations(url);
  const pool = new pg.Pool({ connectionString: url, max: 16, application_name: 'lastmeter-bench' });
  pool.on('error', () => undefined);
  return {
    url,
    port,
    dataDir,
    pool,
    cached: usable ? meta : null,
    saveMeta: (m) => fs.writeFile(path.join(opts.cacheDir, META), JSON.stringify(m, null, 2) + '\n'),
    stop: async () => {
      await pool.end().catch(() => undefined);
      await server.stop();
    },
  };
}
