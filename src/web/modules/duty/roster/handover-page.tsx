import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, List, Select, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { HANDOVER_STATUSES, type HandoverStatus, type HandoverView } from '../../../../contracts';
import { PageHeader } from '../../../app/components/page-header';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useIsMobile } from '../../../app/use-is-mobile';
import { useLiveEvents } from '../../../app/live';
import { usePagedList } from '../../../app/use-paged-list';
import { rosterApi } from './api';
import { DeskSelect, useDesk } from './desk-select';
import { HANDOVER_STATUS_COLOURS, HandoverDrawer } from './handover-drawer';
import { HandoverModal } from './handover-modal';
import { LogPanel } from './log-panel';
import { OnDutyCard } from './on-duty-card';

/** 交接班: who is on duty, the handovers of the desk (open one, accept or refuse), and the duty log. */
export default function HandoverPage() {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const { desks, desk, choose, error: deskError, loading } = useDesk();
  const [status, setStatus] = useState<HandoverStatus | undefined>();
  const [opening, setOpening] = useState(false);
  const [version, setVersion] = useState(0);
  const openId = params.get('handover');
  // Another officer's handover, answer or log entry appears without a reload.
  const bump = () => setVersion((v) => v + 1);
  useLiveEvents(['duty.handover', 'duty.log'], bump, bump);
  const show = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('handover', id);
      else next.delete('handover');
      return next;
    });
  const query = desk ? `${desk.id}/${status ?? ''}` : '';
  const list = usePagedList(query, (_q, paging, signal) => (desk ? rosterApi.handovers({ unitId: desk.id, status, ...paging }, signal) : Promise.resolve({ items: [], total: 0, ...paging })), version);

  if (deskError) return <Alert type="error" showIcon title={deskError} />;
  if (loading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (!desk) return <Alert type="info" showIcon title={t('roster.noDesk')} />;

  const columns: TableColumnsType<HandoverView> = [
    {
      title: t('roster.shift'),
      key: 'shift',
      render: (_, h) => (
        <Typography.Link onClick={() => show(h.id)} style={{ whiteSpace: 'nowrap' }}>
          {h.shift.date} {locale === 'en' ? h.shift.labelEn : h.shift.labelZh}
        </Typography.Link>
      ),
    },
    { title: t('common.status'), dataIndex: 'status', render: (s: HandoverStatus) => <Tag color={HANDOVER_STATUS_COLOURS[s]}>{t(`handoverStatus.${s}`)}</Tag> },
    { title: t('handover.outgoing'), key: 'out', render: (_, h) => <span style={{ whiteSpace: 'nowrap' }}>{h.openedBy.name} <Typography.Text type="secondary">{formatDateTime(h.openedAt)}</Typography.Text></span> },
    {
      title: t('handover.incoming'),
      key: 'in',
      render: (_, h) =>
        h.answeredBy ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {h.answeredBy.name} <Typography.Text type="secondary">{formatDateTime(h.answeredAt)}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('handover.waiting')}</Typography.Text>
        ),
    },
    { title: t('handover.checked'), key: 'checked', render: (_, h) => `${h.checklist.filter((i) => i.checked).length}/${h.checklist.length}` },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, h) => (
        <Button size="small" type={h.can.accept ? 'primary' : 'default'} onClick={() => show(h.id)}>
          {h.can.accept ? t('handover.review') : t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('handover.title')}
        extra={
          <>
            <DeskSelect desks={desks ?? []} desk={desk} onChange={choose} width={isMobile ? 140 : 180} />
            {desk.can.write ? (
              <Button type="primary" icon={<SwapOutlined />} onClick={() => setOpening(true)}>
                {t('handover.open')}
              </Button>
            ) : null}
          </>
        }
      />
      <OnDutyCard unitId={desk.id} refresh={version} />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'handovers',
              label: t('handover.records'),
              children: (
                <>
                  <Select<HandoverStatus>
                    allowClear
                    value={status}
                    onChange={setStatus}
                    placeholder={t('handover.allStatuses')}
                    options={HANDOVER_STATUSES.map((s) => ({ value: s, label: t(`handoverStatus.${s}`) }))}
                    style={{ width: 140, marginBottom: 12 }}
                    aria-label={t('common.status')}
                  />
                  {list.error ? <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} /> : null}
                  {isMobile ? (
                    <List<HandoverView>
                      data-testid="handover-list"
                      size="small"
                      loading={list.loading}
                      dataSource={list.items}
                      locale={{ emptyText: t('handover.empty') }}
                      pagination={list.items.length ? { ...list.pagination, size: 'small', align: 'center' } : false}
                      renderItem={(h) => (
                        <List.Item onClick={() => show(h.id)} style={{ display: 'block', cursor: 'pointer' }}>
                          <Flex justify="space-between" align="start" gap={8}>
                            <Typography.Text strong>
                              {h.shift.date} {locale === 'en' ? h.shift.labelEn : h.shift.labelZh}
                            </Typography.Text>
                            <Tag color={HANDOVER_STATUS_COLOURS[h.status]} style={{ marginInlineEnd: 0 }}>
                              {t(`handoverStatus.${h.status}`)}
                            </Tag>
                          </Flex>
                          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                            {t('handover.outgoing')} {h.openedBy.name} {formatDateTime(h.openedAt)}
                            {h.answeredBy ? ` · ${t('handover.incoming')} ${h.answeredBy.name} ${formatDateTime(h.answeredAt)}` : ''}
                          </Typography.Text>
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Table<HandoverView>
                      data-testid="handover-list"
                      size="small"
                      rowKey="id"
                      columns={columns}
                      dataSource={list.items}
                      loading={list.loading}
                      pagination={list.pagination}
                      scroll={{ x: 'max-content' }}
                      locale={{ emptyText: t('handover.empty') }}
                    />
                  )}
                </>
              ),
            },
            { key: 'log', label: t('dutyLog.title'), children: <LogPanel unitId={desk.id} canWrite={desk.can.write} refresh={version} onChanged={bump} /> },
          ]}
        />
      </Card>
      {opening ? (
        <HandoverModal
          unitId={desk.id}
          onClose={() => setOpening(false)}
          onDone={(h) => {
            setOpening(false);
            setVersion((v) => v + 1);
            show(h.id);
          }}
        />
      ) : null}
      {openId ? <HandoverDrawer key={openId} id={openId} onClose={() => show(null)} onChanged={() => setVersion((v) => v + 1)} /> : null}
    </>
  );
}
