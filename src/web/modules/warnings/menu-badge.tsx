import { Badge } from 'antd';
import { useI18n } from '../../app/i18n';
import { useMyWarnings, waitsOnAnswer } from './use-my-warnings';

/** The count beside 我的预警: warnings I have not answered and silences escalated to me. */
export function WarningsMenuBadge() {
  const { t } = useI18n();
  const { items } = useMyWarnings();
  const n = (items ?? []).filter(waitsOnAnswer).length;
  if (!n) return null;
  return <Badge count={n} size="small" overflowCount={99} title={t('warn.mine.badgeTitle', { n })} color="#cf1322" style={{ boxShadow: 'none' }} data-testid="warnings-badge" />;
}
