import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Spin } from 'antd';
import { Notice } from './components/notice';
import { ERRORS, type Permission } from '../../contracts';
import { useAuth } from './auth';
import { useI18n } from './i18n';

export const PASSWORD_PATH = '/account/password';

/** Pages behind sign-in. Users with an initial password are held on the change-password page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const { t, errorText } = useI18n();
  const location = useLocation();

  if (state.status === 'loading') return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (state.status === 'error') {
    return (
      <Notice
        kind="warning"
        title={errorText(state.error)}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </Button>
        }
      />
    );
  }
  if (state.status === 'anonymous') {
    // After an explicit sign-out the next user starts from home; otherwise come back here.
    const next = state.reason === 'logout' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ next }} />;
  }
  if (state.me.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return <>{children}</>;
}

/** A page that needs a permission; without it the user sees a 403 instead of a broken page. */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const { can } = useAuth();
  const { locale } = useI18n();
  if (anyOf.some((permission) => can(permission))) return <>{children}</>;
  return <Notice kind="forbidden" title="403" description={locale === 'en' ? ERRORS.FORBIDDEN.en : ERRORS.FORBIDDEN.zh} />;
}
