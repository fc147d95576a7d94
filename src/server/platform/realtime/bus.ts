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
 */
export async function announce(tx: Queryable, event: RealtimeEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
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
      let event: RealtimeEvent;
      try {
        event = JSON.parse(msg.payload) as RealtimeEvent;
      } catch {
        return;
      }
      for (const l of this.listeners) l(event);
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
