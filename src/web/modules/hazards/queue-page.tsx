import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, DatePicker, Empty, Flex, Input, Pagination, Select, Spin, Switch, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BarChartOutlined, EnvironmentOutlined, FilterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { HazardCounts, HazardLevel, HazardSource, HazardState, HazardSummary, Paged } from '../../../contracts';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATES, LIMITS } from '../../../contracts';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDate, formatDateTime, shanghaiDayBoundary } from '../../app/i18n/format';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { UnitSelect } from '../org/unit-select';
import { HAZARDS_CHANGED, hazardsApi } from './api';
import { HazardTags, OverdueTag, useCategoryName } from './labels';
import { Thumb } from './thumb';
import { useCategories } from './use-categories';
import './hazards.css';

type Tab = HazardState | 'open' | 'all';
const TABS: Tab[] = ['open', 'reported', 'verified', 'awaiting_approval', 'graded', 'rectifying', 'accepting', 'closed', 'rejected', 'merged', 'all'];
const isTab = (v: string | null): v is Tab => !!v && (TABS as string[]).includes(v);

type Filters = {
  unitId?: string;
  categoryCode?: string;
  level?: HazardLevel;
  source?: HazardSource;
  range: [Dayjs | null, Dayjs | null] | null;
  q: string;
  overdue: boolean;
  assignedToMe: boolean;
};
const EMPTY: Filters = { range: null, q: '', overdue: false, assignedToMe: false };

const countOf = (counts: HazardCounts | null, tab: Tab) => {
  if (!counts) return null;
  if (tab === 'open') return counts.open;
  if (tab === 'all') return HAZARD_STATES.reduce((n, s) => n + counts.byState[s], 0);
  return counts.byState[tab];
};

/** 隐患审核: the review queue by state, overdue first, with the filters a station needs. */
export default function QueuePage() {
  const { t, errorText } = useI18n();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const categories = useCategories();
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('state')) ? (params.get('state') as Tab) : 'open';
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [paging, setPaging] = useState({ key: '', page: 1, pageSize: 20 });
  const pagingKey = `${tab}|${JSON.stringify(filters)}`;
  const page = paging.key === pagingKey ? paging.page : 1;
  const [data, setData] = useState<Paged<HazardSummary> | null>(null);
  const [counts, setCounts] = useState<HazardCounts | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [showFilters, setShowFilters] = useState(false);

  const load = useCallback(
    async (signal: AbortSignal) => {
      setLoading(true);
      const [from, to] = filters.range ?? [null, null];
      try {
        const [list, c] = await Promise.all([
          hazardsApi.list(
            {
              state: tab,
              unitId: filters.unitId,
              categoryCode: filters.categoryCode,
              level: filters.level,
              source: filters.source,
              overdue: filters.overdue || undefined,
              assignedToMe: filters.assignedToMe || undefined,
              q: filters.q.trim() || undefined,
              from: from ? shanghaiDayBoundary(from.format('YYYY-MM-DD'), 'start') : undefined,
              to: to ? shanghaiDayBoundary(to.format('YYYY-MM-DD'), 'end') : undefined,
              page,
              pageSize: paging.pageSize,
            },
            signal,
          ),
          hazardsApi.counts(filters.unitId, signal),
        ]);
        setData(list);
        setCounts(c);
        setError(null);
      } catch (caught) {
        if (!signal.aborted) setError(errorText(caught));
      } finally {
        if (!signal.aborted) setLoading(false);
      }
    },
    [tab, filters, page, paging.pageSize, errorText],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, tick]);

  // New reports arrive while the queue is open: refresh with the menu badge's poll and after changes.
  useEffect(() => {
    const refresh = () => setTick((n) => n + 1);
    const timer = window.setInterval(refresh, 60_000);
    window.addEventListener(HAZARDS_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(HAZARDS_CHANGED, refresh);
    };
  }, []);

  const apply = () => setFilters({ ...draft });
  const open = (h: HazardSummary) => void navigate(`/hazards/${h.id}`);

  const columns: TableColumnsType<HazardSummary> = [
    { title: t('hz.queue.photo'), key: 'photo', width: 80, render: (_, h) => <Thumb url={h.thumbUrl} alt={t('hz.queue.photo')} /> },
    {
      title: t('hz.queue.hazard'),
      key: 'hazard',
      render: (_, h) => (
        <div style={{ minWidth: 220, maxWidth: 380 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.code} · {categoryName(h.category)}
          </Typography.Text>
          <div className="hz-clamp">{h.description}</div>
        </div>
      ),
    },
    {
      title: t('hz.queue.place'),
      key: 'unit',
      render: (_, h) => (
        <div style={{ minWidth: 110 }}>
          {h.unit.name}
          {h.address ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: h.address }}>
              {h.address}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: t('common.status'), key: 'state', render: (_, h) => <HazardTags hazard={h} /> },
    {
      title: t('hz.queue.source'),
      key: 'source',
      render: (_, h) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t(`hz.source.${h.source}`)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {h.reporter.name}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('hz.queue.reportedAt'), dataIndex: 'reportedAt', render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span> },
    { title: t('hz.queue.deadline'), dataIndex: 'deadline', render: (d: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{d ? formatDate(d) : '—'}</span> },
  ];

  const tabs = TABS.map((key) => {
    const n = countOf(counts, key);
    return { key, label: n === null ? t(`hz.state.${key}`) : `${t(`hz.state.${key}`)} ${n}` };
  });

  const pagination = {
    current: page,
    pageSize: paging.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !isMobile,
    pageSizeOptions: [20, 50, 100],
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (nextPage: number, nextSize: number) => setPaging({ key: pagingKey, page: nextPage, pageSize: nextSize }),
  };

  return (
    <>
      <PageHeader
        title={t('hz.queue.title')}
        extra={
          <>
            <Button icon={<EnvironmentOutlined />} onClick={() => void navigate('/hazards/map')}>
              {t('nav.hazardMap')}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => void navigate('/hazards/stats')}>
              {t('nav.hazardStats')}
            </Button>
          </>
        }
      />
      <Card size="small">
        {isMobile ? (
          <Flex gap={8} style={{ marginBottom: 8 }}>
            <Input.Search
              value={draft.q}
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
              onSearch={apply}
              placeholder={t('hz.queue.searchPlaceholder')}
              maxLength={LIMITS.searchMax}
              allowClear
            />
            <Button icon={<FilterOutlined />} onClick={() => setShowFilters(!showFilters)} type={showFilters ? 'primary' : 'default'} aria-label={t('hz.queue.filters')}>
              {t('hz.queue.filters')}
            </Button>
          </Flex>
        ) : null}
        <Flex wrap gap={8} style={{ marginBottom: 4, display: isMobile && !showFilters ? 'none' : undefined }}>
          <UnitSelect value={draft.unitId} onChange={(unitId) => setDraft({ ...draft, unitId })} allowClear style={{ width: filterWidth(isMobile, 200) }} />
          <Select<string>
            value={draft.categoryCode}
            onChange={(categoryCode) => setDraft({ ...draft, categoryCode })}
            allowClear
            placeholder={t('hz.queue.category')}
            options={categories.map((c) => ({ value: c.code, label: categoryName(c) }))}
            style={{ width: filterWidth(isMobile, 140) }}
          />
          <Select<HazardLevel>
            value={draft.level}
            onChange={(level) => setDraft({ ...draft, level })}
            allowClear
            placeholder={t('hz.queue.level')}
            options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`hz.level.${l}`) }))}
            style={{ width: filterWidth(isMobile, 120) }}
          />
          <Select<HazardSource>
            value={draft.source}
            onChange={(source) => setDraft({ ...draft, source })}
            allowClear
            placeholder={t('hz.queue.source')}
            options={HAZARD_SOURCES.map((s) => ({ value: s, label: t(`hz.source.${s}`) }))}
            style={{ width: filterWidth(isMobile, 130) }}
          />
          <DatePicker.RangePicker
            value={draft.range}
            onChange={(range) => setDraft({ ...draft, range })}
            allowEmpty={[true, true]}
            aria-label={t('hz.queue.range')}
            placeholder={[t('hz.queue.range'), '']}
            style={{ width: filterWidth(isMobile, 240) }}
          />
          {isMobile ? null : (
            <Input
              value={draft.q}
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
              onPressEnter={apply}
              placeholder={t('hz.queue.searchPlaceholder')}
              maxLength={LIMITS.searchMax}
              allowClear
              style={{ width: 200 }}
            />
          )}
          <Flex align="center" gap={6}>
            <Switch size="small" checked={draft.overdue} onChange={(overdue) => setDraft({ ...draft, overdue })} id="hz-overdue" />
            <label htmlFor="hz-overdue">{t('hz.queue.overdueOnly')}</label>
          </Flex>
          {can('hazards.report') ? (
            <Flex align="center" gap={6}>
              <Switch size="small" checked={draft.assignedToMe} onChange={(assignedToMe) => setDraft({ ...draft, assignedToMe })} id="hz-mine" />
              <label htmlFor="hz-mine">{t('hz.queue.assignedToMe')}</label>
            </Flex>
          ) : null}
          <Button type="primary" onClick={apply}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
        <Tabs
          activeKey={tab}
          items={tabs}
          onChange={(key) => setParams(key === 'open' ? {} : { state: key }, { replace: true })}
          size="small"
        />
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <Spin spinning={loading}>
            <Flex vertical gap={8}>
              {(data?.items ?? []).map((h) => (
                <MobileRow key={h.id} hazard={h} onOpen={open} />
              ))}
              {data && data.items.length === 0 ? <Empty description={t('hz.queue.empty')} /> : null}
              {data && data.total > paging.pageSize ? <Pagination simple {...pagination} style={{ alignSelf: 'center' }} /> : null}
            </Flex>
          </Spin>
        ) : (
          <Table<HazardSummary>
            rowKey="id"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('hz.queue.empty')} /> }}
            rowClassName={(h) => (h.overdue ? 'hz-row-overdue' : '')}
            onRow={(h) => ({ onClick: () => open(h), style: { cursor: 'pointer' } })}
            pagination={pagination}
          />
        )}
      </Card>
    </>
  );
}

/** A queue entry as a card on a phone: the photo, the tags, the description, where and when. */
function MobileRow({ hazard: h, onOpen }: { hazard: HazardSummary; onOpen: (h: HazardSummary) => void }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  return (
    <Card size="small" className={`hz-card${h.overdue ? ' hz-card-overdue' : ''}`} onClick={() => onOpen(h)} styles={{ body: { padding: 10 } }}>
      <Flex gap={10}>
        <Thumb url={h.thumbUrl} alt={t('hz.queue.photo')} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex justify="space-between" gap={6} wrap>
            <Typography.Text strong>{categoryName(h.category)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.reportedAt)}
            </Typography.Text>
          </Flex>
          <div className="hz-clamp" style={{ margin: '2px 0 6px' }}>
            {h.description}
          </div>
          <HazardTags hazard={{ ...h, overdue: false }} />
          {h.overdue ? (
            <div style={{ marginTop: 4 }}>
              <OverdueTag hazard={h} />
            </div>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
            {h.unit.name} · {t(`hz.source.${h.source}`)} · {h.reporter.name}
          </Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}
