import { useCallback, useEffect, useState } from 'react';
import { useLiveEvents } from '../../app/live';
import { WARNING_EVENTS, WARNINGS_CHANGED, warningsApi, type MyWarning } from './api';

const POLL_MS = 60_000;

/** Still waiting on someone: my own unanswered delivery, or one below me escalated to me. */
export const waitsOnAnswer = (m: MyWarning) => m.warning.status === 'active' && m.delivery.requireAnswer && m.delivery.answer === null;

/**
 * My inbox (叫应): refetched on every warning event of my scope, after an answer in this window,
 * on reconnect and every minute (escalations are not announced).
 */
export function useMyWarnings() {
  const [items, setItems] = useState<MyWarning[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const c = new AbortController();
    warningsApi.mine(c.signal).then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (e: unknown) => {
        if (!c.signal.aborted) setError(e);
      },
    );
    return () => c.abort();
  }, [tick]);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    window.addEventListener(WARNINGS_CHANGED, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(WARNINGS_CHANGED, reload);
    };
  }, [reload]);
  useLiveEvents(WARNING_EVENTS, reload, reload);
  return { items, error, reload };
}
