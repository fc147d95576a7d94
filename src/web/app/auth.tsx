import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, Me, Permission } from '../../contracts';
import { Me as MeSchema } from '../../contracts';
import { api, ApiError, setUnauthorizedHandler } from './api';
import { useI18n } from './i18n';

/** Why the user is on the sign-in page: shown there as a notice. */
export type SignedOutReason = 'idle' | 'expired' | 'logout' | null;

type AuthState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous'; reason: SignedOutReason }
  | { status: 'signed-in'; me: Me };

type Auth = {
  state: AuthState;
  me: Me | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: (reason?: SignedOutReason) => Promise<void>;
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
  /** Saves the language on the account when signed in, and switches the interface. */
  changeLocale: (locale: Locale) => void;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const me = await api.get<Me>('/auth/me', { schema: MeSchema });
      setLocale(me.locale);
      setState({ status: 'signed-in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous', reason: null });
      else setState({ status: 'error', error });
    }
  }, [setLocale]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    setUnauthorizedHandler((code) => {
      setState((current) =>
        current.status === 'signed-in' ? { status: 'anonymous', reason: code === 'SESSION_EXPIRED' ? 'expired' : null } : current,
      );
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const me = await api.post<Me>('/auth/login', { username, password }, { schema: MeSchema });
      // The language chosen on the sign-in page wins over the one stored on the account.
      if (me.locale !== locale) {
        void api.put('/auth/locale', { locale }).catch(() => undefined);
        me.locale = locale;
      }
      setState({ status: 'signed-in', me });
      return me;
    },
    [locale],
  );

  const logout = useCallback(async (reason: SignedOutReason = 'logout') => {
    try {
      await api.post('/auth/logout');
    } catch {
      // Signed out locally either way; the server session expires on its own.
    }
    setState({ status: 'anonymous', reason });
  }, []);

  const refresh = useCallback(async () => {
    const me = await api.get<Me>('/auth/me', { schema: MeSchema });
    setState({ status: 'signed-in', me });
  }, []);

  const changeLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      if (state.status !== 'signed-in') return;
      void api.put('/auth/locale', { locale: next }).catch(() => undefined);
      setState({ status: 'signed-in', me: { ...state.me, locale: next } });
    },
    [state, setLocale],
  );

  const value = useMemo<Auth>(() => {
    const me = state.status === 'signed-in' ? state.me : null;
    return {
      state,
      me,
      login,
      logout,
      refresh,
      changeLocale,
      can: (permission) => me?.permissions.includes(permission) ?? false,
    };
  }, [state, login, logout, refresh, changeLocale]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for pages rendered behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe needs a signed-in user');
  return me;
}
