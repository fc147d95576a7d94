import { useI18n } from './i18n';

/** Labels of values whose set is open-ended on the server (audit actions, entity types): unknown ones show as sent. */
export function useOpenLabels() {
  const { tMaybe } = useI18n();
  return {
    action: (action: string) => tMaybe(`action.${action}`, action),
    entityType: (type: string) => tMaybe(`entity.${type}`, type),
  };
}
