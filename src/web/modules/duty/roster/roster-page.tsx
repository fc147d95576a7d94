import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Flex, Popconfirm, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, ThunderboltOutlined, CheckCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { RosterView } from '../../../../contracts';
import { PageHeader } from '../../../app/components/page-header';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { useIsMobile } from '../../../app/use-is-mobile';
import { useLiveEvents } from '../../../app/live';
import { currentMonth, rosterApi } from './api';
import { DeskSelect, useDesk } from './desk-select';
import { GenerateModal } from './generate-modal';
import { OnDutyCard } from './on-duty-card';
import { RosterGrid, type CellTarget } from './roster-grid';
import { ShiftModal } from './shift-modal';
import { SwapsPanel } from './swaps-panel';
import { useDeskPeople } from './use-desk-people';
import './roster.css';

function StatusTag({ roster }: { roster: RosterView }) {
  const { t } = useI18n();
  if (!roster.status) return <Tag>{t('rosterStatus.none')}</Tag>;
  return <Tag color={roster.status === 'published' ? 'green' : 'gold'}>{t(`rosterStatus.${roster.status}`)}</Tag>;
}

/** 值班排班: a desk's month — generate, fix shifts, see the gaps, publish, export, print; swap requests below. */
export default function RosterPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const { desks, desk, choose, error: deskError, loading: desksLoading } = useDesk();
  const month = params.get('month') && /^\d{4}-\d{2}$/.test(params.get('month')!) ? params.get('month')! : currentMonth();
  const [roster, setRoster] = useState<RosterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [generating, setGenerating] = useState(false);
  const [cell, setCell] = useState<CellTarget | null>(null);
  const people = useDeskPeople(desk?.id);
  // A manager's publication or decision elsewhere shows here at once.
  const bump = () => setVersion((v) => v + 1);
  useLiveEvents(['duty.roster', 'duty.swap'], bump, bump);

  useEffect(() => {
    if (!desk) return;
    const controller = new AbortController();
    rosterApi
      .roster(desk.id, month, controller.signal)
      .then((r) => {
        setRoster(r);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [desk, month, version, errorText]);

  const setMonth = (next: string) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      p.set('month', next);
      return p;
    });
  const changed = (next?: RosterView | null) => {
    if (next) setRoster(next);
    setVersion((v) => v + 1);
  };
  const publish = async () => {
    try {
      changed(await rosterApi.publish(roster!.id!));
      message.success(t('roster.publishedMsg'));
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  if (deskError) return <Alert type="error" showIcon title={deskError} />;
  if (desksLoading) return <Spin style={{ display: 'block', margin: '20vh auto' }} />;
  if (!desk) return <Alert type="info" showIcon title={t('roster.noDesk')} />;

  const current = roster && roster.unit.id === desk.id && roster.month === month ? roster : null;
  const monthLabel = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
  const tags = current ? (
    <>
      <StatusTag roster={current} />
      {current.status ? <Tag>{t(`shiftPattern.${current.pattern}`)}</Tag> : null}
    </>
  ) : null;
  const actions = current ? (
    <Flex gap={8} wrap className="no-print">
      {current.can.manage && current.status !== 'published' ? (
        <Button icon={<ThunderboltOutlined />} type={current.status ? 'default' : 'primary'} onClick={() => setGenerating(true)}>
          {current.status ? t('roster.regenerate') : t('roster.generate')}
        </Button>
      ) : null}
      {current.can.manage && current.status === 'draft' ? (
        <Popconfirm
          title={t('roster.publishConfirm')}
          description={current.gapCount ? t('roster.publishWithGaps', { count: current.gapCount }) : undefined}
          okText={t('roster.publish')}
          cancelText={t('common.cancel')}
          onConfirm={() => void publish()}
        >
          <Button type="primary" icon={<CheckCircleOutlined />}>
            {t('roster.publish')}
          </Button>
        </Popconfirm>
      ) : null}
      {current.status ? (
        <>
          <Button icon={<DownloadOutlined />} href={rosterApi.exportUrl(desk.id, month)}>
            {t('roster.export')}
          </Button>
          <Button icon={<PrinterOutlined />} href={`/duty/roster/print?unitId=${desk.id}&month=${month}`} target="_blank">
            {t('roster.print')}
          </Button>
        </>
      ) : null}
    </Flex>
  ) : null;
  return (
    <>
      <PageHeader
        title={t('roster.title')}
        extra={
          <>
            <DeskSelect desks={desks ?? []} desk={desk} onChange={choose} width={isMobile ? 140 : 180} />
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              aria-label={t('roster.month')}
              style={{ width: 130 }}
            />
          </>
        }
      />
      <OnDutyCard unitId={desk.id} refresh={version} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {current ? (
        <Card
          size="small"
          title={
            isMobile ? (
              t('roster.monthTitle', { unit: '', month: monthLabel })
            ) : (
              <Flex gap={8} align="center" wrap>
                <span>{t('roster.monthTitle', { unit: current.unit.name, month: monthLabel })}</span>
                {tags}
              </Flex>
            )
          }
          extra={isMobile ? null : actions}
        >
          {isMobile ? (
            <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
              {tags}
              {actions}
            </Flex>
          ) : null}
          {!current.status ? (
            <Typography.Paragraph type="secondary">{current.can.manage ? t('roster.emptyManage') : t('roster.empty')}</Typography.Paragraph>
          ) : (
            <>
              {current.gapCount ? (
                <Alert type="warning" showIcon title={t('roster.gaps', { count: current.gapCount })} style={{ marginBottom: 12 }} />
              ) : (
                <Alert type="success" showIcon title={t('roster.noGaps')} style={{ marginBottom: 12 }} data-testid="roster-no-gaps" />
              )}
              {current.publishedAt ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('roster.publishedBy', { name: current.publishedBy ?? '', at: formatDateTime(current.publishedAt) })}
                  {current.can.manage ? ` ${t('roster.editHint')}` : current.can.requestSwap ? ` ${t('roster.swapHint')}` : ''}
                </Typography.Paragraph>
              ) : null}
              <RosterGrid roster={current} onCell={setCell} />
            </>
          )}
        </Card>
      ) : (
        <Spin style={{ display: 'block', margin: 40 }} />
      )}
      <Card size="small" title={t('swap.listTitle')} style={{ marginTop: 16 }}>
        <SwapsPanel unitId={desk.id} refresh={version} onChanged={() => changed()} />
      </Card>
      {generating && current ? (
        <GenerateModal
          roster={current}
          people={people}
          onClose={() => setGenerating(false)}
          onDone={(next) => {
            setGenerating(false);
            changed(next);
          }}
        />
      ) : null}
      {cell && current ? (
        <ShiftModal
          roster={current}
          target={cell}
          people={people}
          onClose={() => setCell(null)}
          onDone={(next) => {
            setCell(null);
            changed(next);
          }}
        />
      ) : null}
    </>
  );
}
