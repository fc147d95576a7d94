import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Dropdown, Empty, Flex, Form, Input, InputNumber, Row, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { DownOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { DUTY_EVENT_GRADES, type DutyEventAction, type DutyEventDetail, type DutyEventGrade, type DutyReport, type DutyReportKind } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { PageHeader } from '../../../app/components/page-header';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useLiveEvents } from '../../../app/live';
import { useSubmit } from '../../../app/use-submit';
import { dutyApi } from './api';
import { casualty, Countdown, GradeTag, StatusTag, useKindName } from './labels';
import { ReportCard } from './report-card';
import { ReportModal } from './report-modal';
import './events.css';

type ActionKind = 'regrade' | 'note' | 'casualties' | 'close' | 'merge';
type ActionValues = { grade?: DutyEventGrade; note?: string; text?: string; dead?: number | null; injured?: number | null; missing?: number | null; intoId?: string };

/** The kinds of report the desk may write next: the 首报 first, then 续报, and a 终报 to finish. */
function nextKinds(e: DutyEventDetail): DutyReportKind[] {
  const has = (k: DutyReportKind) => e.reportList.some((r) => r.kind === k);
  if (e.status === 'merged' || has('final')) return [];
  if (!has('first')) return ['first'];
  return e.status === 'closed' ? ['final'] : ['follow_up', 'final'];
}

/** One event: facts, the countdown to the next report, its reports up the levels, and the timeline. */
export default function EventPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const kindName = useKindName();
  const [event, setEvent] = useState<DutyEventDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [writing, setWriting] = useState<DutyReportKind | null>(null);
  const [editing, setEditing] = useState<DutyReport | null>(null);
  const [action, setAction] = useState<ActionKind | null>(null);
  const [candidates, setCandidates] = useState<{ value: string; label: string }[]>([]);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setEvent(await dutyApi.event(id, signal));
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(errorText(e));
      }
    },
    [id, errorText],
  );
  useEffect(() => {
    const c = new AbortController();
    void load(c.signal);
    return () => c.abort();
  }, [load]);
  useLiveEvents(['duty.event', 'duty.report'], (data) => {
    if (data.id === id || data.eventId === id) void load();
  });

  useEffect(() => {
    if (action !== 'merge' || !event) return;
    dutyApi.events({ status: 'open', pageSize: 100 }).then(
      (list) => setCandidates(list.items.filter((x) => x.id !== event.id).map((x) => ({ value: x.id, label: `${x.code} ${x.unit.name} ${x.address}` }))),
      () => setCandidates([]),
    );
  }, [action, event]);

  const [form] = Form.useForm<ActionValues>();
  const submission = useSubmit(form, async (v) => {
    if (!action) return;
    const body: DutyEventAction =
      action === 'regrade'
        ? { action, grade: v.grade!, note: v.note ?? '' }
        : action === 'note'
          ? { action, text: v.text ?? '' }
          : action === 'casualties'
            ? { action, dead: v.dead ?? null, injured: v.injured ?? null, missing: v.missing ?? null, note: v.note || null }
            : action === 'close'
              ? { action, note: v.note ?? '' }
              : { action, intoId: v.intoId!, note: v.note || null };
    setEvent(await dutyApi.act(id, body));
    setAction(null);
  });

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!event) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const kinds = nextKinds(event);
  const open = event.status === 'open';

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>{t(`duty.type.${event.type}`)}</span>
            <Typography.Text code>{event.code}</Typography.Text>
            <GradeTag grade={event.grade} />
            <StatusTag status={event.status} />
          </Space>
        }
        extra={
          <>
            {event.can.write && kinds.length ? (
              <Dropdown.Button
                type="primary"
                data-testid="write-report"
                onClick={() => setWriting(kinds[0]!)}
                menu={{ items: kinds.map((k) => ({ key: k, label: t('duty.event.writeReport', { kind: kindName(k) }) })), onClick: ({ key }) => setWriting(key as DutyReportKind) }}
              >
                {t('duty.event.writeReport', { kind: kindName(kinds[0]!) })}
              </Dropdown.Button>
            ) : null}
            {(event.can.write && open) || event.can.review ? (
              <Dropdown
                menu={{
                  items: [
                    ...(event.can.write && open
                      ? (['regrade', 'casualties', 'note', 'close'] as const).map((k) => ({ key: k, label: t(k === 'casualties' ? 'duty.event.updateCasualties' : `duty.event.${k}`) }))
                      : []),
                    ...(event.can.review && event.status !== 'merged' ? [{ key: 'merge', label: t('duty.event.merge') }] : []),
                  ],
                  onClick: ({ key }) => setAction(key as ActionKind),
                }}
              >
                <Button data-testid="event-actions">
                  {t('common.more')} <DownOutlined />
                </Button>
              </Dropdown>
            ) : null}
            <Button icon={<FileWordOutlined />} href={dutyApi.timelineDocxUrl(event.id)}>
              {t('duty.event.timelineDocx')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('duty.event.print')}
            </Button>
          </>
        }
      />
      {event.mergedInto ? (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon message={<Link to={`/duty/events/${event.mergedInto.id}`}>{t('duty.event.mergedInto', { code: event.mergedInto.code })}</Link>} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('duty.event.facts')}>
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              {event.status !== 'merged' ? <Countdown next={event.next} /> : null}
              {event.deadlines.overdue.length ? <Tag color="red">{t('duty.event.overdueList')}: {event.deadlines.overdue.map((o) => `${kindName(o.kind)} ${formatDateTime(o.dueAt)}`).join('，')}</Tag> : null}
            </Flex>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('duty.events.received')}>{formatDateTime(event.receivedAt)}</Descriptions.Item>
              {event.occurredAt ? <Descriptions.Item label={t('duty.intake.occurredAt')}>{formatDateTime(event.occurredAt)}</Descriptions.Item> : null}
              <Descriptions.Item label={t('duty.intake.source')}>{t(`duty.source.${event.source}`)}</Descriptions.Item>
              {event.callerName || event.callerPhone ? <Descriptions.Item label={t('duty.event.caller')}>{[event.callerName, event.callerPhone].filter(Boolean).join(' ')}</Descriptions.Item> : null}
              <Descriptions.Item label={t('duty.intake.address')}>
                {event.unit.name} · {event.address}
              </Descriptions.Item>
              <Descriptions.Item label={t('duty.event.casualties')}>
                {t('duty.event.casualtiesText', { dead: casualty(event.dead, t('duty.intake.unknown')), injured: casualty(event.injured, t('duty.intake.unknown')), missing: casualty(event.missing, t('duty.intake.unknown')) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('duty.intake.description')}>{event.description}</Descriptions.Item>
              <Descriptions.Item label={t('duty.event.preset')}>{t(`duty.preset.${event.preset}`)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('duty.event.timeline')} style={{ marginTop: 16 }}>
            <Timeline
              items={event.timeline.map((x) => ({
                color: x.kind === 'report_returned' ? 'red' : x.kind === 'report_acknowledged' ? 'green' : x.kind === 'intake' ? 'blue' : 'gray',
                children: (
                  <div data-testid="timeline-entry" data-kind={x.kind}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(x.at)} · {x.actor}
                    </Typography.Text>
                    <div>{x.text}</div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('duty.event.reports')}>
            {event.reportList.length ? (
              <Flex vertical gap={12}>
                {event.reportList.map((r) => (
                  <ReportCard key={r.id} report={r} onEdit={() => setEditing(r)} onChanged={() => void load()} />
                ))}
              </Flex>
            ) : (
              <Empty description={t('duty.reports.empty')} />
            )}
          </Card>
        </Col>
      </Row>
      {/* Mounted per opening: each report starts from its own values. */}
      {writing !== null || editing !== null ? (
        <ReportModal
          event={event}
          kind={writing}
          report={editing}
          onClose={() => {
            setWriting(null);
            setEditing(null);
          }}
          onSaved={() => {
            setWriting(null);
            setEditing(null);
            void load();
          }}
        />
      ) : null}
      <FormModal<ActionValues>
        open={action !== null}
        title={action ? t(action === 'casualties' ? 'duty.event.updateCasualties' : `duty.event.${action}`) : ''}
        form={form}
        submission={submission}
        onClose={() => setAction(null)}
        initialValues={{ grade: event.grade, dead: event.dead, injured: event.injured, missing: event.missing }}
      >
        {action === 'regrade' ? (
          <Form.Item name="grade" label={t('duty.intake.grade')} rules={[{ required: true }]}>
            <Select options={DUTY_EVENT_GRADES.map((g) => ({ value: g, label: t(`duty.grade.${g}`) }))} />
          </Form.Item>
        ) : null}
        {action === 'casualties' ? (
          <Row gutter={8}>
            {(['dead', 'injured', 'missing'] as const).map((n) => (
              <Col xs={8} key={n}>
                <Form.Item name={n} label={t(`duty.intake.${n}`)}>
                  <InputNumber min={0} max={100000} precision={0} placeholder={t('duty.intake.unknown')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        ) : null}
        {action === 'merge' ? (
          <Form.Item name="intoId" label={t('duty.event.mergeInto')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={candidates} />
          </Form.Item>
        ) : null}
        {action === 'note' ? (
          <Form.Item name="text" label={t('duty.event.note')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : action ? (
          <Form.Item name="note" label={t('duty.event.reason')} rules={action === 'regrade' || action === 'close' ? [{ required: true, whitespace: true }] : []}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : null}
      </FormModal>
    </>
  );
}
