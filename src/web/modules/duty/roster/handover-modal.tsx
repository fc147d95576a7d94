import { App, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { HANDOVER_ITEM_KEYS, ROSTER_LIMITS, type HandoverDetail, type HandoverItemKey } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { useSubmit } from '../../../app/use-submit';
import { rosterApi } from './api';

type Values = { note: string; items: Record<HandoverItemKey, { checked: boolean; remark?: string }> };

/** 发起交接: the outgoing officer's note and the checklist, each item confirmed or not, with a remark. */
export function HandoverModal({ unitId, onClose, onDone }: { unitId: string; onClose: () => void; onDone: (h: HandoverDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submission = useSubmit(
    form,
    async (v) => {
      const h = await rosterApi.openHandover({
        unitId,
        note: v.note,
        checklist: HANDOVER_ITEM_KEYS.map((key) => ({ key, checked: Boolean(v.items?.[key]?.checked), remark: v.items?.[key]?.remark?.trim() || null })),
      });
      message.success(t('handover.openedMsg'));
      onDone(h);
    },
    { listUnshownFields: true },
  );
  return (
    <FormModal<Values>
      open
      title={t('handover.open')}
      okText={t('handover.openSubmit')}
      form={form}
      submission={submission}
      onClose={onClose}
      width={640}
      initialValues={{ items: Object.fromEntries(HANDOVER_ITEM_KEYS.map((k) => [k, { checked: false }])) as Values['items'] }}
      intro={<Typography.Paragraph type="secondary">{t('handover.openHint')}</Typography.Paragraph>}
    >
      <Form.Item name="note" label={t('handover.note')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea maxLength={ROSTER_LIMITS.handoverNoteMax} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('handover.notePlaceholder')} />
      </Form.Item>
      <Typography.Text strong>{t('handover.checklist')}</Typography.Text>
      {HANDOVER_ITEM_KEYS.map((key) => (
        <Flex key={key} gap={8} wrap align="center" style={{ marginTop: 8 }} data-testid={`handover-item-${key}`}>
          <Form.Item name={['items', key, 'checked']} valuePropName="checked" style={{ marginBottom: 0, flex: '1 1 280px' }}>
            <Checkbox>{t(`handoverItem.${key}`)}</Checkbox>
          </Form.Item>
          <Form.Item name={['items', key, 'remark']} style={{ marginBottom: 0, flex: '1 1 180px' }}>
            <Input size="small" maxLength={ROSTER_LIMITS.remarkMax} placeholder={t('handover.remark')} aria-label={`${t(`handoverItem.${key}`)} ${t('handover.remark')}`} />
          </Form.Item>
        </Flex>
      ))}
    </FormModal>
  );
}
