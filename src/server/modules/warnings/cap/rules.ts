import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  capIssue,
  type CapAlert,
  type CapArea,
  type CapCircle,
  type CapIssue,
  type CapPoint,
  type CapReference,
} from './cap';

/**
 * The value rules of CAP 1.2 shared by the parser (XML text → typed value) and by the exporter
 * (which refuses to write an alert the parser would reject). Each parse function returns the
 * value or an issue without a path; the caller knows where it is.
 */

type Parsed<T> = { ok: true; value: T } | { ok: false; code: 'bad_polygon' | 'bad_circle'; zh: string; en: string };

// CAP 1.2 §3.3.2 and the schema's pattern \d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-,+]\d\d:\d\d: the offset is
// always numeric ("Z" is not allowed), no fractional seconds. UTC is written -00:00 by the spec's rule;
// +00:00 matches the schema pattern and is accepted on import.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2}):(\d{2})$/;

export function isCapDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, , offH, offM] = m.slice(1).map(Number) as number[];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || offH > 14 || offM > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** The instant a CAP date-time names. The caller has checked it with isCapDateTime. */
export function capDateTimeToDate(value: string): Date {
  return new Date(value);
}

/** Writes an instant as a CAP date-time at the given offset (Beijing, +08:00, unless told otherwise). */
export function formatCapDateTime(instant: Date, offsetMinutes = 480): string {
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
  const iso = local.toISOString().slice(0, 19);
  // The spec writes UTC as -00:00.
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${iso}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Trims what XML calls whitespace (space, tab, CR, LF), not every Unicode space: U+3000 is text. */
export function trimXml(value: string): string {
  return value.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
}

/** identifier, sender and each code: CAP forbids spaces, commas and the restricted characters < and &. */
export function isCapToken(value: string): boolean {
  return value.length > 0 && !/[\s,<&]/.test(value);
}

// xs:language (RFC 3066 shape).
export function isLanguageTag(value: string): boolean {
  return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(value);
}

/**
 * Index of the first character XML 1.0 cannot carry at all, not even as a character reference
 * (controls other than tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates), or -1.
 */
export function firstNonXmlChar(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff || (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd)) {
      return i;
    }
  }
  return -1;
}

export function hasNonXmlChar(value: string): boolean {
  return firstNonXmlChar(value) >= 0;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseDecimal(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

export function parseNonNegativeInteger(text: string): number | null {
  if (!/^\+?\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** A decimal without exponent notation (CAP's numbers are xs:decimal, which has none). */
export function formatDecimal(n: number): string {
  const s = String(n === 0 ? 0 : n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function parsePoint(text: string): CapPoint | null {
  const parts = text.split(',');
  if (parts.length !== 2) return null;
  const lat = parseDecimal(parts[0]!);
  const lon = parseDecimal(parts[1]!);
  if (lat === null || lon === null) return null;
  const point = { lat: lat === 0 ? 0 : lat, lon: lon === 0 ? 0 : lon };
  return pointInRange(point) ? point : null;
}

function pointInRange(p: CapPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

const POLYGON_TOO_SHORT = { zh: '至少需要 4 个坐标点', en: 'at least 4 coordinate pairs are required' };
const POLYGON_OPEN = { zh: '首尾坐标点必须相同', en: 'the first and last coordinate pairs must be the same' };

/** "lat,lon lat,lon …": at least 4 pairs, first equal to last (CAP 1.2 <polygon>). */
export function parsePolygon(text: string): Parsed<CapPoint[]> {
  const pairs = text.split(/[ \t\n\r]+/).filter((s) => s.length > 0);
  const points: CapPoint[] = [];
  for (const pair of pairs) {
    const p = parsePoint(pair);
    if (!p) return { ok: false, code: 'bad_polygon', zh: `坐标“${pair}”无效（应为 纬度,经度）`, en: `coordinate pair "${pair}" is not valid (expected lat,lon)` };
    points.push(p);
  }
  const problem = polygonProblem(points);
  return problem ? { ok: false, code: 'bad_polygon', ...problem } : { ok: true, value: points };
}

export function polygonProblem(points: CapPoint[]): { zh: string; en: string } | null {
  if (points.length < 4) return POLYGON_TOO_SHORT;
  if (!points.every(pointInRange)) return { zh: '坐标超出范围', en: 'a coordinate is out of range' };
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return first.lat === last.lat && first.lon === last.lon ? null : POLYGON_OPEN;
}

/** "lat,lon radius" with the radius in kilometres. */
export function parseCircle(text: string): Parsed<CapCircle> {
  const parts = text.split(/[ \t\n\r]+/).filter((s) => s.length > 0);
  const bad = { ok: false as const, code: 'bad_circle' as const, zh: '应为“纬度,经度 半径(千米)”', en: 'expected "lat,lon radius" (radius in km)' };
  if (parts.length !== 2) return bad;
  const center = parsePoint(parts[0]!);
  const radiusKm = parseDecimal(parts[1]!);
  if (!center || radiusKm === null || radiusKm < 0) return bad;
  return { ok: true, value: { center, radiusKm: radiusKm === 0 ? 0 : radiusKm } };
}

export function circleProblem(c: CapCircle): boolean {
  return !pointInRange(c.center) || !Number.isFinite(c.radiusKm) || c.radiusKm < 0;
}

/** CAP "group" lists (addresses, incidents): whitespace-delimited, multi-word entries in double quotes. */
export function parseGroup(text: string): string[] | null {
  // Anything left besides whitespace once entries are removed is an unbalanced quote.
  if (text.replace(/"[^"]*"|[^\s"]+/g, '').trim().length > 0) return null;
  const out = [...text.matchAll(/"([^"]*)"|([^\s"]+)/g)].map((m) => (m[1] ?? m[2]!).trim());
  return out.every((v) => v.length > 0) ? out : null;
}

export function formatGroup(values: string[]): string {
  return values.map((v) => (/\s/.test(v) ? `"${v}"` : v)).join(' ');
}

export function isGroupEntry(value: string): boolean {
  return value.trim().length > 0 && !value.includes('"') && value === value.trim();
}

/** <references>: whitespace-separated "sender,identifier,sent" triples. */
export function parseReferences(text: string): { ok: true; value: CapReference[] } | { ok: false; bad: string } {
  const value: CapReference[] = [];
  for (const entry of text.split(/[ \t\n\r]+/).filter((s) => s.length > 0)) {
    const parts = entry.split(',');
    if (parts.length !== 3 || !isCapToken(parts[0]!) || !isCapToken(parts[1]!) || !isCapDateTime(parts[2]!)) return { ok: false, bad: entry };
    value.push({ sender: parts[0]!, identifier: parts[1]!, sent: parts[2]! });
  }
  return value.length > 0 ? { ok: true, value } : { ok: false, bad: text };
}

export function formatReferences(refs: CapReference[]): string {
  return refs.map((r) => `${r.sender},${r.identifier},${r.sent}`).join(' ');
}

/** Rules that tie elements together; the parser and the exporter both apply them. */
export function crossFieldIssues(alert: Pick<CapAlert, 'scope' | 'msgType' | 'references' | 'addresses' | 'restriction' | 'infos'>): CapIssue[] {
  const issues: CapIssue[] = [];
  if (alert.scope === 'Private' && alert.addresses.length === 0) issues.push(capIssue('/alert/addresses', 'addresses_required'));
  if (alert.scope === 'Restricted' && !alert.restriction) issues.push(capIssue('/alert/restriction', 'restriction_required'));
  // An Update or Cancel that names no earlier message updates or cancels nothing; Ack and Error answer one.
  if (alert.msgType !== 'Alert' && (CAP_MSG_TYPES as readonly string[]).includes(alert.msgType) && alert.references.length === 0) {
    issues.push(capIssue('/alert/references', 'references_required', { msgType: alert.msgType }));
  }
  alert.infos.forEach((info, i) =>
    info.areas.forEach((area, j) => {
      if (area.ceiling !== undefined && area.altitude === undefined) {
        issues.push(capIssue(`/alert/info[${i + 1}]/area[${j + 1}]/ceiling`, 'ceiling_without_altitude'));
      }
    }),
  );
  return issues;
}

/**
 * Every rule the parser applies, on a typed alert: what exportCap checks before writing, so an
 * exported message always imports again.
 */
export function validateCapAlert(alert: CapAlert): CapIssue[] {
  const issues: CapIssue[] = [];
  const text = (path: string, element: string, value: string | undefined, required: boolean) => {
    if (value === undefined) {
      if (required) issues.push(capIssue(path, 'required', { element }));
      return;
    }
    if (trimXml(value).length === 0) issues.push(capIssue(path, 'empty', { element }));
    else if (hasNonXmlChar(value)) issues.push(capIssue(path, 'bad_character'));
  };
  const token = (path: string, element: string, value: string) => {
    text(path, element, value, true);
    if (value.length > 0 && !isCapToken(value)) issues.push(capIssue(path, 'forbidden_chars', { value }));
  };
  const oneOf = (path: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) issues.push(capIssue(path, 'bad_enum', { value, allowed: allowed.join(', ') }));
  };
  const dateTime = (path: string, value: string | undefined) => {
    if (value !== undefined && !isCapDateTime(value)) issues.push(capIssue(path, 'bad_datetime', { value }));
  };
  const group = (path: string, values: string[]) => {
    for (const value of values) if (!isGroupEntry(value) || hasNonXmlChar(value)) issues.push(capIssue(path, 'bad_group', { value }));
  };
  const pairs = (path: string, list: { valueName: string; value: string }[]) =>
    list.forEach((p, i) => {
      text(`${path}[${i + 1}]/valueName`, 'valueName', p.valueName, true);
      text(`${path}[${i + 1}]/value`, 'value', p.value, true);
    });
  const number = (path: string, value: number | undefined) => {
    if (value !== undefined && !Number.isFinite(value)) issues.push(capIssue(path, 'bad_number', { value: String(value) }));
  };

  token('/alert/identifier', 'identifier', alert.identifier);
  token('/alert/sender', 'sender', alert.sender);
  text('/alert/sent', 'sent', alert.sent, true);
  dateTime('/alert/sent', alert.sent);
  oneOf('/alert/status', alert.status, CAP_STATUSES);
  oneOf('/alert/msgType', alert.msgType, CAP_MSG_TYPES);
  text('/alert/source', 'source', alert.source, false);
  oneOf('/alert/scope', alert.scope, CAP_SCOPES);
  text('/alert/restriction', 'restriction', alert.restriction, false);
  group('/alert/addresses', alert.addresses);
  alert.codes.forEach((c, i) => token(`/alert/code[${i + 1}]`, 'code', c));
  text('/alert/note', 'note', alert.note, false);
  alert.references.forEach((r) => {
    if (!isCapToken(r.sender) || !isCapToken(r.identifier) || !isCapDateTime(r.sent)) {
      issues.push(capIssue('/alert/references', 'bad_references', { value: `${r.sender},${r.identifier},${r.sent}` }));
    }
  });
  group('/alert/incidents', alert.incidents);

  alert.infos.forEach((info, i) => {
    const at = `/alert/info[${i + 1}]`;
    text(`${at}/language`, 'language', info.language, false);
    if (info.language !== undefined && info.language.length > 0 && !isLanguageTag(info.language)) {
      issues.push(capIssue(`${at}/language`, 'bad_language', { value: info.language }));
    }
    if (info.categories.length === 0) issues.push(capIssue(`${at}/category`, 'required', { element: 'category' }));
    info.categories.forEach((c, k) => oneOf(`${at}/category[${k + 1}]`, c, CAP_CATEGORIES));
    text(`${at}/event`, 'event', info.event, true);
    info.responseTypes.forEach((r, k) => oneOf(`${at}/responseType[${k + 1}]`, r, CAP_RESPONSE_TYPES));
    oneOf(`${at}/urgency`, info.urgency, CAP_URGENCIES);
    oneOf(`${at}/severity`, info.severity, CAP_SEVERITIES);
    oneOf(`${at}/certainty`, info.certainty, CAP_CERTAINTIES);
    for (const key of ['audience', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact'] as const) {
      text(`${at}/${key}`, key, info[key], false);
    }
    pairs(`${at}/eventCode`, info.eventCodes);
    for (const key of ['effective', 'onset', 'expires'] as const) dateTime(`${at}/${key}`, info[key]);
    pairs(`${at}/parameter`, info.parameters);
    info.resources.forEach((r, k) => {
      const rat = `${at}/resource[${k + 1}]`;
      text(`${rat}/resourceDesc`, 'resourceDesc', r.resourceDesc, true);
      text(`${rat}/mimeType`, 'mimeType', r.mimeType, true);
      if (r.size !== undefined && !(Number.isSafeInteger(r.size) && r.size >= 0)) issues.push(capIssue(`${rat}/size`, 'bad_integer', { value: String(r.size) }));
      for (const key of ['uri', 'derefUri', 'digest'] as const) text(`${rat}/${key}`, key, r[key], false);
    });
    info.areas.forEach((area, k) => areaIssues(`${at}/area[${k + 1}]`, area, issues, text, pairs, number));
  });
  return [...issues, ...crossFieldIssues(alert)];
}

function areaIssues(
  at: string,
  area: CapArea,
  issues: CapIssue[],
  text: (path: string, element: string, value: string | undefined, required: boolean) => void,
  pairs: (path: string, list: { valueName: string; value: string }[]) => void,
  number: (path: string, value: number | undefined) => void,
): void {
  text(`${at}/areaDesc`, 'areaDesc', area.areaDesc, true);
  area.polygons.forEach((poly, i) => {
    const problem = polygonProblem(poly);
    if (problem) issues.push(capIssue(`${at}/polygon[${i + 1}]`, 'bad_polygon', problem));
  });
  area.circles.forEach((c, i) => {
    if (circleProblem(c)) issues.push(capIssue(`${at}/circle[${i + 1}]`, 'bad_circle', { zh: '坐标或半径无效', en: 'coordinate or radius out of range' }));
  });
  pairs(`${at}/geocode`, area.geocodes);
  number(`${at}/altitude`, area.altitude);
  number(`${at}/ceiling`, area.ceiling);
}
