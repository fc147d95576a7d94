import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { LIMITS } from '../../../contracts';
import { api } from '../../app/api';
import { useAuth, useMe } from '../../app/auth';
import { FormError } from '../../app/components/form-error';
import { useI18n } from '../../app/i18n';
import { isStrongPassword } from '../../app/password';
import { PageHeader } from '../../app/components/page-header';
import { useSubmit } from '../../app/use-submit';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

export default function ChangePasswordPage() {
  const me = useMe();
  const { refresh } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();

  const { saving, error, submit: onFinish } = useSubmit(form, async (values) => {
    await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
    await refresh();
    message.success(t('password.changed'));
    form.resetFields();
    void navigate('/', { replace: true });
  });

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 520 }}>
        {me.mustChangePassword ? <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} /> : null}
        <FormError error={error} />
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} disabled={saving}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule', { min: LIMITS.passwordMin })}
            rules={[
              { required: true, message: t('common.required') },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (value && !isStrongPassword(value)) throw new Error(t('password.weak', { min: LIMITS.passwordMin }));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
