import { Tag } from 'antd';
import type { VulnerableCategory } from '../../../contracts';
import { useI18n } from '../../app/i18n';

const CATEGORY_COLOR: Record<VulnerableCategory, string> = {
  elderly_alone: 'volcano',
  disabled: 'purple',
  pregnant: 'magenta',
  seriously_ill: 'red',
  left_behind_child: 'cyan',
  other: 'default',
};

/** 独居老人, 残疾人 … as a coloured tag, so a list reads at a glance. */
export function CategoryTag({ category }: { category: VulnerableCategory }) {
  const { t } = useI18n();
  return (
    <Tag color={CATEGORY_COLOR[category]} style={{ marginInlineEnd: 0 }}>
      {t(`vulnerableCategory.${category}`)}
    </Tag>
  );
}
