import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
import { useI18n } from '../i18n';
import type { Submission } from '../use-submit';
import { FormError } from './form-error';

type Props<V> = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'children' | 'destroyOnHidden'> & {
  form: FormInstance<V>;
  /** From useSubmit(form, …): the OK button sends the form through it. */
  submission: Submission<V>;
  onClose: () => void;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** Stands above the error and the fields (what the dialog is about). */
  intro?: ReactNode;
  children?: ReactNode;
};

/**
 * A dialog with one form: 保存/取消 (or `okText`), the button spinning while it saves, the last
 * error above the fields, the fields forgotten when it closes.
 */
export function FormModal<V>({ form, submission, onClose, initialValues, onValuesChange, intro, children, okText, ...modal }: Props<V>) {
  const { t } = useI18n();
  return (
    <Modal
      {...modal}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submission.saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro}
      <FormError error={submission.error} />
      <Form<V> form={form} layout="vertical" onFinish={submission.submit} preserve={false} initialValues={initialValues} onValuesChange={onValuesChange}>
        {children}
      </Form>
    </Modal>
  );
}
