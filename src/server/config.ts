import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read from the environment once, at boot. Anything wrong stops the process with
 * the whole list of problems, never a half-configured server.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Demo mode ships the 石狮市 demo data and does not force seeded accounts to change passwords. */
  DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** "true" when the app is reached over TLS (directly or behind a proxy): cookies get Secure. */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().default('dist/web'),
  /** The address residents' phones reach (printed in QR posters); defaults to the request's host. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Warning messages (SMS gateway, broadcast) are POSTed here as JSON when set. */
  WARNING_WEBHOOK_URL: z.url().optional(),
  /** A CAP 1.2 feed (Atom/RSS of CAP entries, or one CAP document) polled every minute; its warnings are held by CAP_FEED_UNIT_CODE's unit. */
  CAP_FEED_URL: z.url().optional(),
  CAP_FEED_UNIT_CODE: z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit unit code' }).default('350581000000'),
  /** Tests only: the app's clock can be moved forward through /api/test/clock (refused in production). */
  TEST_CLOCK: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Requests per minute per address on the public QR form: reading it, and filing reports. */
  PUBLIC_READS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
  PUBLIC_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(5),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  dbPoolMax: number;
  session: { idleMinutes: number; maxHours: number; cookieSecure: 'auto' | boolean };
  login: { maxFailures: number; lockMinutes: number };
  demo: boolean;
  seedDemo: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDistDir: string;
  publicBaseUrl: string | undefined;
  warningWebhookUrl: string | undefined;
  capFeed: { url: string | undefined; unitCode: string };
  testClock: boolean;
  publicRateLimit: { publicRead: number; publicWrite: number };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.TEST_CLOCK && e.NODE_ENV === 'production') throw new ConfigError(['TEST_CLOCK: a movable clock is for tests and cannot be used in production']);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dbPoolMax: e.DB_POOL_MAX,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      maxHours: e.SESSION_MAX_HOURS,
      cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMinutes: e.LOGIN_LOCK_MINUTES },
    demo: e.DEMO,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    warningWebhookUrl: e.WARNING_WEBHOOK_URL,
    capFeed: { url: e.CAP_FEED_URL, unitCode: e.CAP_FEED_UNIT_CODE },
    testClock: e.TEST_CLOCK,
    publicRateLimit: { publicRead: e.PUBLIC_READS_PER_MINUTE, publicWrite: e.PUBLIC_REPORTS_PER_MINUTE },
  };
}
