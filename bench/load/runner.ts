import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { Samples } from './stats';

/**
 * A closed-loop load generator: `connections` workers, each with its own keep-alive HTTP/1.1
 * connection, each sending its next request as soon as the previous answer is read. Bounded by
 * time or by a total count, whichever is given; it stops by itself. `op` returns the HTTP status
 * (or throws: the error code is counted as the status).
 */
export type Op = (client: Client, seq: number, worker: number) => Promise<number>;

export type LoopResult = { samples: Samples; completed: number; elapsedMs: number; rate: number };

/** A failed request (refused, reset, timed out) counts under its error code. */
const errorStatus = (e: unknown) => `error:${(e as { code?: string }).code ?? (e as Error).message}`;

const clientOptions = { pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 30_000, bodyTimeout: 30_000 } as const;

/** The same loop over any async operation (SQL through a pool, say): `workers` at once. */
export async function closedLoopFn(opts: { workers: number; durationMs?: number; total?: number; op: (seq: number, worker: number) => Promise<number | string> }): Promise<LoopResult> {
  if (!opts.durationMs && !opts.total) throw new Error('a closed loop needs a duration or a total');
  const samples = new Samples();
  let next = 0;
  const start = performance.now();
  const deadline = opts.durationMs ? start + opts.durationMs : Infinity;
  const more = () => performance.now() < deadline && (opts.total === undefined || next < opts.total);
  await Promise.all(
    Array.from({ length: opts.workers }, async (_, w) => {
      while (more()) {
        const seq = next++;
        const t0 = performance.now();
        let status: number | string;
        try {
          status = await opts.op(seq, w);
        } catch (e) {
          status = errorStatus(e);
        }
        samples.add(performance.now() - t0, status);
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  return { samples, completed: samples.count, elapsedMs, rate: (samples.count / elapsedMs) * 1000 };
}

export async function closedLoop(opts: { origin: string; connections: number; durationMs?: number; total?: number; op: Op }): Promise<LoopResult> {
  const clients = Array.from({ length: opts.connections }, () => new Client(opts.origin, clientOptions));
  try {
    return await closedLoopFn({ workers: opts.connections, durationMs: opts.durationMs, total: opts.total, op: (seq, w) => opts.op(clients[w]!, seq, w) });
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/**
 * Phones syncing their offline queues: at most `concurrency` phones at once, each opening its
 * own connection, sending its queued requests one after another, and closing it.
 */
export async function phoneBurst<P>(opts: { origin: string; concurrency: number; phones: P[]; send: (client: Client, phone: P, index: number) => Promise<number>; perPhone: (phone: P) => number }): Promise<LoopResult> {
  const samples = new Samples();
  const queue = opts.phones.map((p, i) => [p, i] as const);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const [phone] = item;
        const client = new Client(opts.origin, clientOptions);
        try {
          for (let k = 0; k < opts.perPhone(phone); k++) {
            const t0 = performance.now();
            let status: number | string;
            try {
              status = await opts.send(client, phone, k);
            } catch (e) {
              status = errorStatus(e);
            }
            samples.add(performance.now() - t0, status);
          }
        } finally {
          await client.close();
        }
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  return { samples, completed: samples.count, elapsedMs, rate: (samples.count / elapsedMs) * 1000 };
}

/** Reads and drops an answer's body (undici needs every body consumed), returning the status. */
export async function statusOf(res: { statusCode: number; body: { dump: () => Promise<void> } }): Promise<number> {
  await res.body.dump();
  return res.statusCode;
}
