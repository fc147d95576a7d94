import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DutyPersonRef, DutyRole, RosterShiftView, RosterView, ShiftSlot } from '../../../../contracts';
import { useI18n, type MessageKey } from '../../../app/i18n';

type Day = { date: string; shifts: Partial<Record<ShiftSlot, RosterShiftView>> };
export type CellTarget = { shift: RosterShiftView; role: DutyRole };

const WEEKDAY_KEYS: MessageKey[] = ['weekday.0', 'weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6'];

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function Cell({ person, mine, onClick }: { person: DutyPersonRef | null; mine: boolean; onClick?: () => void }) {
  const { t } = useI18n();
  const content = person ? (
    <span className={mine ? 'roster-mine' : undefined}>{person.name}</span>
  ) : (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      {t('roster.gap')}
    </Tag>
  );
  return onClick ? (
    <Typography.Link onClick={onClick} style={{ whiteSpace: 'nowrap' }}>
      {content}
    </Typography.Link>
  ) : (
    <span style={{ whiteSpace: 'nowrap' }}>{content}</span>
  );
}

/**
 * The month as a grid: one row per duty day, a leader and an officer per shift. Gaps are red; the
 * user's own shifts are marked; a cell opens its editor (managers) or the swap request (its holder).
 */
export function RosterGrid({ roster, onCell }: { roster: RosterView; onCell?: (target: CellTarget) => void }) {
  const { t } = useI18n();
  const slots: ShiftSlot[] = roster.pattern === '24h' ? ['full'] : ['day', 'night'];
  const days: Day[] = [];
  for (const s of roster.shifts) {
    const last = days[days.length - 1];
    if (last?.date === s.date) last.shifts[s.slot] = s;
    else days.push({ date: s.date, shifts: { [s.slot]: s } });
  }
  const clickable = (shift: RosterShiftView, role: DutyRole) => {
    if (!onCell) return undefined;
    const holder = shift[role];
    const mine = holder !== null && holder.id === roster.myPersonId;
    if (roster.can.manage || (mine && roster.can.requestSwap && roster.status === 'published')) return () => onCell({ shift, role });
    return undefined;
  };
  const roleColumns = (slot: ShiftSlot): TableColumnsType<Day> =>
    (['leader', 'officer'] as const).map((role) => ({
      title: t(`dutyRole.${role}`),
      key: `${slot}-${role}`,
      onCell: (day) => ({ className: day.shifts[slot]?.[role] ? undefined : 'roster-gap-cell' }),
      render: (_, day) => {
        const shift = day.shifts[slot];
        if (!shift) return null;
        const holder = shift[role];
        return <Cell person={holder} mine={holder !== null && holder.id === roster.myPersonId} onClick={clickable(shift, role)} />;
      },
    }));
  const columns: TableColumnsType<Day> = [
    {
      title: t('roster.date'),
      dataIndex: 'date',
      width: 110,
      fixed: 'left',
      render: (date: string) => {
        const wd = weekdayOf(date);
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {date.slice(5)} <Typography.Text type={wd === 0 || wd === 6 ? 'danger' : 'secondary'}>{t(WEEKDAY_KEYS[wd]!)}</Typography.Text>
          </span>
        );
      },
    },
    ...(slots.length === 1 ? roleColumns('full') : slots.map((slot) => ({ title: t(`shiftSlot.${slot}`), key: slot, children: roleColumns(slot) }))),
  ];
  return (
    <Table<Day>
      className="roster-grid"
      data-testid="roster-grid"
      size="small"
      bordered
      rowKey="date"
      columns={columns}
      dataSource={days}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(day) => (Object.values(day.shifts).some((s) => s.missing.length) ? 'roster-gap-row' : '')}
    />
  );
}
