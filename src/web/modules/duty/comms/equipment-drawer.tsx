import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Spin, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { CommsEquipmentDetail, CommsTestView } from '../../../../contracts';
import { COMMS_LIMITS, LIMITS } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useIsMobile } from '../../../app/use-is-mobile';
import { commsApi } from './api';
import { TestResultTag } from './labels';
import { TestForm } from './test-form';

type Props = {
  id: string | null;
  onClose: () => void;
  onEdit: (item: CommsEquipmentDetail) => void;
  /** Something changed (a test, a retirement): the list should reload. */
  onChanged: () => void;
  /** Bumped by the page after an edit saved elsewhere, so the drawer reloads too. */
  version: number;
};

function TestItem({ test }: { test: CommsTestView }) {
  return (
    <div>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{formatDateTime(test.at)}</Typography.Text>
        <TestResultTag result={test.result} />
        <Typography.Text type="secondary">{test.tester.name}</Typography.Text>
      </Flex>
      {test.note ? <div style={{ marginTop: 2, whiteSpace: 'pre-wrap' }}>{test.note}</div> : null}
    </div>
  );
}

/** An item of comms equipment: what and where it is, who keeps it, its tests, and recording a new one. */
export function EquipmentDrawer({ id, onClose, onEdit, onChanged, version }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [item, setItem] = useState<CommsEquipmentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [older, setOlder] = useState<CommsTestView[]>([]);
  const [morePage, setMorePage] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [reload, setReload] = useState(0);
  const [retireForm] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    commsApi
      .get(id, controller.signal)
      .then((detail) => {
        setItem(detail);
        setOlder([]);
        setMorePage(detail.recentTests.length === COMMS_LIMITS.recentTests ? 2 : null);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [id, version, reload, errorText]);

  const shown = item && item.id === id ? item : null;

  const loadMore = useCallback(async () => {
    if (!shown || !morePage) return;
    setLoadingMore(true);
    try {
      const page = await commsApi.tests(shown.id, morePage, COMMS_LIMITS.recentTests);
      setOlder((list) => [...list, ...page.items]);
      setMorePage(morePage * COMMS_LIMITS.recentTests < page.total ? morePage + 1 : null);
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setLoadingMore(false);
    }
  }, [shown, morePage, message, errorText]);

  const retire = async ({ reason }: { reason: string }) => {
    if (!shown) return;
    try {
      setItem(await commsApi.retire(shown.id, reason.trim()));
      setRetiring(false);
      message.success(t('comms.retired'));
      onChanged();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  const tests = shown ? [...shown.recentTests, ...older] : [];
  const title = shown ? `${t(`commsKind.${shown.kind}`)} · ${shown.identifier}` : t('comms.detailTitle');

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      extra={
        shown ? (
          <Flex gap={8}>
            {shown.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => onEdit(shown)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {shown.can.retire ? (
              <Button danger icon={<StopOutlined />} onClick={() => setRetiring(true)}>
                {t('comms.retire')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!shown && !error ? <Spin style={{ display: 'block', margin: '20vh auto' }} /> : null}
      {shown ? (
        <Flex vertical gap={16}>
          {shown.status === 'retired' ? (
            <Alert type="info" showIcon title={t('comms.retiredBanner', { at: formatDateTime(shown.retiredAt), reason: shown.retiredReason ?? '' })} />
          ) : shown.testOverdue ? (
            <Alert type="warning" showIcon title={t('comms.overdueBanner', { due: formatDateTime(shown.nextTestDue) })} />
          ) : shown.lastTest?.result === 'failed' ? (
            <Alert type="error" showIcon title={t('comms.failedBanner')} />
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'kind', label: t('comms.field.kind'), children: t(`commsKind.${shown.kind}`) },
              { key: 'model', label: t('comms.field.model'), children: shown.model },
              { key: 'identifier', label: t('comms.field.identifier'), children: shown.identifier },
              { key: 'unit', label: t('comms.field.unit'), children: shown.unit.name },
              { key: 'place', label: t('comms.field.place'), children: shown.place ?? '—' },
              {
                key: 'keeper',
                label: t('comms.field.keeper'),
                children: (
                  <span>
                    {shown.keeper.name} <a href={`tel:${shown.keeper.phone}`}>{shown.keeper.phone}</a>
                  </span>
                ),
              },
              { key: 'interval', label: t('comms.field.interval'), children: t('comms.intervalDays', { days: shown.testIntervalDays }) },
              {
                key: 'last',
                label: t('comms.field.lastTest'),
                children: shown.lastTest ? (
                  <Flex gap={6} align="center" wrap>
                    {formatDateTime(shown.lastTest.at)} <TestResultTag result={shown.lastTest.result} />
                  </Flex>
                ) : (
                  t('comms.neverTested')
                ),
              },
              {
                key: 'next',
                label: t('comms.field.nextDue'),
                children:
                  shown.status === 'active' ? (
                    <span>
                      {formatDateTime(shown.nextTestDue)} {shown.testOverdue ? <Tag color="red">{t('comms.overdue')}</Tag> : null}
                    </span>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {shown.can.test ? (
            <Card size="small" title={t('comms.recordTest')}>
              <TestForm
                equipmentId={shown.id}
                onSaved={() => {
                  setReload((n) => n + 1);
                  onChanged();
                }}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('comms.tests')}>
            {tests.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comms.noTests')} />
            ) : (
              <>
                <Timeline items={tests.map((c) => ({ key: c.id, color: c.result === 'ok' ? 'green' : 'red', content: <TestItem test={c} /> }))} />
                {morePage ? (
                  <Button block onClick={() => void loadMore()} loading={loadingMore}>
                    {t('comms.moreTests')}
                  </Button>
                ) : null}
              </>
            )}
          </Card>
        </Flex>
      ) : null}
      <Modal
        open={retiring}
        title={shown ? t('comms.retireTitle', { name: `${t(`commsKind.${shown.kind}`)} ${shown.identifier}` }) : ''}
        okText={t('comms.retire')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onOk={() => retireForm.submit()}
        onCancel={() => setRetiring(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('comms.retireHint')}</Typography.Paragraph>
        <Form form={retireForm} layout="vertical" onFinish={retire} preserve={false}>
          <Form.Item name="reason" label={t('comms.retireReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea maxLength={LIMITS.reasonMax} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
