import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, List, Spin, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { LIMITS, ROSTER_LIMITS, type HandoverDetail, type HandoverStatus } from '../../../../contracts';
import { FormModal } from '../../../app/components/form-modal';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useIsMobile } from '../../../app/use-is-mobile';
import { useSubmit } from '../../../app/use-submit';
import { rosterApi } from './api';

export const HANDOVER_STATUS_COLOURS: Record<HandoverStatus, string> = { open: 'gold', accepted: 'green', refused: 'red' };

function AnswerModal({ handover, accept, onClose, onDone }: { handover: HandoverDetail; accept: boolean; onClose: () => void; onDone: (h: HandoverDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text?: string }>();
  const submission = useSubmit(form, async (v) => {
    onDone(accept ? await rosterApi.acceptHandover(handover.id, v.text?.trim() || undefined) : await rosterApi.refuseHandover(handover.id, v.text ?? ''));
  });
  return (
    <FormModal<{ text?: string }>
      open
      title={accept ? t('handover.accept') : t('handover.refuse')}
      okText={accept ? t('handover.accept') : t('handover.refuse')}
      okButtonProps={accept ? undefined : { danger: true }}
      form={form}
      submission={submission}
      onClose={onClose}
    >
      <Form.Item
        name="text"
        label={accept ? t('handover.acceptNote') : t('handover.refuseReason')}
        rules={accept ? undefined : [{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea maxLength={accept ? ROSTER_LIMITS.remarkMax : LIMITS.reasonMax} showCount autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormModal>
  );
}

/** A handover: the note, the checklist, both officers with their times, and the shift's duty log. */
export function HandoverDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t, locale, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [h, setH] = useState<HandoverDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<'accept' | 'refuse' | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    rosterApi
      .handover(id, controller.signal)
      .then((next) => {
        setH(next);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [id, errorText]);

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={t('handover.detail')}
      extra={
        h && (h.can.accept || h.can.refuse) ? (
          <Flex gap={8}>
            <Button danger onClick={() => setAnswering('refuse')}>
              {t('handover.refuse')}
            </Button>
            <Button type="primary" onClick={() => setAnswering('accept')}>
              {t('handover.accept')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!h && !error ? <Spin style={{ display: 'block', margin: 40 }} /> : null}
      {h ? (
        <div data-testid="handover-detail">
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'shift', label: t('roster.shift'), children: `${h.shift.date} ${locale === 'en' ? h.shift.labelEn : h.shift.labelZh}` },
              { key: 'status', label: t('common.status'), children: <Tag color={HANDOVER_STATUS_COLOURS[h.status]}>{t(`handoverStatus.${h.status}`)}</Tag> },
              { key: 'out', label: t('handover.outgoing'), children: <span data-testid="handover-opened">{h.openedBy.name} · {formatDateTime(h.openedAt)}</span> },
              {
                key: 'in',
                label: t('handover.incoming'),
                children: h.answeredBy ? (
                  <span data-testid="handover-answered">
                    {h.answeredBy.name} · {formatDateTime(h.answeredAt)}
                    {h.answerNote ? <Typography.Text type="secondary">（{h.answerNote}）</Typography.Text> : null}
                  </span>
                ) : (
                  <Typography.Text type="secondary">{t('handover.waiting')}</Typography.Text>
                ),
              },
              { key: 'note', label: t('handover.note'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{h.note}</span> },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('handover.checklist')}
          </Typography.Title>
          <List
            size="small"
            dataSource={h.checklist}
            renderItem={(item) => (
              <List.Item>
                <Flex gap={8} align="start">
                  {item.checked ? <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} /> : <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} />}
                  <span>
                    {t(`handoverItem.${item.key}`)}
                    {item.remark ? <Typography.Text type="secondary">（{item.remark}）</Typography.Text> : null}
                  </span>
                </Flex>
              </List.Item>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('handover.shiftLog', { count: h.log.length })}
          </Typography.Title>
          {h.log.length ? (
            <Timeline
              items={h.log.map((e) => ({
                key: e.id,
                content: (
                  <span>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text> <Tag>{t(`dutyLogKind.${e.kind}`)}</Tag>
                    {e.text} <Typography.Text type="secondary">— {e.author.name}</Typography.Text>
                  </span>
                ),
              }))}
            />
          ) : (
            <Typography.Text type="secondary">{t('dutyLog.empty')}</Typography.Text>
          )}
        </div>
      ) : null}
      {answering && h ? (
        <AnswerModal
          handover={h}
          accept={answering === 'accept'}
          onClose={() => setAnswering(null)}
          onDone={(next) => {
            setAnswering(null);
            setH(next);
            message.success(next.status === 'accepted' ? t('handover.acceptedMsg') : t('handover.refusedMsg'));
            onChanged();
          }}
        />
      ) : null}
    </Drawer>
  );
}
