import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { PATROL_LIMITS, type PatrolSummary } from '../../../contracts/patrols';
import type { Paged } from '../../../contracts';
import { LIMITS } from '../../../contracts/limits';
import { useI18n } from '../i18n';
import { myGridId, useMe } from '../session';
import { useCached } from '../lib/cached';
import { locate, usePosition } from '../lib/geo';
import { formatShort } from '../lib/format';
import { useOutbox } from '../outbox/use-outbox';
import { adoptPatrol, buildCheckin, checkIn, endPatrol, startPatrol, useActivePatrol, type ActivePatrol } from '../patrol/active';
import { Chips, Empty, Field, Sheet, SyncTag, useToast } from '../components/ui';
import { LocationField } from '../components/location-field';
import { useBoundary } from './home';
import type { PatrolIssueState } from './report';

export function PatrolPage() {
  const patrol = useActivePatrol();
  return patrol ? <ActivePatrolView key={patrol.id} patrol={patrol} /> : <StartPatrol />;
}

function StartPatrol() {
  const { t } = useI18n();
  const me = useMe();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  // A patrol the server still has open (this phone's copy was lost): continue it rather than start another.
  const open = useCached<Paged<PatrolSummary>>(`patrols:${me.id}`, '/patrols?mine=true&active=true&pageSize=1');
  const serverOpen = open.data?.items[0];

  async function start() {
    setBusy(true);
    try {
      const fix = await locate(10_000);
      await startPatrol(me.id, fix);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="m-page">
      <h1 className="m-h1">{t('patrol.title')}</h1>
      <Empty>{t('patrol.none')}</Empty>
      <button type="button" className="m-btn m-btn-primary m-btn-block m-btn-large" onClick={() => void start()} disabled={busy}>
        {busy ? t('report.locating') : t('patrol.start')}
      </button>
      {serverOpen && !open.staleSince && (
        <button
          type="button"
          className="m-btn m-btn-block"
          onClick={() => {
            void adoptPatrol(me.id, serverOpen.id, serverOpen.startedAt).then(() => toast.show(t('patrol.resumed')));
          }}
        >
          {t('home.continuePatrol')} · {formatShort(serverOpen.startedAt)}
        </button>
      )}
    </div>
  );
}

function ActivePatrolView({ patrol }: { patrol: ActivePatrol }) {
  const { t } = useI18n();
  const me = useMe();
  const toast = useToast();
  const navigate = useNavigate();
  const { items } = useOutbox();
  const boundary = useBoundary(myGridId(me));
  const { position, relocate, setManual } = usePosition();
  const [place, setPlace] = useState('');
  const [finding, setFinding] = useState<'normal' | 'issue'>('normal');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [summary, setSummary] = useState('');
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const minutes = Math.max(0, Math.round((now - Date.parse(patrol.startedAt)) / 60_000));
  const stateOf = (id: string) => items.find((i) => i.id === id)?.state ?? 'synced';

  async function save() {
    if (!position.fix) {
      setError(t('patrol.needLocation'));
      return;
    }
    setError(null);
    await checkIn(patrol, buildCheckin({ place, finding, note }, position.fix));
    setPlace('');
    setNote('');
    setFinding('normal');
    toast.show(t('patrol.checkedIn'));
    relocate();
  }

  function reportIssue() {
    const state: PatrolIssueState = { checkin: { place, finding: 'issue', note }, fix: position.fix };
    navigate('/report', { state });
  }

  return (
    <div className="m-page m-form">
      <h1 className="m-h1">{t('patrol.title')}</h1>
      <div className="m-card m-row m-between">
        <div>
          <div>{t('patrol.startedAt', { time: formatShort(patrol.startedAt) })}</div>
          <div className="m-muted">
            {t('patrol.minutes', { count: minutes })} · {t('patrol.checkins', { count: patrol.checkins.length })}
          </div>
        </div>
        <SyncTag state={stateOf(patrol.id)} />
      </div>

      <h2 className="m-h2">{t('patrol.checkin')}</h2>
      <Field label={t('report.location')} error={error}>
        <LocationField
          position={position}
          onTap={setManual}
          onRelocate={relocate}
          boundary={boundary.data ?? null}
        />
      </Field>
      <Field label={t('patrol.place')} htmlFor="m-place">
        <input id="m-place" className="m-input" maxLength={LIMITS.nameMax} placeholder={t('patrol.placePlaceholder')} value={place} onChange={(e) => setPlace(e.target.value)} />
      </Field>
      <Field label={t('patrol.finding')}>
        <Chips
          label={t('patrol.finding')}
          options={[
            { value: 'normal', label: t('patrol.normal') },
            { value: 'issue', label: t('patrol.issue') },
          ]}
          value={finding}
          onChange={setFinding}
        />
      </Field>
      <Field label={t('patrol.note')} htmlFor="m-note">
        <textarea id="m-note" className="m-input m-textarea" rows={2} maxLength={PATROL_LIMITS.noteMax} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      {finding === 'issue' && (
        <button type="button" className="m-btn m-btn-danger m-btn-block" onClick={reportIssue}>
          {t('patrol.reportIssue')}
        </button>
      )}
      <button type="button" className="m-btn m-btn-primary m-btn-block m-btn-large" onClick={() => void save()}>
        {t('patrol.saveCheckin')}
      </button>

      {patrol.checkins.length > 0 && (
        <section className="m-section">
          <h2 className="m-h2">{t('patrol.history')}</h2>
          {[...patrol.checkins].reverse().map((c) => (
            <div key={c.id} className="m-item">
              <div className="m-item-main">
                <div className="m-item-title">
                  {c.place || `${c.lat.toFixed(4)}, ${c.lng.toFixed(4)}`}
                  {c.finding === 'issue' && <span className="m-tag m-tag-red">{t('patrol.issue')}</span>}
                </div>
                {c.note && <div className="m-item-text">{c.note}</div>}
                <div className="m-item-meta">{formatShort(c.at)}</div>
              </div>
              <SyncTag state={stateOf(c.id)} />
            </div>
          ))}
        </section>
      )}

      <button type="button" className="m-btn m-btn-block m-end" onClick={() => setEnding(true)}>
        {t('patrol.end')}
      </button>
      <Sheet open={ending} title={t('patrol.endConfirm')} onClose={() => setEnding(false)}>
        <label className="m-label" htmlFor="m-summary">
          {t('patrol.summary')}
        </label>
        <textarea id="m-summary" className="m-input m-textarea" rows={2} maxLength={PATROL_LIMITS.noteMax} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <div className="m-row m-gap">
          <button type="button" className="m-btn" onClick={() => setEnding(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="m-btn m-btn-primary"
            onClick={() => {
              void endPatrol(patrol, summary).then(() => toast.show(t('patrol.ended')));
            }}
          >
            {t('patrol.end')}
          </button>
        </div>
      </Sheet>
    </div>
  );
}
