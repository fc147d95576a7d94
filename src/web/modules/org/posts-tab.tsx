import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { PostView, UnitDetail } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { ComplianceBadge } from '../../app/components/compliance-badge';
import { orgApi, type PostListResponse } from './api';
import { PostFormModal } from './post-form-modal';

/** 岗位与人员: the station's posts against the standard, and who holds each. */
export function PostsTab({ detail, onChanged }: { detail: UnitDetail; onChanged: () => Promise<void> }) {
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [data, setData] = useState<PostListResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ post: PostView | null } | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setData(await orgApi.posts(detail.id, signal));
        setError(null);
      } catch (caught) {
        if (!signal?.aborted) setError(errorText(caught));
      }
    },
    [detail.id, errorText],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const refresh = async () => {
    await load();
    await onChanged();
  };

  const remove = async (post: PostView) => {
    try {
      await orgApi.deletePost(post.id);
      message.success(t('common.deleted'));
      await refresh();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  const canAdd = detail.can.manageStaff && detail.status === 'active';

  const columns: TableColumnsType<PostView> = [
    { title: t('posts.field.title'), dataIndex: 'title', render: (title: string) => <Typography.Text strong>{title}</Typography.Text> },
    {
      title: t('posts.field.employment'),
      dataIndex: 'employment',
      render: (employment: PostView['employment']) => <Tag color={employment === 'full_time' ? 'blue' : 'default'}>{t(`employment.${employment}`)}</Tag>,
    },
    {
      title: t('posts.field.person'),
      key: 'person',
      render: (_, post) =>
        post.person ? (
          <span>
            {post.person.name}
            {post.person.phone ? <Typography.Text type="secondary"> {post.person.phone}</Typography.Text> : null}
          </span>
        ) : (
          <Tag color="warning">{t('posts.vacant')}</Tag>
        ),
    },
    {
      title: t('posts.field.duties'),
      dataIndex: 'duties',
      render: (duties: PostView['duties']) => (
        <Flex wrap gap={4}>
          {duties.map((duty) => (
            <Tag key={duty} style={{ marginInlineEnd: 0 }}>
              {t(`duty.${duty}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('posts.field.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: isMobile ? undefined : 'end',
      render: (_, post) => (
        <Space size={0}>
          {post.can.update ? (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ post })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {post.can.delete ? (
            <Popconfirm title={t('posts.deleteConfirm', { title: post.title })} okText={t('common.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove(post)}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  if (error) return <Alert type="error" showIcon title={error} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {data?.compliance ? <ComplianceBadge compliance={data.compliance} /> : <span />}
        {canAdd ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ post: null })}>
            {t('posts.add')}
          </Button>
        ) : null}
      </Flex>
      <Table<PostView>
        rowKey="id"
        size="small"
        loading={!data}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('posts.empty') }}
      />
      <PostFormModal
        unitId={detail.id}
        post={editing?.post ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void refresh();
        }}
      />
    </Space>
  );
}
