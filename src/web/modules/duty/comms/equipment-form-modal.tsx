import { App, Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { CommsEquipmentDetail, CommsKind } from '../../../../contracts';
import { COMMS_KINDS, COMMS_LIMITS } from '../../../../contracts';
import { ApiError } from '../../../app/api';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { useIsMobile } from '../../../app/use-is-mobile';
import { useSubmit } from '../../../app/use-submit';
import { UnitSelect, type UnitOption } from '../../org/unit-select';
import { commsApi } from './api';
import { KeeperSelect } from './keeper-select';

type Values = {
  unitId?: string;
  kind: CommsKind;
  model: string;
  identifier: string;
  place?: string | null;
  keeperId?: string;
  testIntervalDays: number;
};

type Props = {
  open: boolean;
  /** The item being edited; null to register one. */
  item: CommsEquipmentDetail | null;
  /** Where new equipment goes by default (the page's unit filter, else the user's station). */
  defaultUnit?: UnitOption | null;
  onClose: () => void;
  onSaved: (item: CommsEquipmentDetail) => void;
};

/** Errors that concern one field although the server sends them without `fields`. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  COMMS_UNIT_LEVEL: 'unitId',
  UNIT_RETIRED: 'unitId',
  COMMS_KEEPER_INVALID: 'keeperId',
};

const INTERVAL_PRESETS = [7, 30] as const;

/** Registers or edits an item of comms equipment (卫星电话, 视频会议系统, 应急广播 …). */
export function EquipmentFormModal({ open, item, defaultUnit, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const chosenUnit = Form.useWatch('unitId', form);
  const unitId = item ? item.unit.id : chosenUnit;

  const submission = useSubmit(
    form,
    async (values) => {
      const common = {
        kind: values.kind,
        model: values.model.trim(),
        identifier: values.identifier.trim(),
        place: values.place?.trim() || null,
        keeperId: values.keeperId!,
        testIntervalDays: values.testIntervalDays,
      };
      const saved = item ? await commsApi.update(item.id, common) : await commsApi.create({ unitId: values.unitId!, ...common });
      message.success(item ? t('common.saved') : t('comms.created'));
      onSaved(saved);
    },
    {
      onError: (caught) => {
        const field = caught instanceof ApiError ? FIELD_OF_CODE[caught.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorText(caught)] }]);
      },
    },
  );

  const initialValues: Partial<Values> = item
    ? { kind: item.kind, model: item.model, identifier: item.identifier, place: item.place ?? '', keeperId: item.keeper.id, testIntervalDays: item.testIntervalDays }
    : { unitId: defaultUnit?.id, kind: 'satellite_phone', testIntervalDays: COMMS_LIMITS.intervalDaysDefault };

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={item ? t('comms.edit') : t('comms.add')}
      onClose={onClose}
      width={640}
      style={isMobile ? { top: 12 } : undefined}
      initialValues={initialValues}
      onValuesChange={(changed: Partial<Values>) => {
        // Keepers belong to the unit: another unit means choosing the keeper again.
        if ('unitId' in changed) form.setFieldsValue({ keeperId: undefined });
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {item ? (
            <Form.Item label={t('comms.field.unit')}>
              <Input value={item.unit.name} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="unitId" label={t('comms.field.unit')} extra={t('comms.unitHint')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <UnitSelect initial={defaultUnit ?? null} />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('comms.field.kind')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Select<CommsKind> options={COMMS_KINDS.map((kind) => ({ value: kind, label: t(`commsKind.${kind}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="model" label={t('comms.field.model')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={COMMS_LIMITS.modelMax} placeholder={t('comms.modelPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="identifier" label={t('comms.field.identifier')} extra={t('comms.identifierHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={COMMS_LIMITS.identifierMax} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('comms.field.place')}>
            <Input maxLength={COMMS_LIMITS.placeMax} placeholder={t('comms.placePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="keeperId" label={t('comms.field.keeper')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <KeeperSelect unitId={unitId} initial={item ? item.keeper : null} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('comms.field.interval')} required>
            <Space wrap>
              <Form.Item name="testIntervalDays" noStyle rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={COMMS_LIMITS.intervalDaysMin} max={COMMS_LIMITS.intervalDaysMax} precision={0} suffix={t('comms.daysUnit')} style={{ width: 110 }} aria-label={t('comms.field.interval')} />
              </Form.Item>
              {INTERVAL_PRESETS.map((days) => (
                <Button key={days} size="small" onClick={() => form.setFieldsValue({ testIntervalDays: days })}>
                  {t(`comms.intervalPreset.${days}`)}
                </Button>
              ))}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
