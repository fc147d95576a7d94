import { App, Col, Form, Input, Radio, Row } from 'antd';
import type { PersonCreate, PersonUpdate, PersonView } from '../../../contracts';
import { LIMITS, Phone } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { blankToNull, zodRule } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from './api';
import { UnitSelect, type UnitOption } from './unit-select';

type PersonFormValues = {
  unitId?: string;
  name: string;
  phone: string;
  gender?: 'male' | 'female' | null;
  title?: string | null;
  notes?: string | null;
  status?: 'active' | 'left';
};

type Props = {
  open: boolean;
  /** The person being edited; null to add one. */
  person: PersonView | null;
  /** The unit a new person joins; when absent the form asks for it. */
  unit?: UnitOption | null;
  onClose: () => void;
  onSaved: (person: PersonView) => void;
};

export function PersonFormModal({ open, person, unit, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();

  const submission = useSubmit(form, async (values) => {
    const common = {
      name: values.name.trim(),
      phone: values.phone.trim(),
      gender: values.gender ?? null,
      title: blankToNull(values.title),
      notes: blankToNull(values.notes),
    };
    let saved: PersonView;
    if (person) {
      const update: PersonUpdate = { ...common, ...(values.status ? { status: values.status } : {}) };
      saved = await orgApi.updatePerson(person.id, update);
    } else {
      const unitId = unit?.id ?? values.unitId;
      if (!unitId) return;
      const create: PersonCreate = { unitId, ...common };
      saved = await orgApi.createPerson(create);
    }
    message.success(t('common.saved'));
    onSaved(saved);
  });

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={person ? t('people.edit') : t('people.add')}
      onClose={onClose}
      width={600}
      initialValues={
        person
          ? { name: person.name, phone: person.phone, gender: person.gender, title: person.title ?? '', notes: person.notes ?? '', status: person.status }
          : { unitId: unit?.id }
      }
    >
      <Row gutter={16}>
        {person || unit ? null : (
          <Col xs={24}>
            <Form.Item name="unitId" label={t('people.field.unit')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <UnitSelect />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('people.field.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('people.field.phone')} rules={[{ required: true, whitespace: true, message: t('common.required') }, zodRule(Phone, t('common.invalidPhone'))]}>
            <Input inputMode="tel" maxLength={LIMITS.phoneMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="title" label={t('people.field.title')}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="gender" label={t('people.field.gender')}>
            <Radio.Group
              options={[
                { value: 'male', label: t('gender.male') },
                { value: 'female', label: t('gender.female') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={t('common.notes')}>
            <Input.TextArea maxLength={LIMITS.notesMax} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Col>
        {person ? (
          <Col xs={24}>
            <Form.Item name="status" label={t('common.status')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'active', label: t('personStatus.active') },
                  { value: 'left', label: t('personStatus.left') },
                ]}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormModal>
  );
}
