import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ERRORS, type ErrorCode, type Locale } from '../../../contracts';
import { ApiError } from '../api';
import { zh, type MessageKey, type Messages } from './zh';
import { en } from './en';

export type { MessageKey } from './zh';

const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'lastmeter.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** t() for keys built at run time (such as audit actions): the fallback when there is no such key. */
  tMaybe: (key: string, fallback: string) => string;
  /** The text of an error in the current language (API errors by their code). */
  errorText: (error: unknown) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return 'zh-CN';
}

function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = DICTIONARIES[locale]['app.title'];
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const value = initialLocale();
    applyDocumentLocale(value);
    return value;
  });

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    applyDocumentLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[locale];
    const t: Translate = (key, vars) => interpolate(dict[key], vars);
    const tMaybe = (key: string, fallback: string) => (key in dict ? dict[key as MessageKey] : fallback);
    const errorText = (error: unknown) => {
      if (error instanceof ApiError) {
        const known = error.code in ERRORS ? ERRORS[error.code as ErrorCode] : null;
        if (known) return locale === 'en' ? known.en : known.zh;
        return locale === 'en' ? error.en : error.zh;
      }
      return dict['error.unknown'];
    };
    return { locale, setLocale, t, tMaybe, errorText };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCN}
        button={{ autoInsertSpace: false }}
        theme={{ token: { colorPrimary: '#1f4e8c', borderRadius: 6 } }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}
