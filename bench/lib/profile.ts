import fs from 'node:fs/promises';
import path from 'node:path';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Where a frame's code lives: a package, our own source folder, Node itself, or V8's buckets. */
function owner(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const src = /\/src\/(server\/(?:platform|modules)\/[^/]+|[^/]+)/.exec(url);
  return src ? `src/${src[1]}` : path.basename(url);
}

/**
 * Reads the app's V8 CPU profile(s) (`node --cpu-prof`) and sums self time per owner (package or
 * source folder) and per function: which code the app's main thread spends its core on.
 */
export async function summarizeProfiles(dir: string, top = 15): Promise<{ byOwner: [string, number][]; byFunction: [string, number][]; totalMs: number } | null> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return null;
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const f of files) {
    const p = JSON.parse(await fs.readFile(path.join(dir, f), 'utf8')) as Profile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = nodes.get(id)!;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      if (n.callFrame.functionName === '(idle)') return;
      totalMs += ms;
      const o = owner(n.callFrame.url, n.callFrame.functionName);
      byOwner.set(o, (byOwner.get(o) ?? 0) + ms);
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${o}:${n.callFrame.lineNumber + 1}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    });
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { byOwner: sorted(byOwner), byFunction: sorted(byFunction), totalMs };
}
