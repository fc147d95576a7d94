import { useState } from 'react';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DUTY_EVENT_TYPES, type DutyEventDetail, type DutyEventType, type DutyReport, type DutyReportKind } from '../../../../contracts';
import { FormError } from '../../../app/components/form-error';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useSubmit } from '../../../app/use-submit';
import { dutyApi } from './api';
import { useKindName } from './labels';

type Values = {
  title?: string;
  occurredAt?: Dayjs | null;
  location?: string;
  eventType?: DutyEventType;
  dead?: number | null;
  injured?: number | null;
  missing?: number | null;
  narrative?: string;
  measures?: string;
  nextSteps?: string;
  reporterName?: string;
  reporterPhone?: string;
  issuer?: string;
};

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * A 首报/续报/终报 in the official structure (时间、地点、事件类型、伤亡、经过、已采取措施、下步打算、
 * 报告人、签发人). A new one starts from the event's facts. 保存草稿 keeps it at the desk; 报送 checks
 * every required field (here and on the server) and sends it up: the county and city see it at once.
 */
export function ReportModal({
  event,
  kind,
  report,
  onClose,
  onSaved,
}: {
  event: DutyEventDetail;
  /** A new report of this kind, or `report` to edit. */
  kind: DutyReportKind | null;
  report: DutyReport | null;
  onClose: () => void;
  onSaved: (r: DutyReport) => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const kindName = useKindName();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'draft' | 'submit'>('submit');
  const open = kind !== null || report !== null;
  const theKind = report?.kind ?? kind ?? 'first';
  const sequence = report?.sequence ?? (theKind === 'follow_up' ? event.reportList.filter((r) => r.kind === 'follow_up').length + 1 : 0);

  const submission = useSubmit(
    form,
    async (v) => {
      const fields = {
        title: blank(v.title),
        occurredAt: v.occurredAt ? v.occurredAt.toISOString() : null,
        location: blank(v.location),
        eventType: v.eventType ?? null,
        dead: v.dead ?? null,
        injured: v.injured ?? null,
        missing: v.missing ?? null,
        narrative: blank(v.narrative),
        measures: blank(v.measures),
        nextSteps: blank(v.nextSteps),
        reporterName: blank(v.reporterName),
        reporterPhone: blank(v.reporterPhone),
        issuer: blank(v.issuer),
        submit: mode === 'submit',
      };
      const saved = report ? await dutyApi.updateReport(report.id, fields) : await dutyApi.createReport({ id: crypto.randomUUID(), eventId: event.id, kind: theKind, ...fields });
      void message.success(mode === 'submit' ? t('duty.report.submitted') : t('duty.report.drafted'));
      onSaved(saved);
    },
    { listUnshownFields: true },
  );

  const initial: Values = report
    ? {
        title: report.title ?? undefined,
        occurredAt: report.occurredAt ? dayjs(report.occurredAt) : null,
        location: report.location ?? undefined,
        eventType: report.eventType ?? undefined,
        dead: report.dead,
        injured: report.injured,
        missing: report.missing,
        narrative: report.narrative ?? undefined,
        measures: report.measures ?? undefined,
        nextSteps: report.nextSteps ?? undefined,
        reporterName: report.reporterName ?? undefined,
        reporterPhone: report.reporterPhone ?? undefined,
        issuer: report.issuer ?? undefined,
      }
    : {
        title: `关于${event.unit.name}${event.address}${t(`duty.type.${event.type}`)}的${kindName(theKind, sequence)}`,
        occurredAt: dayjs(event.occurredAt ?? event.receivedAt),
        location: event.address,
        eventType: event.type,
        dead: event.dead,
        injured: event.injured,
        missing: event.missing,
        narrative: event.description,
        reporterName: me?.displayName,
      };
  // Required to submit, not to keep a draft.
  const required = mode === 'submit' ? [{ required: true, whitespace: true, message: t('common.required') }] : [];
  const requiredPick = mode === 'submit' ? [{ required: true, message: t('common.required') }] : [];
  const count = (name: 'dead' | 'injured' | 'missing') => (
    <Col xs={8}>
      <Form.Item name={name} label={t(`duty.intake.${name}`)}>
        <InputNumber min={0} max={100000} precision={0} placeholder={t('duty.intake.unknown')} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  const send = (m: 'draft' | 'submit') => {
    setMode(m);
    // The rules above depend on the mode: validate after React has applied it.
    window.setTimeout(() => form.submit(), 0);
  };

  return (
    <Modal
      open={open}
      title={`${event.code} · ${kindName(theKind, sequence)}`}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="draft" onClick={() => send('draft')} loading={submission.saving && mode === 'draft'} data-testid="report-draft">
          {t('duty.report.saveDraft')}
        </Button>,
        <Button key="submit" type="primary" onClick={() => send('submit')} loading={submission.saving && mode === 'submit'} data-testid="report-submit">
          {t('duty.report.submit')}
        </Button>,
      ]}
    >
      {report?.returnReason ? <FormError error={t('duty.report.returnedBecause', { reason: report.returnReason })} /> : null}
      <FormError error={submission.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submission.submit} initialValues={initial} preserve={false}>
        <Form.Item name="title" label={t('duty.report.title')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="occurredAt" label={t('duty.report.occurredAt')} rules={requiredPick}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="location" label={t('duty.report.location')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="eventType" label={t('duty.report.eventType')} rules={requiredPick}>
              <Select options={DUTY_EVENT_TYPES.map((x) => ({ value: x, label: t(`duty.type.${x}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Row gutter={8}>
              {count('dead')}
              {count('injured')}
              {count('missing')}
            </Row>
          </Col>
        </Row>
        <Form.Item name="narrative" label={t('duty.report.narrative')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="measures" label={t('duty.report.measures')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('duty.report.nextSteps')} rules={required}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="reporterName" label={t('duty.report.reporterName')} rules={required}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="reporterPhone" label={t('duty.report.reporterPhone')}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="issuer" label={t('duty.report.issuer')} rules={required}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
