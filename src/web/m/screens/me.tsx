import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { useMe, useSession } from '../session';
import { persistStorage } from '../lib/db';
import { useOutbox } from '../outbox/use-outbox';
import { ConfirmSheet } from '../components/ui';

export function MePage() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const { items } = useOutbox();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const open = items.filter((i) => i.ownerId === me.id && i.state !== 'synced').length;

  useEffect(() => {
    void persistStorage().then(setPersisted);
  }, []);

  return (
    <div className="m-page">
      <h1 className="m-h1">{t('me.title')}</h1>
      <div className="m-card">
        <div className="m-hello-name">{me.displayName}</div>
        <div className="m-muted">{me.username}</div>
        <div>
          {t('me.unit')}
          {t('common.colon')}
          {me.unit.name}
        </div>
      </div>
      <div className="m-card">
        <div className="m-label">{t('me.language')}</div>
        <div className="m-chips">
          {(['zh-CN', 'en'] as const).map((l) => (
            <button key={l} type="button" className={locale === l ? 'm-chip m-chip-on' : 'm-chip'} onClick={() => setLocale(l)}>
              {l === 'en' ? 'English' : '中文'}
            </button>
          ))}
        </div>
      </div>
      <div className="m-card">
        <div className="m-label">{t('me.storage')}</div>
        <div className="m-muted">{persisted === null ? '…' : persisted ? t('me.persisted') : t('me.notPersisted')}</div>
        <div className="m-muted">{t('me.install')}</div>
      </div>
      <button type="button" className="m-btn m-btn-block m-btn-danger" onClick={() => (open > 0 ? setConfirming(true) : void logout())}>
        {t('me.logout')}
      </button>
      <ConfirmSheet open={confirming} title={t('me.logout')} text={t('me.logoutPending', { count: open })} danger onCancel={() => setConfirming(false)} onConfirm={() => void logout()} />
    </div>
  );
}
