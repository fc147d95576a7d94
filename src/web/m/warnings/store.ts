import { useEffect, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { MyWarningList, WarningAnswer, WarningDelivery } from '../../../contracts';
import { useLiveEvents } from '../../app/live';
import { kvGet, kvSet } from '../lib/db';
import { call } from '../lib/http';
import type { ItemError } from '../outbox/core';

export type MyWarning = z.infer<typeof MyWarningList>['items'][number];

type State = {
  items: MyWarning[] | null;
  /** When the shown list was fetched; null while it is fresh from the server. */
  staleSince: string | null;
  error: ItemError | null;
};

/**
 * My warnings on the phone (叫应): one copy for the tab's badge and the screen, kept in IndexedDB
 * so the last list shows offline. Refreshed on every warning event of my scope (server-sent, while
 * the app is open), when the network comes back, and every minute (escalations are not announced).
 * Answers go straight to the server: offline they fail with a message instead of waiting in the outbox,
 * because an answer that arrives an hour late is no answer.
 */
const POLL_MS = 60_000;
const EVENTS = ['warning.issued', 'warning.delivered', 'warning.answer'] as const;

let state: State = { items: null, staleSince: null, error: null };
let owner: string | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

const cacheKey = (userId: string) => `cache:warnings:${userId}`;

export async function refreshWarnings(userId: string): Promise<void> {
  if (owner !== userId) {
    owner = userId;
    state = { items: null, staleSince: null, error: null };
    const copy = await kvGet<{ at: string; data: MyWarning[] }>(cacheKey(userId)).catch(() => undefined);
    if (copy && owner === userId && state.items === null) set({ items: copy.data, staleSince: copy.at });
  }
  const result = await call<z.infer<typeof MyWarningList>>('GET', '/warnings/mine');
  if (owner !== userId) return;
  if (result.ok) {
    set({ items: result.value.items, staleSince: null, error: null });
    await kvSet(cacheKey(userId), { at: new Date().toISOString(), data: result.value.items }).catch(() => undefined);
  } else {
    set({ error: result.error, staleSince: state.staleSince ?? (state.items ? new Date().toISOString() : null) });
  }
}

/** Sends one answer; resolves to the error to show, or null when the server has it. */
export async function answerWarning(userId: string, deliveryId: string, answer: WarningAnswer): Promise<ItemError | null> {
  const result = await call<WarningDelivery>('POST', `/warnings/deliveries/${deliveryId}/answer`, { json: { answer } }, 15_000);
  if (!result.ok) return result.error;
  set({ items: (state.items ?? []).map((m) => (m.delivery.id === deliveryId && !m.escalatedToMe ? { ...m, delivery: result.value } : m)) });
  void refreshWarnings(userId);
  return null;
}

/** Still waiting on an answer: mine, or one below me escalated to me. */
export const waitsOnAnswer = (m: MyWarning) => m.warning.status === 'active' && m.delivery.requireAnswer && m.delivery.answer === null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The list, kept fresh while any component shows it. */
export function useMyWarnings(userId: string): State & { reload: () => void } {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    void refreshWarnings(userId);
    const again = () => void refreshWarnings(userId);
    const timer = window.setInterval(again, POLL_MS);
    window.addEventListener('online', again);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', again);
    };
  }, [userId]);
  useLiveEvents(EVENTS, () => void refreshWarnings(userId), () => void refreshWarnings(userId));
  return { ...snapshot, reload: () => void refreshWarnings(userId) };
}
