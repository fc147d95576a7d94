import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_NAMESPACE,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  capIssue,
  type CapAlert,
  type CapArea,
  type CapInfo,
  type CapIssue,
  type CapResource,
  type CapValuePair,
} from './cap';
import {
  crossFieldIssues,
  isCapDateTime,
  isCapToken,
  isLanguageTag,
  parseCircle,
  parseDecimal,
  parseGroup,
  parseNonNegativeInteger,
  parsePolygon,
  parseReferences,
  trimXml,
} from './rules';
import { readXml, type XElement } from './xml-tree';

export type CapParseResult = { ok: true; alert: CapAlert } | { ok: false; errors: CapIssue[] };

/**
 * Strict CAP 1.2 import. Not well-formed XML gives one error with the parser's line and column;
 * a well-formed message gives every problem at once: each missing required element, element out of
 * the schema's order, bad enumeration value, date-time, polygon, circle, number or reference.
 */
export function parseCap(xml: string): CapParseResult {
  const doc = readXml(xml);
  if (!doc.ok) return { ok: false, errors: [doc.issue] };
  const root = doc.root;
  if (root.name !== 'alert') return { ok: false, errors: [capIssue('/', 'not_cap_alert', { element: root.qname })] };
  // A CAP 1.1 message (or none at all) would fail on every element; the namespace says it all.
  if (root.ns !== CAP_NAMESPACE) return { ok: false, errors: [capIssue('/alert', 'wrong_namespace', { found: root.ns ?? '' })] };

  const r = new Reader();
  const alert = r.alert(root);
  // A <references> already refused as malformed need not also be reported missing.
  const reported = new Set(r.issues.map((i) => i.path));
  const issues = [...r.issues, ...crossFieldIssues(alert).filter((i) => !reported.has(i.path))];
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, alert };
}

/** [element, minOccurs, maxOccurs] in the schema's sequence order. */
type Rule = readonly [string, number, number];
const N = Number.POSITIVE_INFINITY;

const ALERT: Rule[] = [
  ['identifier', 1, 1], ['sender', 1, 1], ['sent', 1, 1], ['status', 1, 1], ['msgType', 1, 1], ['source', 0, 1], ['scope', 1, 1],
  ['restriction', 0, 1], ['addresses', 0, 1], ['code', 0, N], ['note', 0, 1], ['references', 0, 1], ['incidents', 0, 1], ['info', 0, N],
];
const INFO: Rule[] = [
  ['language', 0, 1], ['category', 1, N], ['event', 1, 1], ['responseType', 0, N], ['urgency', 1, 1], ['severity', 1, 1],
  ['certainty', 1, 1], ['audience', 0, 1], ['eventCode', 0, N], ['effective', 0, 1], ['onset', 0, 1], ['expires', 0, 1],
  ['senderName', 0, 1], ['headline', 0, 1], ['description', 0, 1], ['instruction', 0, 1], ['web', 0, 1], ['contact', 0, 1],
  ['parameter', 0, N], ['resource', 0, N], ['area', 0, N],
];
const PAIR: Rule[] = [['valueName', 1, 1], ['value', 1, 1]];
const RESOURCE: Rule[] = [['resourceDesc', 1, 1], ['mimeType', 1, 1], ['size', 0, 1], ['uri', 0, 1], ['derefUri', 0, 1], ['digest', 0, 1]];
const AREA: Rule[] = [['areaDesc', 1, 1], ['polygon', 0, N], ['circle', 0, N], ['geocode', 0, N], ['altitude', 0, 1], ['ceiling', 0, 1]];

interface Child {
  el: XElement;
  path: string;
}

/** The children of one element, grouped by name, with structural problems already recorded. */
class Children {
  constructor(
    private readonly r: Reader,
    private readonly byName: Map<string, Child[]>,
  ) {}

  all(name: string): Child[] {
    return this.byName.get(name) ?? [];
  }

  /** A required text element: '' when missing or blank (both already reported). */
  required(name: string): string {
    const [first] = this.all(name);
    if (!first) return '';
    const value = this.r.text(first);
    if (value === '') this.r.add(first.path, 'empty', { element: name });
    return value;
  }

  /** An optional text element; present but blank counts as absent. */
  optional(name: string): string | undefined {
    const [first] = this.all(name);
    const value = first ? this.r.text(first) : '';
    return value === '' ? undefined : value;
  }

  enumeration<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.required(name);
    const [first] = this.all(name);
    if (first && value !== '' && !(allowed as readonly string[]).includes(value)) {
      this.r.add(first.path, 'bad_enum', { value, allowed: allowed.join(', ') });
    }
    return value as T;
  }

  enumerations<T extends string>(name: string, allowed: readonly T[]): T[] {
    return this.all(name).map((c) => {
      const value = this.r.text(c);
      if (!(allowed as readonly string[]).includes(value)) this.r.add(c.path, 'bad_enum', { value, allowed: allowed.join(', ') });
      return value as T;
    });
  }

  dateTime(name: string, required: boolean): string | undefined {
    const value = required ? this.required(name) : this.optional(name);
    const [first] = this.all(name);
    if (first && value !== undefined && value !== '' && !isCapDateTime(value)) this.r.add(first.path, 'bad_datetime', { value });
    return value;
  }

  token(name: string): string {
    const value = this.required(name);
    const [first] = this.all(name);
    if (first && value !== '' && !isCapToken(value)) this.r.add(first.path, 'forbidden_chars', { value });
    return value;
  }

  decimal(name: string): number | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    const n = parseDecimal(value);
    if (n === null) this.r.add(this.all(name)[0]!.path, 'bad_number', { value });
    return n ?? undefined;
  }

  group(name: string): string[] {
    const value = this.optional(name);
    if (value === undefined) return [];
    const list = parseGroup(value);
    if (!list) this.r.add(this.all(name)[0]!.path, 'bad_group', { value });
    return list ?? [];
  }

  pairs(name: string): CapValuePair[] {
    return this.all(name).map((c) => {
      const kids = this.r.children(c, PAIR);
      return { valueName: kids.required('valueName'), value: kids.required('value') };
    });
  }
}

class Reader {
  readonly issues: CapIssue[] = [];

  add(path: string, code: Parameters<typeof capIssue>[1], params: Parameters<typeof capIssue>[2] = {}): void {
    this.issues.push(capIssue(path, code, params));
  }

  alert(root: XElement): CapAlert {
    const kids = this.children({ el: root, path: '/alert' }, ALERT, true);
    const alert: CapAlert = {
      identifier: kids.token('identifier'),
      sender: kids.token('sender'),
      sent: kids.dateTime('sent', true) ?? '',
      status: kids.enumeration('status', CAP_STATUSES),
      msgType: kids.enumeration('msgType', CAP_MSG_TYPES),
      scope: kids.enumeration('scope', CAP_SCOPES),
      addresses: kids.group('addresses'),
      codes: kids.all('code').map((c) => {
        const value = this.text(c);
        if (!isCapToken(value)) this.add(c.path, value === '' ? 'empty' : 'forbidden_chars', { value, element: 'code' });
        return value;
      }),
      references: [],
      incidents: kids.group('incidents'),
      infos: kids.all('info').map((c) => this.info(c)),
    };
    assignDefined(alert, { source: kids.optional('source'), restriction: kids.optional('restriction'), note: kids.optional('note') });
    const references = kids.optional('references');
    if (references !== undefined) {
      const parsed = parseReferences(references);
      if (parsed.ok) alert.references = parsed.value;
      else this.add(kids.all('references')[0]!.path, 'bad_references', { value: parsed.bad });
    }
    return alert;
  }

  private info(c: Child): CapInfo {
    const kids = this.children(c, INFO);
    const info: CapInfo = {
      categories: kids.enumerations('category', CAP_CATEGORIES),
      event: kids.required('event'),
      responseTypes: kids.enumerations('responseType', CAP_RESPONSE_TYPES),
      urgency: kids.enumeration('urgency', CAP_URGENCIES),
      severity: kids.enumeration('severity', CAP_SEVERITIES),
      certainty: kids.enumeration('certainty', CAP_CERTAINTIES),
      eventCodes: kids.pairs('eventCode'),
      parameters: kids.pairs('parameter'),
      resources: kids.all('resource').map((r) => this.resource(r)),
      areas: kids.all('area').map((a) => this.area(a)),
    };
    const language = kids.optional('language');
    if (language !== undefined && !isLanguageTag(language)) this.add(kids.all('language')[0]!.path, 'bad_language', { value: language });
    assignDefined(info, {
      language,
      audience: kids.optional('audience'),
      effective: kids.dateTime('effective', false),
      onset: kids.dateTime('onset', false),
      expires: kids.dateTime('expires', false),
      senderName: kids.optional('senderName'),
      headline: kids.optional('headline'),
      description: kids.optional('description'),
      instruction: kids.optional('instruction'),
      web: kids.optional('web'),
      contact: kids.optional('contact'),
    });
    return info;
  }

  private resource(c: Child): CapResource {
    const kids = this.children(c, RESOURCE);
    const resource: CapResource = { resourceDesc: kids.required('resourceDesc'), mimeType: kids.required('mimeType') };
    const size = kids.optional('size');
    let bytes: number | undefined;
    if (size !== undefined) {
      bytes = parseNonNegativeInteger(size) ?? undefined;
      if (bytes === undefined) this.add(kids.all('size')[0]!.path, 'bad_integer', { value: size });
    }
    assignDefined(resource, { size: bytes, uri: kids.optional('uri'), derefUri: kids.optional('derefUri'), digest: kids.optional('digest') });
    return resource;
  }

  private area(c: Child): CapArea {
    const kids = this.children(c, AREA);
    const area: CapArea = {
      areaDesc: kids.required('areaDesc'),
      polygons: kids.all('polygon').flatMap((p) => {
        const parsed = parsePolygon(this.text(p));
        if (parsed.ok) return [parsed.value];
        this.add(p.path, parsed.code, { zh: parsed.zh, en: parsed.en });
        return [];
      }),
      circles: kids.all('circle').flatMap((p) => {
        const parsed = parseCircle(this.text(p));
        if (parsed.ok) return [parsed.value];
        this.add(p.path, parsed.code, { zh: parsed.zh, en: parsed.en });
        return [];
      }),
      geocodes: kids.pairs('geocode'),
    };
    assignDefined(area, { altitude: kids.decimal('altitude'), ceiling: kids.decimal('ceiling') });
    return area;
  }

  /**
   * Groups an element's children by name and records what the schema forbids: unknown or foreign
   * elements (foreign ones are allowed only in <alert>, as the schema's ##other extension point),
   * elements out of sequence, too many or too few of one, stray text and stray attributes.
   */
  children(parent: Child, rules: Rule[], foreignAllowed = false): Children {
    this.checkAttributes(parent);
    const byName = new Map<string, Child[]>();
    let furthest = -1;
    for (const node of parent.el.children) {
      if (typeof node === 'string') {
        if (trimXml(node) !== '') this.add(parent.path, 'unexpected_text');
        continue;
      }
      if (node.ns !== CAP_NAMESPACE && foreignAllowed) continue;
      const index = node.ns === CAP_NAMESPACE ? rules.findIndex(([name]) => name === node.name) : -1;
      if (index < 0) {
        this.add(`${parent.path}/${node.qname}`, 'unknown_element', { element: node.qname });
        continue;
      }
      const [name, , max] = rules[index]!;
      const list = byName.get(name) ?? [];
      const path = max > 1 ? `${parent.path}/${name}[${list.length + 1}]` : `${parent.path}/${name}`;
      if (index < furthest) this.add(path, 'out_of_order', { element: name, follower: rules[furthest]![0] });
      furthest = Math.max(furthest, index);
      if (list.length === max) this.add(path, 'too_many', { element: name, max });
      else list.push({ el: node, path });
      byName.set(name, list);
    }
    for (const [name, min] of rules) {
      if ((byName.get(name)?.length ?? 0) < min) this.add(`${parent.path}/${name}`, 'required', { element: name });
    }
    return new Children(this, byName);
  }

  /** The text of a leaf element, trimmed of XML whitespace at both ends. */
  text(c: Child): string {
    this.checkAttributes(c);
    let text = '';
    for (const node of c.el.children) {
      if (typeof node === 'string') text += node;
      else this.add(`${c.path}/${node.qname}`, 'unknown_element', { element: node.qname });
    }
    return trimXml(text);
  }

  /** CAP elements carry no attributes; namespace declarations and foreign ones (xsi:…) are fine. */
  private checkAttributes(c: Child): void {
    for (const attr of c.el.attrs) {
      if (attr.ns === null || attr.ns === CAP_NAMESPACE) this.add(c.path, 'unexpected_attribute', { name: attr.qname });
    }
  }
}

/** Sets only the keys whose value is defined, so absent optional elements leave no undefined keys. */
function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
