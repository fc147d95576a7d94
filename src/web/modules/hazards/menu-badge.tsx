import { useEffect, useState } from 'react';
import { Badge } from 'antd';
import type { HazardCounts } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { HAZARDS_CHANGED, hazardsApi } from './api';

const POLL_MS = 60_000;

/** Open hazards that wait on a reviewer (rectifying ones wait on the responsible person). */
export const waitingForReview = (c: HazardCounts) => c.byState.reported + c.byState.verified + c.byState.awaiting_approval + c.byState.graded + c.byState.accepting;

/**
 * The count beside 隐患审核 in the menu, so a new report is never buried: live over server-sent
 * events, polled every minute as a fallback, and at once after a change made in this window. Red
 * when some are overdue.
 */
export function HazardMenuBadge() {
  const { t } = useI18n();
  const [counts, setCounts] = useState<HazardCounts | null>(null);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      hazardsApi.counts(undefined, controller.signal).then(setCounts, () => undefined);
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(HAZARDS_CHANGED, load);
    // Live: every hazard reported or moved in my scope, on any app node, arrives as a server-sent
    // event; the badge and any open queue refresh at once. The poll stays as a fallback.
    const live = typeof EventSource === 'undefined' ? null : new EventSource('/api/events');
    const onHazard = () => window.dispatchEvent(new Event(HAZARDS_CHANGED));
    live?.addEventListener('hazard', onHazard);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(HAZARDS_CHANGED, load);
      live?.removeEventListener('hazard', onHazard);
      live?.close();
      controller.abort();
    };
  }, []);

  if (!counts) return null;
  const n = waitingForReview(counts);
  return (
    <Badge
      count={n}
      size="small"
      overflowCount={99}
      title={t('hz.badgeTitle', { n, overdue: counts.overdue })}
      color={counts.overdue > 0 ? '#cf1322' : '#fa8c16'}
      style={{ boxShadow: 'none' }}
      data-testid="hazard-badge"
    />
  );
}
