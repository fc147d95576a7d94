import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Link, Navigate } from 'react-router';
import { Button, Spin } from 'antd';
import { Notice } from './components/notice';
import type { Permission } from '../../contracts';
import { AppLayout } from './layout';
import { HAZARD_PAGES } from './menu';
import { PASSWORD_PATH, RequireAuth, RequirePermission } from './guards';
import { useI18n } from './i18n';

// Every page is its own chunk: the shell loads first, then only the page being opened.
const LoginPage = lazy(() => import('../modules/auth/login-page'));
const ChangePasswordPage = lazy(() => import('../modules/auth/change-password-page'));
const HomePage = lazy(() => import('../modules/home/home-page'));
const HierarchyPage = lazy(() => import('../modules/org/hierarchy-page'));
const PeoplePage = lazy(() => import('../modules/org/people-page'));
const ImportExportPage = lazy(() => import('../modules/org/import-export-page'));
const RisksPage = lazy(() => import('../modules/risks/risks-page'));
const GridsPage = lazy(() => import('../modules/grids/grids-page'));
const HazardQueuePage = lazy(() => import('../modules/hazards/queue-page'));
const HazardDetailPage = lazy(() => import('../modules/hazards/detail-page'));
const HazardMapPage = lazy(() => import('../modules/hazards/map-page'));
const HazardStatsPage = lazy(() => import('../modules/hazards/stats-page'));
const AccountsPage = lazy(() => import('../modules/accounts/accounts-page'));
const AuditPage = lazy(() => import('../modules/audit/audit-page'));
const DutyConsolePage = lazy(() => import('../modules/duty/events/console-page'));
const DutyEventsPage = lazy(() => import('../modules/duty/events/events-page'));
const DutyEventPage = lazy(() => import('../modules/duty/events/event-page'));
const DutyReportsPage = lazy(() => import('../modules/duty/events/reports-page'));
const RosterPage = lazy(() => import('../modules/duty/roster/roster-page'));
const RosterPrintPage = lazy(() => import('../modules/duty/roster/print-page'));
const HandoverPage = lazy(() => import('../modules/duty/roster/handover-page'));
const CommsPage = lazy(() => import('../modules/duty/comms/comms-page'));
const ZeroReportsPage = lazy(() => import('../modules/duty/comms/zero-reports-page'));
const WarningsPage = lazy(() => import('../modules/warnings/warnings-page'));
const WarningPage = lazy(() => import('../modules/warnings/warning-page'));
const WarningBoardPage = lazy(() => import('../modules/warnings/board-page'));
const MyWarningsPage = lazy(() => import('../modules/warnings/mine-page'));
const PlansPage = lazy(() => import('../modules/plans/plans-page'));
const PlanDetailPage = lazy(() => import('../modules/plans/plan-detail-page'));
const ResponsesPage = lazy(() => import('../modules/responses/responses-page'));
const ResponsePage = lazy(() => import('../modules/responses/response-page'));
const StartResponsePage = lazy(() => import('../modules/responses/start-page'));

function NotFound() {
  const { t } = useI18n();
  return (
    <Notice
      kind="info"
      title="404"
      description={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

const guarded = (anyOf: Permission[], page: ReactNode) => <RequirePermission anyOf={anyOf}>{page}</RequirePermission>;

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/duty/roster/print',
    element: (
      <RequireAuth>
        <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />}>{guarded(['duty.read'], <RosterPrintPage />)}</Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'org', element: guarded(['org.read'], <HierarchyPage />) },
      { path: 'org/units/:unitId', element: guarded(['org.read'], <HierarchyPage />) },
      { path: 'org/people', element: guarded(['org.read'], <PeoplePage />) },
      { path: 'org/import', element: guarded(['org.read'], <ImportExportPage />) },
      { path: 'risks', element: guarded(['org.read'], <RisksPage />) },
      { path: 'grids', element: guarded(['grids.manage', 'org.read'], <GridsPage />) },
      { path: 'grids/:unitId', element: guarded(['grids.manage', 'org.read'], <GridsPage />) },
      { path: 'hazards', element: guarded(HAZARD_PAGES, <HazardQueuePage />) },
      { path: 'hazards/map', element: guarded(HAZARD_PAGES, <HazardMapPage />) },
      { path: 'hazards/stats', element: guarded(HAZARD_PAGES, <HazardStatsPage />) },
      { path: 'hazards/:id', element: guarded(HAZARD_PAGES, <HazardDetailPage />) },
      { path: 'accounts', element: guarded(['accounts.manage'], <AccountsPage />) },
      { path: 'audit', element: guarded(['audit.read'], <AuditPage />) },
      { path: 'duty/console', element: guarded(['duty.read'], <DutyConsolePage />) },
      { path: 'duty/events', element: guarded(['duty.read'], <DutyEventsPage />) },
      { path: 'duty/events/:id', element: guarded(['duty.read'], <DutyEventPage />) },
      { path: 'duty/reports', element: guarded(['duty.read'], <DutyReportsPage />) },
      { path: 'duty/roster', element: guarded(['duty.read'], <RosterPage />) },
      { path: 'duty/handover', element: guarded(['duty.read'], <HandoverPage />) },
      { path: 'duty/comms', element: guarded(['duty.read'], <CommsPage />) },
      { path: 'duty/zero-reports', element: guarded(['duty.read'], <ZeroReportsPage />) },
      { path: 'warnings', element: guarded(['warnings.manage', 'warnings.issue'], <WarningsPage />) },
      { path: 'warnings/mine', element: <MyWarningsPage /> },
      { path: 'warnings/issues/:id/board', element: guarded(['warnings.issue'], <WarningBoardPage />) },
      { path: 'warnings/:id', element: <WarningPage /> },
      { path: 'plans', element: guarded(['plans.read'], <PlansPage />) },
      { path: 'plans/:id', element: guarded(['plans.read'], <PlanDetailPage />) },
      { path: 'responses', element: guarded(['warnings.respond', 'plans.read'], <ResponsesPage />) },
      { path: 'responses/new', element: guarded(['warnings.respond', 'plans.read'], <StartResponsePage />) },
      { path: 'responses/:id', element: guarded(['warnings.respond', 'plans.read'], <ResponsePage />) },
      { path: PASSWORD_PATH.slice(1), element: <ChangePasswordPage /> },
      { path: 'account', element: <Navigate to={PASSWORD_PATH} replace /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
