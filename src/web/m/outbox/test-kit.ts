import { newItem, type ItemError, type OutboxItem, type OutboxPayload } from './core';
import type { OutboxStore, OutboxTransport, SendResult } from './engine';

/**
 * Test doubles for the outbox: an in-memory store and a fake server that stores each client id
 * once (like the real API), checks that a patrol's items arrive after its start and that photos
 * were uploaded first, and misbehaves on a script (lost requests, lost answers, 5xx, 401, crashes).
 */

export const OWNER = 'owner-1';

export class MemoryStore implements OutboxStore {
  readonly items = new Map<string, OutboxItem>();
  async all() {
    return [...this.items.values()].map((i) => structuredClone(i));
  }
  async put(item: OutboxItem) {
    this.items.set(item.id, structuredClone(item));
  }
  delete(id: string) {
    this.items.delete(id);
  }
}

/** What the network or the server does to one request. */
export type Fault = 'none' | 'lost-request' | 'lost-answer' | 'server-error' | 'busy' | 'expired' | 'crash';
export const FAULTS: Fault[] = ['none', 'lost-request', 'lost-answer', 'server-error', 'busy', 'expired', 'crash'];

export class Crash extends Error {}

const err = (status: number, code: string): ItemError => ({ status, code, zh: code, en: code });

export type ItemSpec = { group: number | null; photos: number };

/** Builds items from specs: the first item of a group starts a patrol, the rest are its check-ins. */
export function buildItems(specs: ItemSpec[], ownerId = OWNER): OutboxItem[] {
  const started = new Set<number>();
  return specs.map((spec, index) => {
    let payload: OutboxPayload;
    if (spec.group === null) {
      payload = { kind: 'hazard', body: { id: `h-${index}`, categoryCode: 'fire', description: 'd', lat: 24.76, lng: 118.64, suggestedLevel: 'general', reportedAt: '2024-05-01T00:00:00+08:00' } };
    } else if (!started.has(spec.group)) {
      started.add(spec.group);
      payload = { kind: 'patrol-start', body: { id: `p-${spec.group}`, startedAt: '2024-05-01T00:00:00+08:00' } };
    } else {
      payload = { kind: 'patrol-checkin', patrolId: `p-${spec.group}`, body: { id: `c-${index}`, at: '2024-05-01T00:00:00+08:00', kind: 'checkin', lat: 24.76, lng: 118.64, finding: 'normal' } };
    }
    const photos = Array.from({ length: spec.photos }, (_, k) => ({ blobId: `b-${index}-${k}`, bytes: 100 }));
    return newItem({ payload, seq: index + 1, ownerId, photos, createdAt: '2024-05-01T00:00:00.000Z' });
  });
}

export class FakeServer implements OutboxTransport {
  /** Client ids in the order the server first stored them. */
  readonly created: string[] = [];
  /** How often each id reached the server (replays included). */
  readonly received = new Map<string, number>();
  readonly files = new Set<string>();
  /** Requests for items the client had already seen synced: must stay zero. */
  sentAfterSynced = 0;
  private faults: Fault[];
  /** Items answered 400 while listed here (a permanent failure until the user fixes it). */
  readonly rejecting = new Set<string>();

  constructor(
    faults: Fault[],
    private readonly store?: MemoryStore,
  ) {
    this.faults = [...faults];
  }

  private fault(): Fault {
    return this.faults.shift() ?? 'none';
  }

  private apply<T>(fault: Fault, effect: () => T | ItemError): SendResult<T> {
    if (fault === 'crash') throw new Crash('app closed mid-request');
    if (fault === 'lost-request') return { ok: false, status: 0, error: err(0, 'NETWORK') };
    if (fault === 'server-error') return { ok: false, status: 500, error: err(500, 'INTERNAL') };
    if (fault === 'busy') return { ok: false, status: 429, error: err(429, 'RATE_LIMITED') };
    if (fault === 'expired') return { ok: false, status: 401, error: err(401, 'SESSION_EXPIRED') };
    const result = effect();
    if (typeof result === 'object' && result !== null && 'code' in result) return { ok: false, status: result.status, error: result };
    if (fault === 'lost-answer') return { ok: false, status: 0, error: err(0, 'NETWORK') };
    return { ok: true, value: result as T };
  }

  private checkNotSynced(item: OutboxItem) {
    if (this.store?.items.get(item.id)?.state === 'synced') this.sentAfterSynced++;
  }

  async uploadPhoto(item: OutboxItem, photo: { blobId: string }): Promise<SendResult<string>> {
    this.checkNotSynced(item);
    return this.apply(this.fault(), () => {
      const id = `f-${photo.blobId}`;
      this.files.add(id);
      return id;
    });
  }

  async send(item: OutboxItem, photoIds: string[]): Promise<SendResult<unknown>> {
    this.checkNotSynced(item);
    return this.apply(this.fault(), () => {
      if (this.rejecting.has(item.id)) return err(400, 'VALIDATION_FAILED');
      if (photoIds.some((id) => !this.files.has(id))) return err(400, 'PHOTO_NOT_UPLOADED');
      const p = item.payload;
      if ((p.kind === 'patrol-checkin' || p.kind === 'patrol-end') && !this.created.includes(p.patrolId)) return err(404, 'NOT_FOUND');
      this.received.set(item.id, (this.received.get(item.id) ?? 0) + 1);
      if (!this.created.includes(item.id)) this.created.push(item.id);
      return { id: item.id };
    });
  }
}
