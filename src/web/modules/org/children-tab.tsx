import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Flex, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UnitDetail, UnitSummary } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { usePagedList } from '../../app/use-paged-list';
import { orgApi } from './api';
import { AddChildButton, type UnitChanged } from './unit-actions';

type Status = 'active' | 'retired' | 'all';

/** 下级单位: the units directly below, with their own counts of units below. */
export function ChildrenTab({ detail, onChanged }: { detail: UnitDetail; onChanged: UnitChanged }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>('active');
  const query = useMemo(() => ({ parentId: detail.id, status }), [detail.id, status]);
  // A change to the unit (a child added, moved or retired) reloads the page it is on.
  const list = usePagedList(query, (filter, paging, signal) => orgApi.units({ ...filter, ...paging }, signal), `${detail.updatedAt}|${detail.counts.children}`);

  const columns: TableColumnsType<UnitSummary> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <Link to={`/org/units/${unit.id}`} className={unit.status === 'retired' ? 'unit-retired' : undefined}>
          {name}
        </Link>
      ),
    },
    { title: t('common.code'), dataIndex: 'code' },
    { title: t('org.field.kind'), dataIndex: 'kind', render: (kind: UnitSummary['kind']) => t(`kind.${kind}`) },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (value: UnitSummary['status']) => <Tag color={value === 'active' ? 'green' : 'default'}>{t(`unitStatus.${value}`)}</Tag>,
    },
    { title: t('org.tab.children'), dataIndex: 'childCount', align: 'end' },
  ];

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Select<Status>
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          aria-label={t('common.status')}
          options={[
            { value: 'active', label: t('unitStatus.active') },
            { value: 'retired', label: t('unitStatus.retired') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <AddChildButton
          detail={detail}
          onChanged={async (updated, parents) => {
            list.reload();
            await onChanged(updated, parents);
          }}
        />
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<UnitSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('org.noChildren') }}
        pagination={list.pagination}
      />
    </>
  );
}
