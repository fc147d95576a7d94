import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n';
import { fieldLabel } from '../i18n/fields';
import { useMe } from '../session';
import { formatShort } from '../lib/format';
import { useOutbox } from '../outbox/use-outbox';
import { outbox } from '../outbox/service';
import { blockerOf, countItems, type OutboxItem } from '../outbox/core';
import { forgetPatrol } from '../patrol/active';
import { ConfirmSheet, Empty, SyncTag } from '../components/ui';
import { useCategoryName } from './categories';

function describe(item: OutboxItem, categoryName: (code: string) => string, t: ReturnType<typeof useI18n>['t']): { title: string; text?: string; at: string } {
  const p = item.payload;
  switch (p.kind) {
    case 'hazard':
      return { title: `${t('outbox.kind.hazard')} · ${categoryName(p.body.categoryCode)}`, text: p.body.description, at: p.body.reportedAt };
    case 'hazard-action':
      return { title: p.body.action === 'submit' ? t('outbox.action.submit') : t('outbox.kind.hazard-action'), text: p.body.note, at: item.createdAt };
    case 'patrol-start':
      return { title: t('outbox.kind.patrol-start'), at: p.body.startedAt };
    case 'patrol-checkin':
      return { title: `${t('outbox.kind.patrol-checkin')}${p.body.place ? ` · ${p.body.place}` : ''}`, text: p.body.note, at: p.body.at };
    case 'patrol-end':
      return { title: t('outbox.kind.patrol-end'), text: p.body.summary, at: p.body.endedAt };
  }
}

/** Everything filed on this phone: pending, failed (why, retry, edit, discard) and recently synced. */
export function OutboxPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const snapshot = useOutbox();
  const categoryName = useCategoryName();
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);

  const mine = snapshot.items.filter((i) => i.ownerId === me.id);
  const others = snapshot.items.filter((i) => i.ownerId !== me.id && i.state !== 'synced').length;
  const counts = countItems(mine);
  // Newest first, but what still needs attention above what is done.
  const rank = (i: OutboxItem) => (i.state === 'failed' ? 0 : i.state === 'synced' ? 2 : 1);
  const ordered = [...mine].sort((a, b) => rank(a) - rank(b) || b.seq - a.seq);
  const alsoGone = discarding ? outbox.discardPreview(discarding.id).length - 1 : 0;

  return (
    <div className="m-page">
      <h1 className="m-h1">{t('outbox.title')}</h1>
      <div className="m-card">
        <div data-testid="outbox-counts">{t('outbox.counts', counts)}</div>
        {snapshot.lastSyncAt && <div className="m-muted">{t('outbox.lastSync', { time: formatShort(new Date(snapshot.lastSyncAt).toISOString()) })}</div>}
        <button type="button" className="m-btn m-btn-primary m-btn-block" onClick={() => void outbox.syncNow()} disabled={snapshot.syncing}>
          {snapshot.syncing ? t('outbox.syncing') : t('outbox.syncNow')}
        </button>
      </div>
      {others > 0 && <div className="m-banner">{t('outbox.otherUser', { count: others })}</div>}
      {ordered.length === 0 && <Empty>{t('outbox.empty')}</Empty>}
      {ordered.map((item) => {
        const d = describe(item, categoryName, t);
        const blocked = item.state === 'pending' && blockerOf(item, mine);
        return (
          <div key={item.id} className={`m-item m-item-col m-outbox-${item.state}`} data-testid="outbox-item" data-state={item.state}>
            <div className="m-row m-between">
              <div className="m-item-title">{d.title}</div>
              <SyncTag state={item.state} />
            </div>
            {d.text && <div className="m-item-text">{d.text}</div>}
            <div className="m-item-meta">
              {formatShort(d.at)}
              {item.photos.length ? ` · ${t('outbox.photos', { count: item.photos.length })}` : ''}
            </div>
            {item.state === 'failed' && item.error && <div className="m-error">{t('outbox.failedReason', { reason: pick(item.error) })}</div>}
            {item.state === 'failed' && item.error?.fields?.filter((f) => pick(f) !== pick(item.error!)).map((f) => (
              <div key={f.path} className="m-error">
                {fieldLabel(f.path, t)}
                {t('common.colon')}
                {pick(f)}
              </div>
            ))}
            {item.state === 'pending' && item.error && <div className="m-muted">{t('outbox.retrying', { reason: pick(item.error) })}</div>}
            {blocked && <div className="m-muted">{t('outbox.waiting')}</div>}
            {item.state === 'failed' && (
              <div className="m-row m-gap">
                <button type="button" className="m-btn m-btn-small" onClick={() => void outbox.retry(item.id)}>
                  {t('outbox.retry')}
                </button>
                {item.payload.kind === 'hazard' && (
                  <button type="button" className="m-btn m-btn-small" onClick={() => navigate(`/report?edit=${item.id}`)}>
                    {t('outbox.edit')}
                  </button>
                )}
                <button type="button" className="m-btn m-btn-small m-btn-danger" onClick={() => setDiscarding(item)}>
                  {t('outbox.discard')}
                </button>
              </div>
            )}
          </div>
        );
      })}
      <ConfirmSheet
        open={discarding !== null}
        title={t('outbox.discard')}
        text={`${t('outbox.discardConfirm')}${alsoGone > 0 ? ` ${t('outbox.discardPatrol', { count: alsoGone })}` : ''}`}
        danger
        confirmText={t('outbox.discard')}
        onCancel={() => setDiscarding(null)}
        onConfirm={() => {
          if (discarding) {
            void outbox.discard(discarding.id);
            if (discarding.payload.kind === 'patrol-start') void forgetPatrol(me.id, discarding.id);
          }
          setDiscarding(null);
        }}
      />
    </div>
  );
}
