import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Empty, Flex, Pagination, Spin, Switch, Tabs, Typography } from 'antd';
import type { DutyReport, Paged } from '../../../../contracts';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../app/components/page-header';
import { useI18n } from '../../../app/i18n';
import { useLiveEvents } from '../../../app/live';
import { dutyApi } from './api';
import { ReportCard } from './report-card';

type Box = 'inbox' | 'outbox' | 'all';

/** 信息报送: the county's and city's inbox of reports from below, the desk's own, and late ones. */
export default function ReportsPage() {
  const { t, errorText } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const reviewer = can('duty.review');
  const box: Box = (['inbox', 'outbox', 'all'] as string[]).includes(params.get('box') ?? '') ? (params.get('box') as Box) : reviewer ? 'inbox' : 'outbox';
  const [lateOnly, setLateOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Paged<DutyReport> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setData(await dutyApi.reports({ box, lateOnly: lateOnly || undefined, page, pageSize: 10 }, signal));
        setError(null);
      } catch (e) {
        if (!signal.aborted) setError(errorText(e));
      }
    },
    [box, lateOnly, page, errorText],
  );
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load, tick]);
  useLiveEvents(['duty.report'], () => setTick((n) => n + 1), () => setTick((n) => n + 1));

  const boxes: Box[] = reviewer ? ['inbox', 'outbox', 'all'] : ['outbox', 'all'];
  return (
    <>
      <PageHeader title={t('duty.reports.title')} />
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Tabs
            activeKey={box}
            onChange={(k) => {
              setPage(1);
              setParams({ box: k });
            }}
            items={boxes.map((b) => ({ key: b, label: t(`duty.reports.${b}`) }))}
          />
          <Flex gap={6} align="center">
            <Switch size="small" checked={lateOnly} onChange={(v) => { setPage(1); setLateOnly(v); }} />
            <Typography.Text>{t('duty.reports.lateOnly')}</Typography.Text>
          </Flex>
        </Flex>
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {!data ? (
          <Spin />
        ) : data.items.length ? (
          <Flex vertical gap={12}>
            {data.items.map((r) => (
              <ReportCard key={r.id} report={r} showEvent compact={box === 'all'} onChanged={() => setTick((n) => n + 1)} />
            ))}
            <Pagination current={page} pageSize={10} total={data.total} onChange={setPage} showSizeChanger={false} style={{ alignSelf: 'flex-end' }} />
          </Flex>
        ) : (
          <Empty description={t('duty.reports.empty')} />
        )}
      </Card>
    </>
  );
}
