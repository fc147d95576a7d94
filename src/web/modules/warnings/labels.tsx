import type { CSSProperties, ReactNode } from 'react';
import { Tag } from 'antd';
import type { WarningAnswer, WarningLevel, WarningStatus, WarningType } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import './warnings.css';

/** 红 Ⅰ, 橙 Ⅱ, 黄 Ⅲ, 蓝 Ⅳ: the national warning colours. */
export const LEVEL_FILL: Record<WarningLevel, { bg: string; fg: string; roman: string }> = {
  red: { bg: '#cf1322', fg: '#fff', roman: 'Ⅰ' },
  orange: { bg: '#fa8c16', fg: '#fff', roman: 'Ⅱ' },
  yellow: { bg: '#fadb14', fg: '#3b3000', roman: 'Ⅲ' },
  blue: { bg: '#1677ff', fg: '#fff', roman: 'Ⅳ' },
};

/** 红色 Ⅰ on red, and so on. */
export function LevelTag({ level, style }: { level: WarningLevel; style?: CSSProperties }) {
  const { t } = useI18n();
  const fill = LEVEL_FILL[level];
  return (
    <span className="warn-level" style={{ background: fill.bg, color: fill.fg, ...style }} data-level={level}>
      {t(`warnLevel.${level}`)} {fill.roman}
    </span>
  );
}

/** 台风红色预警 */
export function useWarningName() {
  const { t, locale } = useI18n();
  return (w: { type: WarningType; level: WarningLevel }) =>
    locale === 'en' ? `${t(`warnType.${w.type}`)} ${t(`warnLevel.${w.level}`).toLowerCase()} warning` : `${t(`warnType.${w.type}`)}${t(`warnLevel.${w.level}`)}预警`;
}

const STATUS_COLOUR: Record<WarningStatus, string> = { active: 'processing', updated: 'default', cancelled: 'default', expired: 'default' };

export function WarningStatusTag({ status }: { status: WarningStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOUR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`warnStatus.${status}`)}
    </Tag>
  );
}

const ANSWER_COLOUR: Record<WarningAnswer, string> = { acknowledged: 'blue', on_duty: 'green', evacuating: 'orange', evacuated: 'green', need_help: 'red' };

export function AnswerTag({ answer }: { answer: WarningAnswer }) {
  const { t } = useI18n();
  return (
    <Tag color={ANSWER_COLOUR[answer]} style={{ marginInlineEnd: 0 }}>
      {t(`warnAnswer.${answer}`)}
    </Tag>
  );
}

/** 【演练】 in front of an exercise's title. */
export function ExerciseMark({ exercise }: { exercise: boolean }) {
  const { t } = useI18n();
  return exercise ? (
    <span className="warn-exercise-tag" data-testid="exercise-mark">
      {t('warn.exerciseMark')}
    </span>
  ) : null;
}

/** The watermark's tile: 【演练】 drawn slanted in an SVG, so it needs no image file. */
export function watermarkStyle(text: string): CSSProperties {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="140"><text x="110" y="80" text-anchor="middle" transform="rotate(-20 110 70)" font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="26" font-weight="700" fill="rgba(196,29,127,0.13)">${text}</text></svg>`;
  return { ['--warn-watermark' as string]: `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")` } as CSSProperties;
}

/** Wraps a view of an exercise in the 【演练】 watermark (does nothing for a real warning). */
export function ExerciseWatermark({ exercise, children, style }: { exercise: boolean; children: ReactNode; style?: CSSProperties }) {
  const { t } = useI18n();
  if (!exercise) return <div style={style}>{children}</div>;
  return (
    <div className="warn-exercise" style={{ ...watermarkStyle(t('warn.exerciseMark')), ...style }} data-exercise="true">
      {children}
    </div>
  );
}
