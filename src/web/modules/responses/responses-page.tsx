import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Flex, List, Progress, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ResponseList, ResponseSummary } from '../../../contracts';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useLiveEvents } from '../../app/live';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { responsesApi } from './api';
import { ExerciseMark, LevelTag, StatusTag, WarningTag } from './labels';

type Kind = 'real' | 'exercise';
type Status = 'running' | 'ended' | 'all';

const percent = (r: ResponseSummary) => (r.progress.total ? Math.round((r.progress.done * 100) / r.progress.total) : 100);

/** 应急响应: running responses first; real responses and exercises on separate tabs, each with its count. */
export default function ResponsesPage() {
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('real');
  const [status, setStatus] = useState<Status>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ResponseList | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setData(await responsesApi.list({ status, exercise: kind === 'exercise', page, pageSize: 20 }, signal));
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(errorText(e));
      }
    },
    [status, kind, page, errorText],
  );
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load]);
  useLiveEvents(['response.started', 'response.task', 'response.ended'], () => void load(), () => void load());

  const open = (id: string) => navigate(`/responses/${id}`);
  const title = (r: ResponseSummary) => (
    <>
      <ExerciseMark exercise={r.exercise} />
      {r.plan.name}
    </>
  );
  const columns: TableColumnsType<ResponseSummary> = [
    { title: t('responses.field.plan'), key: 'plan', render: (_, r) => <Typography.Link onClick={() => open(r.id)}>{title(r)}</Typography.Link> },
    { title: t('responses.field.unit'), key: 'unit', width: 110, render: (_, r) => r.unit.name },
    { title: t('responses.field.level'), key: 'level', width: 110, render: (_, r) => <LevelTag level={r.level} /> },
    { title: t('responses.field.warning'), key: 'warning', width: 150, render: (_, r) => <WarningTag type={r.warning.type} level={r.warning.level} /> },
    { title: t('responses.field.startedAt'), key: 'startedAt', width: 150, render: (_, r) => formatDateTime(r.startedAt) },
    {
      title: t('responses.field.progress'),
      key: 'progress',
      width: 220,
      render: (_, r) => (
        <Flex align="center" gap={8}>
          <Progress percent={percent(r)} size="small" style={{ width: 120, margin: 0 }} />
          {r.progress.overdue ? <Tag color="red">{t('responses.overdueCount', { n: r.progress.overdue })}</Tag> : null}
        </Flex>
      ),
    },
    { title: '', key: 'status', width: 90, render: (_, r) => <StatusTag status={r.status} /> },
  ];

  return (
    <>
      <PageHeader title={t('responses.title')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<Kind>
          data-testid="response-kind"
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[
            { value: 'real', label: `${t('responses.tab.real')} ${data?.counts.real ?? ''}` },
            { value: 'exercise', label: `${t('responses.tab.exercise')} ${data?.counts.exercise ?? ''}` },
          ]}
        />
        <Select<Status>
          value={status}
          style={{ width: filterWidth(isMobile, 140) }}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('responses.allStatuses') },
            { value: 'running', label: t('responses.status.running') },
            { value: 'ended', label: t('responses.status.ended') },
          ]}
        />
      </Flex>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {isMobile ? (
        <List<ResponseSummary>
          loading={!data && !error}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('responses.empty') }}
          pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage, size: 'small' } : false}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => open(r.id)} data-testid="response-card">
              <Typography.Text strong>{title(r)}</Typography.Text>
              <Flex gap={4} wrap style={{ margin: '6px 0' }}>
                <LevelTag level={r.level} />
                <WarningTag type={r.warning.type} level={r.warning.level} />
                <StatusTag status={r.status} />
              </Flex>
              <Progress percent={percent(r)} size="small" />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.unit.name} · {formatDateTime(r.startedAt)}
                {r.progress.overdue ? ` · ${t('responses.overdueCount', { n: r.progress.overdue })}` : ''}
              </Typography.Text>
            </Card>
          )}
        />
      ) : (
        <Table<ResponseSummary>
          rowKey="id"
          size="middle"
          loading={!data && !error}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('responses.empty') }}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        />
      )}
    </>
  );
}
