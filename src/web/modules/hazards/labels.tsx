import { Space, Tag } from 'antd';
import { ClockCircleOutlined, FlagFilled } from '@ant-design/icons';
import type { HazardLevel, HazardSummary, HazardState, RiskLevel } from '../../../contracts';
import { useI18n } from '../../app/i18n';

/** Each state's colour: the tag's preset and the map marker's fill (the same hue). */
export const STATE_COLOURS: Record<HazardState, { tag: string; fill: string }> = {
  reported: { tag: 'orange', fill: '#fa8c16' },
  verified: { tag: 'cyan', fill: '#13c2c2' },
  awaiting_approval: { tag: 'purple', fill: '#722ed1' },
  graded: { tag: 'geekblue', fill: '#2f54eb' },
  rectifying: { tag: 'blue', fill: '#1677ff' },
  accepting: { tag: 'gold', fill: '#d4b106' },
  closed: { tag: 'green', fill: '#52c41a' },
  rejected: { tag: 'default', fill: '#8c8c8c' },
  merged: { tag: 'default', fill: '#bfbfbf' },
};

/** The four colours of risk points as drawn (红/橙/黄/蓝). */
export const RISK_FILL: Record<RiskLevel, string> = { major: '#d4380d', large: '#fa8c16', general: '#fadb14', low: '#1677ff' };

export function StateTag({ state }: { state: HazardState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state].tag} style={{ marginInlineEnd: 0 }} data-state={state}>
      {t(`hz.state.${state}`)}
    </Tag>
  );
}

export function LevelTag({ level }: { level: HazardLevel }) {
  const { t } = useI18n();
  return (
    <Tag color={level === 'major' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`hz.level.${level}`)}
    </Tag>
  );
}

/** 逾期 in red, with where it went (已上提至 石狮市); nothing when on time. */
export function OverdueTag({ hazard }: { hazard: Pick<HazardSummary, 'overdue' | 'escalatedTo'> }) {
  const { t } = useI18n();
  if (!hazard.overdue) return null;
  return (
    <Tag color="red" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('hz.overdue')}
      {hazard.escalatedTo ? ` · ${t('hz.escalatedTo', { unit: hazard.escalatedTo.name })}` : ''}
    </Tag>
  );
}

/** State, level, 挂牌督办 and 逾期 side by side. */
export function HazardTags({ hazard }: { hazard: Pick<HazardSummary, 'state' | 'level' | 'supervised' | 'overdue' | 'escalatedTo'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <StateTag state={hazard.state} />
      {hazard.level ? <LevelTag level={hazard.level} /> : null}
      {hazard.supervised ? (
        <Tag color="volcano" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }}>
          {t('hz.supervised')}
        </Tag>
      ) : null}
      <OverdueTag hazard={hazard} />
    </Space>
  );
}

export function useCategoryName() {
  const { locale } = useI18n();
  return (c: { nameZh: string; nameEn: string }) => (locale === 'en' ? c.nameEn : c.nameZh);
}
