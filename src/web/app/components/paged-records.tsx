import type { ReactNode } from 'react';
import { List, Pagination, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { usePagedList } from '../use-paged-list';

type Props<T> = {
  list: ReturnType<typeof usePagedList<unknown, T>>;
  /** Cards on a phone, a table elsewhere. */
  mobile: boolean;
  columns: TableColumnsType<T>;
  card: (item: T) => ReactNode;
  empty: string;
};

/** A paged list of records: a table on a desktop, cards with a simple pager on a phone. */
export function PagedRecords<T extends { id: string }>({ list, mobile, columns, card, empty }: Props<T>) {
  if (mobile) {
    return (
      <>
        <List<T>
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: empty }}
          renderItem={(item) => <List.Item style={{ display: 'block' }}>{card(item)}</List.Item>}
        />
        <Pagination size="small" align="center" style={{ marginTop: 12 }} simple {...list.pagination} />
      </>
    );
  }
  return (
    <Table<T>
      rowKey="id"
      size="small"
      loading={list.loading}
      columns={columns}
      dataSource={list.items}
      locale={{ emptyText: empty }}
      scroll={{ x: 'max-content' }}
      pagination={list.tablePagination}
    />
  );
}
