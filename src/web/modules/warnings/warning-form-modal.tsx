import { App, Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LIMITS, WARNING_LEVEL_CODES, WARNING_LIMITS, WARNING_TYPE_CODES, type WarningDetail, type WarningLevel, type WarningType } from '../../../contracts';
import { useMe } from '../../app/auth';
import { FormModal } from '../../app/components/form-modal';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { useSubmit } from '../../app/use-submit';
import { warningsApi } from './api';
import { LEVEL_FILL, useWarningName } from './labels';
import { UnitsSelect } from './units-select';

type Values = {
  type: WarningType;
  level: WarningLevel;
  areaUnitIds: string[];
  areaDesc: string;
  period: [Dayjs, Dayjs];
  headline: string;
  text: string;
  exercise: boolean;
};

/** 登记预警: a warning received from the weather or natural resources bureau, entered by hand. */
export function WarningFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (w: WarningDetail) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const warningName = useWarningName();
  const [form] = Form.useForm<Values>();
  const exercise = Form.useWatch('exercise', form);

  const submission = useSubmit(form, async (v) => {
    const saved = await warningsApi.create({
      id: crypto.randomUUID(),
      type: v.type,
      level: v.level,
      areaUnitIds: v.areaUnitIds,
      areaDesc: v.areaDesc.trim(),
      effective: v.period[0].toISOString(),
      expires: v.period[1].toISOString(),
      headline: v.headline.trim(),
      text: v.text.trim(),
      exercise: v.exercise,
    });
    void message.success(t('warn.created'));
    onSaved(saved);
  });

  // The headline follows the type and level until someone types one of their own.
  const suggestHeadline = (type?: WarningType, level?: WarningLevel) => {
    if (!type || !level || form.isFieldTouched('headline')) return;
    // Not marked as touched: the suggestion keeps following until a person types.
    form.setFields([{ name: 'headline', value: t('warn.headlineSuggest', { unit: me.unit.name, name: warningName({ type, level }) }), touched: false }]);
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal<Values>
      open={open}
      title={t('warn.add')}
      width={isMobile ? undefined : 720}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={t('common.save')}
      initialValues={{ type: 'typhoon', exercise: false, areaUnitIds: [], period: [dayjs(), dayjs().add(24, 'hour')] }}
      onValuesChange={(changed: Partial<Values>, all) => {
        if ('type' in changed || 'level' in changed) suggestHeadline(all.type, all.level);
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="type" label={t('warn.field.type')} rules={[required]}>
            <Select<WarningType> options={WARNING_TYPE_CODES.map((c) => ({ value: c, label: t(`warnType.${c}`) }))} aria-label={t('warn.field.type')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="level" label={t('warn.field.level')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Radio.Group buttonStyle="solid" aria-label={t('warn.field.level')}>
              {WARNING_LEVEL_CODES.map((l) => (
                <Radio.Button key={l} value={l} style={{ borderColor: LEVEL_FILL[l].bg }}>
                  <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: LEVEL_FILL[l].bg, marginInlineEnd: 6 }} />
                  {t(`warnLevel.${l}`)} {LEVEL_FILL[l].roman}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="areaUnitIds" label={t('warn.field.areas')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect') }]}>
        <UnitsSelect
          placeholder={t('warn.areasPlaceholder')}
          onChange={(ids, units) => {
            form.setFieldValue('areaUnitIds', ids);
            if (!form.isFieldTouched('areaDesc')) form.setFields([{ name: 'areaDesc', value: units.map((u) => u.name).join('、'), touched: false }]);
          }}
        />
      </Form.Item>
      <Form.Item name="areaDesc" label={t('warn.field.areaDesc')} rules={[required, { max: LIMITS.addressMax, message: t('common.maxLength', { max: LIMITS.addressMax }) }]}>
        <Input placeholder={t('warn.areaDescHint')} maxLength={LIMITS.addressMax} />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('warn.field.period')}
        rules={[
          { required: true, message: t('common.requiredSelect') },
          { validator: async (_r, v?: [Dayjs, Dayjs]) => (v && !v[1].isAfter(v[0]) ? Promise.reject(new Error(t('warn.periodInvalid'))) : undefined) },
        ]}
      >
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} placeholder={[t('warn.field.effective'), t('warn.field.expires')]} />
      </Form.Item>
      <Form.Item name="headline" label={t('warn.field.headline')} rules={[required, { max: WARNING_LIMITS.headlineMax, message: t('common.maxLength', { max: WARNING_LIMITS.headlineMax }) }]}>
        <Input maxLength={WARNING_LIMITS.headlineMax} />
      </Form.Item>
      <Form.Item name="text" label={t('warn.field.text')} rules={[required]}>
        <Input.TextArea rows={4} maxLength={WARNING_LIMITS.textMax} showCount />
      </Form.Item>
      <Form.Item name="exercise" label={t('warn.field.exercise')} valuePropName="checked" extra={exercise ? t('warn.exerciseHint') : undefined}>
        <Switch checkedChildren={t('warn.exercise')} />
      </Form.Item>
    </FormModal>
  );
}
