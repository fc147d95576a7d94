import { afterAttempt, classifyStatus, markSending, pickNext, recoverInterrupted, withUploadedPhoto, type ItemError, type OutboxItem, type PhotoRef } from './core';

/** Where items are kept (IndexedDB in the app, a Map in tests). */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
}

/** An answer: ok with a value, or the HTTP status (0 for no answer at all) and the error. */
export type SendResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ItemError };

/** How items reach the server (fetch in the app, a fake server in tests). */
export interface OutboxTransport {
  uploadPhoto(item: OutboxItem, photo: PhotoRef): Promise<SendResult<string>>;
  send(item: OutboxItem, photoIds: string[]): Promise<SendResult<unknown>>;
}

export type SyncReport = {
  sent: number;
  failed: number;
  /** The session ended: sign in again, then sync. */
  authRequired: boolean;
  /** No answer from the server: the phone is offline (or the server is down). */
  offline: boolean;
};

/** Items a closed or crashed app left "sending" are pending again. Run once when the app starts. */
export async function recover(store: OutboxStore): Promise<number> {
  let count = 0;
  for (const item of await store.all()) {
    if (item.state !== 'sending') continue;
    await store.put(recoverInterrupted(item));
    count++;
  }
  return count;
}

/**
 * One pass over the outbox: sends each due item of this owner in order, photos first, then its
 * JSON with the photos' ids. The state is written before and after every request, so a crash at
 * any point leaves an item pending (recover) and a retry stores nothing twice.
 * Stops at the first 401 (sign in again) or when the server cannot be reached.
 */
export async function syncOnce(store: OutboxStore, transport: OutboxTransport, opts: { ownerId: string; now: () => number; maxItems?: number }): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, failed: 0, authRequired: false, offline: false };
  // An item retried later in this pass would only fail again; each goes at most once per pass.
  const tried = new Set<string>();
  const max = opts.maxItems ?? 500;
  while (tried.size < max) {
    const next = pickNext(await store.all(), opts.ownerId, opts.now(), tried);
    if (!next) break;
    tried.add(next.id);
    let item = markSending(next);
    await store.put(item);

    let failure: { status: number; error: ItemError } | null = null;
    for (const photo of item.photos) {
      if (photo.fileId) continue;
      const uploaded = await transport.uploadPhoto(item, photo);
      if (!uploaded.ok) {
        failure = uploaded;
        break;
      }
      item = withUploadedPhoto(item, photo.blobId, uploaded.value);
      // Remember each upload, so a retry after a later failure does not send the photo again.
      await store.put(item);
    }
    if (!failure) {
      const sent = await transport.send(item, item.photos.map((p) => p.fileId as string));
      if (!sent.ok) failure = sent;
    }

    if (!failure) {
      await store.put(afterAttempt(item, 'ok', null, opts.now()));
      report.sent++;
      continue;
    }
    const outcome = classifyStatus(failure.status, failure.error.code);
    await store.put(afterAttempt(item, outcome, failure.error, opts.now()));
    if (outcome === 'permanent') report.failed++;
    if (outcome === 'auth') {
      report.authRequired = true;
      break;
    }
    if (failure.status === 0) {
      report.offline = true;
      break;
    }
  }
  return report;
}
