import type { Db } from '../../platform/db/client';

/** One message for a channel: what to send to whom, with the outbox row's id as idempotency key. */
export type ChannelMessage = { id: number; kind: 'warning' | 'reminder' | 'escalation'; toUserId: string | null; phone: string | null; body: string };

/**
 * A delivery channel (SMS gateway, emergency broadcast, a vendor's system) behind one interface.
 * `send` resolves when the channel accepted the message and throws when it did not; the outbox
 * row's id travels with it, so a vendor can drop a repeat after a lost answer.
 */
export interface ChannelAdapter {
  readonly name: string;
  send(message: ChannelMessage): Promise<void>;
}

/** Writes each message to the log: the default, and what a test or a demo uses. */
export class LogAdapter implements ChannelAdapter {
  readonly name = 'log';
  constructor(private readonly log: (line: string) => void = () => undefined) {}
  async send(m: ChannelMessage): Promise<void> {
    this.log(`[channel:log] #${m.id} ${m.kind} → ${m.phone ?? m.toUserId ?? '?'}: ${m.body}`);
  }
}

/** POSTs each message as JSON to a URL (an SMS gateway or broadcast system that takes webhooks). */
export class WebhookAdapter implements ChannelAdapter {
  readonly name = 'webhook';
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 5000,
  ) {}
  async send(m: ChannelMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `lastmeter-send-${m.id}` },
      body: JSON.stringify(m),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  }
}

const BATCH = 500;
const MAX_ATTEMPTS = 5;
/** Messages handed to the adapters at once within a batch. */
const PARALLEL = 20;
/** One run of the job stops claiming new batches after this long (the next run goes on). */
const RUN_BUDGET_MS = 4000;

/**
 * Sends what the outbox holds: claims a batch (SKIP LOCKED, so nodes share the work), hands each
 * message to every adapter (twenty at a time), and marks the batch in the same transaction as the
 * claim: the sent ones in one statement, the failures one by one. A crash before the commit leaves
 * the rows pending, and the adapters see the same ids again (their idempotency key). Batches follow
 * each other for up to four seconds per run, so 100,000 messages do not wait for 200 per run.
 */
export async function drainChannelOutbox(db: Db, now: Date, adapters: readonly ChannelAdapter[]): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const n = await drainBatch(db, now, adapters);
    total += n;
    if (n < BATCH || Date.now() - started > RUN_BUDGET_MS) return total;
  }
}

async function drainBatch(db: Db, now: Date, adapters: readonly ChannelAdapter[]): Promise<number> {
  const client = await db.$client.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ id: string; kind: ChannelMessage['kind']; to_user_id: string | null; phone: string | null; body: string }>(
      `select id, kind, to_user_id, phone, body from warning_channel_sends where status = 'pending' order by attempts, id limit $1 for update skip locked`,
      [BATCH],
    );
    const sent: string[] = [];
    const failed: { id: string; error: string }[] = [];
    for (let i = 0; i < rows.length; i += PARALLEL) {
      await Promise.all(
        rows.slice(i, i + PARALLEL).map(async (r) => {
          const message: ChannelMessage = { id: Number(r.id), kind: r.kind, toUserId: r.to_user_id, phone: r.phone, body: r.body };
          try {
            for (const a of adapters) await a.send(message);
            sent.push(r.id);
          } catch (e) {
            failed.push({ id: r.id, error: e instanceof Error ? e.message : String(e) });
          }
        }),
      );
    }
    if (sent.length) await client.query(`update warning_channel_sends set status = 'sent', sent_at = $2, attempts = attempts + 1 where id = any($1::bigint[])`, [sent, now]);
    for (const f of failed) {
      await client.query(`update warning_channel_sends set status = case when attempts + 1 >= $3 then 'failed' else 'pending' end, attempts = attempts + 1, last_error = $2 where id = $1`, [f.id, f.error, MAX_ATTEMPTS]);
    }
    await client.query('commit');
    return rows.length;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
