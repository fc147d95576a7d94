import { useState } from 'react';
import { App, Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LIMITS, type SwapStatus, type SwapView } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { usePagedList } from '../../../app/use-paged-list';
import { useSubmit } from '../../../app/use-submit';
import { rosterApi } from './api';

const STATUS_COLOURS: Record<SwapStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

function RejectModal({ swap, onClose, onDone }: { swap: SwapView; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const submission = useSubmit(form, async (v) => {
    await rosterApi.rejectSwap(swap.id, v.reason);
    onDone();
  });
  return (
    <FormModal<{ reason: string }> open title={t('swap.reject')} okText={t('swap.reject')} okButtonProps={{ danger: true }} form={form} submission={submission} onClose={onClose}>
      <Form.Item name="reason" label={t('swap.rejectReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea maxLength={LIMITS.reasonMax} showCount autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 换班申请 of a desk: what was asked, by whom, the answer; managers approve or reject pending ones. */
export function SwapsPanel({ unitId, refresh, onChanged }: { unitId: string; refresh: number; onChanged: () => void }) {
  const { t, locale, errorText } = useI18n();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<SwapView | null>(null);
  const list = usePagedList(unitId, (id, paging, signal) => rosterApi.swaps({ unitId: id, ...paging }, signal), refresh);
  const changed = () => {
    list.reload();
    onChanged();
  };
  const approve = async (swap: SwapView) => {
    try {
      await rosterApi.approveSwap(swap.id);
      message.success(t('swap.approvedMsg'));
      changed();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };
  const columns: TableColumnsType<SwapView> = [
    { title: t('roster.shift'), key: 'shift', render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{s.shift.date} {locale === 'en' ? s.shift.labelEn : s.shift.labelZh}</span> },
    { title: t('roster.role'), key: 'role', render: (_, s) => t(`dutyRole.${s.role}`) },
    { title: t('swap.change'), key: 'who', render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{s.from.name} → {s.to.name}</span> },
    { title: t('swap.reason'), dataIndex: 'reason' },
    { title: t('swap.requestedBy'), key: 'by', render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{s.requestedBy.name} <Typography.Text type="secondary">{formatDateTime(s.requestedAt)}</Typography.Text></span> },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, s) => (
        <span>
          <Tag color={STATUS_COLOURS[s.status]}>{t(`swapStatus.${s.status}`)}</Tag>
          {s.decidedBy ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.decidedBy.name}
              {s.decisionNote ? `：${s.decisionNote}` : ''}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) =>
        s.can.decide ? (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => void approve(s)}>
              {t('swap.approve')}
            </Button>
            <Button size="small" danger onClick={() => setRejecting(s)}>
              {t('swap.reject')}
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      <Table<SwapView> size="small" rowKey="id" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} scroll={{ x: 'max-content' }} locale={{ emptyText: t('swap.empty') }} />
      {rejecting ? (
        <RejectModal
          swap={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setRejecting(null);
            changed();
          }}
        />
      ) : null}
    </>
  );
}
