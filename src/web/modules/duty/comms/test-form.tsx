import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CommsTestResult, CommsTestView } from '../../../../contracts';
import { COMMS_LIMITS, COMMS_TEST_RESULTS } from '../../../../contracts';
import { FormError } from '../../../app/components/form-error';
import { useI18n } from '../../../app/i18n';
import { useSubmit } from '../../../app/use-submit';
import { newId } from '../../risks/api';
import { commsApi } from './api';

type Values = { at: Dayjs; result: CommsTestResult; note?: string };

/**
 * Records a connectivity test (联通测试). The test's id is made when the form opens and kept until
 * it is saved, so pressing save again after a lost answer (a phone on a weak signal) stores it once.
 */
export function TestForm({ equipmentId, onSaved }: { equipmentId: string; onSaved: (test: CommsTestView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [testId, setTestId] = useState(newId);
  const result = Form.useWatch('result', form);

  const { saving, error, submit } = useSubmit(form, async (values) => {
    const saved = await commsApi.addTest(equipmentId, {
      id: testId,
      at: values.at.toISOString(),
      result: values.result,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    });
    message.success(t('comms.test.saved'));
    form.resetFields();
    form.setFieldsValue({ at: dayjs(), result: 'ok' });
    setTestId(newId());
    onSaved(saved);
  });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ at: dayjs(), result: 'ok' }}>
      <FormError error={error} gap={12} />
      <Form.Item name="result" label={t('comms.test.result')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={COMMS_TEST_RESULTS.map((r) => ({ value: r, label: t(`commsResult.${r}`) }))} />
      </Form.Item>
      <Form.Item name="at" label={t('comms.test.at')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('comms.test.note')} rules={result === 'failed' ? [{ required: true, whitespace: true, message: t('comms.test.noteRequired') }] : []}>
        <Input.TextArea
          maxLength={COMMS_LIMITS.noteMax}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={result === 'failed' ? t('comms.test.noteRequired') : t('comms.test.notePlaceholder')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block>
        {t('comms.recordTest')}
      </Button>
    </Form>
  );
}
