import { CAP_NAMESPACE, type CapAlert, type CapArea, type CapInfo, type CapIssue, type CapPoint, type CapValuePair } from './cap';
import { formatDecimal, formatGroup, formatReferences, validateCapAlert } from './rules';

/** Thrown by exportCap for an alert that would not import again; lists every problem like parseCap does. */
export class CapExportError extends Error {
  constructor(readonly issues: CapIssue[]) {
    super(`CAP alert is not valid: ${issues.map((i) => `${i.path} ${i.en}`).join('; ')}`);
    this.name = 'CapExportError';
  }
}

/**
 * Writes a CAP 1.2 message: UTF-8, the CAP namespace as default namespace, elements in the schema's
 * sequence order, two-space indentation. Text is escaped (& < > always; CR as &#13; so it survives
 * XML's line-end normalisation). Throws CapExportError when validateCapAlert finds problems.
 */
export function exportCap(alert: CapAlert): string {
  const issues = validateCapAlert(alert);
  if (issues.length > 0) throw new CapExportError(issues);
  const w = new Writer();
  w.open('alert', `xmlns="${CAP_NAMESPACE}"`);
  w.leaf('identifier', alert.identifier);
  w.leaf('sender', alert.sender);
  w.leaf('sent', alert.sent);
  w.leaf('status', alert.status);
  w.leaf('msgType', alert.msgType);
  w.leaf('source', alert.source);
  w.leaf('scope', alert.scope);
  w.leaf('restriction', alert.restriction);
  if (alert.addresses.length > 0) w.leaf('addresses', formatGroup(alert.addresses));
  for (const code of alert.codes) w.leaf('code', code);
  w.leaf('note', alert.note);
  if (alert.references.length > 0) w.leaf('references', formatReferences(alert.references));
  if (alert.incidents.length > 0) w.leaf('incidents', formatGroup(alert.incidents));
  for (const info of alert.infos) writeInfo(w, info);
  w.close('alert');
  return w.toString();
}

function writeInfo(w: Writer, info: CapInfo): void {
  w.open('info');
  w.leaf('language', info.language);
  for (const category of info.categories) w.leaf('category', category);
  w.leaf('event', info.event);
  for (const responseType of info.responseTypes) w.leaf('responseType', responseType);
  w.leaf('urgency', info.urgency);
  w.leaf('severity', info.severity);
  w.leaf('certainty', info.certainty);
  w.leaf('audience', info.audience);
  for (const pair of info.eventCodes) writePair(w, 'eventCode', pair);
  w.leaf('effective', info.effective);
  w.leaf('onset', info.onset);
  w.leaf('expires', info.expires);
  w.leaf('senderName', info.senderName);
  w.leaf('headline', info.headline);
  w.leaf('description', info.description);
  w.leaf('instruction', info.instruction);
  w.leaf('web', info.web);
  w.leaf('contact', info.contact);
  for (const pair of info.parameters) writePair(w, 'parameter', pair);
  for (const r of info.resources) {
    w.open('resource');
    w.leaf('resourceDesc', r.resourceDesc);
    w.leaf('mimeType', r.mimeType);
    w.leaf('size', r.size === undefined ? undefined : String(r.size));
    w.leaf('uri', r.uri);
    w.leaf('derefUri', r.derefUri);
    w.leaf('digest', r.digest);
    w.close('resource');
  }
  for (const area of info.areas) writeArea(w, area);
  w.close('info');
}

function writeArea(w: Writer, area: CapArea): void {
  w.open('area');
  w.leaf('areaDesc', area.areaDesc);
  for (const polygon of area.polygons) w.leaf('polygon', polygon.map(point).join(' '));
  for (const circle of area.circles) w.leaf('circle', `${point(circle.center)} ${formatDecimal(circle.radiusKm)}`);
  for (const pair of area.geocodes) writePair(w, 'geocode', pair);
  w.leaf('altitude', area.altitude === undefined ? undefined : formatDecimal(area.altitude));
  w.leaf('ceiling', area.ceiling === undefined ? undefined : formatDecimal(area.ceiling));
  w.close('area');
}

function writePair(w: Writer, name: string, pair: CapValuePair): void {
  w.open(name);
  w.leaf('valueName', pair.valueName);
  w.leaf('value', pair.value);
  w.close(name);
}

function point(p: CapPoint): string {
  return `${formatDecimal(p.lat)},${formatDecimal(p.lon)}`;
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

class Writer {
  private readonly lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;

  open(name: string, attrs?: string): void {
    this.lines.push(`${this.indent()}<${name}${attrs ? ` ${attrs}` : ''}>`);
    this.depth += 1;
  }

  close(name: string): void {
    this.depth -= 1;
    this.lines.push(`${this.indent()}</${name}>`);
  }

  /** Absent optional elements are simply not written. */
  leaf(name: string, value: string | undefined): void {
    if (value !== undefined) this.lines.push(`${this.indent()}<${name}>${escapeXmlText(value)}</${name}>`);
  }

  private indent(): string {
    return '  '.repeat(this.depth);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
