import { Tag } from 'antd';
import type { CommsTestResult, ZeroReportStatus } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';

const RESULT_COLOUR: Record<CommsTestResult, string> = { ok: 'green', failed: 'red' };

/** 正常 / 不通 as a tag. */
export function TestResultTag({ result }: { result: CommsTestResult }) {
  const { t } = useI18n();
  return (
    <Tag color={RESULT_COLOUR[result]} style={{ marginInlineEnd: 0 }}>
      {t(`commsResult.${result}`)}
    </Tag>
  );
}

const STATUS_COLOUR: Record<ZeroReportStatus, string> = { on_time: 'green', late: 'orange', missing: 'red', pending: 'default', not_required: 'blue' };

/** 按时 / 迟报 / 未报 / 待报 / 无需报送 as a tag; missing stands out. */
export function ZeroStatusTag({ status }: { status: ZeroReportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOUR[status]} style={{ marginInlineEnd: 0, fontWeight: status === 'missing' ? 600 : undefined }} data-status={status}>
      {t(`zeroStatus.${status}`)}
    </Tag>
  );
}
