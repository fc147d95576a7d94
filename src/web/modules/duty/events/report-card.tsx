import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Input, Modal, Steps, Typography } from 'antd';
import { CheckOutlined, FileWordOutlined, RollbackOutlined } from '@ant-design/icons';
import type { DutyReport } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { dutyApi } from './api';
import { casualty, ReportStateTag, useKindName } from './labels';

/**
 * One report as every level sees it: its state and lateness, the official sections, each level's
 * acknowledgement with its deadline, and what the viewer may do (edit and submit at the desk;
 * acknowledge or send back from above; the Word file for everyone).
 */
export function ReportCard({ report: r, onEdit, onChanged, showEvent = false, compact = false }: { report: DutyReport; onEdit?: () => void; onChanged: (r: DutyReport) => void; showEvent?: boolean; compact?: boolean }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const kindName = useKindName();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const unknown = t('duty.intake.unknown');

  const run = async (work: () => Promise<DutyReport>) => {
    setBusy(true);
    try {
      onChanged(await work());
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="report-card"
      data-kind={r.kind}
      data-state={r.state}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{kindName(r.kind, r.sequence)}</Typography.Text>
          <ReportStateTag report={r} />
          {showEvent ? (
            <Link to={`/duty/events/${r.eventId}`}>
              {r.eventCode} · {r.unit.name}
            </Link>
          ) : null}
        </Flex>
      }
      extra={
        <Flex gap={6} wrap>
          {r.can.edit && onEdit ? (
            <Button size="small" onClick={onEdit} data-testid="report-edit">
              {r.state === 'draft' ? t('duty.report.submit') : t('duty.report.edit')}
            </Button>
          ) : null}
          {r.can.acknowledge ? (
            <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void run(() => dutyApi.acknowledge(r.id))} data-testid="report-ack">
              {t('duty.report.acknowledge')}
            </Button>
          ) : null}
          {r.can.return ? (
            <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="report-return">
              {t('duty.report.return')}
            </Button>
          ) : null}
          <Button size="small" icon={<FileWordOutlined />} href={dutyApi.reportDocxUrl(r.id)}>
            {t('duty.report.docx')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {r.title ?? '—'}
      </Typography.Paragraph>
      {r.returnReason ? <Typography.Paragraph type="danger">{t('duty.report.returnedBecause', { reason: r.returnReason })}</Typography.Paragraph> : null}
      {compact ? null : (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('duty.report.occurredAt')}>{formatDateTime(r.occurredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('duty.report.location')}>{r.location}</Descriptions.Item>
          <Descriptions.Item label={t('duty.report.casualties')}>
            {t('duty.event.casualtiesText', { dead: casualty(r.dead, unknown), injured: casualty(r.injured, unknown), missing: casualty(r.missing, unknown) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('duty.report.narrative')}>{r.narrative}</Descriptions.Item>
          <Descriptions.Item label={t('duty.report.measures')}>{r.measures}</Descriptions.Item>
          <Descriptions.Item label={t('duty.report.nextSteps')}>{r.nextSteps}</Descriptions.Item>
          <Descriptions.Item label={t('duty.report.reporterName')}>
            {[r.reporterName, r.reporterPhone].filter(Boolean).join(' ')} · {t('duty.report.issuer')} {r.issuer}
          </Descriptions.Item>
        </Descriptions>
      )}
      {r.submittedAt ? (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('duty.report.submitted')} {formatDateTime(r.submittedAt)} · {r.submittedBy} · {r.late ? t('duty.report.late', { m: r.minutesLate }) : t('duty.report.onTime')}
          </Typography.Text>
          <Steps
            size="small"
            style={{ marginTop: 8 }}
            direction="vertical"
            items={r.passUp.map((p) => {
              const ack = r.acks.find((a) => a.unit.id === p.unit?.id);
              return {
                status: ack ? 'finish' : p.late ? 'error' : 'wait',
                title: p.unit?.name ?? '',
                description: ack
                  ? t('duty.report.ackBy', { unit: '', by: ack.by, at: formatDateTime(ack.at) })
                  : t('duty.report.awaiting', { unit: p.unit?.name ?? '', due: formatDateTime(p.dueAt) }),
              };
            })}
          />
        </>
      ) : null}
      <Modal
        open={returning}
        title={t('duty.report.return')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onOk={() =>
          void run(async () => {
            const back = await dutyApi.returnReport(r.id, reason.trim());
            setReturning(false);
            setReason('');
            return back;
          })
        }
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('duty.report.returnReason')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" />
      </Modal>
    </Card>
  );
}
