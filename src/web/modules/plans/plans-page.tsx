import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Checkbox, Flex, Input, List, Pagination, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PlanHazard, PlanKind, PlanStatus, PlanView } from '../../../contracts';
import { LIMITS, PLAN_HAZARDS, PLAN_KINDS, PLAN_STATUSES } from '../../../contracts';
import { useAuth, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { usePagedList } from '../../app/use-paged-list';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import { plansApi } from './api';
import { PlanStatusTag, RevisionDue } from './labels';
import { PlanFormModal } from './plan-form-modal';

type Filters = { unit: UnitOption | null; kind?: PlanKind; status?: PlanStatus; hazard?: PlanHazard; q: string; overdue: boolean };

/** 应急预案: the plans of the user's unit and the units below, by unit, kind, status, hazard and revision. */
export default function PlansPage() {
  const me = useMe();
  const { can } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({ unit: null, q: '', overdue: false });
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = usePagedList(filters, (f, paging, signal) =>
    plansApi.list({ unitId: f.unit?.id, kind: f.kind, status: f.status, hazard: f.hazard, q: f.q || undefined, revisionOverdue: f.overdue ? true : undefined, ...paging }, signal),
  );
  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const open = (id: string) => navigate(`/plans/${id}`);

  const hazardsText = (plan: PlanView) => plan.hazards.map((h) => t(`planHazard.${h}`)).join('、');
  const columns: TableColumnsType<PlanView> = [
    {
      title: t('plans.field.name'),
      dataIndex: 'name',
      render: (name: string, plan) => (
        <Typography.Link onClick={() => open(plan.id)} style={plan.status === 'retired' ? { textDecoration: 'line-through' } : undefined}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('plans.field.unit'), key: 'unit', render: (_, plan) => plan.unit.name },
    { title: t('plans.field.kind'), dataIndex: 'kind', render: (kind: PlanKind) => t(`planKind.${kind}`) },
    { title: t('plans.field.setting'), dataIndex: 'setting', render: (s: PlanView['setting']) => t(`planSetting.${s}`) },
    { title: t('plans.field.hazards'), key: 'hazards', render: (_, plan) => <span style={{ display: 'inline-block', maxWidth: 220 }}>{hazardsText(plan)}</span> },
    { title: t('plans.field.status'), dataIndex: 'status', render: (status: PlanStatus) => <PlanStatusTag status={status} /> },
    { title: t('plans.field.version'), dataIndex: 'version' },
    { title: t('plans.field.revisionDue'), key: 'revisionDue', render: (_, plan) => <RevisionDue plan={plan} /> },
    {
      title: t('plans.field.lastDrill'),
      key: 'lastDrill',
      render: (_, plan) => (plan.lastDrill ? formatDate(plan.lastDrill.heldOn) : <Typography.Text type="secondary">{t('plans.neverDrilled')}</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        extra={
          can('plans.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('plans.add')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <UnitSelect value={filters.unit?.id} initial={filters.unit} onChange={(_id, unit) => setFilter({ unit: unit ?? null })} allowClear placeholder={me.unit.name} style={{ width: filterWidth(isMobile, 200) }} />
          <Select<PlanKind>
            value={filters.kind}
            onChange={(kind) => setFilter({ kind })}
            allowClear
            placeholder={t('plans.allKinds')}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`planKind.${k}`) }))}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 130 }}
            aria-label={t('plans.field.kind')}
          />
          <Select<PlanStatus>
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            allowClear
            placeholder={t('plans.allStatuses')}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
            aria-label={t('plans.field.status')}
          />
          <Select<PlanHazard>
            value={filters.hazard}
            onChange={(hazard) => setFilter({ hazard })}
            allowClear
            placeholder={t('plans.allHazards')}
            options={PLAN_HAZARDS.map((h) => ({ value: h, label: t(`planHazard.${h}`) }))}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 130 }}
            aria-label={t('plans.field.hazards')}
          />
          <Input.Search
            allowClear
            placeholder={t('plans.searchPlaceholder')}
            value={q}
            maxLength={LIMITS.searchMax}
            onChange={(event) => {
              setQ(event.target.value);
              if (!event.target.value) setFilter({ q: '' });
            }}
            onSearch={(value) => setFilter({ q: value.trim() })}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 200 }}
          />
          <Checkbox checked={filters.overdue} onChange={(event) => setFilter({ overdue: event.target.checked })}>
            {t('plans.overdueOnly')}
          </Checkbox>
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <>
            <List<PlanView>
              loading={list.loading}
              dataSource={list.items}
              locale={{ emptyText: t('plans.empty') }}
              renderItem={(plan) => (
                <List.Item onClick={() => open(plan.id)} style={{ cursor: 'pointer', display: 'block' }}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <Typography.Text strong style={plan.status === 'retired' ? { textDecoration: 'line-through' } : undefined}>
                      {plan.name}
                    </Typography.Text>
                    <PlanStatusTag status={plan.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {plan.unit.name} · {t(`planKind.${plan.kind}`)} · {hazardsText(plan)}
                  </Typography.Text>
                  <div style={{ fontSize: 13, marginTop: 2 }}>
                    {t('plans.field.revisionDue')}
                    {t('common.colon')}
                    <RevisionDue plan={plan} />
                  </div>
                </List.Item>
              )}
            />
            <Pagination size="small" align="center" style={{ marginTop: 12 }} simple {...list.pagination} />
          </>
        ) : (
          <Table<PlanView>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={list.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('plans.empty') }}
            onRow={(plan) => ({ onClick: () => open(plan.id), style: { cursor: 'pointer' } })}
            pagination={list.tablePagination}
          />
        )}
      </Card>
      <PlanFormModal open={creating} plan={null} defaultUnit={filters.unit ?? me.unit} onClose={() => setCreating(false)} onSaved={(saved) => open(saved.id)} />
    </>
  );
}
