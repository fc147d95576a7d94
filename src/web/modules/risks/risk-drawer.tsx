import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Spin, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import type { RiskCheckView, RiskPointDetail } from '../../../contracts';
import { LIMITS, RISK_LIMITS } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { formatDate, formatDateTime } from '../../app/i18n/format';
import { lazyMap } from '../../app/map/lazy-map';
import { useIsMobile } from '../../app/use-is-mobile';
import { risksApi } from './api';
import { CheckForm } from './check-form';
import { RiskLevelTag } from './labels';

const LazyRiskMap = lazyMap(() => import('./risk-map'));

type Props = {
  id: string | null;
  onClose: () => void;
  onEdit: (point: RiskPointDetail) => void;
  /** Something changed (a check, a retirement): the list should reload. */
  onChanged: () => void;
  /** Bumped by the page after an edit saved elsewhere, so the drawer reloads too. */
  version: number;
};

function CheckItem({ check }: { check: RiskCheckView }) {
  const { t } = useI18n();
  return (
    <div>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{formatDateTime(check.at)}</Typography.Text>
        <Tag color={check.result === 'normal' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
          {t(`riskResult.${check.result}`)}
        </Tag>
        <Typography.Text type="secondary">{check.checker.name}</Typography.Text>
        {check.photoIds.length ? <Typography.Text type="secondary">{t('risks.check.photos', { n: check.photoIds.length })}</Typography.Text> : null}
      </Flex>
      {check.note ? <div style={{ marginTop: 2, whiteSpace: 'pre-wrap' }}>{check.note}</div> : null}
    </div>
  );
}

/** A risk point: what and where it is, who answers for it, its checks, and recording a new one. */
export function RiskDrawer({ id, onClose, onEdit, onChanged, version }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [point, setPoint] = useState<RiskPointDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [older, setOlder] = useState<RiskCheckView[]>([]);
  const [morePage, setMorePage] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [reload, setReload] = useState(0);
  const [retireForm] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    risksApi
      .get(id, controller.signal)
      .then((detail) => {
        setPoint(detail);
        setOlder([]);
        setMorePage(detail.recentChecks.length === RISK_LIMITS.recentChecks ? 2 : null);
        setError(null);
      })
      .catch((caught) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [id, version, reload, errorText]);

  const shown = point && point.id === id ? point : null;

  const loadMore = useCallback(async () => {
    if (!shown || !morePage) return;
    setLoadingMore(true);
    try {
      const page = await risksApi.checks(shown.id, morePage, RISK_LIMITS.recentChecks);
      setOlder((list) => [...list, ...page.items]);
      setMorePage(morePage * RISK_LIMITS.recentChecks < page.total ? morePage + 1 : null);
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setLoadingMore(false);
    }
  }, [shown, morePage, message, errorText]);

  const retire = async ({ reason }: { reason: string }) => {
    if (!shown) return;
    try {
      setPoint(await risksApi.retire(shown.id, reason.trim()));
      setRetiring(false);
      message.success(t('risks.retired'));
      onChanged();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  const mapPoints = useMemo(() => (shown ? [{ id: shown.id, lat: shown.lat, lng: shown.lng, level: shown.level, label: shown.name, overdue: shown.checkOverdue }] : []), [shown]);
  const checks = shown ? [...shown.recentChecks, ...older] : [];

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={shown ? shown.name : t('risks.detailTitle')}
      size={isMobile ? '100%' : 600}
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
                {t('risks.retire')}
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
            <Alert type="info" showIcon title={t('risks.retiredBanner', { at: formatDateTime(shown.retiredAt), reason: shown.retiredReason ?? '' })} />
          ) : shown.checkOverdue ? (
            <Alert type="warning" showIcon title={t('risks.overdueBanner', { due: formatDateTime(shown.nextCheckDue) })} />
          ) : null}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'level', label: t('risks.field.level'), children: <RiskLevelTag level={shown.level} /> },
              { key: 'type', label: t('risks.field.type'), children: t(`riskType.${shown.type}`) },
              { key: 'unit', label: t('risks.field.unit'), children: shown.unit.name },
              {
                key: 'person',
                label: t('risks.field.person'),
                children: (
                  <span>
                    {shown.responsiblePerson.name} <Typography.Text type="secondary">{shown.responsiblePerson.unitName}</Typography.Text>{' '}
                    <a href={`tel:${shown.responsiblePerson.phone}`}>{shown.responsiblePerson.phone}</a>
                  </span>
                ),
              },
              { key: 'measures', label: t('risks.field.measures'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{shown.controlMeasures}</span> },
              { key: 'cycle', label: t('risks.field.cycle'), children: t('risks.cycleDays', { days: shown.checkCycleDays }) },
              {
                key: 'last',
                label: t('risks.field.lastCheck'),
                children: shown.lastCheck ? `${formatDateTime(shown.lastCheck.at)} · ${t(`riskResult.${shown.lastCheck.result}`)}` : t('risks.neverChecked'),
              },
              {
                key: 'next',
                label: t('risks.field.nextDue'),
                children:
                  shown.status === 'active' ? (
                    <span>
                      {formatDate(shown.nextCheckDue)} {shown.checkOverdue ? <Tag color="red">{t('risks.overdue')}</Tag> : null}
                    </span>
                  ) : (
                    '—'
                  ),
              },
              { key: 'address', label: t('risks.field.address'), children: shown.address ?? '—' },
              { key: 'location', label: t('risks.field.location'), children: `${shown.lat.toFixed(5)}, ${shown.lng.toFixed(5)}` },
              { key: 'created', label: t('common.createdAt'), children: formatDateTime(shown.createdAt) },
            ]}
          />
          <LazyRiskMap height={180} points={mapPoints} label={t('risks.map.label')} noTilesText={t('risks.map.noTiles')} failedText={t('risks.map.failed')} />
          {shown.can.check ? (
            <Card size="small" title={t('risks.recordCheck')}>
              <CheckForm
                riskPointId={shown.id}
                onSaved={() => {
                  setReload((n) => n + 1);
                  onChanged();
                }}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('risks.checks')}>
            {checks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risks.noChecks')} />
            ) : (
              <>
                <Timeline items={checks.map((c) => ({ key: c.id, color: c.result === 'normal' ? 'green' : 'red', content: <CheckItem check={c} /> }))} />
                {morePage ? (
                  <Button block onClick={() => void loadMore()} loading={loadingMore}>
                    {t('risks.moreChecks')}
                  </Button>
                ) : null}
              </>
            )}
          </Card>
        </Flex>
      ) : null}
      <Modal
        open={retiring}
        title={shown ? t('risks.retireTitle', { name: shown.name }) : ''}
        okText={t('risks.retire')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onOk={() => retireForm.submit()}
        onCancel={() => setRetiring(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('risks.retireHint')}</Typography.Paragraph>
        <Form form={retireForm} layout="vertical" onFinish={retire} preserve={false}>
          <Form.Item name="reason" label={t('risks.retireReason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea maxLength={LIMITS.reasonMax} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
