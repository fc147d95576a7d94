import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DUTY_EVENT_GRADES, DUTY_EVENT_SOURCES, DUTY_EVENT_TYPES, type DutyEventDetail, type DutyEventGrade, type DutyEventSource, type DutyEventType } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { lazyMap } from '../../../app/map/lazy-map';
import { useSubmit } from '../../../app/use-submit';
import { dutyApi } from './api';

const LazyPickMap = lazyMap(() => import('./pick-map'));

type Values = {
  receivedAt: Dayjs;
  occurredAt?: Dayjs | null;
  source: DutyEventSource;
  callerName?: string;
  callerPhone?: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  type: DutyEventType;
  grade: DutyEventGrade;
  dead?: number | null;
  injured?: number | null;
  missing?: number | null;
  description: string;
};

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * 接报: what a duty officer types while on the phone, in under a minute. Time received defaults to
 * now; casualties left empty mean "not known yet". The id is made here, so a double click or a
 * retry after a lost answer stores the event once.
 */
export function IntakeModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (event: DutyEventDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const submission = useSubmit(form, async (v) => {
    const id = crypto.randomUUID();
    const saved = await dutyApi.receive({
      id,
      receivedAt: v.receivedAt.toISOString(),
      occurredAt: v.occurredAt ? v.occurredAt.toISOString() : undefined,
      source: v.source,
      callerName: v.callerName || null,
      callerPhone: v.callerPhone || null,
      address: v.address,
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      type: v.type,
      grade: v.grade,
      dead: v.dead ?? null,
      injured: v.injured ?? null,
      missing: v.missing ?? null,
      description: v.description,
    });
    void message.success(t('duty.intake.saved', { code: saved.code }));
    onSaved(saved);
  });
  const count = (name: 'dead' | 'injured' | 'missing') => (
    <Col xs={8}>
      <Form.Item name={name} label={t(`duty.intake.${name}`)}>
        <InputNumber min={0} max={100000} precision={0} placeholder={t('duty.intake.unknown')} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <FormModal<Values>
      open={open}
      title={t('duty.intake.title')}
      width={720}
      form={form}
      submission={submission}
      onClose={onClose}
      initialValues={{ receivedAt: dayjs(), source: 'phone', type: 'work_safety', grade: 'general' }}
      intro={
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('duty.intake.hint')}
        </Typography.Paragraph>
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="receivedAt" label={t('duty.intake.receivedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="occurredAt" label={t('duty.intake.occurredAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="source" label={t('duty.intake.source')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={DUTY_EVENT_SOURCES.map((s) => ({ value: s, label: t(`duty.source.${s}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="callerName" label={t('duty.intake.callerName')}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="callerPhone" label={t('duty.intake.callerPhone')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="type" label={t('duty.intake.type')} rules={[{ required: true }]}>
            <Select options={DUTY_EVENT_TYPES.map((x) => ({ value: x, label: t(`duty.type.${x}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="grade" label={t('duty.intake.grade')} rules={[{ required: true }]}>
            <Select options={DUTY_EVENT_GRADES.map((x) => ({ value: x, label: t(`duty.grade.${x}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('duty.intake.address')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 12 }}>
        {t('duty.intake.mapHint')}
      </Typography.Text>
      <LazyPickMap
        height={180}
        pick={typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null}
        onPick={(la, ln) => form.setFieldsValue({ lat: round6(la), lng: round6(ln) })}
        label={t('duty.intake.mapHint')}
        noTilesText={t('risks.map.noTiles')}
        failedText={t('risks.map.failed')}
      />
      <Form.Item name="lat" hidden>
        <InputNumber />
      </Form.Item>
      <Form.Item name="lng" hidden>
        <InputNumber />
      </Form.Item>
      <Row gutter={12} style={{ marginTop: 12 }}>
        {count('dead')}
        {count('injured')}
        {count('missing')}
      </Row>
      <Form.Item name="description" label={t('duty.intake.description')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
