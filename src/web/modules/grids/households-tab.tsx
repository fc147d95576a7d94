import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { HouseholdView, UnitDetail } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';
import { usePagedList } from '../../app/use-paged-list';
import { PagedRecords } from '../../app/components/paged-records';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { gridsApi } from './api';
import { HouseholdFormModal } from './household-form-modal';

type Status = 'active' | 'moved_out' | 'all';

/** A phone number a grid worker can tap to call. */
export function PhoneLink({ phone }: { phone: string | null }) {
  return phone ? (
    <a href={`tel:${phone}`} style={{ whiteSpace: 'nowrap' }}>
      {phone}
    </a>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

/** 户籍: the households of the chosen grid, or of every grid below the chosen unit. */
export function HouseholdsTab({ unit }: { unit: UnitDetail }) {
  const { can } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const query = useMemo(() => ({ unitId: unit.id, q: search || undefined, status }), [unit.id, search, status]);
  const list = usePagedList(query, (filter, paging, signal) => gridsApi.households({ ...filter, ...paging }, signal));
  const [editing, setEditing] = useState<{ household: HouseholdView | null } | null>(null);
  const manyGrids = unit.level !== 'grid';

  const statusTag = (h: HouseholdView) => (h.status === 'moved_out' ? <Tag style={{ marginInlineEnd: 0 }}>{t('householdStatus.moved_out')}</Tag> : null);
  const vulnerableTag = (h: HouseholdView) =>
    h.vulnerableCount > 0 ? (
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('grids.household.vulnerableCount', { n: h.vulnerableCount })}
      </Tag>
    ) : null;
  const edit = (h: HouseholdView) =>
    h.can.update ? (
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ household: h })}>
        {t('common.edit')}
      </Button>
    ) : null;

  const columns: TableColumnsType<HouseholdView> = [
    {
      title: t('grids.household.address'),
      dataIndex: 'address',
      render: (address: string, h) => (
        <Flex gap={6} wrap align="center">
          <span style={h.status === 'moved_out' ? { color: 'rgba(0,0,0,0.45)' } : undefined}>{address}</span>
          {statusTag(h)}
        </Flex>
      ),
    },
    { title: t('grids.household.head'), dataIndex: 'headName' },
    { title: t('common.phone'), dataIndex: 'phone', render: (phone: string | null) => <PhoneLink phone={phone} /> },
    { title: t('grids.household.members'), dataIndex: 'members', align: 'right', width: 80 },
    { title: t('grids.tab.vulnerable'), key: 'vulnerable', render: (_, h) => vulnerableTag(h) ?? '—' },
    ...(manyGrids ? [{ title: t('grids.field.grid'), key: 'grid', render: (_: unknown, h: HouseholdView) => h.unit.name }] : []),
    { title: t('common.notes'), dataIndex: 'notes', ellipsis: true, render: (notes: string | null) => notes ?? '—' },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (value: string) => formatDate(value) },
    { title: t('common.actions'), key: 'actions', fixed: 'end', render: (_, h) => edit(h) },
  ];

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
        <Input.Search
          allowClear
          placeholder={t('grids.household.search')}
          value={q}
          maxLength={LIMITS.searchMax}
          onChange={(event) => {
            setQ(event.target.value);
            if (!event.target.value) setSearch('');
          }}
          onSearch={(value) => setSearch(value.trim())}
          style={{ width: filterWidth(isMobile, 240) }}
        />
        <Select<Status>
          value={status}
          onChange={setStatus}
          style={{ width: 110 }}
          aria-label={t('common.status')}
          options={[
            { value: 'active', label: t('householdStatus.active') },
            { value: 'moved_out', label: t('householdStatus.moved_out') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        {can('grids.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ household: null })} style={{ marginInlineStart: 'auto' }}>
            {t('grids.household.add')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <PagedRecords<HouseholdView>
        list={list}
        mobile={isMobile}
        columns={columns}
        empty={t('grids.household.empty')}
        card={(h) => (
          <>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{h.address}</Typography.Text>
              {edit(h)}
            </Flex>
            <Flex wrap gap={8} align="center" style={{ fontSize: 13 }}>
              <span>
                {h.headName} · {t('grids.household.membersShort', { n: h.members })}
              </span>
              {h.phone ? <PhoneLink phone={h.phone} /> : null}
              {vulnerableTag(h)}
              {statusTag(h)}
            </Flex>
            {manyGrids || h.notes ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[manyGrids ? h.unit.name : null, h.notes].filter(Boolean).join(' · ')}
              </Typography.Text>
            ) : null}
          </>
        )}
      />
      <HouseholdFormModal
        open={editing !== null}
        household={editing?.household ?? null}
        scope={unit}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
