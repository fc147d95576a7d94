import { useEffect, useState } from 'react';
import { App, Flex, Select, Tooltip, Typography } from 'antd';
import { DUTY_DEADLINE_PRESETS, type DutyDeadlinePreset } from '../../../../contracts';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { dutyApi, type DutySettingsView } from './api';

/**
 * 报送时限规则 of the desk the user stands at: national or the stricter local preset. Whoever runs
 * the desk (duty.manage) changes it; the desks below without their own choice follow it.
 */
export function DeadlineSettingsControl() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const [view, setView] = useState<DutySettingsView | null>(null);
  const unitId = me?.unit.id;
  const desk = me?.unit.level === 'township' || me?.unit.level === 'county' || me?.unit.level === 'city';
  useEffect(() => {
    if (!unitId || !desk) return;
    dutyApi.settings(unitId).then(setView, () => setView(null));
  }, [unitId, desk]);
  if (!view || !unitId) return null;
  const change = async (preset: DutyDeadlinePreset) => {
    try {
      setView(await dutyApi.changeSettings(unitId, preset));
      void message.success(t('duty.settings.saved'));
    } catch {
      void message.error(t('error.unknown'));
    }
  };
  return (
    <Flex gap={6} align="center" data-testid="deadline-settings">
      <Typography.Text type="secondary">{t('duty.settings.title')}</Typography.Text>
      <Tooltip title={view.inheritedFrom ? t('duty.settings.inherited', { unit: view.inheritedFrom.name }) : undefined}>
        <Select<DutyDeadlinePreset>
          size="small"
          style={{ width: 150 }}
          value={view.preset}
          disabled={!can('duty.manage')}
          onChange={(v) => void change(v)}
          options={DUTY_DEADLINE_PRESETS.map((p) => ({ value: p, label: t(`duty.preset.${p}`) }))}
        />
      </Tooltip>
    </Flex>
  );
}
