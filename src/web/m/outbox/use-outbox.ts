import { useSyncExternalStore } from 'react';
import { outbox, type OutboxSnapshot } from './service';

export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.current,
  );
}
