import { Tag, Typography } from 'antd';
import { RESPONSE_LEVEL_ROMAN, type PlanStatus, type PlanView, type PlanWarningLevel, type ResponseLevel } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';

const STATUS_COLOUR: Record<PlanStatus, string> = { draft: 'default', active: 'green', retired: 'default' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOUR[status]} style={{ marginInlineEnd: 0, ...(status === 'retired' ? { textDecoration: 'line-through' } : {}) }}>
      {t(`planStatus.${status}`)}
    </Tag>
  );
}

/** Ⅰ级 red … Ⅳ级 blue: the colours of the warning that usually starts each level. */
export const RESPONSE_FILL: Record<ResponseLevel, { bg: string; fg: string }> = {
  I: { bg: '#cf1322', fg: '#fff' },
  II: { bg: '#fa8c16', fg: '#fff' },
  III: { bg: '#fadb14', fg: '#3b3000' },
  IV: { bg: '#1677ff', fg: '#fff' },
};

export const WARNING_FILL: Record<PlanWarningLevel, { bg: string; fg: string }> = {
  red: RESPONSE_FILL.I,
  orange: RESPONSE_FILL.II,
  yellow: RESPONSE_FILL.III,
  blue: RESPONSE_FILL.IV,
};

export function ResponseLevelTag({ level, long = false }: { level: ResponseLevel; long?: boolean }) {
  const { t } = useI18n();
  const { bg, fg } = RESPONSE_FILL[level];
  return (
    <Tag style={{ background: bg, color: fg, borderColor: bg, marginInlineEnd: 0, fontWeight: 500 }}>
      {t(long ? 'plans.level' : 'plans.levelShort', { roman: RESPONSE_LEVEL_ROMAN[level] })}
    </Tag>
  );
}

export function WarningLevelDot({ level }: { level: PlanWarningLevel }) {
  return <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: WARNING_FILL[level].bg, marginInlineEnd: 6 }} />;
}

/** 30 分钟内, 2 小时内 or 不限时. */
export function timeLimitText(t: ReturnType<typeof useI18n>['t'], minutes: number | null): string {
  if (minutes === null) return t('plans.action.noLimit');
  return minutes >= 60 && minutes % 60 === 0 ? t('plans.action.withinHours', { n: minutes / 60 }) : t('plans.action.withinMinutes', { n: minutes });
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The revision date, in red with a tag once it has passed. */
export function RevisionDue({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  if (!plan.revisionDue) return <Typography.Text type="secondary">{t('plans.noDate')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type={plan.revisionOverdue ? 'danger' : undefined}>{formatDate(plan.revisionDue)}</Typography.Text>
      {plan.revisionOverdue ? (
        <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {t('plans.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}
