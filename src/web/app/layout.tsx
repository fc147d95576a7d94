import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Dropdown, Flex, Layout, Menu, Segmented, Spin, Typography, theme } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import type { Locale } from '../../contracts';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { IdleLogout } from './idle-logout';
import { groupMenuItems, selectedMenuKey, visibleMenu } from './menu';
import { useIsMobile } from './use-is-mobile';
import { ErrorBoundary } from './error-boundary';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { locale } = useI18n();
  const { changeLocale } = useAuth();
  return (
    <Segmented<Locale>
      size={size}
      value={locale}
      onChange={changeLocale}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
      aria-label="language / 语言"
    />
  );
}

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={10} style={{ height: 64, padding: '0 20px', color: '#fff', overflow: 'hidden' }}>
      <span
        aria-hidden
        style={{ flex: 'none', width: 28, height: 28, borderRadius: 6, background: '#e8a33d', display: 'grid', placeItems: 'center', fontWeight: 700 }}
      >
        米
      </span>
      {collapsed ? null : <span style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.shortTitle')}</span>}
    </Flex>
  );
}

export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  const entries = useMemo(() => (me.mustChangePassword ? [] : visibleMenu(me.permissions)), [me]);
  const selected = selectedMenuKey(location.pathname, entries);
  const items = groupMenuItems(entries, (entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: entry.badge ? (
      <Flex justify="space-between" align="center" gap={8}>
        {t(entry.label)}
        <entry.badge />
      </Flex>
    ) : (
      t(entry.label)
    ),
  }), (group) => t(group));

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );

  const userMenu = {
    items: [
      { key: 'unit', label: me.unit.name, disabled: true },
      { type: 'divider' as const },
      { key: 'password', icon: <KeyOutlined />, label: t('nav.password') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') void navigate('/account/password');
      if (key === 'logout') void logout('logout');
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? null : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} style={{ position: 'sticky', top: 0, height: '100vh' }}>
          {/* The menu scrolls on its own above the collapse button, which would otherwise cover its last items. */}
          <Flex vertical style={{ height: '100%' }}>
            <Brand collapsed={collapsed} />
            <div style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>{menu}</div>
          </Flex>
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: isMobile ? '0 8px' : '0 24px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          {isMobile ? <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} /> : null}
          <Typography.Text strong style={{ flex: 1, minWidth: 0, fontSize: isMobile ? 15 : 16 }} ellipsis>
            {isMobile ? t('app.shortTitle') : t('app.title')}
          </Typography.Text>
          <LanguageSwitch size={isMobile ? 'small' : 'middle'} />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" icon={<UserOutlined />} style={{ maxWidth: isMobile ? 120 : 320 }}>
              <Typography.Text ellipsis style={{ maxWidth: isMobile ? 80 : 260 }}>
                {isMobile ? me.displayName : `${me.displayName} · ${me.unit.name}`}
              </Typography.Text>
            </Button>
          </Dropdown>
          {isMobile ? null : (
            <Button icon={<LogoutOutlined />} onClick={() => void logout('logout')}>
              {t('nav.logout')}
            </Button>
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          {menu}
        </Drawer>
      ) : null}
      <IdleLogout />
    </Layout>
  );
}
