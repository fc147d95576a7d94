import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

type Output = {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: string[];
  dynamicImports?: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
};

/** Static files of the phone app (src/web/public/m) that the shell needs offline. */
const STATIC = ['/m/manifest.webmanifest', '/m/icon.svg', '/m/icon-192.png'];

/**
 * Emits m/sw.js for the phone app: the service worker source (m/sw/service-worker.js) with the
 * list of every file the phone page loads, lazily loaded chunks included, and a version that
 * changes with them, so a new build installs a new worker and drops the old caches.
 */
export function phoneServiceWorker(): Plugin {
  return {
    name: 'lastmeter-phone-sw',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const outputs = bundle as unknown as Record<string, Output>;
      const entry = Object.values(outputs).find((o) => o.type === 'chunk' && o.isEntry && o.facadeModuleId?.replace(/\\/g, '/').endsWith('/m/index.html'));
      if (!entry) return;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const chunk = outputs[fileName];
        if (!chunk || chunk.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
      };
      visit(entry.fileName);
      const precache = ['/m/', ...STATIC, ...[...files].sort().map((f) => `/${f}`)];
      const source = fs.readFileSync(fileURLToPath(new URL('../sw/service-worker.js', import.meta.url)), 'utf8');
      const version = crypto.createHash('sha256').update(JSON.stringify(precache)).update(source).digest('hex').slice(0, 12);
      const header = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache, null, 1)};\n`;
      this.emitFile({ type: 'asset', fileName: 'm/sw.js', source: header + source });
    },
  };
}
