import { App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LIMITS, PLAN_HAZARDS, PLAN_KINDS, PLAN_LIMITS, PLAN_SETTINGS, PLAN_STATUSES, PLAN_UNIT_LEVELS } from '../../../contracts';
import type { PlanDetail, PlanHazard, PlanKind, PlanSetting, PlanStatus } from '../../../contracts';
import { ApiError } from '../../app/api';
import { FormModal } from '../../app/components/form-modal';
import { blankToNull } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { useSubmit } from '../../app/use-submit';
import { UnitSelect, type UnitOption } from '../org/unit-select';
import { plansApi } from './api';

type Values = {
  unitId?: string;
  name: string;
  kind: PlanKind;
  setting: PlanSetting;
  hazards: PlanHazard[];
  status: PlanStatus;
  version: string;
  approvedOn?: Dayjs | null;
  revisionDue?: Dayjs | null;
  summary?: string | null;
};

type Props = {
  open: boolean;
  /** The plan being edited; null to create one. */
  plan: PlanDetail | null;
  defaultUnit?: UnitOption | null;
  onClose: () => void;
  onSaved: (plan: PlanDetail) => void;
};

const FIELD_OF_CODE: Record<string, keyof Values> = { PLAN_UNIT_LEVEL: 'unitId', UNIT_RETIRED: 'unitId' };
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Creates or revises a plan's particulars (its checklists, rules, drills and file are edited on the plan's page). */
export function PlanFormModal({ open, plan, defaultUnit, onClose, onSaved }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();

  const submission = useSubmit(
    form,
    async (values) => {
      const common = {
        name: values.name.trim(),
        kind: values.kind,
        setting: values.setting,
        hazards: values.hazards,
        version: values.version.trim(),
        approvedOn: day(values.approvedOn),
        revisionDue: day(values.revisionDue),
        summary: blankToNull(values.summary),
      };
      const saved = plan
        ? await plansApi.update(plan.id, { ...common, status: values.status })
        : await plansApi.create({ ...common, unitId: values.unitId!, status: values.status === 'retired' ? 'draft' : values.status });
      message.success(plan ? t('common.saved') : t('plans.created'));
      onSaved(saved);
    },
    {
      onError: (caught) => {
        const field = caught instanceof ApiError ? FIELD_OF_CODE[caught.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorText(caught)] }]);
      },
    },
  );

  const initialValues: Partial<Values> = plan
    ? {
        name: plan.name,
        kind: plan.kind,
        setting: plan.setting,
        hazards: plan.hazards,
        status: plan.status,
        version: plan.version,
        approvedOn: plan.approvedOn ? dayjs(plan.approvedOn) : null,
        revisionDue: plan.revisionDue ? dayjs(plan.revisionDue) : null,
        summary: plan.summary ?? '',
      }
    : { unitId: defaultUnit?.id, kind: 'special', setting: 'general', hazards: [], status: 'draft' };

  const statuses = plan ? PLAN_STATUSES : PLAN_STATUSES.filter((s) => s !== 'retired');
  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={plan ? t('plans.edit') : t('plans.add')}
      onClose={onClose}
      width={720}
      style={isMobile ? { top: 12 } : undefined}
      initialValues={initialValues}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {plan ? (
            <Form.Item label={t('plans.field.unit')}>
              <Input value={plan.unit.name} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="unitId" label={t('plans.field.unit')} extra={t('plans.unitHint')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <UnitSelect initial={defaultUnit && (PLAN_UNIT_LEVELS as readonly string[]).includes(defaultUnit.level ?? '') ? defaultUnit : null} />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('plans.field.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('plans.field.kind')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={PLAN_KINDS.map((k) => ({ value: k, label: t(`planKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="setting" label={t('plans.field.setting')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={PLAN_SETTINGS.map((s) => ({ value: s, label: t(`planSetting.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="hazards" label={t('plans.field.hazards')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect') }]}>
            <Select<PlanHazard[]> mode="multiple" options={PLAN_HAZARDS.map((h) => ({ value: h, label: t(`planHazard.${h}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="version" label={t('plans.field.version')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={PLAN_LIMITS.versionMax} placeholder={t('plans.versionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t('plans.field.status')}>
            <Radio.Group optionType="button" options={statuses.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="approvedOn" label={t('plans.field.approvedOn')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="revisionDue" label={t('plans.field.revisionDue')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="summary" label={t('plans.field.summary')}>
            <Input.TextArea maxLength={PLAN_LIMITS.summaryMax} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
