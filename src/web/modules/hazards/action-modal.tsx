import { useEffect, useMemo, useState } from 'react';
import { App, DatePicker, Form, Input, Radio, Select, Spin, Typography, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { HazardAction, HazardActionName, HazardDetail, HazardLevel, HazardSummary, PersonView } from '../../../contracts';
import { HAZARD_LIMITS, LIMITS } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from '../org/api';
import { UnitSelect } from '../org/unit-select';
import { hazardsApi, newId } from './api';
import { useCategoryName } from './labels';
import { PhotoUpload, stillUploading, uploadedIds } from './photo-upload';

type Values = {
  note?: string;
  reason?: string;
  intoId?: string;
  level?: HazardLevel;
  responsibleUnitId?: string;
  responsiblePersonId?: string;
  deadline?: Dayjs;
  measures?: string;
  funds?: string;
  contingencyPlan?: string;
  photos?: UploadFile[];
};

/** Which fields each action asks for. A reason is required where the server requires one. */
const NEEDS: Record<HazardActionName, { text: 'note' | 'reason' | 'noteRequired'; photos?: boolean }> = {
  verify: { text: 'note' },
  reject: { text: 'reason' },
  merge: { text: 'note' },
  grade: { text: 'note' },
  approve: { text: 'note' },
  deny: { text: 'reason' },
  assign: { text: 'note' },
  progress: { text: 'noteRequired', photos: true },
  submit: { text: 'noteRequired', photos: true },
  accept: { text: 'note', photos: true },
  fail: { text: 'reason', photos: true },
  reopen: { text: 'reason' },
};

const trimmed = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The body of the action from the form's values (each with a fresh event id: a retried click applies once). */
function toAction(action: HazardActionName, v: Values, eventId: string): HazardAction {
  const note = trimmed(v.note);
  const reason = trimmed(v.reason) ?? '';
  const photoIds = uploadedIds(v.photos);
  switch (action) {
    case 'verify':
    case 'approve':
      return { action, eventId, note };
    case 'reject':
    case 'deny':
    case 'reopen':
      return { action, eventId, reason };
    case 'merge':
      return { action, eventId, intoId: v.intoId ?? '', reason: note };
    case 'grade':
      return { action, eventId, level: v.level ?? 'general', note };
    case 'assign':
      return {
        action,
        eventId,
        note,
        responsibleUnitId: v.responsibleUnitId ?? '',
        responsiblePersonId: v.responsiblePersonId ?? '',
        deadline: (v.deadline ?? dayjs()).toDate().toISOString(),
        measures: v.measures?.trim() ?? '',
        funds: v.funds?.trim() ?? '',
        contingencyPlan: v.contingencyPlan?.trim() ?? '',
      };
    case 'progress':
    case 'submit':
      return { action, eventId, note: note ?? '', photoIds };
    case 'accept':
      return { action, eventId, note, photoIds };
    case 'fail':
      return { action, eventId, reason, photoIds };
  }
}

type Props = { hazard: HazardDetail; action: HazardActionName | null; onClose: () => void; onDone: (next: HazardDetail) => void };

/** One step of the closed loop as a small form; the server decides, its errors show by code. */
export function ActionModal({ hazard, action, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // One id per opening of the form: a double click or a retry after a lost answer applies once.
  const eventId = useMemo(() => (action ? newId() : ''), [action]);

  const submission = useSubmit(form, async (values) => {
    if (!action) return;
    const next = await hazardsApi.act(hazard.id, toAction(action, values, eventId));
    message.success(t('hz.action.done', { action: t(`hz.action.${action}`) }));
    onDone(next);
  });

  // A new action starts without the last one's error.
  const { setError } = submission;
  useEffect(() => setError(null), [action, setError]);
  if (!action) return null;
  const needs = NEEDS[action];
  const label = t(`hz.action.${action}`);

  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <FormModal
      form={form}
      submission={submission}
      open
      title={`${label} · ${hazard.code}`}
      okText={label}
      okButtonProps={{ danger: action === 'reject' || action === 'fail' || action === 'deny' }}
      onClose={onClose}
      width={action === 'assign' ? 640 : 520}
      initialValues={{ level: hazard.level ?? hazard.suggestedLevel, photos: [], responsibleUnitId: action === 'assign' ? hazard.unit.id : undefined }}
    >
      {action === 'merge' ? (
        <Form.Item name="intoId" label={t('hz.field.mergeInto')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <MergeTargetSelect self={hazard.id} />
        </Form.Item>
      ) : null}
      {action === 'grade' ? (
        <Form.Item name="level" label={t('hz.field.level')} extra={t('hz.field.levelMajorHint')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'general', label: t('hz.level.general') },
              { value: 'major', label: t('hz.level.major') },
            ]}
          />
        </Form.Item>
      ) : null}
      {action === 'assign' ? <AssignFields hazard={hazard} /> : null}
      {needs.text === 'reason' ? (
        <Form.Item name="reason" label={t('hz.field.reason')} rules={[required]}>
          <Input.TextArea maxLength={HAZARD_LIMITS.noteMax} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t('hz.field.note')} rules={needs.text === 'noteRequired' ? [required] : []}>
          <Input.TextArea maxLength={HAZARD_LIMITS.noteMax} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      )}
      {needs.photos ? (
        <Form.Item
          name="photos"
          label={t('hz.field.photos')}
          valuePropName="fileList"
          trigger="onChange"
          rules={[{ validator: async (_r, list: UploadFile[] | undefined) => (stillUploading(list) ? Promise.reject(new Error(t('hz.field.uploading'))) : undefined) }]}
        >
          <PhotoUpload />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/** 交办 with 五到位: the responsible unit and a person of it, the deadline, measures, funds, contingency plan. */
function AssignFields({ hazard }: { hazard: HazardSummary }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const unitId = Form.useWatch('responsibleUnitId', form);
  const [people, setPeople] = useState<PersonView[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    setLoading(true);
    orgApi
      .people({ unitId, subtree: true, status: 'active', pageSize: LIMITS.pageSizeMax }, controller.signal)
      .then((page) => setPeople(page.items))
      .catch(() => setPeople([]))
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [unitId]);

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <>
      <Form.Item name="responsibleUnitId" label={t('hz.field.responsibleUnit')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
        <UnitSelect
          initial={{ id: hazard.unit.id, name: hazard.unit.name, code: hazard.unit.code, level: hazard.unit.level }}
          onChange={(id) => {
            form.setFieldsValue({ responsibleUnitId: id, responsiblePersonId: undefined });
            if (!id) setPeople([]);
          }}
        />
      </Form.Item>
      <Form.Item name="responsiblePersonId" label={t('hz.field.responsiblePerson')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
        <Select<string>
          disabled={!unitId}
          placeholder={unitId ? undefined : t('hz.field.personPlaceholder')}
          showSearch={{ optionFilterProp: 'search' }}
          notFoundContent={loading ? <Spin size="small" /> : t('org.noResults')}
          options={people.map((p) => ({
            value: p.id,
            search: `${p.name} ${p.phone} ${p.unitName}`,
            label: (
              <span>
                {p.name} <Typography.Text type="secondary">{p.unitName} · {p.phone}</Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={t('hz.field.deadline')}
        rules={[
          { required: true, message: t('common.requiredSelect') },
          { validator: async (_r, v: Dayjs | undefined) => (v && v.isBefore(dayjs()) ? Promise.reject(new Error(t('hz.field.deadlinePast'))) : undefined) },
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="measures" label={t('hz.field.measures')} rules={[required]}>
        <Input.TextArea maxLength={HAZARD_LIMITS.measuresMax} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="funds" label={t('hz.field.funds')} rules={[required]}>
        <Input maxLength={LIMITS.nameMax} />
      </Form.Item>
      <Form.Item name="contingencyPlan" label={t('hz.field.contingencyPlan')} extra={t('hz.field.contingencyHint')} rules={[required]}>
        <Input.TextArea maxLength={HAZARD_LIMITS.measuresMax} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}

/** Picks the hazard this one duplicates, among the open ones of the queue (searching code and text). */
function MergeTargetSelect({ self, value, onChange, id }: { self: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<HazardSummary[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      hazardsApi
        .list({ state: 'open', q: query.trim() || undefined, pageSize: 30 }, controller.signal)
        .then((page) => setOptions(page.items.filter((h) => h.id !== self)))
        .catch(() => setOptions([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, self]);

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('hz.field.mergePlaceholder')}
      showSearch={{ filterOption: false, onSearch: (text) => setQuery(text.slice(0, LIMITS.searchMax)) }}
      notFoundContent={loading ? <Spin size="small" /> : t('hz.queue.empty')}
      options={options.map((h) => ({
        value: h.id,
        label: (
          <span>
            {h.code} · {categoryName(h.category)} <Typography.Text type="secondary">{h.unit.name} · {h.description.slice(0, 40)}</Typography.Text>
          </span>
        ),
      }))}
    />
  );
}
