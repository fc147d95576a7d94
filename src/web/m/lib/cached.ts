import { useCallback, useEffect, useState } from 'react';
import { kvGet, kvSet } from './db';
import { getJson, HttpFailure } from './http';

type Cached<T> = { at: string; data: T };

export type CachedResource<T> = {
  data: T | undefined;
  /** When the shown data was fetched; null while it is fresh from the server. */
  staleSince: string | null;
  loading: boolean;
  error: HttpFailure | null;
  reload: () => void;
};

/**
 * A GET that the phone keeps a copy of: the copy shows at once (and offline), the server's answer
 * replaces it when it comes. `key` names the copy in IndexedDB; null `path` fetches nothing.
 */
export function useCached<T>(key: string, path: string | null, version = 0): CachedResource<T> {
  const [state, setState] = useState<{ data: T | undefined; staleSince: string | null; loading: boolean; error: HttpFailure | null }>({ data: undefined, staleSince: null, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const copy = await kvGet<Cached<T>>(`cache:${key}`).catch(() => undefined);
      if (cancelled) return;
      if (copy) setState((s) => (s.data === undefined ? { ...s, data: copy.data, staleSince: copy.at } : s));
      if (!path) {
        setState((s) => ({ ...s, loading: false }));
        return;
      }
      try {
        const data = await getJson<T>(path);
        if (cancelled) return;
        setState({ data, staleSince: null, loading: false, error: null });
        await kvSet(`cache:${key}`, { at: new Date().toISOString(), data } satisfies Cached<T>);
      } catch (error) {
        if (cancelled) return;
        setState((s) => ({ ...s, loading: false, error: error instanceof HttpFailure ? error : null, staleSince: s.staleSince ?? copy?.at ?? null }));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [key, path, version, tick]);

  return { ...state, reload };
}

/** Fetches and keeps a copy now (after signing in: what the forms need offline). Failures are ignored. */
export async function prefetch(key: string, path: string): Promise<void> {
  try {
    const data = await getJson<unknown>(path);
    await kvSet(`cache:${key}`, { at: new Date().toISOString(), data } satisfies Cached<unknown>);
  } catch {
    // The screens fetch it again when they open.
  }
}
