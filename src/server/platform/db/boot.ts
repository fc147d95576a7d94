import path from 'node:path';
import type { Config } from '../../config';
import { connect, type Database } from './client';
import { ensureDatabase, startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';

export type BootedDatabase = Database & { kind: 'embedded' | 'external'; url: string; shutdown: () => Promise<void> };

/**
 * The database the app runs on: `DATABASE_URL` when set (any PostgreSQL 15+), otherwise the
 * embedded server under `DATA_DIR`. Either way the committed migrations are applied first.
 */
export async function bootDatabase(config: Config, log: (msg: string) => void): Promise<BootedDatabase> {
  let url: string;
  let stopServer: () => Promise<void> = async () => undefined;
  let kind: 'embedded' | 'external';
  if (config.databaseUrl) {
    url = config.databaseUrl;
    kind = 'external';
  } else {
    const server = await startEmbeddedPostgres({
      dir: path.join(config.dataDir, 'db'),
      port: config.embeddedPgPort,
      durable: true,
      log: (line) => {
        if (/FATAL|PANIC|ERROR/.test(line)) log(`postgres: ${line}`);
      },
    });
    url = await ensureDatabase(server.url, 'lastmeter');
    stopServer = server.stop;
    kind = 'embedded';
  }
  await runMigrations(url);
  const database = connect(url, config.dbPoolMax);
  return {
    ...database,
    kind,
    url,
    shutdown: async () => {
      await database.close();
      await stopServer();
    },
  };
}
