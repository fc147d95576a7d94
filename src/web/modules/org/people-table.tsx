import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { PersonView } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { usePagedList } from '../../app/use-paged-list';
import { orgApi } from './api';
import { PersonFormModal } from './person-form-modal';
import type { UnitOption } from './unit-select';

type Props = {
  unitId?: string;
  subtree: boolean;
  /** Shows the add button; new people join `addUnit` (or the unit chosen in the form). */
  canAdd: boolean;
  addUnit?: UnitOption | null;
  /** More filters from the page, shown before the search box. */
  filters?: ReactNode;
  onChanged?: () => void;
};

type Status = 'active' | 'left' | 'all';

/** A paged, searchable list of people, used by the unit's 人员 tab and by the people page. */
export function PeopleTable({ unitId, subtree, canAdd, addUnit, filters, onChanged }: Props) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('active');
  // The page resets to 1 whenever a filter changes.
  const query = useMemo(() => ({ unitId, subtree, q: search || undefined, status }), [unitId, subtree, search, status]);
  const list = usePagedList(query, (filter, paging, signal) => orgApi.people({ ...filter, ...paging }, signal));
  const [editing, setEditing] = useState<{ person: PersonView | null } | null>(null);

  const columns: TableColumnsType<PersonView> = [
    {
      title: t('people.field.name'),
      dataIndex: 'name',
      fixed: isMobile ? undefined : 'start',
      render: (name: string, person) => (
        <span>
          {name}
          {person.status === 'left' ? <Tag style={{ marginInlineStart: 6 }}>{t('personStatus.left')}</Tag> : null}
        </span>
      ),
    },
    { title: t('people.field.phone'), dataIndex: 'phone' },
    { title: t('people.field.title'), dataIndex: 'title', render: (title: string | null) => title ?? '—' },
    ...(subtree ? [{ title: t('people.field.unit'), dataIndex: 'unitName' }] : []),
    {
      title: t('people.field.posts'),
      dataIndex: 'posts',
      render: (posts: PersonView['posts']) =>
        posts.length === 0 ? (
          '—'
        ) : (
          <Flex wrap gap={4}>
            {posts.map((post) => (
              <Tag key={post.id} color={post.employment === 'full_time' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                {post.title} · {t(`employment.${post.employment}`)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('people.field.gender'),
      dataIndex: 'gender',
      render: (gender: PersonView['gender']) => (gender ? t(`gender.${gender}`) : '—'),
    },
    {
      title: t('people.field.account'),
      dataIndex: 'accountId',
      render: (accountId: string | null) => (accountId ? <Tag color="green">{t('people.hasAccount')}</Tag> : <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>),
    },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (value: string) => formatDate(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: isMobile ? undefined : 'end',
      render: (_, person) =>
        person.can.update ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ person })}>
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
        {filters}
        <Input.Search
          allowClear
          placeholder={t('people.searchPlaceholder')}
          value={q}
          maxLength={LIMITS.searchMax}
          onChange={(event) => {
            setQ(event.target.value);
            if (!event.target.value) setSearch('');
          }}
          onSearch={(value) => setSearch(value.trim())}
          style={{ width: filterWidth(isMobile, 220) }}
        />
        <Select<Status>
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={[
            { value: 'active', label: t('personStatus.active') },
            { value: 'left', label: t('personStatus.left') },
            { value: 'all', label: t('common.all') },
          ]}
          aria-label={t('common.status')}
        />
        {canAdd ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })} style={{ marginInlineStart: 'auto' }}>
            {t('people.add')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
      <Table<PersonView>
        rowKey="id"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.items}
        scroll={{ x: 'max-content' }}
        pagination={list.tablePagination}
      />
      <PersonFormModal
        open={editing !== null}
        person={editing?.person ?? null}
        unit={addUnit ?? (unitId && !subtree ? { id: unitId, name: '', code: '' } : null)}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
          onChanged?.();
        }}
      />
    </>
  );
}
