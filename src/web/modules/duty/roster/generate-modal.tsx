import { App, Button, DatePicker, Flex, Form, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { SHIFT_PATTERN_KINDS, type PersonView, type RosterView, type ShiftPatternKind } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { useSubmit } from '../../../app/use-submit';
import { rosterApi } from './api';

type Values = { pattern: ShiftPatternKind; leaders: string[]; officers: string[]; unavailable?: { personId?: string; date?: Dayjs }[] };

/**
 * 生成排班: the pattern, who rotates through each role (in the order chosen), and the days people
 * are away. Generating again replaces the draft.
 */
export function GenerateModal({ roster, people, onClose, onDone }: { roster: RosterView; people: PersonView[]; onClose: () => void; onDone: (r: RosterView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submission = useSubmit(form, async (v) => {
    const next = await rosterApi.generate({
      unitId: roster.unit.id,
      month: roster.month,
      pattern: v.pattern,
      leaders: v.leaders,
      officers: v.officers,
      unavailable: (v.unavailable ?? []).filter((u) => u.personId && u.date).map((u) => ({ personId: u.personId!, date: u.date!.format('YYYY-MM-DD') })),
    });
    message.success(t('roster.generated'));
    onDone(next);
  });
  const options = people.map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));
  const monthStart = dayjs(`${roster.month}-01`);
  const initialValues: Values = {
    pattern: roster.pattern,
    leaders: roster.leaders.map((p) => p.id),
    officers: roster.officers.map((p) => p.id),
    unavailable: roster.unavailable.map((u) => ({ personId: u.personId, date: dayjs(u.date) })),
  };
  const required = [{ required: true, message: t('common.requiredSelect') }];
  return (
    <FormModal<Values>
      open
      title={t('roster.generateTitle', { month: roster.month })}
      okText={t('roster.generate')}
      form={form}
      submission={submission}
      onClose={onClose}
      initialValues={initialValues}
      width={560}
      intro={<Typography.Paragraph type="secondary">{t('roster.generateHint')}</Typography.Paragraph>}
    >
      <Form.Item name="pattern" label={t('roster.pattern')} rules={required}>
        <Radio.Group options={SHIFT_PATTERN_KINDS.map((k) => ({ value: k, label: t(`shiftPattern.${k}`) }))} />
      </Form.Item>
      <Form.Item name="leaders" label={t('roster.leaders')} rules={required} extra={t('roster.rotationOrder')}>
        <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('roster.choosePeople')} />
      </Form.Item>
      <Form.Item name="officers" label={t('roster.officers')} rules={required}>
        <Select mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('roster.choosePeople')} />
      </Form.Item>
      <Typography.Text strong>{t('roster.unavailable')}</Typography.Text>
      <Form.List name="unavailable">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" style={{ marginTop: 8 }}>
                <Form.Item name={[field.name, 'personId']} rules={required} style={{ flex: 1, marginBottom: 0 }}>
                  <Select options={options} placeholder={t('roster.person')} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'date']} rules={required} style={{ marginBottom: 0 }}>
                  <DatePicker defaultPickerValue={monthStart} disabledDate={(d) => d.format('YYYY-MM') !== roster.month} placeholder={t('roster.date')} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginTop: 8 }} block>
              {t('roster.addUnavailable')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
