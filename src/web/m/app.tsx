import { useEffect, useState } from 'react';
import { createBrowserRouter, NavLink, Outlet, RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { ToastProvider } from './components/ui';
import { Icon, type IconName } from './components/icons';
import { useOutbox } from './outbox/use-outbox';
import { outbox } from './outbox/service';
import { loadActivePatrol } from './patrol/active';
import { ExpiredSheet, SignInPage } from './screens/sign-in';
import { HomePage } from './screens/home';
import { ReportPage } from './screens/report';
import { PatrolPage } from './screens/patrol';
import { OutboxPage } from './screens/outbox-page';
import { MePage } from './screens/me';
import { HazardPage } from './screens/hazard';
import { useUnansweredWarnings, WarningsPage } from './warnings/screen';

function TopBar() {
  const { t } = useI18n();
  const { online, syncing } = useOutbox();
  return (
    <header className="m-top">
      <div className="m-top-title">{t('app.name')}</div>
      <span className={online ? 'm-net m-net-on' : 'm-net m-net-off'} aria-live="polite">
        {syncing ? t('outbox.syncing') : online ? t('app.online') : t('app.offline')}
      </span>
    </header>
  );
}

function Banners({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useI18n();
  const { expired } = useSession();
  const { online, authRequired } = useOutbox();
  if (expired || authRequired)
    return (
      <div className="m-banner m-banner-warn" role="alert">
        <span>{t('banner.expired')}</span>
        <button type="button" className="m-btn m-btn-small m-btn-primary" onClick={onSignIn}>
          {t('banner.signIn')}
        </button>
      </div>
    );
  if (!online) return <div className="m-banner">{t('banner.offline')}</div>;
  return null;
}

function TabBar() {
  const { t } = useI18n();
  const { me } = useSession();
  const { items } = useOutbox();
  const open = items.filter((i) => i.state !== 'synced' && i.ownerId === me?.id).length;
  const unanswered = useUnansweredWarnings();
  const tab = (to: string, label: string, icon: IconName, badge?: number) => (
    <NavLink to={to} end={to === '/'} className={({ isActive }) => (isActive ? 'm-tab m-tab-on' : 'm-tab')}>
      <Icon name={icon} />
      <span>{label}</span>
      {badge ? <span className="m-badge">{badge}</span> : null}
    </NavLink>
  );
  return (
    <nav className="m-tabs">
      {tab('/', t('nav.home'), 'home')}
      {tab('/patrol', t('nav.patrol'), 'flag')}
      {tab('/warnings', t('nav.warnings'), 'bell', unanswered)}
      {tab('/outbox', t('nav.outbox'), 'sync', open)}
      {tab('/me', t('nav.me'), 'user')}
    </nav>
  );
}

function Layout() {
  const { expired, me } = useSession();
  const { authRequired } = useOutbox();
  const needSignIn = expired || authRequired;
  useEffect(() => {
    if (me) void loadActivePatrol(me.id);
  }, [me]);
  const [sheet, setSheet] = useState(false);
  // Ask once when the session ends; the banner asks again later.
  useEffect(() => setSheet(needSignIn), [needSignIn]);
  return (
    <div className="m-app">
      <TopBar />
      <Banners onSignIn={() => setSheet(true)} />
      <main className="m-main">
        <Outlet />
      </main>
      <TabBar />
      <ExpiredSheet open={sheet && needSignIn} onClose={() => setSheet(false)} />
    </div>
  );
}

const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      children: [
        { path: '/', element: <HomePage /> },
        { path: '/report', element: <ReportPage /> },
        { path: '/patrol', element: <PatrolPage /> },
        { path: '/outbox', element: <OutboxPage /> },
        { path: '/me', element: <MePage /> },
        { path: '/hazards/:id', element: <HazardPage /> },
        { path: '/warnings', element: <WarningsPage /> },
        { path: '*', element: <HomePage /> },
      ],
    },
  ],
  { basename: '/m' },
);

function Shell() {
  const { state } = useSession();
  const { t } = useI18n();
  if (state.status === 'loading') return <div className="m-splash">{t('app.loading')}</div>;
  if (state.status === 'signed-out') return <SignInPage />;
  return <RouterProvider router={router} />;
}

export function App() {
  useEffect(() => {
    void outbox.start();
  }, []);
  return (
    <I18nProvider>
      <ToastProvider>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
