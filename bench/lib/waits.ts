import pg from 'pg';

/**
 * Samples pg_stat_activity every `everyMs` while a workload runs: how many of the server's
 * connections (by application_name) are, on average, running on CPU, waiting on a lock (a row
 * lock held by another open transaction shows as Lock:transactionid / Lock:tuple), waiting on
 * the WAL flush (IO:WalSync, LWLock:WALWrite), or sitting idle inside a transaction while the app
 * does its own work between statements (Client:ClientRead in an open transaction).
 */
export type WaitProfile = { samples: number; avgBackends: Record<string, number> };

export function sampleWaits(url: string, applicationName: string, everyMs = 100): { stop: () => Promise<WaitProfile> } {
  const client = new pg.Client({ connectionString: url, application_name: 'lastmeter-bench-sampler' });
  const totals = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ k: string; n: number }>(
        `select case when state = 'idle in transaction' then 'in transaction, waiting for the app'
                     when wait_event_type is null then 'running (CPU)'
                     else wait_event_type || ':' || wait_event end as k,
                count(*)::int as n
         from pg_stat_activity
         where application_name = $1 and state in ('active', 'idle in transaction')
         group by 1`,
        [applicationName],
      );
      samples++;
      for (const r of rows) totals.set(r.k, (totals.get(r.k) ?? 0) + r.n);
      await new Promise((res) => setTimeout(res, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
      await client.end().catch(() => undefined);
      const avgBackends = Object.fromEntries(
        [...totals]
          .map(([k, n]) => [k, Math.round((n / Math.max(1, samples)) * 100) / 100] as const)
          .filter(([, v]) => v >= 0.01)
          .sort((a, b) => b[1] - a[1]),
      );
      return { samples, avgBackends };
    },
  };
}
