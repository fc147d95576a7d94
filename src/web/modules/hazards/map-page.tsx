import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, DatePicker, Flex, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { GridFeatureCollection, HazardState, HazardSummary, RiskMapPoint } from '../../../contracts';
import { HAZARD_STATES, LIMITS, RISK_LEVELS } from '../../../contracts';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime, shanghaiDayBoundary } from '../../app/i18n/format';
import { lazyMap } from '../../app/map/lazy-map';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { UnitSelect } from '../org/unit-select';
import { hazardsApi } from './api';
import { RISK_FILL, STATE_COLOURS, useCategoryName } from './labels';
import type { MapHazard, MapRisk } from './map-view';
import { useCategories } from './use-categories';

const LazyMap = lazyMap(() => import('./map-view'));

type StateFilter = HazardState | 'open' | 'all';
type Filters = { unitId?: string; state: StateFilter; categoryCode?: string; range: [Dayjs | null, Dayjs | null] | null };

/** At most this many hazards are drawn (the newest, overdue first); the page says when more matched. */
const MAX_PAGES = 5;

function Dot({ colour, diamond = false }: { colour: string; diamond?: boolean }) {
  return (
    <span
      aria-hidden
      style={{ display: 'inline-block', width: 10, height: 10, background: colour, borderRadius: diamond ? 1 : '50%', transform: diamond ? 'rotate(45deg)' : undefined, marginInlineEnd: 4 }}
    />
  );
}

/** 隐患地图: hazards by state, risk points by colour and grid boundaries, filtered by unit, state, category and time. */
export default function MapPage() {
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const categories = useCategories();
  const [filters, setFilters] = useState<Filters>({ state: 'open', range: null });
  const [hazards, setHazards] = useState<HazardSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [risks, setRisks] = useState<RiskMapPoint[]>([]);
  const [grids, setGrids] = useState<GridFeatureCollection | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const [from, to] = filters.range ?? [null, null];
    const query = {
      unitId: filters.unitId,
      state: filters.state,
      categoryCode: filters.categoryCode,
      from: from ? shanghaiDayBoundary(from.format('YYYY-MM-DD'), 'start') : undefined,
      to: to ? shanghaiDayBoundary(to.format('YYYY-MM-DD'), 'end') : undefined,
      pageSize: LIMITS.pageSizeMax,
    };
    const loadHazards = async () => {
      const first = await hazardsApi.list({ ...query, page: 1 }, controller.signal);
      const pages = Math.min(MAX_PAGES, Math.ceil(first.total / LIMITS.pageSizeMax));
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => hazardsApi.list({ ...query, page: i + 2 }, controller.signal)));
      return { items: [first, ...rest].flatMap((p) => p.items), total: first.total };
    };
    Promise.all([loadHazards(), hazardsApi.riskMap(filters.unitId, controller.signal), hazardsApi.boundaries(filters.unitId, controller.signal)]).then(
      ([h, r, g]) => {
        setHazards(h.items);
        setTotal(h.total);
        setRisks(r.items);
        setGrids(g);
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorText(e));
      },
    );
    return () => controller.abort();
  }, [filters, errorText]);

  const mapHazards = useMemo<MapHazard[]>(
    () =>
      hazards.map((h) => ({
        id: h.id,
        lat: h.lat,
        lng: h.lng,
        state: h.state,
        overdue: h.overdue,
        title: `${categoryName(h.category)} · ${t(`hz.state.${h.state}`)}${h.overdue ? ` · ${t('hz.overdue')}` : ''}`,
        lines: [h.code, h.description.length > 60 ? `${h.description.slice(0, 60)}…` : h.description, `${h.unit.name} · ${formatDateTime(h.reportedAt)}`],
      })),
    [hazards, categoryName, t],
  );
  const mapRisks = useMemo<MapRisk[]>(
    () => risks.map((r) => ({ id: r.id, lat: r.lat, lng: r.lng, level: r.level, name: r.name, lines: [t(`hz.map.riskLevel.${r.level}`)] })),
    [risks, t],
  );
  const texts = { label: t('hz.map.label'), noTiles: t('hz.map.noTiles'), open: t('hz.map.open'), hazards: t('hz.map.layerHazards'), risks: t('hz.map.layerRisks'), grids: t('hz.map.layerGrids') };
  const shownStates = HAZARD_STATES.filter((s) => hazards.some((h) => h.state === s));

  return (
    <>
      <PageHeader title={t('hz.map.title')} extra={<Button onClick={() => void navigate('/hazards')}>{t('nav.hazards')}</Button>} />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <UnitSelect value={filters.unitId} onChange={(unitId) => setFilters({ ...filters, unitId })} allowClear style={{ width: filterWidth(isMobile, 200) }} />
          <Select<StateFilter>
            value={filters.state}
            onChange={(state) => setFilters({ ...filters, state })}
            options={(['open', ...HAZARD_STATES, 'all'] as StateFilter[]).map((s) => ({ value: s, label: t(`hz.state.${s}`) }))}
            style={{ width: filterWidth(isMobile, 140) }}
            aria-label={t('common.status')}
          />
          <Select<string>
            value={filters.categoryCode}
            onChange={(categoryCode) => setFilters({ ...filters, categoryCode })}
            allowClear
            placeholder={t('hz.queue.category')}
            options={categories.map((c) => ({ value: c.code, label: categoryName(c) }))}
            style={{ width: filterWidth(isMobile, 140) }}
          />
          <DatePicker.RangePicker
            value={filters.range}
            onChange={(range) => setFilters({ ...filters, range })}
            allowEmpty={[true, true]}
            aria-label={t('hz.queue.range')}
            style={{ width: filterWidth(isMobile, 240) }}
          />
        </Flex>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {total > hazards.length ? <Alert type="warning" showIcon title={t('hz.map.truncated', { n: hazards.length })} style={{ marginBottom: 12 }} /> : null}
        <LazyMap
          hazards={mapHazards}
          risks={mapRisks}
          boundaries={grids}
          onOpen={(id) => void navigate(`/hazards/${id}`)}
          height={isMobile ? 420 : 'calc(100vh - 300px)'}
          texts={texts}
          failedText={t('hz.map.failed')}
        />
        <Flex wrap gap={12} style={{ marginTop: 10 }} align="center">
          <Typography.Text type="secondary">{t('hz.map.counts', { hazards: hazards.length, risks: risks.length, grids: grids?.features.length ?? 0 })}</Typography.Text>
          {shownStates.map((s) => (
            <span key={s} style={{ whiteSpace: 'nowrap' }}>
              <Dot colour={STATE_COLOURS[s].fill} />
              {t(`hz.state.${s}`)}
            </span>
          ))}
          {RISK_LEVELS.map((l) => (
            <span key={l} style={{ whiteSpace: 'nowrap' }}>
              <Dot colour={RISK_FILL[l]} diamond />
              {t(`hz.map.riskLevel.${l}`)}
            </span>
          ))}
        </Flex>
      </Card>
    </>
  );
}
