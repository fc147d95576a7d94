import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { HazardStats } from '../../../contracts';
import { useMe } from '../../app/auth';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import { hazardsApi } from './api';
import { EChart, type ChartOption } from './echart';
import { useCategoryName } from './labels';

type Child = HazardStats['children'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const days = (d: number | null) => (d === null ? '—' : d.toFixed(1));

/** 隐患统计分析: a unit's figures over a span of months, by category, month and child unit, with an Excel export. */
export default function StatsPage() {
  const me = useMe();
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const categoryName = useCategoryName();
  const [unit, setUnit] = useState<UnitOption>({ id: me.unit.id, name: me.unit.name, code: me.unit.code, level: me.unit.level });
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(11, 'month').startOf('month'), dayjs().startOf('month')]);
  const [stats, setStats] = useState<HazardStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => ({ unitId: unit.id, from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') }), [unit.id, range]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    hazardsApi
      .stats(query, controller.signal)
      .then((s) => {
        setStats(s);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(errorText(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [query, errorText]);

  const found = t('hz.stats.found');
  const closed = t('hz.stats.closed');
  const categoryOption = useMemo<ChartOption | null>(() => {
    if (!stats) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [found, closed], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: stats.byCategory.map((c) => categoryName(c)), axisLabel: { interval: 0, rotate: isMobile ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: found, type: 'bar', data: stats.byCategory.map((c) => c.found), itemStyle: { color: '#fa8c16' } },
        { name: closed, type: 'bar', data: stats.byCategory.map((c) => c.closed), itemStyle: { color: '#52c41a' } },
      ],
    };
  }, [stats, found, closed, categoryName, isMobile]);
  const monthOption = useMemo<ChartOption | null>(() => {
    if (!stats) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [found, closed], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: stats.byMonth.map((m) => m.month), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: found, type: 'line', data: stats.byMonth.map((m) => m.found), itemStyle: { color: '#fa8c16' } },
        { name: closed, type: 'line', data: stats.byMonth.map((m) => m.closed), itemStyle: { color: '#52c41a' } },
      ],
    };
  }, [stats, found, closed]);

  const columns: TableColumnsType<Child> = [
    { title: t('common.unit'), key: 'unit', render: (_, c) => <a onClick={() => setUnit(c.unit)}>{c.unit.name}</a> },
    { title: found, dataIndex: 'found', align: 'right' },
    { title: closed, dataIndex: 'closed', align: 'right' },
    { title: t('hz.stats.overdue'), dataIndex: 'overdue', align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
    { title: t('hz.stats.closureRate'), dataIndex: 'closureRate', align: 'right', render: percent },
    { title: t('hz.stats.meanDays'), dataIndex: 'meanCloseDays', align: 'right', render: days },
  ];

  const s = stats?.totals;
  return (
    <>
      <PageHeader
        title={t('hz.stats.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={hazardsApi.statsExportUrl(query)} download>
            {t('hz.stats.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center">
          <UnitSelect
            value={unit.id}
            initial={unit}
            onChange={(_id, chosen) => chosen && setUnit(chosen)}
            style={{ width: filterWidth(isMobile, 220) }}
          />
          <DatePicker.RangePicker
            picker="month"
            value={range}
            allowClear={false}
            onChange={(next) => next && next[0] && next[1] && setRange([next[0], next[1]])}
            aria-label={t('hz.stats.period')}
            style={{ width: filterWidth(isMobile, 240) }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hz.stats.note')}
          </Typography.Text>
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Spin spinning={loading}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          {[
            { key: 'found', title: found, value: s ? String(s.found) : '—' },
            { key: 'closed', title: closed, value: s ? String(s.closed) : '—' },
            { key: 'overdue', title: t('hz.stats.overdue'), value: s ? String(s.overdue) : '—', danger: !!s && s.overdue > 0 },
            { key: 'rate', title: t('hz.stats.closureRate'), value: s ? percent(s.closureRate) : '—' },
            { key: 'days', title: t('hz.stats.meanDays'), value: s ? days(s.meanCloseDays) : '—', suffix: s?.meanCloseDays !== null ? t('hz.stats.days') : undefined },
          ].map((x) => (
            <Card key={x.key} size="small" data-testid={`stat-${x.key}`} style={{ flex: '1 1 150px' }}>
              <Statistic title={x.title} value={x.value} suffix={x.suffix} styles={{ content: x.danger ? { color: '#cf1322' } : undefined }} />
            </Card>
          ))}
        </Flex>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('hz.stats.byCategory')}>
              {categoryOption ? <EChart option={categoryOption} height={280} label={t('hz.stats.byCategory')} /> : <div style={{ height: 280 }} />}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('hz.stats.byMonth')}>
              {monthOption ? <EChart option={monthOption} height={280} label={t('hz.stats.byMonth')} /> : <div style={{ height: 280 }} />}
            </Card>
          </Col>
        </Row>
        <Card size="small" title={`${t('hz.stats.byChild')}${stats ? ` · ${stats.unit.name}` : ''}`}>
          <Table<Child>
            rowKey={(c) => c.unit.id}
            size="small"
            columns={columns}
            dataSource={stats?.children ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('hz.stats.noChildren') }}
          />
        </Card>
      </Spin>
    </>
  );
}
