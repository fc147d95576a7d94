import { Tag } from 'antd';
import { RISK_LEVEL_COLOURS, type RiskLevel } from '../../../contracts';
import { useI18n } from '../../app/i18n';

/** The four colours as drawn: strong enough to read on a phone in daylight, dark text on yellow. */
export const LEVEL_FILL: Record<(typeof RISK_LEVEL_COLOURS)[RiskLevel], { bg: string; fg: string }> = {
  red: { bg: '#d4380d', fg: '#fff' },
  orange: { bg: '#fa8c16', fg: '#fff' },
  yellow: { bg: '#fadb14', fg: '#3b3000' },
  blue: { bg: '#1677ff', fg: '#fff' },
};

export const levelFill = (level: RiskLevel) => LEVEL_FILL[RISK_LEVEL_COLOURS[level]];

/** 重大（红）, 较大（橙）… as a filled tag in the level's colour. */
export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const { t } = useI18n();
  const { bg, fg } = levelFill(level);
  return (
    <Tag style={{ background: bg, color: fg, borderColor: bg, marginInlineEnd: 0, fontWeight: 500 }} data-level={level}>
      {t(`riskLevel.${level}`)}
    </Tag>
  );
}
