import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <button type="button" className="m-lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} aria-label={locale === 'en' ? '切换到中文' : 'Switch to English'}>
      {locale === 'en' ? '中文' : 'EN'}
    </button>
  );
}
