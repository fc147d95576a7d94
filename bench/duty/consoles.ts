import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** Where a console is connected and as whom. `inScope` consoles must receive every report. */
export type ConsoleSpec = { node: number; origin: string; cookie: string; user: string; inScope: boolean };

type Console = ConsoleSpec & { index: number; req: http.ClientRequest | null; connected: boolean; ended: boolean };

/** Arrivals of one report at the in-scope consoles (performance.now() ms; NaN until it arrives), and when its POST was answered. */
export type Tracked = { id: string; node: number; t0: number; answeredAt: number; at: Float64Array; received: number; duplicates: number };

/**
 * The open duty consoles: one `GET /api/events` (server-sent events) per console on node:http,
 * kept open for the whole run. Each chunk is stamped with performance.now() as it reaches the
 * event loop, before any parsing; a `duty.report` block then records its arrival against the
 * report it names (data.id), registered by the sender just before its POST went out.
 */
export class ConsoleFleet {
  private readonly consoles: Console[] = [];
  private readonly tracked = new Map<string, Tracked>();
  readonly inScope: number;
  /** Report ids the consoles received that no sender registered (must stay 0). */
  unknownReports = 0;
  /** duty.* events that reached consoles outside the report's scope (must stay 0). */
  leaks = 0;
  /** duty.event (接报) deliveries to in-scope consoles, by event id. */
  readonly intakes = new Map<string, number>();
  /** Streams that ended or failed after they were connected (must stay 0). */
  dropped = 0;
  private waiter: (() => void) | null = null;

  constructor(specs: ConsoleSpec[]) {
    let k = 0;
    specs.forEach((s) => {
      this.consoles.push({ ...s, index: s.inScope ? k++ : -1, req: null, connected: false, ended: false });
    });
    this.inScope = k;
  }

  /** Opens every stream, `concurrency` at a time, and resolves when each has its ': connected' line. */
  async open(concurrency: number, timeoutMs: number): Promise<{ seconds: number }> {
    const t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < this.consoles.length) await this.connect(this.consoles[next++]!, timeoutMs);
      }),
    );
    const missing = this.consoles.filter((c) => !c.connected).length;
    if (missing) throw new Error(`${missing} consoles never got their ': connected' line`);
    return { seconds: (performance.now() - t) / 1000 };
  }

  private connect(c: Console, timeoutMs: number): Promise<void> {
    const url = new URL('/api/events', c.origin);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`console ${c.user} on node ${c.node} not connected within ${timeoutMs} ms`)), timeoutMs);
      const req = http.get({ host: url.hostname, port: url.port, path: url.pathname, headers: { cookie: c.cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
        if (res.statusCode !== 200) {
          clearTimeout(timer);
          res.resume();
          reject(new Error(`GET /api/events as ${c.user} on node ${c.node}: ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let i;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            if (!c.connected && block.includes(': connected')) {
              c.connected = true;
              clearTimeout(timer);
              resolve();
            } else if (block.startsWith('event: ')) this.onBlock(c, block, at);
          }
        });
        const end = () => {
          if (c.connected && !c.ended) this.dropped++;
          c.ended = true;
        };
        res.on('end', end);
        res.on('error', end);
      });
      req.on('error', (e) => {
        if (c.connected) {
          if (!c.ended) this.dropped++;
          c.ended = true;
        } else {
          clearTimeout(timer);
          reject(e);
        }
      });
      c.req = req;
    });
  }

  private onBlock(c: Console, block: string, at: number) {
    const nl = block.indexOf('\n');
    const type = block.slice(7, nl);
    if (!type.startsWith('duty.')) return;
    if (!c.inScope) {
      this.leaks++;
      return;
    }
    const data = JSON.parse(block.slice(block.indexOf('data: ', nl) + 6)) as { id: string; action?: string };
    if (type === 'duty.event') {
      this.intakes.set(data.id, (this.intakes.get(data.id) ?? 0) + 1);
      return;
    }
    if (type !== 'duty.report' || data.action !== 'submitted') return;
    const t = this.tracked.get(data.id);
    if (!t) {
      this.unknownReports++;
      return;
    }
    if (!Number.isNaN(t.at[c.index]!)) {
      t.duplicates++;
      return;
    }
    t.at[c.index] = at;
    t.received++;
    if (t.received === this.inScope && this.waiter) this.waiter();
  }

  /** Call just before the report's POST goes out. */
  track(id: string, node: number, t0: number): Tracked {
    const t: Tracked = { id, node, t0, answeredAt: NaN, at: new Float64Array(this.inScope).fill(NaN), received: 0, duplicates: 0 };
    this.tracked.set(id, t);
    return t;
  }

  /** Resolves when every in-scope console has every one of these reports, or after `timeoutMs`. */
  async allArrived(reports: Tracked[], timeoutMs: number): Promise<boolean> {
    const done = () => reports.every((r) => r.received === this.inScope);
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
    return true;
  }

  /** The node each in-scope console listens on, by console index. */
  nodesOfInScope(): number[] {
    return this.consoles.filter((c) => c.inScope).map((c) => c.node);
  }

  stillOpen(): number {
    return this.consoles.filter((c) => c.connected && !c.ended).length;
  }

  close() {
    for (const c of this.consoles) {
      c.ended = true;
      c.req?.destroy();
    }
  }
}
