import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { ExclamationCircleOutlined, InfoCircleOutlined, StopOutlined } from '@ant-design/icons';

const ICONS = {
  info: <InfoCircleOutlined style={{ color: '#1f4e8c' }} />,
  warning: <ExclamationCircleOutlined style={{ color: '#d48806' }} />,
  forbidden: <StopOutlined style={{ color: '#cf1322' }} />,
};

/**
 * A full-page message (not found, forbidden, could not load). Lighter than antd's Result, whose
 * illustrations would otherwise weigh on the first load of every page.
 */
export function Notice({ kind, title, description, extra }: { kind: keyof typeof ICONS; title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '64px 16px', textAlign: 'center' }}>
      <span style={{ fontSize: 48, lineHeight: 1 }}>{ICONS[kind]}</span>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      {extra}
    </Flex>
  );
}
