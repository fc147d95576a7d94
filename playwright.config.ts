import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
// Two runs side by side (two engineers on one machine) set their own port, database port and data directory.
const pgPort = process.env.E2E_PG_PORT ?? '54339';
const dataDir = process.env.E2E_DATA_DIR ?? 'data/e2e';

/** Browser journeys against the built app on a fresh embedded database, in Debian's chromium. */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node scripts/start.mjs`,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // NODE_ENV=test: every answer is also checked against its contract; TEST_CLOCK lets a journey move time forward.
    env: { NODE_ENV: 'test', TEST_CLOCK: 'true', PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort, LOG_LEVEL: 'warn', SKIP_WEB_BUILD: process.env.SKIP_WEB_BUILD ?? 'false' },
  },
});
