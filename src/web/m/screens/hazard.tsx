import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { HAZARD_LIMITS, HazardAction, type HazardDetail } from '../../../contracts/hazards';
import { useI18n } from '../i18n';
import { useCached } from '../lib/cached';
import { formatShort } from '../lib/format';
import { uuid } from '../lib/ids';
import { outbox } from '../outbox/service';
import { useOutbox } from '../outbox/use-outbox';
import { Chips, Empty, Field, StateTag, SyncTag, useToast } from '../components/ui';
import { PhotoPicker, type FormPhoto } from '../components/photo-picker';
import { Icon } from '../components/icons';

/** A hazard I reported or must rectify: its facts, the rectification asked for, its history, and my progress. */
export function HazardPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { items, syncedVersion } = useOutbox();
  const detail = useCached<HazardDetail>(`hazard:${id}`, `/hazards/${id}`, syncedVersion);
  const h = detail.data;
  const local = items.filter((i) => i.payload.kind === 'hazard-action' && i.payload.hazardId === id && i.state !== 'synced');

  return (
    <div className="m-page">
      <Link to="/" className="m-back">
        <Icon name="back" size={18} /> {t('nav.back')}
      </Link>
      {!h && !detail.loading && <Empty>{t('task.notLoaded')}</Empty>}
      {h && (
        <>
          <div className="m-row m-between">
            <h1 className="m-h1">{locale === 'en' ? h.category.nameEn : h.category.nameZh}</h1>
            <StateTag state={h.state} />
          </div>
          {detail.staleSince && <div className="m-stale">{t('home.cached', { time: formatShort(detail.staleSince) })}</div>}
          <div className="m-card">
            <div className="m-item-meta">
              {h.code} · {formatShort(h.reportedAt)} · {h.unit.name}
            </div>
            <p>{h.description}</p>
            {h.photos.length > 0 && (
              <div className="m-photos">
                {h.photos.map((p) => (
                  <a key={p.id} href={p.url} className="m-photo" target="_blank" rel="noreferrer">
                    <img src={p.thumbUrl} alt="" loading="lazy" />
                  </a>
                ))}
              </div>
            )}
          </div>
          {h.assignment && (
            <div className="m-card">
              <h2 className="m-h2">{t('task.assignment')}</h2>
              <div>
                {t('task.deadline')}
                {t('common.colon')}
                {formatShort(h.assignment.deadline)}
                {h.overdue && <span className="m-overdue"> {t('home.overdue')}</span>}
              </div>
              <div>
                {t('task.measures')}
                {t('common.colon')}
                {h.assignment.measures}
              </div>
            </div>
          )}
          {(h.can.includes('progress') || h.can.includes('submit')) && <ProgressForm hazard={h} />}
          {local.length > 0 && (
            <div className="m-card">
              <div className="m-muted">{t('task.pendingLocal', { count: local.length })}</div>
              {local.map((i) => (
                <div key={i.id} className="m-row m-between">
                  <span>{i.payload.kind === 'hazard-action' ? i.payload.body.note : ''}</span>
                  <SyncTag state={i.state} />
                </div>
              ))}
            </div>
          )}
          <section className="m-section">
            <h2 className="m-h2">{t('task.timeline')}</h2>
            <ol className="m-timeline">
              {[...h.events].reverse().map((e) => (
                <li key={e.id}>
                  <div className="m-item-title">
                    {t(`event.${e.action}`)} · {e.actor.name}
                  </div>
                  <div className="m-item-meta">{formatShort(e.at)}</div>
                  {e.note && <div className="m-item-text">{e.note}</div>}
                  {e.photos.length > 0 && (
                    <div className="m-photos">
                      {e.photos.map((p) => (
                        <img key={p.id} className="m-photo" src={p.thumbUrl} alt="" loading="lazy" />
                      ))}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

/** 填报进度 or 提交验收, with photos: queued like reports, sent once (eventId). */
function ProgressForm({ hazard }: { hazard: HazardDetail }) {
  const { t } = useI18n();
  const toast = useToast();
  const actions = (['progress', 'submit'] as const).filter((a) => hazard.can.includes(a));
  const [action, setAction] = useState<'progress' | 'submit'>(actions[0]);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<FormPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = HazardAction.safeParse({ action, eventId: uuid(), note, photoIds: [] });
    if (!note.trim() || !parsed.success || (parsed.data.action !== 'progress' && parsed.data.action !== 'submit')) {
      setError(t('task.needNote'));
      return;
    }
    const body = { action: parsed.data.action, eventId: parsed.data.eventId ?? uuid(), note: parsed.data.note };
    await outbox.enqueue({ kind: 'hazard-action', hazardId: hazard.id, body }, photos.map((p) => p.blob));
    setNote('');
    setPhotos([]);
    setError(null);
    toast.show(t('task.saved'));
  }

  return (
    <form className="m-card m-form" onSubmit={submit} noValidate>
      {actions.length > 1 && (
        <Chips
          label={t('task.progress')}
          options={actions.map((a) => ({ value: a, label: a === 'submit' ? t('task.submit') : t('task.progress') }))}
          value={action}
          onChange={setAction}
        />
      )}
      <Field label={t('task.note')} error={error} htmlFor="m-task-note">
        <textarea id="m-task-note" className="m-input m-textarea" rows={3} maxLength={HAZARD_LIMITS.noteMax} placeholder={t('task.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <PhotoPicker photos={photos} onChange={setPhotos} inputId="m-task-photo" />
      <button type="submit" className="m-btn m-btn-primary m-btn-block">
        {action === 'submit' ? t('task.submit') : t('task.progress')}
      </button>
    </form>
  );
}
