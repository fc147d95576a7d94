import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from '../outbox/core';

/**
 * The phone's IndexedDB: the outbox (ordered by seq), the photo blobs of its items, and a small
 * key-value store for what the app shows offline (the signed-in user, categories, lists, the grid).
 */
interface PhoneDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { seq: number } };
  blobs: { key: string; value: { id: string; blob: Blob } };
  kv: { key: string; value: unknown };
}

let dbPromise: Promise<IDBPDatabase<PhoneDb>> | null = null;

export function db(): Promise<IDBPDatabase<PhoneDb>> {
  dbPromise ??= openDB<PhoneDb>('lastmeter-m', 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('seq', 'seq');
      database.createObjectStore('blobs', { keyPath: 'id' });
      database.createObjectStore('kv');
    },
  });
  return dbPromise;
}

export async function kvGet<T>(key: string): Promise<T | undefined> {
  return (await (await db()).get('kv', key)) as T | undefined;
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  await (await db()).put('kv', value, key);
}

export async function kvDelete(key: string): Promise<void> {
  await (await db()).delete('kv', key);
}

export async function getBlob(id: string): Promise<Blob | undefined> {
  return (await (await db()).get('blobs', id))?.blob;
}

/** Asks the browser not to evict the outbox under storage pressure (granted for installed apps). */
export async function persistStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
