import type { z } from 'zod';
import type { HazardSubmit, PatrolCheckin, PatrolEnd, PatrolStart } from '../../../contracts';

/**
 * The outbox of the phone app, as data and pure functions: no IndexedDB, no fetch, no clock.
 * The engine (engine.ts) drives these over a store and a transport; the app stores the items in
 * IndexedDB. Each item keeps the client id of what it creates for ever, so a retry, a lost answer
 * or a replay after a crash is stored once by the server.
 */

export type OutboxState = 'pending' | 'sending' | 'synced' | 'failed';

/** A photo of an item: its compressed bytes live in the blob store until the item is pruned. */
export type PhotoRef = {
  blobId: string;
  /** The stored file's id (SHA-256) once uploaded; uploading again is harmless. */
  fileId?: string;
  bytes: number;
};

export type ProgressActionBody = { action: 'progress' | 'submit'; eventId: string; note: string };

/** What an item creates. The JSON bodies are the contracts' types, less the photo ids. */
export type OutboxPayload =
  | { kind: 'hazard'; body: Omit<HazardSubmit, 'photoIds'> }
  | { kind: 'hazard-action'; hazardId: string; body: ProgressActionBody }
  | { kind: 'patrol-start'; body: PatrolStart }
  | { kind: 'patrol-checkin'; patrolId: string; body: PatrolCheckin }
  | { kind: 'patrol-end'; patrolId: string; body: z.infer<typeof PatrolEnd> };

export type OutboxKind = OutboxPayload['kind'];

export type ItemError = {
  status: number;
  code: string;
  zh: string;
  en: string;
  fields?: { path: string; zh: string; en: string }[];
};

export type OutboxItem = {
  /** Unique in the outbox: the client id of what the item creates (`end:<patrol>` for an end). */
  id: string;
  /** Global order of filing. */
  seq: number;
  /** The user who filed it: only their session sends it. */
  ownerId: string;
  /** Items of one group go strictly in seq order (a patrol's start, check-ins and end). */
  group: string | null;
  payload: OutboxPayload;
  photos: PhotoRef[];
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which a pending item is not retried (backoff). */
  nextAttemptAt: number;
  createdAt: string;
  syncedAt: string | null;
  /** Why the last attempt failed (kept on a pending item too, to show "retrying: …"). */
  error: ItemError | null;
};

/** How an answer is handled: 2xx done; network, 408, 429 and 5xx retried; 401 after signing in; other 4xx need the user. */
export type Outcome = 'ok' | 'retry' | 'auth' | 'permanent';

export function classifyStatus(status: number, code?: string): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  // The account must change its first password (on the desktop): the items are fine, the session is not.
  if (code === 'PASSWORD_CHANGE_REQUIRED') return 'auth';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  if (status === 401) return 'auth';
  return 'permanent';
}

const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** The group that orders an item behind others: a patrol's items, or one hazard's actions. */
export function groupOf(payload: OutboxPayload): string | null {
  switch (payload.kind) {
    case 'patrol-start':
      return `patrol:${payload.body.id}`;
    case 'patrol-checkin':
    case 'patrol-end':
      return `patrol:${payload.patrolId}`;
    case 'hazard':
      // A hazard filed on a patrol names the patrol, so it waits for the patrol's start.
      return payload.body.patrolId ? `patrol:${payload.body.patrolId}` : null;
    case 'hazard-action':
      return `hazard:${payload.hazardId}`;
  }
}

export function itemIdOf(payload: OutboxPayload): string {
  switch (payload.kind) {
    case 'hazard':
    case 'patrol-start':
    case 'patrol-checkin':
      return payload.body.id;
    case 'hazard-action':
      return payload.body.eventId;
    case 'patrol-end':
      return `end:${payload.patrolId}`;
  }
}

export function newItem(init: { payload: OutboxPayload; seq: number; ownerId: string; photos?: PhotoRef[]; createdAt: string }): OutboxItem {
  return {
    id: itemIdOf(init.payload),
    seq: init.seq,
    ownerId: init.ownerId,
    group: groupOf(init.payload),
    payload: init.payload,
    photos: init.photos ?? [],
    state: 'pending',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: init.createdAt,
    syncedAt: null,
    error: null,
  };
}

const bySeq = (a: OutboxItem, b: OutboxItem) => a.seq - b.seq;

/** The earlier item of the same group and owner that is not yet synced, if any: it must go first. */
export function blockerOf(item: OutboxItem, items: readonly OutboxItem[]): OutboxItem | null {
  if (item.group === null) return null;
  let blocker: OutboxItem | null = null;
  for (const other of items) {
    if (other.group !== item.group || other.ownerId !== item.ownerId || other.seq >= item.seq || other.state === 'synced') continue;
    if (!blocker || other.seq < blocker.seq) blocker = other;
  }
  return blocker;
}

/** The next item to send for this owner now: the earliest pending, due, unblocked one. */
export function pickNext(items: readonly OutboxItem[], ownerId: string, now: number, skip: ReadonlySet<string> = new Set()): OutboxItem | null {
  const mine = items.filter((i) => i.ownerId === ownerId).sort(bySeq);
  for (const item of mine) {
    if (item.state !== 'pending' || item.nextAttemptAt > now || skip.has(item.id)) continue;
    if (blockerOf(item, mine)) continue;
    return item;
  }
  return null;
}

export function markSending(item: OutboxItem): OutboxItem {
  return { ...item, state: 'sending', attempts: item.attempts + 1 };
}

export function withUploadedPhoto(item: OutboxItem, blobId: string, fileId: string): OutboxItem {
  return { ...item, photos: item.photos.map((p) => (p.blobId === blobId ? { ...p, fileId } : p)) };
}

/** The state after an attempt: synced, pending again (retry later or after sign-in), or failed. */
export function afterAttempt(item: OutboxItem, outcome: Outcome, error: ItemError | null, now: number): OutboxItem {
  switch (outcome) {
    case 'ok':
      return { ...item, state: 'synced', syncedAt: new Date(now).toISOString(), error: null, nextAttemptAt: 0 };
    case 'retry':
      return { ...item, state: 'pending', error, nextAttemptAt: now + backoffMs(item.attempts) };
    case 'auth':
      // Not the item's fault: it goes as soon as the user has signed in again, and the try does not count.
      return { ...item, state: 'pending', error, attempts: Math.max(0, item.attempts - 1), nextAttemptAt: 0 };
    case 'permanent':
      return { ...item, state: 'failed', error, nextAttemptAt: 0 };
  }
}

/** An item left "sending" by a closed or crashed app goes again (the server keeps it once). */
export function recoverInterrupted(item: OutboxItem): OutboxItem {
  return item.state === 'sending' ? { ...item, state: 'pending', nextAttemptAt: 0 } : item;
}

/** The user asks to try a failed item again (after editing it, perhaps). */
export function retryFailed(item: OutboxItem): OutboxItem {
  return item.state === 'failed' ? { ...item, state: 'pending', attempts: 0, nextAttemptAt: 0, error: null } : item;
}

/** 立即同步: pending items stop waiting for their backoff. */
export function dueNow(item: OutboxItem): OutboxItem {
  return item.state === 'pending' && item.nextAttemptAt !== 0 ? { ...item, nextAttemptAt: 0 } : item;
}

/**
 * Sends a synced item once more, photos included, as a crash before the answer would. Used by the
 * diagnostics hook: the server must answer "already stored" and keep one copy.
 */
export function resetForReplay(item: OutboxItem): OutboxItem {
  if (item.state !== 'synced') return item;
  return { ...item, state: 'pending', attempts: 0, nextAttemptAt: 0, syncedAt: null, photos: item.photos.map((p) => ({ blobId: p.blobId, bytes: p.bytes })) };
}

/**
 * What goes when the user discards an item: the item, and when it is a patrol's start, the rest of
 * that patrol (its check-ins, hazards and end could never be stored without it).
 */
export function discardSet(item: OutboxItem, items: readonly OutboxItem[]): OutboxItem[] {
  if (item.payload.kind !== 'patrol-start') return [item];
  return [item, ...items.filter((i) => i.id !== item.id && i.group === item.group && i.ownerId === item.ownerId && i.state !== 'synced')];
}

export type OutboxCounts = { pending: number; failed: number; synced: number };

export function countItems(items: readonly OutboxItem[], ownerId?: string): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, failed: 0, synced: 0 };
  for (const item of items) {
    if (ownerId && item.ownerId !== ownerId) continue;
    if (item.state === 'failed') counts.failed++;
    else if (item.state === 'synced') counts.synced++;
    else counts.pending++;
  }
  return counts;
}

const KEEP_SYNCED_MS = 3 * 24 * 3600_000;
const KEEP_SYNCED_MAX = 50;

/** Synced items to drop (with their photo blobs): older than three days, or beyond the newest 50. */
export function prunable(items: readonly OutboxItem[], now: number): OutboxItem[] {
  const synced = items.filter((i) => i.state === 'synced').sort((a, b) => b.seq - a.seq);
  return synced.filter((item, index) => index >= KEEP_SYNCED_MAX || (item.syncedAt !== null && now - Date.parse(item.syncedAt) > KEEP_SYNCED_MS));
}
