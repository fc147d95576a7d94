/** `npm run bench -- hazards [--scale=0.1] [--fresh] [--cache-dir=…] [--only=json,stats] [--profile]` */
export type BenchArgs = {
  suite: string;
  /** Multiplies the dataset (townships and everything below, hazards, patrols, accounts, burst). */
  scale: number;
  /** Regenerate the dataset even when a cached one of the same scale exists. */
  fresh: boolean;
  /** Where the generated PostgreSQL data directory is kept between runs. */
  cacheDir: string | null;
  /** Record a V8 CPU profile of the app server and print where its main thread spends time. */
  profile: boolean;
  /** Run only these workloads (baseline, json, hot, photo, sync, stats); all when empty. */
  only: string[];
};

export const WORKLOADS = ['baseline', 'json', 'hot', 'photo', 'sync', 'stats'] as const;

export function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { suite: '', scale: 1, fresh: false, cacheDir: null, profile: false, only: [] };
  for (const a of argv) {
    const [key, value] = a.split('=', 2) as [string, string | undefined];
    if (key === '--scale') {
      const s = Number(value);
      if (!Number.isFinite(s) || s <= 0 || s > 1) throw new Error(`--scale must be a number in (0, 1], got ${value}`);
      out.scale = s;
    } else if (key === '--fresh') out.fresh = true;
    else if (key === '--cache-dir') out.cacheDir = value ?? null;
    else if (key === '--profile') out.profile = true;
    else if (key === '--only') {
      out.only = (value ?? '').split(',').filter(Boolean);
      const unknown = out.only.filter((w) => !(WORKLOADS as readonly string[]).includes(w));
      if (unknown.length) throw new Error(`--only takes ${WORKLOADS.join(',')}; unknown: ${unknown.join(',')}`);
    }
    else if (!a.startsWith('-') && !out.suite) out.suite = a;
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}
