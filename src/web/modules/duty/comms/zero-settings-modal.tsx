import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, InputNumber, Modal, Spin, Typography } from 'antd';
import type { ZeroReportSettings } from '../../../../contracts';
import { ZERO_REPORT_HOUR, ZERO_REPORT_SETTING_LEVELS } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { UnitSelect, type UnitOption } from '../../org/unit-select';
import { zeroReportsApi } from './api';

type Props = { open: boolean; defaultUnit: UnitOption; onClose: () => void; onSaved: () => void };

/**
 * The hour by which a day's zero report is due, for a township, a county or the city. A unit
 * without its own hour follows the nearest unit above that has one (else 09:00).
 */
export function SettingsModal({ open, defaultUnit, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const settable = (ZERO_REPORT_SETTING_LEVELS as readonly string[]).includes(defaultUnit.level ?? '');
  const [unit, setUnit] = useState<UnitOption | null>(settable ? defaultUnit : null);
  const [settings, setSettings] = useState<ZeroReportSettings | null>(null);
  const [hour, setHour] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open || !unit) return;
    const controller = new AbortController();
    setSettings(null);
    zeroReportsApi
      .settings(unit.id, controller.signal)
      .then((s) => {
        setSettings(s);
        setHour(s.ownDueHour ?? s.dueHour);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [open, unit, errorText]);

  const save = async (dueHour: number | null) => {
    if (!unit) return;
    setSaving(true);
    try {
      const next = await zeroReportsApi.updateSettings({ unitId: unit.id, dueHour });
      setSettings(next);
      setHour(next.dueHour);
      message.success(t('common.saved'));
      onSaved();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  };

  const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;

  return (
    <Modal
      open={open}
      title={t('zero.settingsTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8} wrap>
          {settings?.ownDueHour !== null && settings?.can.update ? (
            <Button onClick={() => void save(null)} loading={saving}>
              {t('zero.followAbove')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" disabled={!settings?.can.update || hour === null} loading={saving} onClick={() => void save(hour)}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('zero.settingsHint', { hour: hourText(ZERO_REPORT_HOUR.default) })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('common.unit')}>
          <UnitSelect value={unit?.id} initial={unit} onChange={(_id, next) => setUnit(next ?? null)} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {unit && !settings && !error ? <Spin /> : null}
        {settings ? (
          <>
            <Typography.Paragraph>
              {settings.source
                ? t('zero.inForceFrom', { hour: hourText(settings.dueHour), unit: settings.source.name })
                : t('zero.inForceDefault', { hour: hourText(settings.dueHour) })}
            </Typography.Paragraph>
            <Form.Item label={t('zero.field.due')}>
              <InputNumber
                min={ZERO_REPORT_HOUR.min}
                max={ZERO_REPORT_HOUR.max}
                precision={0}
                value={hour}
                onChange={(value) => setHour(value)}
                suffix={t('zero.hourUnit')}
                disabled={!settings.can.update}
                style={{ width: 140 }}
                aria-label={t('zero.field.due')}
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
