import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../contracts';
import { kvDelete, kvGet, kvSet } from './lib/db';
import { call, HttpFailure, setUnauthorizedHandler } from './lib/http';
import { prefetch } from './lib/cached';
import { CATEGORIES } from './screens/categories';
import { outbox } from './outbox/service';

/**
 * Who is using the phone. The last signed-in user is kept in IndexedDB, so the app opens and files
 * work offline without a session; only syncing needs one. When the server says the session ended,
 * the work stays queued and the app asks to sign in again, then goes on syncing.
 */

const ME_KEY = 'me';
const USERNAME_KEY = 'lastmeter.m.username';

type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'ready'; me: Me; expired: boolean };

type Session = {
  state: SessionState;
  me: Me | null;
  /** The session ended on the server: show the sign-in sheet. */
  expired: boolean;
  rememberedUsername: string;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

/** The grid the worker looks after: the unit of their grid-worker role, else their own unit. */
export function myGridId(me: Me): string {
  return me.roles.find((r) => r.role === 'grid_worker')?.unitId ?? me.unit.id;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const cached = await kvGet<Me>(ME_KEY).catch(() => undefined);
      if (cancelled) return;
      if (cached) {
        setState({ status: 'ready', me: cached, expired: false });
        outbox.setOwner(cached.id);
      }
      const result = await call<Me>('GET', '/auth/me');
      if (cancelled) return;
      if (result.ok) {
        if (cached && cached.id !== result.value.id) outbox.setOwner(result.value.id);
        if (!cached) outbox.setOwner(result.value.id);
        await kvSet(ME_KEY, result.value);
        setState({ status: 'ready', me: result.value, expired: false });
      } else if (result.status === 401) {
        setState(cached ? { status: 'ready', me: cached, expired: true } : { status: 'signed-out' });
      } else if (!cached) {
        // Offline and never signed in on this phone: nothing to show but the sign-in page.
        setState({ status: 'signed-out' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      outbox.markAuthRequired();
      setState((current) => (current.status === 'ready' ? { ...current, expired: true } : current));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await call<Me>('POST', '/auth/login', { json: { username, password } });
    if (!result.ok) throw new HttpFailure(result.status, result.error);
    const me = result.value;
    localStorage.setItem(USERNAME_KEY, username);
    await kvSet(ME_KEY, me);
    // The report form must work on the next walk even if the network goes right after signing in.
    await Promise.race([prefetch(CATEGORIES.key, CATEGORIES.path), new Promise((resolve) => setTimeout(resolve, 5000))]);
    setState({ status: 'ready', me, expired: false });
    outbox.setOwner(me.id);
    return me;
  }, []);

  const logout = useCallback(async () => {
    await call('POST', '/auth/logout');
    await kvDelete(ME_KEY);
    outbox.setOwner(null);
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo<Session>(
    () => ({
      state,
      me: state.status === 'ready' ? state.me : null,
      expired: state.status === 'ready' && state.expired,
      rememberedUsername: localStorage.getItem(USERNAME_KEY) ?? '',
      login,
      logout,
    }),
    [state, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user, for screens that only render when there is one. */
export function useMe(): Me {
  const me = useSession().me;
  if (!me) throw new Error('no user');
  return me;
}
