import { useEffect, useMemo, useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { RiskCreate, RiskLevel, RiskMapPoint, RiskPointDetail, RiskType, RiskUpdate } from '../../../contracts';
import { LIMITS, RISK_LEVELS, RISK_LIMITS, RISK_TYPES } from '../../../contracts';
import { ApiError } from '../../app/api';
import { FormModal } from '../../app/components/form-modal';
import { useI18n } from '../../app/i18n';
import { lazyMap } from '../../app/map/lazy-map';
import { useIsMobile } from '../../app/use-is-mobile';
import { useSubmit } from '../../app/use-submit';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import { risksApi } from './api';
import { levelFill } from './labels';
import { PersonSelect } from './person-select';

const LazyRiskMap = lazyMap(() => import('./risk-map'));

type Values = {
  unitId?: string;
  name: string;
  type: RiskType;
  level: RiskLevel;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  responsiblePersonId?: string;
  controlMeasures: string;
  checkCycleDays: number;
};

type Props = {
  open: boolean;
  /** The point being edited; null to register one. */
  point: RiskPointDetail | null;
  /** Where a new point goes by default (the unit chosen in the page's filter). */
  defaultUnit?: UnitOption | null;
  onClose: () => void;
  onSaved: (point: RiskPointDetail) => void;
};

/** Errors that concern one field of this form although the server sends them without `fields`. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  RISK_UNIT_LEVEL: 'unitId',
  UNIT_RETIRED: 'unitId',
  RISK_PERSON_INVALID: 'responsiblePersonId',
};

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Location: a small map to click on, and the two numbers for those who have them from a GPS. */
function LocationField({ form, level, others }: { form: FormInstance<Values>; level?: RiskLevel; others: RiskMapPoint[] }) {
  const { t } = useI18n();
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const pick = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng, level } : null;
  const points = useMemo(() => others.map((p) => ({ id: p.id, lat: p.lat, lng: p.lng, level: p.level, label: p.name })), [others]);
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 12 }}>
        {t('risks.map.pickHint')}
      </Typography.Text>
      <LazyRiskMap
        height={220}
        points={points}
        pick={pick}
        onPick={(la, ln) => form.setFieldsValue({ lat: round6(la), lng: round6(ln) })}
        label={t('risks.map.label')}
        noTilesText={t('risks.map.noTiles')}
        failedText={t('risks.map.failed')}
      />
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col xs={12}>
          <Form.Item name="lat" label={t('risks.field.lat')} rules={[{ required: true, message: t('risks.map.required') }]}>
            <InputNumber min={-90} max={90} step={0.0001} precision={6} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="lng" label={t('risks.field.lng')} rules={[{ required: true, message: t('risks.map.required') }]}>
            <InputNumber min={-180} max={180} step={0.0001} precision={6} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function RiskFormModal({ open, point, defaultUnit, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [others, setOthers] = useState<RiskMapPoint[]>([]);
  const level = Form.useWatch('level', form);

  // The other points nearby, for orientation on a map without a base layer.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    risksApi
      .map(undefined, controller.signal)
      .then((res) => setOthers(res.items.filter((p) => p.id !== point?.id)))
      .catch(() => setOthers([]));
    return () => controller.abort();
  }, [open, point?.id]);

  const submission = useSubmit(
    form,
    async (values) => {
      const common = {
        name: values.name.trim(),
        type: values.type,
        level: values.level,
        lat: values.lat!,
        lng: values.lng!,
        address: values.address?.trim() || null,
        responsiblePersonId: values.responsiblePersonId!,
        controlMeasures: values.controlMeasures.trim(),
        checkCycleDays: values.checkCycleDays,
      };
      let saved: RiskPointDetail;
      if (point) {
        const update: RiskUpdate = common;
        saved = await risksApi.update(point.id, update);
      } else {
        const create: RiskCreate = { unitId: values.unitId!, ...common };
        saved = await risksApi.create(create);
      }
      message.success(point ? t('common.saved') : t('risks.created'));
      onSaved(saved);
    },
    {
      onError: (caught) => {
        const field = caught instanceof ApiError ? FIELD_OF_CODE[caught.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorText(caught)] }]);
      },
    },
  );

  const initialValues: Partial<Values> = point
    ? {
        name: point.name,
        type: point.type,
        level: point.level,
        lat: point.lat,
        lng: point.lng,
        address: point.address ?? '',
        responsiblePersonId: point.responsiblePerson.id,
        controlMeasures: point.controlMeasures,
        checkCycleDays: point.checkCycleDays,
      }
    : { unitId: defaultUnit?.id, level: 'general', type: 'geological', checkCycleDays: 30 };

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={point ? t('risks.edit') : t('risks.add')}
      onClose={onClose}
      width={760}
      style={isMobile ? { top: 12 } : undefined}
      initialValues={initialValues}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {point ? (
            <Form.Item label={t('risks.field.unit')}>
              <Input value={point.unit.name} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="unitId" label={t('risks.field.unit')} extra={t('risks.unitHint')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <UnitSelect initial={defaultUnit ?? null} />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('risks.field.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
          <Form.Item name="type" label={t('risks.field.type')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Select<RiskType> options={RISK_TYPES.map((type) => ({ value: type, label: t(`riskType.${type}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('risks.field.level')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={RISK_LEVELS.map((l) => ({
                value: l,
                label: (
                  <span>
                    <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: levelFill(l).bg, marginInlineEnd: 6 }} />
                    {t(`riskLevel.${l}`)}
                  </span>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item name="responsiblePersonId" label={t('risks.field.person')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <PersonSelect
              initial={point ? { id: point.responsiblePerson.id, name: point.responsiblePerson.name, phone: point.responsiblePerson.phone, unitName: point.responsiblePerson.unitName } : null}
            />
          </Form.Item>
          <Form.Item label={t('risks.field.cycle')} required>
            <Space wrap>
              <Form.Item name="checkCycleDays" noStyle rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={RISK_LIMITS.cycleDaysMin} max={RISK_LIMITS.cycleDaysMax} precision={0} suffix={t('risks.daysUnit')} style={{ width: 110 }} />
              </Form.Item>
              {RISK_LIMITS.cyclePresets.map((days) => (
                <Button key={days} size="small" onClick={() => form.setFieldsValue({ checkCycleDays: days })}>
                  {t(`risks.cyclePreset.${days}`)}
                </Button>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <LocationField form={form} level={level} others={others} />
          <Form.Item name="address" label={t('risks.field.address')}>
            <Input maxLength={LIMITS.addressMax} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="controlMeasures" label={t('risks.field.measures')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea maxLength={RISK_LIMITS.measuresMax} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
