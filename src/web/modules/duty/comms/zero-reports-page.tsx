import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Input, List, Row, Segmented, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ZeroReportDay, ZeroReportRow, ZeroReportStatus } from '../../../../contracts';
import { ZERO_REPORT_LIMITS, ZERO_REPORT_TEXT } from '../../../../contracts';
import { useAuth, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useLiveEvents } from '../../../app/live';
import { formatDateTime } from '../../../app/i18n/format';
import { PageHeader } from '../../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../../app/use-is-mobile';
import { UnitSelect, type UnitOption } from '../../org/unit-select';
import { zeroReportsApi } from './api';
import { ZeroStatusTag } from './labels';
import { SettingsModal } from './zero-settings-modal';

type Shown = 'all' | 'missing' | 'late' | 'on_time' | 'pending';
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** Missing first: what the county must chase stands on top. */
const ORDER: Record<ZeroReportStatus, number> = { missing: 0, pending: 1, late: 2, on_time: 3, not_required: 4 };

/** The township's own card: today's status and the one button that says 今日无突发事件. */
function SendCard({ row, onSent }: { row: ZeroReportRow; onSent: () => void }) {
  const { t, errorText, locale } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const statement = ZERO_REPORT_TEXT[locale === 'en' ? 'en' : 'zh'];

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await zeroReportsApi.send({ unitId: row.unit.id, note: note.trim() || null });
      message.success(t('zero.sent'));
      onSent();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" title={t('zero.todayTitle', { unit: row.unit.name })} style={{ marginBottom: 16 }} data-testid="zero-send-card">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <ZeroStatusTag status={row.status} />
          <Typography.Text type="secondary">{t('zero.dueAt', { time: hourLabel(row.dueHour) })}</Typography.Text>
        </Flex>
        {row.report ? (
          <Alert
            type={row.status === 'late' ? 'warning' : 'success'}
            showIcon
            icon={<CheckCircleOutlined />}
            title={t('zero.sentAt', { at: formatDateTime(row.report.submittedAt), who: row.report.submitter.name })}
            description={row.report.note ? `${statement}。${row.report.note}` : statement}
          />
        ) : row.can.send ? (
          <>
            {row.status === 'missing' ? <Alert type="error" showIcon title={t('zero.overdueHint')} /> : null}
            {error ? <Alert type="error" showIcon title={error} /> : null}
            <Typography.Paragraph style={{ margin: 0 }}>{t('zero.sendHint')}</Typography.Paragraph>
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={ZERO_REPORT_LIMITS.noteMax}
              showCount
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('zero.notePlaceholder')}
              aria-label={t('zero.note')}
              // The count sits under the box: keep it clear of the button.
              style={{ marginBottom: 16 }}
            />
            <Button type="primary" size="large" loading={sending} onClick={() => void send()} block>
              {t('zero.send', { statement })}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{t('zero.cannotSend')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 零报告: a township sends its daily "nothing happened" before the hour; the county and the city
 * see every township below them for a day, the missing ones first and in red. New reports and
 * missing flags arrive live (server-sent events).
 */
export default function ZeroReportsPage() {
  const me = useMe();
  const { can } = useAuth();
  const { t, errorText } = useI18n();
  const isMobile = useIsMobile();
  const [day, setDay] = useState<Dayjs | null>(null);
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [shown, setShown] = useState<Shown>('all');
  const [data, setData] = useState<ZeroReportDay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    zeroReportsApi
      .day({ day: day?.format('YYYY-MM-DD'), unitId: unit?.id }, controller.signal)
      .then((next) => {
        setData(next);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [day, unit, version, errorText]);

  // Live: a township's report or a missing flag anywhere in my scope refreshes the view (and a
  // reconnect does, since what happened meanwhile is not replayed).
  useLiveEvents(['duty.zero_report', 'duty.zero_missing'], reload, reload);

  const isToday = data !== null && data.day === data.today;
  const ownRow = isToday && me.unit.level === 'township' ? data.items.find((r) => r.unit.id === me.unit.id) : undefined;
  const rows = useMemo(() => {
    const items = data ? [...data.items].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.unit.code.localeCompare(b.unit.code)) : [];
    return shown === 'all' ? items : items.filter((r) => r.status === shown);
  }, [data, shown]);
  const counts = data?.counts;
  const many = (data?.items.length ?? 0) > 1;

  const columns: TableColumnsType<ZeroReportRow> = [
    { title: t('zero.field.unit'), key: 'unit', render: (_, r) => <Typography.Text strong={r.status === 'missing'}>{r.unit.name}</Typography.Text> },
    { title: t('zero.field.parent'), dataIndex: 'parentName', render: (name: string | null) => name ?? '—' },
    { title: t('zero.field.due'), dataIndex: 'dueHour', render: (h: number) => hourLabel(h) },
    { title: t('common.status'), dataIndex: 'status', render: (status: ZeroReportStatus) => <ZeroStatusTag status={status} /> },
    { title: t('zero.field.sentAt'), key: 'sentAt', render: (_, r) => (r.report ? formatDateTime(r.report.submittedAt) : '—') },
    { title: t('zero.field.sender'), key: 'sender', render: (_, r) => r.report?.submitter.name ?? '—' },
    { title: t('zero.field.note'), key: 'note', render: (_, r) => r.report?.note ?? '—' },
    { title: t('zero.field.flagged'), key: 'flagged', render: (_, r) => (r.missingFlaggedAt ? formatDateTime(r.missingFlaggedAt) : '—') },
  ];

  const stat = (key: ZeroReportStatus | 'total', value: number, color?: string) => (
    <Col xs={8} sm={8} md={4} key={key}>
      <Statistic title={key === 'total' ? t('zero.count.total') : t(`zeroStatus.${key}`)} value={value} styles={{ content: color ? { color } : undefined }} />
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('zero.title')}
        extra={
          can('duty.manage') ? (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              {t('zero.settings')}
            </Button>
          ) : null
        }
      />
      {ownRow ? <SendCard row={ownRow} onSent={reload} /> : null}
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <DatePicker
            value={day ?? (data ? dayjs(data.day) : null)}
            onChange={(value) => setDay(value)}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: filterWidth(isMobile, 150) }}
            aria-label={t('zero.day')}
          />
          {many || me.unit.level !== 'township' ? (
            <UnitSelect value={unit?.id} initial={unit} onChange={(_id, next) => setUnit(next ?? null)} allowClear placeholder={me.unit.name} style={{ width: filterWidth(isMobile, 220) }} />
          ) : null}
          {many ? (
            <Segmented<Shown>
              value={shown}
              onChange={setShown}
              options={[
                { value: 'all', label: t('common.all') },
                { value: 'missing', label: t('zeroStatus.missing') },
                { value: 'late', label: t('zeroStatus.late') },
                { value: 'on_time', label: t('zeroStatus.on_time') },
                { value: 'pending', label: t('zeroStatus.pending') },
              ]}
            />
          ) : null}
        </Flex>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {counts && many ? (
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {stat('total', data.items.length)}
            {stat('on_time', counts.on_time, '#389e0d')}
            {stat('late', counts.late, '#d46b08')}
            {stat('missing', counts.missing, counts.missing > 0 ? '#cf1322' : undefined)}
            {stat('pending', counts.pending)}
          </Row>
        ) : null}
        {counts && counts.missing > 0 && many ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('zero.missingAlert', { n: counts.missing })} /> : null}
        {isMobile ? (
          <List<ZeroReportRow>
            loading={loading}
            dataSource={rows}
            locale={{ emptyText: t('zero.empty') }}
            renderItem={(r) => (
              <List.Item style={{ display: 'block', background: r.status === 'missing' ? '#fff1f0' : undefined, paddingInline: 8 }} data-testid={`zero-row-${r.unit.name}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{r.unit.name}</Typography.Text>
                  <ZeroStatusTag status={r.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {r.report ? t('zero.sentAt', { at: formatDateTime(r.report.submittedAt), who: r.report.submitter.name }) : t('zero.dueAt', { time: hourLabel(r.dueHour) })}
                </Typography.Text>
                {r.report?.note ? <div style={{ fontSize: 13 }}>{r.report.note}</div> : null}
              </List.Item>
            )}
          />
        ) : (
          <Table<ZeroReportRow>
            rowKey={(r) => r.unit.id}
            size="small"
            loading={loading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('zero.empty') }}
            onRow={(r) => ({ style: r.status === 'missing' ? { background: '#fff1f0' } : undefined, 'data-testid': `zero-row-${r.unit.name}` }) as React.HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
      <SettingsModal open={settingsOpen} defaultUnit={unit ?? me.unit} onClose={() => setSettingsOpen(false)} onSaved={reload} />
    </>
  );
}
