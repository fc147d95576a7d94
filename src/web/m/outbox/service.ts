import { db, persistStorage } from '../lib/db';
import { uuid } from '../lib/ids';
import { discardSet, dueNow, newItem, prunable, resetForReplay, retryFailed, type OutboxItem, type OutboxPayload, type PhotoRef } from './core';
import { recover, syncOnce, type OutboxStore, type SyncReport } from './engine';
import { httpTransport } from './transport';

/**
 * The outbox as the app sees it: filing, editing, retrying and discarding items in IndexedDB, and
 * the sync loop (app start, the `online` event, a timer, coming back to the app, 立即同步).
 * Screens subscribe to its snapshot.
 */

export type OutboxSnapshot = {
  /** False until the outbox has been read from IndexedDB once. */
  loaded: boolean;
  items: OutboxItem[];
  syncing: boolean;
  online: boolean;
  /** The last sync stopped at a 401: sign in again to go on. */
  authRequired: boolean;
  lastSyncAt: number | null;
  lastReport: SyncReport | null;
  /** Grows each time something reaches the server, so lists know to reload. */
  syncedVersion: number;
};

const TIMER_MS = 30_000;
const LOCK = 'lastmeter-m-outbox';

type Listener = (snapshot: OutboxSnapshot) => void;

class OutboxService {
  private snapshot: OutboxSnapshot = { loaded: false, items: [], syncing: false, online: navigator.onLine, authRequired: false, lastSyncAt: null, lastReport: null, syncedVersion: 0 };
  private listeners = new Set<Listener>();
  private ownerId: string | null = null;
  private started: Promise<void> | null = null;
  private again = false;
  private persistAsked: Promise<boolean> | null = null;

  private readonly store: OutboxStore = {
    all: async () => (await db()).getAll('outbox'),
    put: async (item) => {
      await (await db()).put('outbox', item);
      const synced = item.state === 'synced' && this.snapshot.items.find((i) => i.id === item.id)?.state !== 'synced';
      this.set({ items: upsert(this.snapshot.items, item), syncedVersion: this.snapshot.syncedVersion + (synced ? 1 : 0) });
    },
  };

  get current(): OutboxSnapshot {
    return this.snapshot;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<OutboxSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private async reload() {
    const items = await this.store.all();
    this.set({ loaded: true, items: items.sort((a, b) => a.seq - b.seq) });
  }

  /** Once per page: items left "sending" by a crash go again, old synced items are dropped, the triggers are set. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await recover(this.store);
      await this.prune();
      // Opening the app is a moment to try everything again, whatever the backoff said.
      await this.makeAllDue();
      await this.reload();
      window.addEventListener('online', () => {
        // Back on the network: what waited for it goes now, not when its backoff ends.
        this.set({ online: true });
        void this.syncNow();
      });
      window.addEventListener('offline', () => this.set({ online: false }));
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void this.sync();
      });
      window.setInterval(() => {
        if (this.snapshot.items.some((i) => i.state === 'pending' && i.ownerId === this.ownerId)) void this.sync();
      }, TIMER_MS);
    })();
    return this.started;
  }

  /** Who is signed in (their items are the ones sent); null when nobody is. */
  setOwner(ownerId: string | null) {
    this.ownerId = ownerId;
    if (ownerId) {
      this.set({ authRequired: false });
      void this.sync();
    }
  }

  /** The session ended (a 401 anywhere): stop sending until the user signs in again. */
  markAuthRequired() {
    this.set({ authRequired: true });
  }

  /** Files an item (with its photos) in one IndexedDB transaction, then tries to send it. */
  async enqueue(payload: OutboxPayload, photos: Blob[] = []): Promise<OutboxItem> {
    if (!this.ownerId) throw new Error('nobody is signed in');
    // Ask once, when there is first something worth keeping, that the browser never evicts the outbox.
    this.persistAsked ??= persistStorage();
    const database = await db();
    const tx = database.transaction(['outbox', 'blobs'], 'readwrite');
    const last = await tx.objectStore('outbox').index('seq').openCursor(null, 'prev');
    const refs: PhotoRef[] = [];
    for (const blob of photos) {
      const id = uuid();
      await tx.objectStore('blobs').put({ id, blob });
      refs.push({ blobId: id, bytes: blob.size });
    }
    const item = newItem({ payload, seq: (last?.value.seq ?? 0) + 1, ownerId: this.ownerId, photos: refs, createdAt: new Date().toISOString() });
    await tx.objectStore('outbox').put(item);
    await tx.done;
    await this.reload();
    void this.sync();
    return item;
  }

  /** Saves an edited item that the server refused (same client id), and sends it again. */
  async saveEdited(id: string, payload: OutboxPayload, keep: PhotoRef[], added: Blob[]): Promise<void> {
    const database = await db();
    const tx = database.transaction(['outbox', 'blobs'], 'readwrite');
    const item = await tx.objectStore('outbox').get(id);
    if (!item) throw new Error('no such outbox item');
    const kept = new Set(keep.map((p) => p.blobId));
    for (const photo of item.photos) if (!kept.has(photo.blobId)) await tx.objectStore('blobs').delete(photo.blobId);
    const refs = [...keep];
    for (const blob of added) {
      const blobId = uuid();
      await tx.objectStore('blobs').put({ id: blobId, blob });
      refs.push({ blobId, bytes: blob.size });
    }
    await tx.objectStore('outbox').put(retryFailed({ ...item, state: 'failed', payload, photos: refs }));
    await tx.done;
    await this.reload();
    void this.sync();
  }

  async retry(id: string) {
    const item = this.snapshot.items.find((i) => i.id === id);
    if (!item) return;
    await this.store.put(item.state === 'failed' ? retryFailed(item) : dueNow(item));
    void this.sync();
  }

  /** What discarding this item takes with it (a patrol's start takes the whole patrol). */
  discardPreview(id: string): OutboxItem[] {
    const item = this.snapshot.items.find((i) => i.id === id);
    return item ? discardSet(item, this.snapshot.items) : [];
  }

  async discard(id: string) {
    await this.remove(this.discardPreview(id));
    void this.sync();
  }

  private async remove(items: OutboxItem[]) {
    if (items.length === 0) return;
    const database = await db();
    const tx = database.transaction(['outbox', 'blobs'], 'readwrite');
    for (const item of items) {
      for (const photo of item.photos) await tx.objectStore('blobs').delete(photo.blobId);
      await tx.objectStore('outbox').delete(item.id);
    }
    await tx.done;
    await this.reload();
  }

  private async prune() {
    await this.remove(prunable(await this.store.all(), Date.now()));
  }

  /** 立即同步: everything pending goes now, backoff or not. */
  async syncNow() {
    await this.start();
    await this.makeAllDue();
    await this.sync();
  }

  private async makeAllDue() {
    for (const item of await this.store.all()) {
      const due = dueNow(item);
      if (due !== item) await this.store.put(due);
    }
  }

  /**
   * Diagnostics: sends every synced item of this user again, photos included, as a phone that
   * crashed before the answers would. The server keeps one copy of each (ids are the client's).
   */
  async replayAll(): Promise<number> {
    const synced = this.snapshot.items.filter((i) => i.state === 'synced' && i.ownerId === this.ownerId);
    for (const item of synced) await this.store.put(resetForReplay(item));
    await this.sync();
    return synced.length;
  }

  /** One sync loop at a time, in this tab and (through a Web Lock) across tabs. */
  async sync(): Promise<void> {
    await this.start();
    if (!this.ownerId || this.snapshot.authRequired) return;
    // The phone knows it has no network: trying would only use up the items' retries.
    if (!navigator.onLine) {
      this.set({ online: false });
      return;
    }
    if (this.snapshot.syncing) {
      this.again = true;
      return;
    }
    this.set({ syncing: true });
    try {
      do {
        this.again = false;
        await withLock(() => this.pass());
      } while (this.again && !this.snapshot.authRequired);
    } finally {
      this.set({ syncing: false });
    }
  }

  private async pass() {
    const ownerId = this.ownerId;
    if (!ownerId) return;
    const report = await syncOnce(this.store, httpTransport, { ownerId, now: () => Date.now() });
    // "online" means the server answered: a phone on a network that cannot reach it is offline to us.
    this.set({ lastReport: report, lastSyncAt: Date.now(), authRequired: report.authRequired || this.snapshot.authRequired, online: !report.offline });
  }
}

function upsert(items: OutboxItem[], item: OutboxItem): OutboxItem[] {
  const index = items.findIndex((i) => i.id === item.id);
  if (index < 0) return [...items, item].sort((a, b) => a.seq - b.seq);
  const next = [...items];
  next[index] = item;
  return next;
}

async function withLock(fn: () => Promise<void>): Promise<void> {
  if (!navigator.locks?.request) return fn();
  await navigator.locks.request(LOCK, fn);
}

export const outbox = new OutboxService();
