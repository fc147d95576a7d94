import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export const CHANNEL = 'lastmeter_events';

/**
 * A change other screens should see at once. `unitPath` places it in the hierarchy: only users
 * whose scope covers it receive it. Payloads stay small (ids, states, a line of text): clients
 * fetch the record itself through the scoped API.
 */
export type RealtimeEvent = { type: string; unitPath: string; data: Record<string, unknown> };

/**
 * Announces an event when the surrounding transaction commits (PostgreSQL NOTIFY is
 * transactional): a rolled-back change announces nothing, a committed one reaches every app node.
 * Every transaction that notifies takes one database-wide lock at commit, so busy write paths use
 * an `Announcer` after their commit instead.
 */
export async function announce(tx: Queryable, event: RealtimeEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify([event])})`);
}

/** NOTIFY payloads must stay under 8,000 bytes. */
const PAYLOAD_MAX = 7_800;

/**
 * Sends events after their transaction committed, gathered for a few milliseconds into one NOTIFY
 * (a JSON array): a burst of 1,000 reports a second becomes a few dozen notifications instead of
 * 1,000 commits queuing behind the notify lock. An event queued here is lost only if this process
 * dies within that window; screens refetch when they reconnect, so nothing is lost for good.
 */
export class Announcer {
  private queue: RealtimeEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    private readonly windowMs = 10,
    private readonly log: (msg: string) => void = () => undefined,
  ) {}

  /** Call after the change committed. */
  soon(event: RealtimeEvent): void {
    this.queue.push(event);
    this.timer ??= setTimeout(() => void this.flush(), this.windowMs);
  }

  /** Sends what is queued now (also on shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const events = this.queue;
    this.queue = [];
    if (!events.length) return this.inFlight;
    const payloads = batchPayloads(events);
    this.inFlight = this.inFlight.then(async () => {
      for (const payload of payloads) {
        await this.pool.query('select pg_notify($1, $2)', [CHANNEL, payload]).catch((e: unknown) => this.log(`realtime notify failed: ${e instanceof Error ? e.message : String(e)}`));
      }
    });
    return this.inFlight;
  }
}

/** JSON arrays of events, each under the NOTIFY size limit; an event too big alone is dropped. */
export function batchPayloads(events: RealtimeEvent[]): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const e of events) {
    const json = JSON.stringify(e);
    if (Buffer.byteLength(json) + 2 > PAYLOAD_MAX) continue;
    const len = Buffer.byteLength(json) + 1;
    if (size + len > PAYLOAD_MAX && parts.length) {
      out.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += len;
  }
  if (parts.length) out.push(`[${parts.join(',')}]`);
  return out;
}

type Listener = (event: RealtimeEvent) => void;

/**
 * One LISTEN connection per app node, fanning notifications out to this node's open streams.
 * It reconnects after losing the database; events sent while it was away are not replayed
 * (screens refetch on reconnect).
 */
export class RealtimeBus {
  private client: pg.Client | null = null;
  private readonly listeners = new Set<Listener>();
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly url: string, private readonly log: (msg: string) => void = () => undefined) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'lastmeter-realtime' });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let events: RealtimeEvent[];
      try {
        events = JSON.parse(msg.payload) as RealtimeEvent[];
      } catch {
        return;
      }
      if (!Array.isArray(events)) return;
      for (const event of events) for (const l of this.listeners) l(event);
    });
    client.on('error', () => this.reconnect());
    client.on('end', () => this.reconnect());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private reconnect() {
    if (this.closed || this.retry) return;
    this.client = null;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start().catch((e: unknown) => {
        this.log(`realtime reconnect failed: ${e instanceof Error ? e.message : String(e)}`);
        this.reconnect();
      });
    }, 1000);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount() {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.listeners.clear();
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
