import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, List, Modal, Progress, Spin, Tag, Typography, message } from 'antd';
import { RESPONSE_LIMITS, type ResponseDetail, type ResponseTaskView } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { PageHeader } from '../../app/components/page-header';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useLiveEvents } from '../../app/live';
import { useSubmit } from '../../app/use-submit';
import { responsesApi } from './api';
import { ExerciseFrame, ExerciseMark, LevelTag, StatusTag, WarningTag } from './labels';
import './responses.css';

/** One response: its checklist with tick boxes, the progress bar, overdue tasks in red, and the end with a summary. */
export default function ResponsePage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const [r, setR] = useState<ResponseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ticking, setTicking] = useState<ResponseTaskView | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [ending, setEnding] = useState(false);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setR(await responsesApi.get(id, signal));
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
  // Ticks by others (the owners on their phones, the county) show here at once.
  useLiveEvents(['response.task', 'response.ended'], (data) => {
    if (data.responseId === id || data.id === id) void load();
  }, () => void load());

  const [form] = Form.useForm<{ summary: string }>();
  const submission = useSubmit(form, async (v) => {
    setR(await responsesApi.end(id, { summary: v.summary }));
    setEnding(false);
    void message.success(t('responses.ended'));
  });

  const tick = async () => {
    if (!ticking) return;
    setBusy(true);
    try {
      setR(await responsesApi.tick(ticking.id, { done: !ticking.doneAt, note: note || null }));
      setTicking(null);
      setNote('');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!r) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  const pct = r.progress.total ? Math.round((r.progress.done * 100) / r.progress.total) : 100;

  return (
    <ExerciseFrame exercise={r.exercise}>
      <PageHeader
        title={
          <Flex gap={4} wrap align="center">
            <ExerciseMark exercise={r.exercise} />
            <span>{r.plan.name}</span>
            <LevelTag level={r.level} />
            <StatusTag status={r.status} />
          </Flex>
        }
        extra={
          <>
            {r.can.end ? (
              <Button type="primary" danger data-testid="end-response" onClick={() => setEnding(true)}>
                {t('responses.end')}
              </Button>
            ) : null}
            {r.dutyEventId ? (
              <Link to={`/duty/events/${r.dutyEventId}`} data-testid="duty-event-link">
                <Button>{t('responses.dutyEvent')}</Button>
              </Link>
            ) : null}
            <Link to="/responses">
              <Button>{t('responses.back')}</Button>
            </Link>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Progress data-testid="response-progress" percent={pct} style={{ flex: '1 1 240px', margin: 0 }} format={() => t('responses.progressText', { done: r.progress.done, total: r.progress.total })} />
          {r.progress.overdue ? <Tag color="red">{t('responses.overdueCount', { n: r.progress.overdue })}</Tag> : null}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('responses.field.warning')}>
            <Flex gap={4} wrap>
              <ExerciseMark exercise={r.warning.exercise} />
              <WarningTag type={r.warning.type} level={r.warning.level} />
              <Link to={`/warnings/${r.warning.id}`}>{r.warning.headline}</Link>
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('responses.field.unit')}>{r.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('responses.field.startedAt')}>
            {formatDateTime(r.startedAt)} · {r.startedBy}
          </Descriptions.Item>
          {r.endedAt ? (
            <Descriptions.Item label={t('responses.field.endedAt')}>
              {formatDateTime(r.endedAt)} · {r.endedBy}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {r.summary ? (
          <Alert type="success" style={{ marginTop: 8 }} message={t('responses.field.summary')} description={<span data-testid="response-summary">{r.summary}</span>} />
        ) : null}
      </Card>
      <Card size="small" title={t('responses.tasks')}>
        <List<ResponseTaskView>
          dataSource={r.tasks}
          locale={{ emptyText: t('responses.noTasks') }}
          renderItem={(task) => (
            <List.Item className={task.overdue ? 'response-task overdue' : 'response-task'} data-testid="response-task" data-overdue={task.overdue} data-done={!!task.doneAt}>
              <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
                <Checkbox
                  checked={!!task.doneAt}
                  disabled={!task.can.tick}
                  aria-label={task.action}
                  onChange={() => {
                    setNote('');
                    setTicking(task);
                  }}
                  style={{ marginTop: 2 }}
                />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text delete={!!task.doneAt} type={task.overdue ? 'danger' : undefined} strong={!task.doneAt}>
                    {task.position + 1}. {task.action}
                  </Typography.Text>
                  <Flex gap={6} wrap style={{ marginTop: 4, fontSize: 12 }}>
                    <Typography.Text type="secondary">
                      {t('responses.task.owner')}：{task.ownerPost}
                      {task.ownerPerson ? ` ${task.ownerPerson.name} ${task.ownerPerson.phone}` : ''}
                    </Typography.Text>
                    <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
                      {t('responses.task.due')}：{task.dueAt ? formatDateTime(task.dueAt) : t('responses.task.noLimit')}
                    </Typography.Text>
                    {task.overdue ? <Tag color="red">{t('responses.task.overdue')}</Tag> : null}
                  </Flex>
                  {task.doneAt ? (
                    <Typography.Text type="success" style={{ fontSize: 12 }}>
                      {t('responses.task.doneBy', { name: task.doneBy ?? '', at: formatDateTime(task.doneAt) })}
                    </Typography.Text>
                  ) : null}
                  {task.note ? (
                    <div style={{ fontSize: 12 }}>
                      <Typography.Text type="secondary">
                        {t('responses.task.note')}：{task.note}
                      </Typography.Text>
                    </div>
                  ) : null}
                </div>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={!!ticking}
        title={ticking?.doneAt ? t('responses.task.undoTitle') : t('responses.task.tickTitle')}
        okText={ticking?.doneAt ? t('responses.task.undoTitle') : t('responses.task.tickTitle')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void tick()}
        onCancel={() => setTicking(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{ticking?.action}</Typography.Paragraph>
        <Input.TextArea data-testid="tick-note" value={note} maxLength={RESPONSE_LIMITS.noteMax} rows={2} placeholder={t('responses.task.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
      </Modal>
      {ending ? (
        <FormModal form={form} submission={submission} open onClose={() => setEnding(false)} title={t('responses.endTitle')} okText={t('responses.end')} intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('responses.endIntro')} />}>
          <Form.Item name="summary" label={t('responses.field.summary')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea data-testid="end-summary" rows={5} maxLength={RESPONSE_LIMITS.summaryMax} showCount placeholder={t('responses.summaryPlaceholder')} />
          </Form.Item>
        </FormModal>
      ) : null}
    </ExerciseFrame>
  );
}
