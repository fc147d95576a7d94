import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { ArrowRightOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { UnitDetail, UnitLevel } from '../../../contracts';
import { CHILD_LEVEL, LIMITS, UNIT_KINDS, UNIT_LEVELS } from '../../../contracts';
import { FormError } from '../../app/components/form-error';
import { FormModal } from '../../app/components/form-modal';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from './api';
import { toUnitCreate, UnitFields, type UnitFormValues } from './unit-fields';
import { UnitSelect, type UnitOption } from './unit-select';
import { childCodePrefix, extendsParentCode, suggestMovedCode } from './codes';

export type UnitChanged = (updated?: UnitDetail, otherParents?: (string | null)[]) => Promise<void>;

const parentLevelOf = (level: UnitLevel): UnitLevel | null => {
  const index = UNIT_LEVELS.indexOf(level);
  return index > 0 ? UNIT_LEVELS[index - 1] : null;
};

export function AddChildButton({ detail, onChanged, block }: { detail: UnitDetail; onChanged: UnitChanged; block?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<UnitFormValues>();
  const submission = useSubmit(form, async (values) => {
    await orgApi.createUnit(toUnitCreate(values, detail.id));
    message.success(t('org.created'));
    setOpen(false);
    form.resetFields();
    await onChanged();
  });
  const childLevel = CHILD_LEVEL[detail.level];
  if (!childLevel || !detail.can.createChild || detail.status === 'retired') return null;

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} block={block}>
        {t('org.addChild')}
      </Button>
      <FormModal
        form={form}
        submission={submission}
        open={open}
        title={t('org.addChildTitle', { name: detail.name, level: t(`level.${childLevel}`) })}
        onClose={() => setOpen(false)}
        width={640}
        initialValues={{ kind: UNIT_KINDS[childLevel][0], code: childCodePrefix(detail) }}
      >
        <UnitFields level={childLevel} parent={detail} />
      </FormModal>
    </>
  );
}

export function MoveButton({ detail, onChanged }: { detail: UnitDetail; onChanged: UnitChanged }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<UnitOption | undefined>();
  const [code, setCode] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parentLevel = parentLevelOf(detail.level);
  const oldParent = detail.breadcrumb[detail.breadcrumb.length - 1];
  if (!detail.can.move || !parentLevel || !detail.parentId || !oldParent) return null;

  const newParent = target ? { code: target.code, level: target.level ?? parentLevel } : null;
  // The unit keeps its code when it still fits under the new parent; otherwise it needs a new one.
  const needsCode = newParent !== null && !extendsParentCode(newParent, detail.code);
  const codeProblem = needsCode && newParent && !extendsParentCode(newParent, code.trim()) ? t('org.codePrefix', { code: childCodePrefix(newParent) }) : null;

  const choose = (_id: string | undefined, unit: UnitOption | undefined) => {
    setTarget(unit);
    setError(null);
    if (unit) setCode(suggestMovedCode(detail.code, oldParent, { code: unit.code, level: unit.level ?? parentLevel }));
  };

  const submit = async () => {
    if (!target || codeProblem) return;
    setSaving(true);
    setError(null);
    try {
      const updated = await orgApi.moveUnit(detail.id, target.id, needsCode ? code.trim() : undefined);
      message.success(t('org.moved'));
      setOpen(false);
      await onChanged(updated, [target.id]);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<ArrowRightOutlined />} onClick={() => setOpen(true)}>
        {t('org.move')}
      </Button>
      <Modal
        open={open}
        title={t('org.moveTitle', { name: detail.name })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !target || codeProblem !== null }}
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <FormError error={error} />
        <Typography.Paragraph type="secondary">{t('org.moveHint', { level: t(`level.${parentLevel}`) })}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('org.newParent')} required>
            <UnitSelect level={parentLevel} value={target?.id} initial={target} onChange={choose} exclude={[detail.id, detail.parentId]} />
          </Form.Item>
          {needsCode ? (
            <Form.Item
              label={t('org.newCode')}
              required
              extra={t('org.newCodeHint', { code: detail.code })}
              validateStatus={codeProblem ? 'error' : undefined}
              help={codeProblem ?? undefined}
            >
              <Input value={code} onChange={(event) => setCode(event.target.value)} inputMode="numeric" maxLength={15} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}

export function RetireButton({ detail, onChanged }: { detail: UnitDetail; onChanged: UnitChanged }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const submission = useSubmit(form, async (values) => {
    const updated = await orgApi.retireUnit(detail.id, values.reason.trim());
    message.success(t('org.retired'));
    setOpen(false);
    await onChanged(updated);
  });
  if (!detail.can.retire) return null;

  if (detail.status === 'retired') {
    const restore = async () => {
      try {
        const updated = await orgApi.restoreUnit(detail.id);
        message.success(t('org.restored'));
        await onChanged(updated);
      } catch (caught) {
        message.error(errorText(caught));
      }
    };
    return (
      <Popconfirm title={t('org.restoreConfirm', { name: detail.name })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={restore}>
        <Button icon={<RollbackOutlined />}>{t('org.restore')}</Button>
      </Popconfirm>
    );
  }

  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)}>
        {t('org.retire')}
      </Button>
      <FormModal
        form={form}
        submission={submission}
        open={open}
        title={t('org.retireTitle', { name: detail.name })}
        okText={t('org.retire')}
        okButtonProps={{ danger: true }}
        onClose={() => setOpen(false)}
        intro={<Typography.Paragraph type="secondary">{t('org.retireHint')}</Typography.Paragraph>}
      >
        <Form.Item name="reason" label={t('org.retireReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea maxLength={LIMITS.reasonMax} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
