import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Flex, Input, List, Pagination, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CommsEquipmentDetail, CommsEquipmentView, CommsKind } from '../../../../contracts';
import { COMMS_KINDS, COMMS_UNIT_LEVELS, LIMITS } from '../../../../contracts';
import { useAuth, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useLiveEvents } from '../../../app/live';
import { formatDate, formatDateTime } from '../../../app/i18n/format';
import { PageHeader } from '../../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../../app/use-is-mobile';
import { usePagedList } from '../../../app/use-paged-list';
import { UnitSelect, type UnitOption } from '../../org/unit-select';
import { commsApi } from './api';
import { EquipmentDrawer } from './equipment-drawer';
import { EquipmentFormModal } from './equipment-form-modal';
import { TestResultTag } from './labels';

type Status = 'active' | 'retired' | 'all';
type Filters = { unit: UnitOption | null; kind?: CommsKind; q: string; overdue: boolean; status: Status };

/** When the next test is due, in red once it is overdue. */
function NextDue({ item }: { item: CommsEquipmentView }) {
  const { t } = useI18n();
  if (item.status !== 'active') return <Tag>{t('comms.status.retired')}</Tag>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={item.testOverdue ? 'danger' : undefined}>{formatDate(item.nextTestDue)}</Typography.Text>
      {item.testOverdue ? (
        <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {t('comms.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

function LastTest({ item }: { item: CommsEquipmentView }) {
  const { t } = useI18n();
  if (!item.lastTest) return <Typography.Text type="secondary">{t('comms.neverTested')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(item.lastTest.at)} <TestResultTag result={item.lastTest.result} />
    </span>
  );
}

/** How many items need attention in the chosen area: overdue tests and failed last tests. */
function useAttention(unitId: string | undefined, version: number) {
  const [counts, setCounts] = useState<{ overdue: number; failed: number } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      commsApi.list({ unitId, overdue: true, pageSize: 1 }, controller.signal),
      commsApi.list({ unitId, failed: true, pageSize: 1 }, controller.signal),
    ]).then(
      ([overdue, failed]) => setCounts({ overdue: overdue.total, failed: failed.total }),
      () => undefined,
    );
    return () => controller.abort();
  }, [unitId, version]);
  return counts;
}

/** 通讯设备: the station's satellite phones, video conference, broadcast and radios, with their connectivity tests. */
export default function CommsPage() {
  const me = useMe();
  const { can } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>({ unit: null, q: '', overdue: params.get('overdue') === '1', status: 'active' });
  const [q, setQ] = useState('');
  // Bumped by edits and tests: the list, the counts and the open item's drawer load again.
  const [version, setVersion] = useState(0);
  const list = usePagedList(
    filters,
    (f, paging, signal) => commsApi.list({ unitId: f.unit?.id, kind: f.kind, q: f.q || undefined, overdue: f.overdue ? true : undefined, status: f.status, ...paging }, signal),
    version,
  );
  const attention = useAttention(filters.unit?.id, version);
  // Live: a test recorded elsewhere or an item falling overdue (the sweep) reloads the list.
  const bump = () => setVersion((v) => v + 1);
  useLiveEvents(['duty.comms_tested', 'duty.comms_overdue'], bump, bump);
  const [editing, setEditing] = useState<{ item: CommsEquipmentDetail | null } | null>(null);
  // The open item lives in the address (?id=…), so the live console can link to it.
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

  const columns: TableColumnsType<CommsEquipmentView> = [
    { title: t('comms.field.kind'), dataIndex: 'kind', render: (kind: CommsKind) => <Tag style={{ marginInlineEnd: 0 }}>{t(`commsKind.${kind}`)}</Tag> },
    {
      title: t('comms.field.identifier'),
      dataIndex: 'identifier',
      render: (identifier: string, item) => (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            open(item.id);
          }}
          style={item.status === 'retired' ? { textDecoration: 'line-through' } : undefined}
        >
          {identifier}
        </Typography.Link>
      ),
    },
    { title: t('comms.field.model'), dataIndex: 'model' },
    { title: t('comms.field.unit'), key: 'unit', render: (_, item) => item.unit.name },
    { title: t('comms.field.place'), dataIndex: 'place', render: (place: string | null) => place ?? '—' },
    {
      title: t('comms.field.keeper'),
      key: 'keeper',
      render: (_, item) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {item.keeper.name} <Typography.Text type="secondary">{item.keeper.phone}</Typography.Text>
        </span>
      ),
    },
    { title: t('comms.field.interval'), dataIndex: 'testIntervalDays', render: (days: number) => t('comms.intervalDays', { days }) },
    { title: t('comms.field.lastTest'), key: 'lastTest', render: (_, item) => <LastTest item={item} /> },
    { title: t('comms.field.nextDue'), key: 'nextDue', render: (_, item) => <NextDue item={item} /> },
  ];

  const defaultUnit = filters.unit ?? ((COMMS_UNIT_LEVELS as readonly string[]).includes(me.unit.level) ? me.unit : null);

  return (
    <>
      <PageHeader
        title={t('comms.title')}
        extra={
          can('duty.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null })}>
              {t('comms.add')}
            </Button>
          ) : null
        }
      />
      {attention && (attention.overdue > 0 || attention.failed > 0) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('comms.attention', { overdue: attention.overdue, failed: attention.failed })}
          action={
            attention.overdue > 0 && !filters.overdue ? (
              <Button size="small" onClick={() => setFilter({ overdue: true })}>
                {t('comms.showOverdue')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <UnitSelect value={filters.unit?.id} initial={filters.unit} onChange={(_id, unit) => setFilter({ unit: unit ?? null })} allowClear placeholder={me.unit.name} style={{ width: filterWidth(isMobile, 220) }} />
          <Select<CommsKind>
            value={filters.kind}
            onChange={(kind) => setFilter({ kind })}
            allowClear
            placeholder={t('comms.allKinds')}
            options={COMMS_KINDS.map((kind) => ({ value: kind, label: t(`commsKind.${kind}`) }))}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 150 }}
            aria-label={t('comms.field.kind')}
          />
          <Select<Status>
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            options={[
              { value: 'active', label: t('comms.status.active') },
              { value: 'retired', label: t('comms.status.retired') },
              { value: 'all', label: t('common.all') },
            ]}
            style={{ width: isMobile ? 'calc(50% - 4px)' : 110 }}
            aria-label={t('common.status')}
          />
          <Input.Search
            allowClear
            placeholder={t('comms.searchPlaceholder')}
            value={q}
            maxLength={LIMITS.searchMax}
            onChange={(event) => {
              setQ(event.target.value);
              if (!event.target.value) setFilter({ q: '' });
            }}
            onSearch={(value) => setFilter({ q: value.trim() })}
            style={{ width: filterWidth(isMobile, 220) }}
          />
          <Checkbox checked={filters.overdue} onChange={(event) => setFilter({ overdue: event.target.checked })}>
            {t('comms.overdueOnly')}
          </Checkbox>
        </Flex>
        {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
        {isMobile ? (
          <>
            <List<CommsEquipmentView>
              loading={list.loading}
              dataSource={list.items}
              locale={{ emptyText: t('comms.empty') }}
              renderItem={(item) => (
                <List.Item onClick={() => open(item.id)} style={{ cursor: 'pointer', display: 'block' }}>
                  <Flex justify="space-between" align="start" gap={8}>
                    <Typography.Text strong style={item.status === 'retired' ? { textDecoration: 'line-through' } : undefined}>
                      {t(`commsKind.${item.kind}`)} · {item.identifier}
                    </Typography.Text>
                    {item.lastTest ? <TestResultTag result={item.lastTest.result} /> : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {item.model} · {item.unit.name} · {item.keeper.name}
                  </Typography.Text>
                  <div style={{ fontSize: 13, marginTop: 2 }}>
                    {t('comms.field.nextDue')}
                    {t('common.colon')}
                    <NextDue item={item} />
                  </div>
                </List.Item>
              )}
            />
            <Pagination size="small" align="center" style={{ marginTop: 12 }} simple {...list.pagination} />
          </>
        ) : (
          <Table<CommsEquipmentView>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={list.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('comms.empty') }}
            onRow={(item) => ({ onClick: () => open(item.id), style: { cursor: 'pointer' } })}
            pagination={list.tablePagination}
          />
        )}
      </Card>
      <EquipmentDrawer id={openId} version={version} onClose={() => open(null)} onEdit={(item) => setEditing({ item })} onChanged={() => setVersion((v) => v + 1)} />
      <EquipmentFormModal
        open={editing !== null}
        item={editing?.item ?? null}
        defaultUnit={defaultUnit}
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
