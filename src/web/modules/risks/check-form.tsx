import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { RiskCheckResult, RiskCheckView } from '../../../contracts';
import { RISK_CHECK_RESULTS, RISK_LIMITS } from '../../../contracts';
import { FormError } from '../../app/components/form-error';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { newId, risksApi } from './api';

type Values = { at: Dayjs; result: RiskCheckResult; note?: string };

/**
 * Records a periodic check. The check's id is made when the form opens and kept until it is
 * saved, so pressing save again after a lost answer stores the check once.
 */
export function CheckForm({ riskPointId, onSaved }: { riskPointId: string; onSaved: (check: RiskCheckView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [checkId, setCheckId] = useState(newId);
  const result = Form.useWatch('result', form);

  const { saving, error, submit } = useSubmit(form, async (values) => {
    const saved = await risksApi.addCheck(riskPointId, {
      id: checkId,
      at: values.at.toISOString(),
      result: values.result,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      photoIds: [],
    });
    message.success(t('risks.check.saved'));
    form.resetFields();
    form.setFieldsValue({ at: dayjs(), result: 'normal' });
    setCheckId(newId());
    onSaved(saved);
  });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ at: dayjs(), result: 'normal' }}>
      <FormError error={error} gap={12} />
      <Form.Item name="result" label={t('risks.check.result')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={RISK_CHECK_RESULTS.map((r) => ({ value: r, label: t(`riskResult.${r}`) }))} />
      </Form.Item>
      <Form.Item name="at" label={t('risks.check.at')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('risks.check.note')}
        rules={result === 'abnormal' ? [{ required: true, whitespace: true, message: t('risks.check.noteRequired') }] : []}
      >
        <Input.TextArea maxLength={RISK_LIMITS.checkNoteMax} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={result === 'abnormal' ? t('risks.check.noteRequired') : undefined} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block>
        {t('risks.recordCheck')}
      </Button>
    </Form>
  );
}
