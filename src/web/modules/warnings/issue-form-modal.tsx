import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_ESCALATION, ROLES, WARNING_LEVEL_CODES, WARNING_LIMITS, type EscalationPolicy, type Role, type WarningDetail, type WarningIssueView } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { blankToNull } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { useSubmit } from '../../app/use-submit';
import { warningsApi } from './api';
import { UnitsSelect } from './units-select';

type Tier = EscalationPolicy['tiers'][number];
type Values = { unitIds: string[]; roles: Role[]; requireAnswer: boolean; note?: string };

/** Orange and above need everyone's answer unless the issuer says otherwise (the server's default too). */
const answerByDefault = (level: WarningDetail['level']) => WARNING_LEVEL_CODES.indexOf(level) <= WARNING_LEVEL_CODES.indexOf('orange');

/** The escalation tiers: wait this many minutes after the previous tier, then remind or tell the superior. */
function TiersEditor({ tiers, onChange }: { tiers: Tier[]; onChange: (tiers: Tier[]) => void }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<Tier>) => onChange(tiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)));
  return (
    <Flex vertical gap={8} data-testid="tiers">
      {tiers.map((tier, i) => (
        <Flex key={i} gap={8} align="center" wrap data-testid="tier">
          <Typography.Text style={{ width: 56 }}>{t('warn.issueForm.tier', { n: i + 1 })}</Typography.Text>
          <Typography.Text type="secondary">{t('warn.issueForm.after')}</Typography.Text>
          <InputNumber
            min={1}
            max={WARNING_LIMITS.waitMinutesMax}
            precision={0}
            value={tier.waitMinutes}
            onChange={(v) => set(i, { waitMinutes: v ?? 1 })}
            style={{ width: 80 }}
            aria-label={`${t('warn.issueForm.tier', { n: i + 1 })} ${t('warn.issueForm.minutes')}`}
          />
          <Typography.Text type="secondary">{t('warn.issueForm.minutes')}</Typography.Text>
          <Select<Tier['action']>
            value={tier.action}
            onChange={(action) => set(i, { action })}
            style={{ width: 140 }}
            options={[
              { value: 'remind', label: t('warn.issueForm.remind') },
              { value: 'superior', label: t('warn.issueForm.superior') },
            ]}
            aria-label={`${t('warn.issueForm.tier', { n: i + 1 })} ${t('common.actions')}`}
          />
          <Button type="text" icon={<DeleteOutlined />} disabled={tiers.length <= 1} onClick={() => onChange(tiers.filter((_, j) => j !== i))} aria-label={t('common.delete')} />
        </Flex>
      ))}
      <Flex gap={8}>
        <Button size="small" icon={<PlusOutlined />} disabled={tiers.length >= WARNING_LIMITS.tiersMax} onClick={() => onChange([...tiers, { waitMinutes: 15, action: 'superior' }])}>
          {t('warn.issueForm.addTier')}
        </Button>
        <Button size="small" type="link" onClick={() => onChange(DEFAULT_ESCALATION.tiers)}>
          {t('warn.issueForm.resetTiers')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** 发布: sends the warning to everyone holding the chosen roles on the chosen units and below. */
export function IssueFormModal({ warning, open, onClose, onIssued }: { warning: WarningDetail; open: boolean; onClose: () => void; onIssued: (issue: WarningIssueView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [tiers, setTiers] = useState<Tier[]>(DEFAULT_ESCALATION.tiers);
  const requireAnswer = Form.useWatch('requireAnswer', form);

  const submission = useSubmit(
    form,
    async (v) => {
      const issue = await warningsApi.issue(warning.id, {
        id: crypto.randomUUID(),
        unitIds: v.unitIds,
        roles: v.roles ?? [],
        requireAnswer: v.requireAnswer,
        policy: v.requireAnswer ? { tiers } : undefined,
        note: blankToNull(v.note),
      });
      void message.success(t('warn.issueForm.done', { n: issue.recipients }));
      onIssued(issue);
    },
    { listUnshownFields: true },
  );

  return (
    <FormModal<Values>
      open={open}
      title={t('warn.issueForm.title')}
      width={isMobile ? undefined : 680}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={t('warn.issue')}
      initialValues={{ unitIds: warning.areaUnits.map((u) => u.id), roles: [], requireAnswer: answerByDefault(warning.level) }}
      intro={warning.exercise ? <Alert type="info" showIcon title={t('warn.issueForm.exercise')} style={{ marginBottom: 12 }} /> : null}
    >
      <Form.Item name="unitIds" label={t('warn.issueForm.targets')} extra={t('warn.issueForm.targetsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect') }]}>
        <UnitsSelect initial={warning.areaUnits} onChange={(ids) => form.setFieldValue('unitIds', ids)} />
      </Form.Item>
      <Form.Item name="roles" label={t('warn.issueForm.roles')} extra={t('warn.issueForm.rolesHint')}>
        <Select<Role[]> mode="multiple" allowClear options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} placeholder={t('common.all')} />
      </Form.Item>
      <Form.Item name="requireAnswer" valuePropName="checked" extra={t('warn.issueForm.requireAnswerHint')}>
        <Checkbox>{t('warn.issueForm.requireAnswer')}</Checkbox>
      </Form.Item>
      {requireAnswer ? (
        <Form.Item label={t('warn.issueForm.policy')} extra={t('warn.issueForm.policyHint')}>
          <TiersEditor tiers={tiers} onChange={setTiers} />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('warn.issueForm.note')}>
        <Input.TextArea rows={2} maxLength={WARNING_LIMITS.noteMax} />
      </Form.Item>
    </FormModal>
  );
}
