import type { ReactNode } from 'react';
import { Alert, Tag, Watermark } from 'antd';
import { RESPONSE_LEVEL_ROMAN, type ResponseLevel, type ResponseStatus, type WarningLevel, type WarningType } from '../../../contracts';
import { useI18n } from '../../app/i18n';

const WARNING_COLOURS: Record<WarningLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };

/** 台风红色预警, coloured as the warning. */
export function WarningTag({ type, level }: { type: WarningType; level: WarningLevel }) {
  const { t } = useI18n();
  return <Tag color={WARNING_COLOURS[level]}>{t('responses.warningName', { type: t(`planHazard.${type}`), level: t(`responses.wlevel.${level}`) })}</Tag>;
}

export function LevelTag({ level }: { level: ResponseLevel }) {
  const { t } = useI18n();
  return <Tag color={level === 'I' ? 'red' : level === 'II' ? 'orange' : level === 'III' ? 'gold' : 'blue'}>{t('responses.level', { level: RESPONSE_LEVEL_ROMAN[level] })}</Tag>;
}

export function StatusTag({ status }: { status: ResponseStatus }) {
  const { t } = useI18n();
  return <Tag color={status === 'running' ? 'processing' : 'default'}>{t(`responses.status.${status}`)}</Tag>;
}

/** 【演练】 before a title, in the exercise colour. */
export function ExerciseMark({ exercise }: { exercise: boolean }) {
  const { t } = useI18n();
  return exercise ? (
    <Tag color="purple" data-testid="exercise-mark">
      {t('responses.exerciseMark')}
    </Tag>
  ) : null;
}

/** An exercise's page: 演练 watermarked across it, with the banner saying what that means. */
export function ExerciseFrame({ exercise, children }: { exercise: boolean; children: ReactNode }) {
  const { t } = useI18n();
  if (!exercise) return <>{children}</>;
  return (
    <Watermark content={t('responses.watermark')} font={{ color: 'rgba(114, 46, 209, 0.12)', fontSize: 20 }} gap={[120, 120]}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('responses.exerciseBanner')} />
      {children}
    </Watermark>
  );
}
