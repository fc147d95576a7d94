import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { DutyDeadline, DutyEventGrade, DutyEventStatus, DutyReport, DutyReportKind } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';

const GRADE_COLOUR: Record<DutyEventGrade, string> = { general: 'blue', larger: 'gold', major: 'orange', especially_major: 'red' };
const STATUS_COLOUR: Record<DutyEventStatus, string> = { open: 'processing', closed: 'success', merged: 'default' };

export function GradeTag({ grade }: { grade: DutyEventGrade }) {
  const { t } = useI18n();
  return <Tag color={GRADE_COLOUR[grade]}>{t(`duty.grade.${grade}`)}</Tag>;
}

export function StatusTag({ status }: { status: DutyEventStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOUR[status]}>{t(`duty.status.${status}`)}</Tag>;
}

/** 首报 / 续报（第2次） / 终报 */
export function useKindName() {
  const { t, locale } = useI18n();
  return (kind: DutyReportKind, sequence = 0) => (kind === 'follow_up' && sequence > 0 ? (locale === 'en' ? `${t('duty.kind.follow_up')} #${sequence}` : `续报（第${sequence}次）`) : t(`duty.kind.${kind}`));
}

export function ReportStateTag({ report }: { report: Pick<DutyReport, 'state' | 'late' | 'minutesLate' | 'acks'> }) {
  const { t } = useI18n();
  const colour = report.state === 'returned' ? 'red' : report.state === 'draft' ? 'default' : report.acks.length ? 'green' : 'blue';
  return (
    <>
      <Tag color={colour}>{report.state === 'submitted' && report.acks.length ? t('duty.report.acknowledged') : t(`duty.state.${report.state}`)}</Tag>
      {report.late ? <Tag color="red">{t('duty.report.late', { m: report.minutesLate })}</Tag> : null}
    </>
  );
}

/**
 * The server's countdown, ticking on from when it arrived. It counts from the server's figure, not
 * from the browser's clock, which may be wrong by minutes on a duty PC.
 */
function useCountdown(minutesLeft: number | null): number | null {
  // Minutes elapsed since the server's figure arrived; a new figure starts again from zero.
  const [elapsed, setElapsed] = useState({ of: minutesLeft, minutes: 0 });
  useEffect(() => {
    const since = Date.now();
    const timer = window.setInterval(() => setElapsed({ of: minutesLeft, minutes: Math.floor((Date.now() - since) / 60_000) }), 15_000);
    return () => window.clearInterval(timer);
  }, [minutesLeft]);
  if (minutesLeft === null) return null;
  return minutesLeft - (elapsed.of === minutesLeft ? elapsed.minutes : 0);
}

/**
 * The countdown to the next report: green with time to spare, orange within 30 minutes, red when
 * late.
 */
export function Countdown({ next }: { next: DutyDeadline | null }) {
  const { t } = useI18n();
  const kindName = useKindName();
  const minutes = useCountdown(next?.minutesLeft ?? null);
  if (!next) return <Tag color="green">{t('duty.event.allDone')}</Tag>;
  if (!next.dueAt || minutes === null) return <Tag>{`${kindName(next.kind)} · ${t('duty.event.noDeadline')}`}</Tag>;
  const colour = minutes < 0 ? 'red' : minutes <= 30 ? 'orange' : 'green';
  return (
    <Tooltip title={`${t('duty.event.deadline')} ${formatDateTime(next.dueAt)}`}>
      <Tag color={colour} icon={<ClockCircleOutlined />} data-testid="countdown" data-minutes={minutes}>
        {kindName(next.kind)} · {minutes < 0 ? t('duty.event.lateBy', { m: -minutes }) : t('duty.event.dueIn', { m: minutes })}
      </Tag>
    </Tooltip>
  );
}

export const casualty = (n: number | null, unknown: string) => (n === null ? unknown : String(n));
