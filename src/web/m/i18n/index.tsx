import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../contracts';
import { en } from './en';
import { zh, type MessageKey, type Messages } from './zh';

export type { MessageKey } from './zh';

const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zh, en };
/** The same key as the desktop app: one choice of language per browser. */
const STORAGE_KEY = 'lastmeter.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** A server text pair ({zh, en}) in the current language. */
  pick: (text: { zh: string; en: string }) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

function apply(locale: Locale) {
  document.documentElement.lang = locale;
  document.title = DICTIONARIES[locale]['app.name'];
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const value = initialLocale();
    apply(value);
    return value;
  });
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    apply(next);
    setState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[locale];
    const t: Translate = (key, vars) => (vars ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : dict[key]);
    return { locale, setLocale, t, pick: (text) => (locale === 'en' ? text.en : text.zh) };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}
