// `npm start`: builds the web app when it is missing or older than its sources, then runs the
// server (TypeScript through tsx) on the embedded PostgreSQL, or on DATABASE_URL when set.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

const sources = ['src/web', 'src/contracts', 'vite.config.ts'].map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
const stale = !fs.existsSync(built) || sources.some((p) => newest(p) > fs.statSync(built).mtimeMs);
if (stale && process.env.SKIP_WEB_BUILD !== 'true') {
  console.log('[lastmeter] building the web app (first start or sources changed)…');
  // Always a production build (service worker, minified), whatever NODE_ENV the server runs with.
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
