import { App, Form, Input, Select, Typography } from 'antd';
import { LIMITS, type PersonView, type RosterView } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { useSubmit } from '../../../app/use-submit';
import { rosterApi } from './api';
import type { CellTarget } from './roster-grid';

type Values = { personId?: string | null; reason?: string };

/**
 * One cell of the grid. A manager sets who holds the role (or leaves it empty); the holder of a
 * published shift asks for a swap (替班) instead, which a manager approves.
 */
export function ShiftModal({ roster, target, people, onClose, onDone }: { roster: RosterView; target: CellTarget; people: PersonView[]; onClose: () => void; onDone: (r: RosterView | null) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { shift, role } = target;
  const holder = shift[role];
  const swap = !roster.can.manage;
  const submission = useSubmit(form, async (v) => {
    if (swap) {
      await rosterApi.requestSwap({ rosterId: roster.id!, shiftKey: shift.key, role, fromPersonId: holder!.id, toPersonId: v.personId!, reason: v.reason ?? '' });
      message.success(t('swap.requested'));
      onDone(null);
    } else {
      const next = await rosterApi.editShift(roster.id!, { shiftKey: shift.key, role, personId: v.personId ?? null });
      message.success(t('common.saved'));
      onDone(next);
    }
  });
  const options = people.filter((p) => !swap || p.id !== holder?.id).map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }));
  const what = `${shift.date} ${locale === 'en' ? shift.labelEn : shift.labelZh} · ${t(`dutyRole.${role}`)}`;
  return (
    <FormModal<Values>
      open
      title={swap ? t('swap.title') : t('roster.editShift')}
      okText={swap ? t('swap.submit') : undefined}
      form={form}
      submission={submission}
      onClose={onClose}
      initialValues={{ personId: swap ? undefined : (holder?.id ?? null) }}
      intro={
        <Typography.Paragraph>
          {what}
          {holder ? <Typography.Text type="secondary">（{t('roster.now')}：{holder.name}）</Typography.Text> : null}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="personId" label={swap ? t('swap.to') : t('roster.person')} rules={swap ? [{ required: true, message: t('common.requiredSelect') }] : undefined}>
        <Select options={options} allowClear={!swap} placeholder={swap ? t('roster.choosePeople') : t('roster.leaveEmpty')} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      {swap ? (
        <Form.Item name="reason" label={t('swap.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea maxLength={LIMITS.reasonMax} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
