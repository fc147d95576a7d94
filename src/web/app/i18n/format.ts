/** All times are shown in China Standard Time, whatever the browser's own time zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** 2024-05-01 14:03 in Beijing time. */
export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** 2024-05-01 in Beijing time. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : String(value);
}

/** The start or end of a calendar day (YYYY-MM-DD) in Beijing time, as an ISO timestamp with offset. */
export function shanghaiDayBoundary(day: string, edge: 'start' | 'end'): string {
  return edge === 'start' ? `${day}T00:00:00.000+08:00` : `${day}T23:59:59.999+08:00`;
}
