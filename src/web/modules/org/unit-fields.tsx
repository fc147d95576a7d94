import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { UnitCreate, UnitDetail, UnitKind, UnitLevel, UnitUpdate } from '../../../contracts';
import { LIMITS, Phone, UNIT_KINDS, UnitCode } from '../../../contracts';
import { blankToNull, zodRule } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { childCodePrefix, extendsParentCode, type ParentCode } from './codes';

export type UnitFormValues = {
  kind: UnitKind;
  code: string;
  name: string;
  address?: string | null;
  phone?: string | null;
  lat?: number | null;
  lng?: number | null;
};

/** The editable fields of a unit, for both the add and the edit form. */
export function UnitFields({ level, parent }: { level: UnitLevel; parent: ParentCode | null }) {
  const { t } = useI18n();
  const prefix = parent ? childCodePrefix(parent) : null;
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item name="name" label={t('org.field.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: LIMITS.nameMax, message: t('common.maxLength', { max: LIMITS.nameMax }) }]}>
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="kind" label={t('org.field.kind')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <Select options={UNIT_KINDS[level].map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="code"
          label={t('org.field.code')}
          extra={prefix ? t('org.codeHint', { code: prefix }) : undefined}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            zodRule(UnitCode, t('org.codeInvalid')),
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value || !parent || !prefix) return;
                if (!extendsParentCode(parent, value.trim())) throw new Error(t('org.codePrefix', { code: prefix }));
              },
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={15} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(Phone, t('common.invalidPhone'))]}>
          <Input inputMode="tel" maxLength={LIMITS.phoneMax} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="address" label={t('common.address')} rules={[{ max: LIMITS.addressMax, message: t('common.maxLength', { max: LIMITS.addressMax }) }]}>
          <Input maxLength={LIMITS.addressMax} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item name="lat" label={t('org.field.lat')}>
          <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12}>
        <Form.Item name="lng" label={t('org.field.lng')}>
          <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function toUnitCreate(values: UnitFormValues, parentId: string): UnitCreate {
  return {
    parentId,
    kind: values.kind,
    code: values.code.trim(),
    name: values.name.trim(),
    address: blankToNull(values.address),
    phone: blankToNull(values.phone),
    lat: values.lat ?? null,
    lng: values.lng ?? null,
  };
}

export function unitFormValues(detail: UnitDetail): UnitFormValues {
  return {
    kind: detail.kind,
    code: detail.code,
    name: detail.name,
    address: detail.address ?? '',
    phone: detail.phone ?? '',
    lat: detail.lat,
    lng: detail.lng,
  };
}

/** Only what changed, so saving an untouched code cannot collide with anything. */
export function toUnitUpdate(values: UnitFormValues, detail: UnitDetail): UnitUpdate {
  const update: UnitUpdate = {};
  if (values.kind !== detail.kind) update.kind = values.kind;
  if (values.code.trim() !== detail.code) update.code = values.code.trim();
  if (values.name.trim() !== detail.name) update.name = values.name.trim();
  if (blankToNull(values.address) !== detail.address) update.address = blankToNull(values.address);
  if (blankToNull(values.phone) !== detail.phone) update.phone = blankToNull(values.phone);
  if ((values.lat ?? null) !== detail.lat) update.lat = values.lat ?? null;
  if ((values.lng ?? null) !== detail.lng) update.lng = values.lng ?? null;
  return update;
}
