/**
 * Instants written the way a Chinese document writes them: always in Beijing time (Asia/Shanghai),
 * whatever the server's own time zone is.
 */

export type BeijingStyle =
  /** 2026年11月29日 18时30分 — the official style, for the time at the foot of a report. */
  | 'long'
  /** 2026年11月29日 */
  | 'date'
  /** 2026-11-29 18:30 — compact, for table cells. */
  | 'numeric';

const FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

// An instant must say its offset: "2026-11-29T10:30" alone would be read in the host's zone.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The instant, or null. Date alone would also take 2026-02-30 (as 2 March) and 24:00. */
function parseInstant(iso: string): Date | null {
  const m = INSTANT.exec(iso);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  const real = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  const at = new Date(iso);
  return real && h < 24 && mi < 60 && !Number.isNaN(at.getTime()) ? at : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats an ISO instant (with Z or an offset) in Beijing time. Throws RangeError on anything else. */
export function formatBeijing(iso: string, style: BeijingStyle): string {
  const at = parseInstant(iso);
  if (!at) throw new RangeError(`not an ISO instant with a time zone: ${iso}`);
  const parts = FORMAT.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const [y, mo, d, h, mi] = [part('year'), part('month'), part('day'), part('hour'), part('minute')];
  switch (style) {
    case 'long':
      return `${y}年${mo}月${d}日 ${pad(h)}时${pad(mi)}分`;
    case 'date':
      return `${y}年${mo}月${d}日`;
    case 'numeric':
      return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`;
  }
}
