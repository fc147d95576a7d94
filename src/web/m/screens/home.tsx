import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { GeoJsonObject } from 'geojson';
import type { HazardSummary, Paged } from '../../../contracts';
import { useI18n } from '../i18n';
import { myGridId, useMe } from '../session';
import { useCached } from '../lib/cached';
import { locate, type Fix } from '../lib/geo';
import { formatShort } from '../lib/format';
import { useOutbox } from '../outbox/use-outbox';
import type { OutboxItem } from '../outbox/core';
import { useActivePatrol } from '../patrol/active';
import { LazyMap } from '../map/lazy-map';
import type { MapPoint } from '../map/grid-map';
import { Empty, StateTag, SyncTag } from '../components/ui';
import { Icon } from '../components/icons';
import { useCategories, useCategoryName } from './categories';

/** The grid's outline, if the server has one; the map works without it. */
export function useBoundary(gridId: string) {
  return useCached<GeoJsonObject>(`boundary:${gridId}`, `/grids/boundaries?unitId=${gridId}`);
}

export function HazardRow({ hazard }: { hazard: HazardSummary }) {
  const { t, locale } = useI18n();
  return (
    <Link to={`/hazards/${hazard.id}`} className="m-item">
      <div className="m-item-main">
        <div className="m-item-title">
          {locale === 'en' ? hazard.category.nameEn : hazard.category.nameZh}
          {hazard.level === 'major' || (!hazard.level && hazard.suggestedLevel === 'major') ? <span className="m-tag m-tag-red">{t('level.major')}</span> : null}
        </div>
        <div className="m-item-text">{hazard.description}</div>
        <div className="m-item-meta">
          {hazard.code} · {formatShort(hazard.reportedAt)}
          {hazard.deadline ? ` · ${t('home.deadline', { time: formatShort(hazard.deadline) })}` : ''}
          {hazard.overdue ? <span className="m-overdue"> {t('home.overdue')}</span> : null}
        </div>
      </div>
      <StateTag state={hazard.state} />
    </Link>
  );
}

function LocalReportRow({ item }: { item: OutboxItem }) {
  const categoryName = useCategoryName();
  if (item.payload.kind !== 'hazard') return null;
  const body = item.payload.body;
  return (
    <Link to="/outbox" className="m-item">
      <div className="m-item-main">
        <div className="m-item-title">{categoryName(body.categoryCode)}</div>
        <div className="m-item-text">{body.description}</div>
        <div className="m-item-meta">{formatShort(body.reportedAt)}</div>
      </div>
      <SyncTag state={item.state} />
    </Link>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const gridId = myGridId(me);
  const { items, syncedVersion } = useOutbox();
  const patrol = useActivePatrol();
  const boundary = useBoundary(gridId);
  const tasks = useCached<Paged<HazardSummary>>(`tasks:${me.id}`, '/hazards?assignedToMe=true&state=open&pageSize=20', syncedVersion);
  const mine = useCached<Paged<HazardSummary>>(`mine:${me.id}`, '/hazards?mine=true&state=all&pageSize=20', syncedVersion);
  const [fix, setFix] = useState<Fix | null>(null);
  // Fetched here so the report form has the catalog offline, even if it was never opened online.
  useCategories();

  useEffect(() => {
    let cancelled = false;
    void locate(10_000).then((f) => {
      if (!cancelled) setFix(f);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const serverIds = useMemo(() => new Set((mine.data?.items ?? []).map((h) => h.id)), [mine.data]);
  // Reports still on the phone (or synced since the list was fetched) come first.
  const local = items.filter((i) => i.ownerId === me.id && i.payload.kind === 'hazard' && !serverIds.has(i.id)).reverse();
  const points: MapPoint[] = [
    ...local.flatMap((i) => (i.payload.kind === 'hazard' ? [{ lat: i.payload.body.lat, lng: i.payload.body.lng, tone: 'pending' as const }] : [])),
    ...(mine.data?.items ?? []).filter((h) => h.state !== 'closed').map((h) => ({ lat: h.lat, lng: h.lng, tone: 'issue' as const })),
  ];

  return (
    <div className="m-page">
      <div className="m-hello">
        <div className="m-hello-name">{t('home.hello', { name: me.displayName })}</div>
        <div className="m-muted">{me.unit.name}</div>
      </div>
      <LazyMap boundary={boundary.data ?? null} me={fix} points={points} height={190} label={me.unit.name} failedText={t('home.mapUnavailable')} />

      <div className="m-big-actions">
        <Link to="/report" className="m-big m-big-report">
          <Icon name="alert" size={30} />
          <span>{t('home.report')}</span>
        </Link>
        <Link to="/patrol" className="m-big m-big-patrol">
          <Icon name="walk" size={30} />
          <span>{patrol ? t('home.continuePatrol') : t('home.startPatrol')}</span>
        </Link>
      </div>

      <section className="m-section">
        <h2 className="m-h2">
          {t('home.tasks')}
          {tasks.data && tasks.data.total > 0 ? <span className="m-count">{tasks.data.total}</span> : null}
        </h2>
        {tasks.staleSince && <div className="m-stale">{t('home.cached', { time: formatShort(tasks.staleSince) })}</div>}
        {tasks.data?.items.length ? tasks.data.items.map((h) => <HazardRow key={h.id} hazard={h} />) : !tasks.loading && <Empty>{t('home.noTasks')}</Empty>}
      </section>

      <section className="m-section">
        <h2 className="m-h2">{t('home.reports')}</h2>
        {mine.staleSince && <div className="m-stale">{t('home.cached', { time: formatShort(mine.staleSince) })}</div>}
        {local.map((item) => (
          <LocalReportRow key={item.id} item={item} />
        ))}
        {(mine.data?.items ?? []).map((h) => (
          <HazardRow key={h.id} hazard={h} />
        ))}
        {local.length === 0 && !mine.data?.items.length && !mine.loading && <Empty>{t('home.noReports')}</Empty>}
      </section>
    </div>
  );
}
