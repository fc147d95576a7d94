import { useEffect, useRef } from 'react';

type Handler = (data: Record<string, unknown>) => void;

/**
 * One server-sent event stream per browser tab, shared by every component that listens (the menu
 * badges, a live queue, the duty console): `/api/events` carries every change in the user's scope
 * from every app node. The browser reconnects by itself; `onReconnect` listeners refetch then,
 * because what happened while the stream was down is not replayed.
 */
let source: EventSource | null = null;
let users = 0;
const reconnectListeners = new Set<() => void>();

function acquire(): EventSource | null {
  if (typeof EventSource === 'undefined') return null;
  if (!source) {
    source = new EventSource('/api/events');
    let opened = false;
    source.addEventListener('open', () => {
      if (opened) for (const l of reconnectListeners) l();
      opened = true;
    });
  }
  users++;
  return source;
}

function release() {
  users--;
  if (users <= 0 && source) {
    source.close();
    source = null;
    users = 0;
  }
}

/** Calls `handler` with the data of each event of these types while the component is mounted. */
export function useLiveEvents(types: readonly string[], handler: Handler, onReconnect?: () => void): void {
  const current = useRef({ handler, onReconnect });
  current.current = { handler, onReconnect };
  const key = types.join('|');
  useEffect(() => {
    const es = acquire();
    if (!es) return undefined;
    const listener = (e: MessageEvent<string>) => {
      try {
        current.current.handler(JSON.parse(e.data) as Record<string, unknown>);
      } catch {
        // a malformed event is ignored
      }
    };
    const names = key.split('|');
    for (const n of names) es.addEventListener(n, listener as EventListener);
    const reconnect = () => current.current.onReconnect?.();
    reconnectListeners.add(reconnect);
    return () => {
      for (const n of names) es.removeEventListener(n, listener as EventListener);
      reconnectListeners.delete(reconnect);
      release();
    };
  }, [key]);
}
