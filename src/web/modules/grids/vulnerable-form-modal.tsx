import { App, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { UnitDetail, VulnerableCategory, VulnerableView } from '../../../contracts';
import { LIMITS, Phone, VULNERABLE_CATEGORIES } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { blankToNull, zodRule } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { gridsApi } from './api';
import { GridPicker } from './grid-picker';
import { CategoryTag } from './labels';
import { HouseholdPicker, ResponsiblePicker, householdOption, personOption } from './pickers';

type Values = {
  unitId?: string;
  name: string;
  category: VulnerableCategory;
  phone?: string;
  householdId?: string | null;
  responsiblePersonId?: string | null;
  notes?: string;
  status?: 'active' | 'removed';
};

type Props = {
  open: boolean;
  person: VulnerableView | null;
  scope: UnitDetail;
  onClose: () => void;
  onSaved: (person: VulnerableView) => void;
};

export function VulnerableFormModal({ open, person, scope, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fixedGrid = person?.unit.id ?? (scope.level === 'grid' ? scope.id : undefined);
  const chosenGrid = Form.useWatch('unitId', form);
  const gridId = fixedGrid ?? chosenGrid;

  const submission = useSubmit(form, async (values) => {
    const common = {
      name: values.name.trim(),
      category: values.category,
      phone: blankToNull(values.phone),
      householdId: values.householdId ?? null,
      responsiblePersonId: values.responsiblePersonId ?? null,
      notes: blankToNull(values.notes),
    };
    const saved = person ? await gridsApi.updateVulnerable(person.id, { ...common, status: values.status }) : await gridsApi.createVulnerable({ ...common, unitId: gridId! });
    message.success(t('common.saved'));
    onSaved(saved);
  });

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={person ? t('grids.vulnerable.edit') : t('grids.vulnerable.add')}
      onClose={onClose}
      width={640}
      onValuesChange={(changed: Partial<Values>) => {
        // Another grid has other households and other people to look after them.
        if ('unitId' in changed) form.setFieldsValue({ householdId: null, responsiblePersonId: null });
      }}
      initialValues={
        person
          ? {
              name: person.name,
              category: person.category,
              phone: person.phone ?? '',
              householdId: person.household?.id ?? null,
              responsiblePersonId: person.responsible?.id ?? null,
              notes: person.notes ?? '',
              status: person.status,
            }
          : { category: 'elderly_alone' }
      }
    >
      <Row gutter={16}>
        {fixedGrid ? null : (
          <Col xs={24}>
            <Form.Item name="unitId" label={t('grids.field.grid')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <GridPicker scope={scope} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('grids.vulnerable.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label={t('grids.vulnerable.category')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Select<VulnerableCategory> options={VULNERABLE_CATEGORIES.map((c) => ({ value: c, label: <CategoryTag category={c} /> }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('common.phone')} rules={[zodRule(Phone, t('common.invalidPhone'))]}>
            <Input inputMode="tel" maxLength={LIMITS.phoneMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="householdId" label={t('grids.vulnerable.household')}>
            <HouseholdPicker gridId={gridId} initial={person?.household ? householdOption(person.household) : null} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="responsiblePersonId" label={t('grids.vulnerable.responsible')} extra={t('grids.vulnerable.responsibleHint')}>
            <ResponsiblePicker gridId={gridId} initial={person?.responsible ? personOption(person.responsible) : null} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={t('common.notes')}>
            <Input.TextArea maxLength={LIMITS.notesMax} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('grids.vulnerable.notesHint')} />
          </Form.Item>
        </Col>
        {person ? (
          <Col xs={24}>
            <Form.Item name="status" label={t('common.status')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'active', label: t('vulnerableStatus.active') },
                  { value: 'removed', label: t('vulnerableStatus.removed') },
                ]}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
