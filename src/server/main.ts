import path from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { offsetClock, systemClock } from './platform/clock';
import { bootDatabase } from './platform/db/boot';
import { DiskStorage } from './platform/files/storage';
import { startJobs } from './platform/jobs/runner';
import { RealtimeBus } from './platform/realtime/bus';
import { hazardJobs } from './modules/hazards/jobs';
import { dutyCommsJobs } from './modules/duty/comms/jobs';
import { warningJobs } from './modules/warnings/jobs';
import { seedDemoIfEmpty } from './modules/org/seed/seed';

/** Boot: config → database (embedded or DATABASE_URL) → migrations → demo data → listen. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = (msg: string) => console.log(`[lastmeter] ${msg}`);
  const started = Date.now();
  log(config.databaseUrl ? 'using the PostgreSQL at DATABASE_URL' : `starting the embedded PostgreSQL (data in ${config.dataDir}/db)`);
  const database = await bootDatabase(config, log);
  if (config.seedDemo && (await seedDemoIfEmpty(database.db, { mustChangePassword: !config.demo }))) {
    log('filled the empty database with the 石狮市 demo data');
  }
  const files = new DiskStorage(path.join(config.dataDir, 'files'));
  const bus = new RealtimeBus(database.url, log);
  await bus.start();
  const clock = config.testClock ? offsetClock() : systemClock;
  const app = await buildApp({ db: database.db, config, clock, dbKind: database.kind, files, bus });

  const stopJobs = startJobs(database.db, clock, [...hazardJobs, ...dutyCommsJobs, ...warningJobs(config, log)], log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    stopJobs();
    await app.close().catch(() => undefined);
    await bus.close();
    await database.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  log(`ready at http://localhost:${config.port} (${database.kind} database, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((e: unknown) => {
  console.error('[lastmeter] failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
