import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Flex, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Paged, UnitDetail, UnitSummary } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { orgApi } from './api';
import { AddChildButton, type UnitChanged } from './unit-actions';

type Status = 'active' | 'retired' | 'all';

/** 下级单位: the units directly below, with their own counts of units below. */
export function ChildrenTab({ detail, onChanged }: { detail: UnitDetail; onChanged: UnitChanged }) {
  const { t, errorText } = useI18n();
  const [status, setStatus] = useState<Status>('active');
  const [pageState, setPageState] = useState({ status, page: 1, pageSize: 20 });
  const page = pageState.status === status ? pageState.page : 1;
  const [data, setData] = useState<Paged<UnitSummary> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async (signal: AbortSignal) => {
      setLoading(true);
      try {
        setData(await orgApi.units({ parentId: detail.id, status, page, pageSize: pageState.pageSize }, signal));
        setError(null);
      } catch (caught) {
        if (!signal.aborted) setError(errorText(caught));
      } finally {
        if (!signal.aborted) setLoading(false);
      }
    },
    [detail.id, status, page, pageState.pageSize, errorText],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, version, detail.updatedAt, detail.counts.children]);

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
            setVersion((v) => v + 1);
            await onChanged(updated, parents);
          }}
        />
      </Flex>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<UnitSummary>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('org.noChildren') }}
        pagination={{
          current: page,
          pageSize: pageState.pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (nextPage, nextSize) => setPageState({ status, page: nextPage, pageSize: nextSize }),
        }}
      />
    </>
  );
}
