import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { DownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { AccountView } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { usePagedList } from '../../app/use-paged-list';
import { UnitSelect } from '../org/unit-select';
import { accountsApi, type RoleCatalog } from './api';
import { CreateAccountModal, EditAccountModal, ResetPasswordModal, RolesModal } from './account-modals';

type Status = 'active' | 'disabled' | 'all';
type Dialog = { kind: 'edit' | 'roles' | 'reset'; account: AccountView } | { kind: 'create' } | null;

/** 账号管理: accounts in the user's scope, their roles, passwords and locks. */
export default function AccountsPage() {
  const me = useMe();
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [catalog, setCatalog] = useState<RoleCatalog | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const query = useMemo(() => ({ unitId, q: search || undefined, status }), [unitId, search, status]);
  const list = usePagedList(query, (filter, paging, signal) => accountsApi.list({ ...filter, ...paging }, signal));
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const error = list.error ?? catalogError;
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    accountsApi
      .roles()
      .then(setCatalog)
      .catch((caught: unknown) => setCatalogError(errorText(caught)));
  }, [errorText]);

  const saved = () => {
    setDialog(null);
    list.reload();
  };

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      list.reload();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  const moreActions = (account: AccountView): MenuProps => {
    const self = account.id === me.id;
    const items: MenuProps['items'] = [
      { key: 'roles', label: t('accounts.editRoles'), disabled: self },
      { key: 'reset', label: t('accounts.resetPassword') },
      ...(account.locked ? [{ key: 'unlock', label: t('accounts.unlock') }] : []),
      account.status === 'active'
        ? { key: 'disable', label: t('accounts.disable'), danger: true, disabled: self }
        : { key: 'enable', label: t('accounts.enable') },
    ];
    return {
      items,
      onClick: ({ key }) => {
        if (key === 'roles') setDialog({ kind: 'roles', account });
        if (key === 'reset') setDialog({ kind: 'reset', account });
        if (key === 'unlock') void run(() => accountsApi.unlock(account.id), t('accounts.unlocked'));
        if (key === 'enable') void run(() => accountsApi.update(account.id, { status: 'active' }), t('common.saved'));
        if (key === 'disable') {
          modal.confirm({
            title: t('accounts.disableConfirm', { name: account.displayName }),
            okText: t('accounts.disable'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: () => run(() => accountsApi.update(account.id, { status: 'disabled' }), t('common.saved')),
          });
        }
      },
    };
  };

  const columns: TableColumnsType<AccountView> = [
    {
      title: t('accounts.field.username'),
      dataIndex: 'username',
      fixed: isMobile ? undefined : 'start',
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    { title: t('accounts.field.displayName'), dataIndex: 'displayName' },
    { title: t('accounts.field.unit'), key: 'unit', render: (_, account) => account.unit.name },
    {
      title: t('accounts.field.roles'),
      dataIndex: 'roles',
      render: (roles: AccountView['roles']) =>
        roles.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex wrap gap={4} style={{ maxWidth: 360 }}>
            {roles.map((grant) => (
              <Tag key={`${grant.role}:${grant.unitId}`} color="blue" style={{ marginInlineEnd: 0 }}>
                {t(`role.${grant.role}`)} · {grant.unitName}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('accounts.field.status'),
      key: 'status',
      render: (_, account) => (
        <Flex wrap gap={4}>
          <Tag color={account.status === 'active' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`accountStatus.${account.status}`)}
          </Tag>
          {account.locked ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('accounts.locked')}
            </Tag>
          ) : null}
          {account.mustChangePassword ? (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('accounts.mustChange')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('accounts.field.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (value: string | null) => (value ? formatDateTime(value) : <Typography.Text type="secondary">{t('accounts.neverLoggedIn')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: isMobile ? undefined : 'end',
      render: (_, account) =>
        account.can.update ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', account })}>
              {t('common.edit')}
            </Button>
            <Dropdown menu={moreActions(account)} trigger={['click']}>
              <Button type="link" size="small">
                {t('common.more')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('accounts.add')}
          </Button>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <UnitSelect value={unitId} onChange={(id) => setUnitId(id)} allowClear style={{ width: filterWidth(isMobile, 260) }} />
          <Input.Search
            allowClear
            placeholder={t('accounts.searchPlaceholder')}
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
            aria-label={t('accounts.field.status')}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('accountStatus.active') },
              { value: 'disabled', label: t('accountStatus.disabled') },
            ]}
          />
        </Flex>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Table<AccountView>
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.items}
          scroll={{ x: 'max-content' }}
          pagination={list.tablePagination}
        />
      </Card>
      <CreateAccountModal open={dialog?.kind === 'create'} catalog={catalog} onClose={() => setDialog(null)} onSaved={saved} />
      <EditAccountModal account={dialog?.kind === 'edit' ? dialog.account : null} onClose={() => setDialog(null)} onSaved={saved} />
      <RolesModal account={dialog?.kind === 'roles' ? dialog.account : null} catalog={catalog} onClose={() => setDialog(null)} onSaved={saved} />
      <ResetPasswordModal account={dialog?.kind === 'reset' ? dialog.account : null} onClose={() => setDialog(null)} onSaved={saved} />
    </>
  );
}
