import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Input, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { UnitDetail, VulnerableCategory, VulnerableView } from '../../../contracts';
import { LIMITS, VULNERABLE_CATEGORIES } from '../../../contracts';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { usePagedList } from '../../app/use-paged-list';
import { PagedRecords } from '../../app/components/paged-records';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { gridsApi } from './api';
import { PhoneLink } from './households-tab';
import { CategoryTag } from './labels';
import { VulnerableFormModal } from './vulnerable-form-modal';

type Status = 'active' | 'removed' | 'all';
type Filters = { search: string; category?: VulnerableCategory; status: Status; unassigned: boolean };

/** Who looks after the person in an emergency, or a red 未落实 when nobody does yet. */
function Responsible({ person }: { person: VulnerableView }) {
  const { t } = useI18n();
  if (!person.responsible) return <Tag color="red">{t('grids.vulnerable.unassigned')}</Tag>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {person.responsible.name} <PhoneLink phone={person.responsible.phone} />
    </span>
  );
}

/** 重点人群: vulnerable people of the chosen grid (or of all grids below), with who looks after each. */
export function VulnerableTab({ unit }: { unit: UnitDetail }) {
  const { can } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Filters>({ search: '', status: 'active', unassigned: false });
  const query = useMemo(() => ({ unitId: unit.id, ...filters }), [unit.id, filters]);
  const list = usePagedList(query, ({ unitId, search, category, status, unassigned }, paging, signal) =>
    gridsApi.vulnerable({ unitId, q: search || undefined, category, status, unassigned: unassigned || undefined, ...paging }, signal),
  );
  const [editing, setEditing] = useState<{ person: VulnerableView | null } | null>(null);
  const manyGrids = unit.level !== 'grid';
  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const edit = (v: VulnerableView) =>
    v.can.update ? (
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ person: v })}>
        {t('common.edit')}
      </Button>
    ) : null;
  const removed = (v: VulnerableView) => (v.status === 'removed' ? <Tag style={{ marginInlineEnd: 0 }}>{t('vulnerableStatus.removed')}</Tag> : null);

  const columns: TableColumnsType<VulnerableView> = [
    {
      title: t('grids.vulnerable.name'),
      dataIndex: 'name',
      render: (name: string, v) => (
        <Flex gap={6} align="center">
          {name}
          {removed(v)}
        </Flex>
      ),
    },
    { title: t('grids.vulnerable.category'), dataIndex: 'category', render: (category: VulnerableCategory) => <CategoryTag category={category} /> },
    { title: t('common.phone'), dataIndex: 'phone', render: (phone: string | null) => <PhoneLink phone={phone} /> },
    { title: t('grids.vulnerable.household'), key: 'household', render: (_, v) => v.household?.address ?? '—' },
    { title: t('grids.vulnerable.responsible'), key: 'responsible', render: (_, v) => <Responsible person={v} /> },
    ...(manyGrids ? [{ title: t('grids.field.grid'), key: 'grid', render: (_: unknown, v: VulnerableView) => v.unit.name }] : []),
    { title: t('common.notes'), dataIndex: 'notes', ellipsis: true, render: (notes: string | null) => notes ?? '—' },
    { title: t('common.actions'), key: 'actions', fixed: 'end', render: (_, v) => edit(v) },
  ];

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
        <Input.Search
          allowClear
          placeholder={t('grids.vulnerable.search')}
          value={q}
          maxLength={LIMITS.searchMax}
          onChange={(event) => {
            setQ(event.target.value);
            if (!event.target.value) setFilter({ search: '' });
          }}
          onSearch={(value) => setFilter({ search: value.trim() })}
          style={{ width: filterWidth(isMobile, 220) }}
        />
        <Select<VulnerableCategory>
          value={filters.category}
          onChange={(category) => setFilter({ category })}
          allowClear
          placeholder={t('grids.vulnerable.allCategories')}
          options={VULNERABLE_CATEGORIES.map((c) => ({ value: c, label: t(`vulnerableCategory.${c}`) }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 130 }}
          aria-label={t('grids.vulnerable.category')}
        />
        <Select<Status>
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
          aria-label={t('common.status')}
          options={[
            { value: 'active', label: t('vulnerableStatus.active') },
            { value: 'removed', label: t('vulnerableStatus.removed') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Checkbox checked={filters.unassigned} onChange={(event) => setFilter({ unassigned: event.target.checked })}>
          {t('grids.vulnerable.onlyUnassigned')}
        </Checkbox>
        {can('grids.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })} style={{ marginInlineStart: 'auto' }}>
            {t('grids.vulnerable.add')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <PagedRecords<VulnerableView>
        list={list}
        mobile={isMobile}
        columns={columns}
        empty={t('grids.vulnerable.empty')}
        card={(v) => (
          <>
            <Flex justify="space-between" align="center" gap={8}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{v.name}</Typography.Text>
                <CategoryTag category={v.category} />
                {removed(v)}
              </Flex>
              {edit(v)}
            </Flex>
            <div style={{ fontSize: 13 }}>
              {t('grids.vulnerable.responsible')}
              {t('common.colon')}
              <Responsible person={v} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[v.household?.address, v.phone, manyGrids ? v.unit.name : null, v.notes].filter(Boolean).join(' · ')}
            </Typography.Text>
          </>
        )}
      />
      <VulnerableFormModal
        open={editing !== null}
        person={editing?.person ?? null}
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
