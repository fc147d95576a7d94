import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { PLAN_LIMITS, RESPONSE_LEVEL_ROMAN, type PersonView, type PlanActionView, type PlanDetail, type ResponseLevel } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from '../org/api';
import { plansApi } from './api';

type Values = { action: string; ownerPost: string; ownerPersonId?: string | null; timeLimitMinutes?: number | null };

type Props = {
  plan: PlanDetail;
  /** The level a new action goes to, or the action being edited. */
  target: { level: ResponseLevel; action: PlanActionView | null } | null;
  onClose: () => void;
  onSaved: (plan: PlanDetail) => void;
};

/** Adds or edits one checklist action: what, which post answers for it (and optionally who), and how soon. */
export function ActionModal({ plan, target, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [people, setPeople] = useState<PersonView[]>([]);

  // The people in post at the plan's own unit: an action's owner is one of them.
  useEffect(() => {
    if (!target) return;
    const controller = new AbortController();
    orgApi
      .people({ unitId: plan.unit.id, subtree: false, status: 'active', pageSize: 200 }, controller.signal)
      .then((page) => setPeople(page.items))
      .catch(() => setPeople([]));
    return () => controller.abort();
  }, [target, plan.unit.id]);

  const submission = useSubmit(form, async (values) => {
    const body = { action: values.action.trim(), ownerPost: values.ownerPost.trim(), ownerPersonId: values.ownerPersonId ?? null, timeLimitMinutes: values.timeLimitMinutes ?? null };
    const saved = target!.action ? await plansApi.updateAction(target!.action.id, body) : await plansApi.addAction(plan.id, { ...body, level: target!.level });
    message.success(t('common.saved'));
    onSaved(saved);
  });

  const editing = target?.action ?? null;
  return (
    <FormModal
      form={form}
      submission={submission}
      open={target !== null}
      title={`${target ? t('plans.level', { roman: RESPONSE_LEVEL_ROMAN[target.level] }) : ''} · ${editing ? t('plans.editAction') : t('plans.addAction')}`}
      onClose={onClose}
      initialValues={editing ? { action: editing.action, ownerPost: editing.ownerPost, ownerPersonId: editing.ownerPerson?.id ?? null, timeLimitMinutes: editing.timeLimitMinutes } : {}}
    >
      <Form.Item name="action" label={t('plans.action.action')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea maxLength={PLAN_LIMITS.actionMax} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="ownerPost" label={t('plans.action.ownerPost')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={PLAN_LIMITS.ownerPostMax} placeholder={t('plans.action.ownerPostPlaceholder')} />
      </Form.Item>
      <Form.Item name="ownerPersonId" label={t('plans.action.ownerPerson')} extra={t('plans.action.ownerPersonHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            ...(editing?.ownerPerson && !people.some((p) => p.id === editing.ownerPerson!.id) ? [{ value: editing.ownerPerson.id, label: editing.ownerPerson.name }] : []),
            ...people.map((p) => ({ value: p.id, label: `${p.name}${p.title ? `（${p.title}）` : ''} ${p.phone}` })),
          ]}
        />
      </Form.Item>
      <Form.Item name="timeLimitMinutes" label={t('plans.action.timeLimit')} extra={t('plans.action.timeLimitHint')}>
        <InputNumber min={1} max={PLAN_LIMITS.timeLimitMinutesMax} precision={0} suffix={t('plans.action.minutes')} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
