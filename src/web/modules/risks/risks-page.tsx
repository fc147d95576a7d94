import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Flex, Input, List, Pagination, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RiskLevel, RiskPointDetail, RiskPointView, RiskType } from '../../../contracts';
import { LIMITS, RISK_LEVELS, RISK_TYPES, RISK_UNIT_LEVELS } from '../../../contracts';
import { useAuth, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { usePagedList } from '../../app/use-paged-list';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import { risksApi } from './api';
import { RiskLevelTag } from './labels';
import { RiskDrawer } from './risk-drawer';
import { RiskFormModal } from './risk-form-modal';

type Status = 'active' | 'retired' | 'all';
type Filters = { unit: UnitOption | null; level?: RiskLevel; type?: RiskType; q: string; overdue: boolean; status: Status };

/** When the next check is due, in red once it is overdue. */
function NextDue({ point }: { point: RiskPointView }) {
  const { t } = useI18n();
  if (point.status !== 'active') return <Tag>{t('riskStatus.retired')}</Tag>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={point.checkOverdue ? 'danger' : undefined}>{formatDate(point.nextCheckDue)}</Typography.Text>
      {point.checkOverdue ? (
        <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {t('risks.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

/** 风险点: the registry of the places to watch in the user's area, by level, type and check status. */
export default function RisksPage() {
  const me = useMe();
  const { can } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>({ unit: null, q: '', overdue: false, status: 'active' });
  const [q, setQ] = useState('');
  // Bumped by edits and checks: the list and the open point's drawer load again.
  const [version, setVersion] = useState(0);
  const list = usePagedList(
    filters,
    (f, paging, signal) =>
      risksApi.list({ unitId: f.unit?.id, level: f.level, type: f.type, q: f.q || undefined, overdueCheck: f.overdue ? true : undefined, status: f.status, ...paging }, signal),
    version,
  );
  const [editing, setEditing] = useState<{ point: RiskPointDetail | null } | null>(null);
  // The open point lives in the address (?id=…), so the map page and links can open it directly.
  const openId = params.get('id') || null;
  const open = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('id', id);
        else next.delete('id');
        return next;
      },
      { replace: !id },
    );

  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<RiskPointView> = [
    { title: t('risks.field.level'), dataIndex: 'level', width: 110, render: (level: RiskLevel) => <RiskLevelTag level={level} /> },
    {
      title: t('risks.field.name'),
      dataIndex: 'name',
      render: (name: string, point) => (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            open(point.id);
          }}
          style={point.status === 'retired' ? { textDecoration: 'line-through' } : undefined}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('risks.field.type'), dataIndex: 'type', render: (type: RiskType) => t(`riskType.${type}`) },
    { title: t('risks.field.unit'), key: 'unit', render: (_, point) => point.unit.name },
    {
      title: t('risks.field.person'),
      key: 'person',
      render: (_, point) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {point.responsiblePerson.name} <Typography.Text type="secondary">{point.responsiblePerson.phone}</Typography.Text>
        </span>
      ),
    },
    { title: t('risks.field.cycle'), dataIndex: 'checkCycleDays', render: (days: number) => t('risks.cycleDays', { days }) },
    {
      title: t('risks.field.lastCheck'),
      key: 'lastCheck',
      render: (_, point) =>
        point.lastCheck ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatDate(point.lastCheck.at)}{' '}
            <Tag color={point.lastCheck.result === 'normal' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
              {t(`riskResult.${point.lastCheck.result}`)}
            </Tag>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('risks.neverChecked')}</Typography.Text>
        ),
    },
    { title: t('risks.field.nextDue'), key: 'nextDue', render: (_, point) => <NextDue point={point} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('risks.title')}
        extra={
          can('risks.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ point: null })}>
              {t('risks.add')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <UnitSelect
            value={filters.unit?.id}
            initial={filters.unit}
            onChange={(_id, unit) => setFilter({ unit: unit ?? null })}
            allowClear
            placeholder={me.unit.name}
            style={{ width: filterWidth(isMobile, 220) }}
          />
          <Select<RiskLevel>
            value={filters.level}
            onChange={(level) => setFilter({ level })}
            allowClear
            placeholder={t('risks.allLevels')}
            options={RISK_LEVELS.map((level) => ({ value: level, label: <RiskLevelTag level={level} /> }))}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 130 }}
            aria-label={t('risks.field.level')}
          />
          <Select<RiskType>
            value={filters.type}
            onChange={(type) => setFilter({ type })}
            allowClear
            placeholder={t('risks.allTypes')}
            options={RISK_TYPES.map((type) => ({ value: type, label: t(`riskType.${type}`) }))}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 150 }}
            aria-label={t('risks.field.type')}
          />
          <Input.Search
            allowClear
            placeholder={t('risks.searchPlaceholder')}
            value={q}
            maxLength={LIMITS.searchMax}
            onChange={(event) => {
              setQ(event.target.value);
              if (!event.target.value) setFilter({ q: '' });
            }}
            onSearch={(value) => setFilter({ q: value.trim() })}
            style={{ width: filterWidth(isMobile, 200) }}
          />
          <Select<Status>
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            options={[
              { value: 'active', label: t('riskStatus.active') },
              { value: 'retired', label: t('riskStatus.retired') },
              { value: 'all', label: t('common.all') },
            ]}
            style={{ width: 110 }}
            aria-label={t('common.status')}
          />
          <Checkbox checked={filters.overdue} onChange={(event) => setFilter({ overdue: event.target.checked })}>
            {t('risks.overdueOnly')}
          </Checkbox>
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <>
            <List<RiskPointView>
              loading={list.loading}
              dataSource={list.items}
              locale={{ emptyText: t('risks.empty') }}
              renderItem={(point) => (
                <List.Item onClick={() => open(point.id)} style={{ cursor: 'pointer', display: 'block' }}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <Typography.Text strong style={point.status === 'retired' ? { textDecoration: 'line-through' } : undefined}>
                      {point.name}
                    </Typography.Text>
                    <RiskLevelTag level={point.level} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t(`riskType.${point.type}`)} · {point.unit.name} · {point.responsiblePerson.name}
                  </Typography.Text>
                  <div style={{ fontSize: 13, marginTop: 2 }}>
                    {t('risks.field.nextDue')}
                    {t('common.colon')}
                    <NextDue point={point} />
                  </div>
                </List.Item>
              )}
            />
            <Pagination size="small" align="center" style={{ marginTop: 12 }} simple {...list.pagination} />
          </>
        ) : (
          <Table<RiskPointView>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={list.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('risks.empty') }}
            onRow={(point) => ({ onClick: () => open(point.id), style: { cursor: 'pointer' } })}
            pagination={list.tablePagination}
          />
        )}
      </Card>
      <RiskDrawer id={openId} version={version} onClose={() => open(null)} onEdit={(point) => setEditing({ point })} onChanged={() => setVersion((v) => v + 1)} />
      <RiskFormModal
        open={editing !== null}
        point={editing?.point ?? null}
        defaultUnit={filters.unit ?? ((RISK_UNIT_LEVELS as readonly string[]).includes(me.unit.level) ? me.unit : null)}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          setVersion((v) => v + 1);
          open(saved.id);
        }}
      />
    </>
  );
}
