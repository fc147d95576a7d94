import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Flex, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { RosterShiftView, RosterView, ShiftSlot } from '../../../../contracts';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../app/i18n/format';
import { rosterApi } from './api';
import { weekdayOf } from './roster-grid';
import './roster.css';

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];

/** 打印值班表: the month as a plain table for the wall, without the app around it (@media print). */
export default function RosterPrintPage() {
  const { t, locale, errorText } = useI18n();
  const [params] = useSearchParams();
  const unitId = params.get('unitId') ?? '';
  const month = params.get('month') ?? '';
  const [roster, setRoster] = useState<RosterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    rosterApi
      .roster(unitId, month, controller.signal)
      .then(setRoster)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      });
    return () => controller.abort();
  }, [unitId, month, errorText]);
  if (error) return <Alert type="error" showIcon title={error} style={{ margin: 24 }} />;
  if (!roster) return <Spin style={{ display: 'block', margin: '30vh auto' }} />;

  const slots: ShiftSlot[] = roster.pattern === '24h' ? ['full'] : ['day', 'night'];
  const byDate = new Map<string, Partial<Record<ShiftSlot, RosterShiftView>>>();
  for (const s of roster.shifts) byDate.set(s.date, { ...byDate.get(s.date), [s.slot]: s });
  const person = (s: RosterShiftView | undefined, role: 'leader' | 'officer', key: string) => {
    const p = s?.[role];
    return p ? (
      <td key={key}>
        {p.name}
        <br />
        <small>{p.phone}</small>
      </td>
    ) : (
      <td key={key} className="gap">
        {t('roster.gap')}
      </td>
    );
  };
  const [y, m] = month.split('-');
  return (
    <div className="roster-print">
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('roster.print')}
        </Button>
      </Flex>
      <h1>
        {roster.unit.name} {locale === 'en' ? month : `${y}年${Number(m)}月`} {t('roster.printTitle')}
        {roster.status === 'published' ? '' : `（${t('rosterStatus.draft')}）`}
      </h1>
      <div className="meta">
        {t(`shiftPattern.${roster.pattern}`)} · {t('roster.gaps', { count: roster.gapCount })}
        {roster.publishedAt ? ` · ${t('roster.publishedBy', { name: roster.publishedBy ?? '', at: formatDateTime(roster.publishedAt) })}` : ''}
      </div>
      <table>
        <thead>
          <tr>
            <th rowSpan={slots.length > 1 ? 2 : 1}>{t('roster.date')}</th>
            {slots.length > 1 ? (
              slots.map((slot) => (
                <th key={slot} colSpan={2}>
                  {t(`shiftSlot.${slot}`)}
                </th>
              ))
            ) : (
              <>
                <th>{t('dutyRole.leader')}</th>
                <th>{t('dutyRole.officer')}</th>
              </>
            )}
          </tr>
          {slots.length > 1 ? (
            <tr>
              {slots.flatMap((slot) => [<th key={`${slot}-l`}>{t('dutyRole.leader')}</th>, <th key={`${slot}-o`}>{t('dutyRole.officer')}</th>])}
            </tr>
          ) : null}
        </thead>
        <tbody>
          {[...byDate.entries()].map(([date, shifts]) => (
            <tr key={date}>
              <td style={{ whiteSpace: 'nowrap' }}>
                {date.slice(5)} {locale === 'en' ? '' : `周${WEEKDAYS_ZH[weekdayOf(date)]}`}
              </td>
              {slots.flatMap((slot) => [person(shifts[slot], 'leader', `${slot}-l`), person(shifts[slot], 'officer', `${slot}-o`)])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

