import { AUDIT_ACTIONS, type AuditAction } from '../../contracts';
import { useI18n } from './i18n';

const isKnownAction = (action: string): action is AuditAction => action in AUDIT_ACTIONS;

/** Labels of values whose set is open-ended on the server (audit actions, entity types): unknown ones show as sent. */
export function useOpenLabels() {
  const { locale, tMaybe } = useI18n();
  return {
    action: (action: string) => (isKnownAction(action) ? AUDIT_ACTIONS[action][locale === 'en' ? 'en' : 'zh'] : action),
    entityType: (type: string) => tMaybe(`entity.${type}`, type),
  };
}
