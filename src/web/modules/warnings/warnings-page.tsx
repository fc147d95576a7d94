import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, List, Pagination, Progress, Select, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { WarningSummary } from '../../../contracts';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useLiveEvents } from '../../app/live';
import { useIsMobile } from '../../app/use-is-mobile';
import { usePagedList } from '../../app/use-paged-list';
import { WARNING_EVENTS, warningsApi } from './api';
import { ExerciseMark, LevelTag, WarningStatusTag, watermarkStyle } from './labels';
import { WarningFormModal } from './warning-form-modal';

type Status = 'active' | 'all';
type Kind = 'real' | 'exercise' | undefined;

/** 预警管理: the warnings held in my scope or sent to me, active or all, real or exercise. */
export default function WarningsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status: Status = params.get('status') === 'all' ? 'all' : 'active';
  const [kind, setKind] = useState<Kind>();
  const [creating, setCreating] = useState(false);
  const [tick, setTick] = useState(0);
  const query = useMemo(() => ({ status, exercise: kind === undefined ? undefined : kind === 'exercise' }), [status, kind]);
  const list = usePagedList(query, (q, paging, signal) => warningsApi.list({ ...q, ...paging }, signal), tick);
  useLiveEvents(WARNING_EVENTS, () => setTick((n) => n + 1), () => setTick((n) => n + 1));
  const open = (id: string) => navigate(`/warnings/${id}`);
  const mark = watermarkStyle(t('warn.exerciseMark'));

  const answered = (w: WarningSummary) =>
    w.issues === 0 ? (
      <Typography.Text type="secondary">{t('warn.notIssued')}</Typography.Text>
    ) : (
      <Flex vertical style={{ minWidth: 120 }}>
        <Progress percent={w.recipients ? Math.round((w.answered / w.recipients) * 100) : 0} size="small" showInfo={false} status={w.answered >= w.recipients ? 'success' : 'active'} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('warn.answeredOf', { answered: w.answered, total: w.recipients })}
        </Typography.Text>
      </Flex>
    );

  const columns: TableColumnsType<WarningSummary> = [
    { title: t('warn.field.level'), dataIndex: 'level', width: 90, render: (_: unknown, w) => <LevelTag level={w.level} /> },
    { title: t('warn.field.type'), dataIndex: 'type', width: 90, render: (_: unknown, w) => t(`warnType.${w.type}`) },
    {
      title: t('warn.field.headline'),
      dataIndex: 'headline',
      render: (_: unknown, w) => (
        <span>
          <ExerciseMark exercise={w.exercise} />
          <Link to={`/warnings/${w.id}`} onClick={(e) => e.stopPropagation()}>
            {w.headline}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {w.areaDesc}
            </Typography.Text>
          </div>
        </span>
      ),
    },
    { title: t('warn.field.unit'), key: 'unit', width: 110, render: (_: unknown, w) => w.unit.name },
    {
      title: t('warn.field.period'),
      key: 'period',
      width: 170,
      render: (_: unknown, w) => (
        <span style={{ fontSize: 12 }}>
          {formatDateTime(w.effective)}
          <br />
          {formatDateTime(w.expires)}
        </span>
      ),
    },
    { title: t('warn.field.answered'), key: 'answered', width: 150, render: (_: unknown, w) => answered(w) },
    { title: t('warn.field.status'), dataIndex: 'status', width: 90, render: (_: unknown, w) => <WarningStatusTag status={w.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('warn.title')}
        extra={
          can('warnings.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('warn.add')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Tabs activeKey={status} onChange={(k) => setParams(k === 'all' ? { status: 'all' } : {})} items={[{ key: 'active', label: t('warn.active') }, { key: 'all', label: t('warn.all') }]} />
          <Select<Kind>
            allowClear
            value={kind}
            onChange={setKind}
            placeholder={t('warn.kindAll')}
            style={{ width: isMobile ? '100%' : 160 }}
            options={[
              { value: 'real', label: t('warn.realOnly') },
              { value: 'exercise', label: t('warn.exerciseOnly') },
            ]}
            aria-label={t('warn.exercise')}
          />
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <>
            <List<WarningSummary>
              loading={list.loading}
              dataSource={list.items}
              locale={{ emptyText: t('warn.empty') }}
              renderItem={(w) => (
                <List.Item onClick={() => open(w.id)} style={{ cursor: 'pointer', display: 'block', ...(w.exercise ? mark : {}) }} className={w.exercise ? 'warn-exercise-row' : undefined}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <Flex gap={6} wrap align="center">
                      <LevelTag level={w.level} />
                      <ExerciseMark exercise={w.exercise} />
                      <Typography.Text strong>{w.headline}</Typography.Text>
                    </Flex>
                    <WarningStatusTag status={w.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {w.unit.name} · {formatDateTime(w.effective)}
                  </Typography.Text>
                  <div style={{ marginTop: 4 }}>{answered(w)}</div>
                </List.Item>
              )}
            />
            <Pagination size="small" align="center" style={{ marginTop: 12 }} simple {...list.pagination} />
          </>
        ) : (
          <Table<WarningSummary>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={list.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('warn.empty') }}
            rowClassName={(w) => (w.exercise ? 'warn-exercise-row' : '')}
            onRow={(w) => ({ onClick: () => open(w.id), style: { cursor: 'pointer', ...(w.exercise ? mark : {}) }, 'data-testid': 'warning-row' }) as React.HTMLAttributes<HTMLElement>}
            pagination={list.tablePagination}
          />
        )}
      </Card>
      <WarningFormModal open={creating} onClose={() => setCreating(false)} onSaved={(w) => open(w.id)} />
    </>
  );
}
