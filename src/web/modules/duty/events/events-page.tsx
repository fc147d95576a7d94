import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { DUTY_EVENT_TYPES, type DutyEventSummary, type DutyEventType, type Paged } from '../../../../contracts';
import { useAuth } from '../../../app/auth';
import { PageHeader } from '../../../app/components/page-header';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useLiveEvents } from '../../../app/live';
import { useIsMobile } from '../../../app/use-is-mobile';
import { dutyApi } from './api';
import { IntakeModal } from './intake-modal';
import { Countdown, GradeTag, StatusTag } from './labels';
import { DeadlineSettingsControl } from './settings-control';

type Status = 'open' | 'closed' | 'merged' | 'all';
const STATUSES: Status[] = ['open', 'closed', 'merged', 'all'];

/** 接报与事件: the events of my desk and below, the next report each owes, and 接报. */
export default function EventsPage() {
  const { t, errorText } = useI18n();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : 'open';
  const [type, setType] = useState<DutyEventType | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Paged<DutyEventSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [intake, setIntake] = useState(params.get('intake') === '1');
  const [tick, setTick] = useState(0);

  const load = useCallback(
    async (signal: AbortSignal) => {
      setLoading(true);
      try {
        setData(await dutyApi.events({ status, type, q: q || undefined, page, pageSize: 20 }, signal));
        setError(null);
      } catch (e) {
        if (!signal.aborted) setError(errorText(e));
      } finally {
        if (!signal.aborted) setLoading(false);
      }
    },
    [status, type, q, page, errorText],
  );
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load, tick]);
  useLiveEvents(['duty.event', 'duty.report'], () => setTick((n) => n + 1), () => setTick((n) => n + 1));

  const columns: TableColumnsType<DutyEventSummary> = [
    { title: t('duty.events.received'), dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: '#', dataIndex: 'code', width: 150, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('duty.intake.type'), dataIndex: 'type', width: 120, render: (v: DutyEventType) => t(`duty.type.${v}`) },
    { title: t('duty.intake.grade'), dataIndex: 'grade', width: 90, render: (_: unknown, e) => <GradeTag grade={e.grade} /> },
    { title: t('duty.intake.address'), dataIndex: 'address', ellipsis: true, render: (_: unknown, e) => `${e.unit.name} · ${e.address}` },
    {
      title: t('duty.events.next'),
      width: 220,
      render: (_: unknown, e) =>
        e.status === 'open' || e.next ? (
          <Flex gap={4} wrap>
            <Countdown next={e.next} />
            {e.overdue > 1 ? <Tag color="red">{t('duty.events.overdueN', { n: e.overdue })}</Tag> : null}
          </Flex>
        ) : null,
    },
    { title: '', dataIndex: 'status', width: 90, render: (_: unknown, e) => <StatusTag status={e.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('duty.events.title')}
        extra={
          <>
            <DeadlineSettingsControl />
            {can('duty.write') ? (
              <Button type="primary" icon={<PhoneOutlined />} onClick={() => setIntake(true)} data-testid="intake-open">
                {t('duty.events.intake')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <Tabs
          activeKey={status}
          onChange={(k) => {
            setPage(1);
            setParams({ status: k });
          }}
          items={STATUSES.map((s) => ({ key: s, label: s === 'all' ? t('duty.reports.all') : t(`duty.status.${s}`) }))}
        />
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder={t('duty.intake.type')} style={{ width: 180 }} value={type} onChange={(v) => setType(v)} options={DUTY_EVENT_TYPES.map((x) => ({ value: x, label: t(`duty.type.${x}`) }))} />
          <Input.Search allowClear placeholder={t('duty.events.search')} style={{ width: 260 }} onSearch={(v) => { setPage(1); setQ(v.trim()); }} />
        </Flex>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <Flex vertical gap={8}>
            {(data?.items ?? []).map((e) => (
              <Card key={e.id} size="small" hoverable onClick={() => navigate(`/duty/events/${e.id}`)}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>{t(`duty.type.${e.type}`)}</Typography.Text>
                  <GradeTag grade={e.grade} />
                </Flex>
                <div>{e.unit.name} · {e.address}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.code} · {formatDateTime(e.receivedAt)}
                </Typography.Text>
                <div style={{ marginTop: 6 }}>{e.status === 'open' ? <Countdown next={e.next} /> : <StatusTag status={e.status} />}</div>
              </Card>
            ))}
            {data && !data.items.length ? <Typography.Text type="secondary">{t('duty.events.empty')}</Typography.Text> : null}
          </Flex>
        ) : (
          <Table<DutyEventSummary>
            rowKey="id"
            size="small"
            loading={loading}
            columns={columns}
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('duty.events.empty') }}
            onRow={(e) => ({ onClick: () => navigate(`/duty/events/${e.id}`), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          />
        )}
      </Card>
      <IntakeModal
        open={intake}
        onClose={() => setIntake(false)}
        onSaved={(ev) => {
          setIntake(false);
          navigate(`/duty/events/${ev.id}`);
        }}
      />
    </>
  );
}
