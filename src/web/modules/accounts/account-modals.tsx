import { useEffect, useState } from 'react';
import { App, Button, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { AccountView, PersonView } from '../../../contracts';
import { LIMITS, Username } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { zodRule } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { generatePassword, isStrongPassword } from '../../app/password';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from '../org/api';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import { accountsApi, type RoleCatalog } from './api';
import { RoleEditor, toGrants, type GrantItem } from './role-editor';

type Close = { onClose: () => void; onSaved: () => void };

/** The people of a unit, to link an account to the person it belongs to. */
function usePeopleOf(unitId: string | undefined): PersonView[] {
  const [people, setPeople] = useState<PersonView[]>([]);
  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    orgApi
      .people({ unitId, subtree: false, status: 'active', pageSize: LIMITS.pageSizeMax }, controller.signal)
      .then((page) => setPeople(page.items))
      .catch(() => setPeople([]));
    return () => controller.abort();
  }, [unitId]);
  return unitId ? people : [];
}

function PasswordInput({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t } = useI18n();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input id={id} value={value} onChange={(event) => onChange?.(event.target.value)} maxLength={LIMITS.passwordMax} autoComplete="new-password" />
      <Button icon={<ThunderboltOutlined />} onClick={() => onChange?.(generatePassword())}>
        {t('accounts.generate')}
      </Button>
    </Space.Compact>
  );
}

/** A new password, generated or typed: required, strong, and with the note to pass it on to its owner. */
function NewPasswordField({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="password"
      label={label}
      extra={
        <>
          {t('password.rule', { min: LIMITS.passwordMin })}
          <br />
          {t('accounts.passwordHint')}
        </>
      }
      rules={[
        { required: true, message: t('common.required') },
        {
          validator: async (_rule, value: string | undefined) => {
            if (value && !isStrongPassword(value)) throw new Error(t('password.weak', { min: LIMITS.passwordMin }));
          },
        },
      ]}
    >
      <PasswordInput />
    </Form.Item>
  );
}

type CreateValues = { username: string; displayName: string; unitId: string; personId?: string | null; password: string; roles: GrantItem[] };

export function CreateAccountModal({ open, catalog, onClose, onSaved }: Close & { open: boolean; catalog: RoleCatalog | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const unitId = Form.useWatch('unitId', form);
  const people = usePeopleOf(unitId);
  const [unitInitial, setUnitInitial] = useState<UnitOption | null>(null);

  const submission = useSubmit(
    form,
    async (values) => {
      await accountsApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        unitId: values.unitId,
        personId: values.personId ?? null,
        password: values.password,
        roles: toGrants(values.roles ?? []),
      });
      message.success(t('accounts.created'));
      onSaved();
    },
    { listUnshownFields: true },
  );

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={t('accounts.add')}
      onClose={onClose}
      width={720}
      initialValues={{ roles: [], password: generatePassword() }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="username"
            label={t('accounts.field.username')}
            extra={t('accounts.usernameHint', { min: LIMITS.usernameMin, max: LIMITS.usernameMax })}
            rules={[{ required: true, message: t('common.required') }, zodRule(Username, t('accounts.usernameInvalid'))]}
          >
            <Input maxLength={LIMITS.usernameMax} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="displayName" label={t('accounts.field.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="unitId" label={t('accounts.field.unit')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <UnitSelect initial={unitInitial} onChange={() => form.setFieldsValue({ personId: null })} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="personId" label={t('accounts.field.person')}>
            <Select
              allowClear
              disabled={!unitId}
              showSearch={{ optionFilterProp: 'label' }}
              options={people.map((person) => ({ value: person.id, label: `${person.name} ${person.phone}` }))}
              onChange={(id: string | undefined) => {
                const person = people.find((candidate) => candidate.id === id);
                if (person && !form.getFieldValue('displayName')) form.setFieldsValue({ displayName: person.name });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <NewPasswordField label={t('accounts.field.password')} />
        </Col>
        <Col xs={24}>
          <Form.Item name="roles" label={t('accounts.field.roles')}>
            <RoleEditor
              catalog={catalog}
              onChange={(grants) => {
                // Most accounts belong to the unit of their first role: fill it in when still empty.
                const first = grants[0];
                if (first && !form.getFieldValue('unitId')) {
                  setUnitInitial({ id: first.unitId, name: first.unitName, code: first.unitCode });
                  form.setFieldsValue({ unitId: first.unitId });
                }
              }}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

type EditValues = { displayName: string; personId?: string | null; status: 'active' | 'disabled' };

export function EditAccountModal({ account, onClose, onSaved }: Close & { account: AccountView | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const people = usePeopleOf(account?.unit.id);

  const submission = useSubmit(form, async (values) => {
    if (!account) return;
    await accountsApi.update(account.id, { displayName: values.displayName.trim(), personId: values.personId ?? null, status: values.status });
    message.success(t('common.saved'));
    onSaved();
  });

  return (
    <FormModal
      form={form}
      submission={submission}
      open={account !== null}
      title={t('accounts.edit')}
      onClose={onClose}
      initialValues={account ? { displayName: account.displayName, personId: account.personId, status: account.status } : undefined}
    >
      {account ? (
        <>
          <Form.Item label={t('accounts.field.username')}>
            <Typography.Text strong>{account.username}</Typography.Text> · {account.unit.name}
          </Form.Item>
          <Form.Item name="displayName" label={t('accounts.field.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
          <Form.Item name="personId" label={t('accounts.field.person')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people.map((person) => ({ value: person.id, label: `${person.name} ${person.phone}` }))} />
          </Form.Item>
          <Form.Item name="status" label={t('accounts.field.status')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'active', label: t('accountStatus.active') },
                { value: 'disabled', label: t('accountStatus.disabled') },
              ]}
            />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}

export function RolesModal({ account, catalog, onClose, onSaved }: Close & { account: AccountView | null; catalog: RoleCatalog | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: GrantItem[] }>();

  const submission = useSubmit(
    form,
    async (values) => {
      if (!account) return;
      await accountsApi.setRoles(account.id, toGrants(values.roles));
      message.success(t('accounts.rolesSaved'));
      onSaved();
    },
    { listUnshownFields: true },
  );

  return (
    <FormModal
      form={form}
      submission={submission}
      open={account !== null}
      title={account ? t('accounts.rolesTitle', { name: account.displayName }) : ''}
      onClose={onClose}
      width={720}
      initialValues={account ? { roles: account.roles } : undefined}
    >
      {account ? (
        <Form.Item name="roles">
          <RoleEditor catalog={catalog} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

export function ResetPasswordModal({ account, onClose, onSaved }: Close & { account: AccountView | null }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();

  const submission = useSubmit(form, async (values) => {
    if (!account) return;
    await accountsApi.resetPassword(account.id, values.password);
    modal.success({
      title: t('accounts.resetDone'),
      content: (
        <Typography.Paragraph copyable={{ text: values.password }} style={{ fontSize: 18, marginTop: 8 }}>
          <Typography.Text code>{values.password}</Typography.Text>
        </Typography.Paragraph>
      ),
      okText: t('common.close'),
    });
    onSaved();
  });

  return (
    <FormModal
      form={form}
      submission={submission}
      open={account !== null}
      title={account ? t('accounts.resetTitle', { name: account.displayName }) : ''}
      okText={t('accounts.resetPassword')}
      onClose={onClose}
      initialValues={{ password: generatePassword() }}
    >
      <NewPasswordField label={t('password.new')} />
    </FormModal>
  );
}
