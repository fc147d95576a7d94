import { App, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import type { HouseholdView, UnitDetail } from '../../../contracts';
import { GRID_LIMITS, LIMITS, Phone } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { blankToNull, zodRule } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { gridsApi } from './api';
import { GridPicker } from './grid-picker';

type Values = {
  unitId?: string;
  address: string;
  headName: string;
  phone?: string;
  members: number;
  notes?: string;
  status?: 'active' | 'moved_out';
};

type Props = {
  open: boolean;
  /** The household being edited; null to register one. */
  household: HouseholdView | null;
  /** The unit chosen on the page: a grid is the new household's grid, a larger unit offers its grids. */
  scope: UnitDetail;
  onClose: () => void;
  onSaved: (household: HouseholdView) => void;
};

export function HouseholdFormModal({ open, household, scope, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fixedGrid = scope.level === 'grid' ? scope.id : null;

  const submission = useSubmit(form, async (values) => {
    const common = { address: values.address.trim(), headName: values.headName.trim(), phone: blankToNull(values.phone), members: values.members, notes: blankToNull(values.notes) };
    const saved = household
      ? await gridsApi.updateHousehold(household.id, { ...common, status: values.status })
      : await gridsApi.createHousehold({ ...common, unitId: fixedGrid ?? values.unitId! });
    message.success(t('common.saved'));
    onSaved(saved);
  });

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={household ? t('grids.household.edit') : t('grids.household.add')}
      onClose={onClose}
      width={600}
      initialValues={
        household
          ? { address: household.address, headName: household.headName, phone: household.phone ?? '', members: household.members, notes: household.notes ?? '', status: household.status }
          : { members: 1 }
      }
    >
      <Row gutter={16}>
        {household || fixedGrid ? null : (
          <Col xs={24}>
            <Form.Item name="unitId" label={t('grids.field.grid')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <GridPicker scope={scope} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item name="address" label={t('grids.household.address')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.addressMax} placeholder={t('grids.household.addressHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="headName" label={t('grids.household.head')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(Phone, t('common.invalidPhone'))]}>
            <Input inputMode="tel" maxLength={LIMITS.phoneMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="members" label={t('grids.household.members')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={GRID_LIMITS.membersMax} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {household ? (
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('common.status')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'active', label: t('householdStatus.active') },
                  { value: 'moved_out', label: t('householdStatus.moved_out') },
                ]}
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="notes" label={t('common.notes')}>
            <Input.TextArea maxLength={LIMITS.notesMax} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
