import { Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { StationCompliance } from '../../../contracts';
import { useI18n } from '../i18n';

/** 达标 / 未达标 with “岗位 x/6，专职 y/2”: the station standard of the plan. */
export function ComplianceBadge({ compliance, compact = false }: { compliance: StationCompliance; compact?: boolean }) {
  const { t } = useI18n();
  const vars = {
    total: compliance.posts,
    posts: compliance.staffedPosts,
    fullTime: compliance.fullTimeStaffed,
    minPosts: compliance.minPosts,
    minFullTime: compliance.minFullTime,
  };
  return (
    <Tooltip title={t('compliance.tooltip', vars)}>
      <Space size={4} wrap={!compact}>
        <Tag
          color={compliance.meets ? 'success' : 'error'}
          icon={compliance.meets ? <CheckCircleFilled /> : <ExclamationCircleFilled />}
          style={{ marginInlineEnd: 0 }}
        >
          {compliance.meets ? t('compliance.meets') : t('compliance.fails')}
        </Tag>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('compliance.detail', vars)}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}
