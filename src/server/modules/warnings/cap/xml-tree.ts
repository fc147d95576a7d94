import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { capIssue, type CapIssue } from './cap';
import { firstNonXmlChar } from './rules';

/**
 * XML text → a small namespace-resolved element tree, or the first well-formedness problem with
 * its line and column. fast-xml-parser does the tokenizing and well-formedness checks; this layer
 * adds what it leaves to the caller: namespaces, entity decoding (it decodes numeric references only
 * with its deprecated HTML mode, so entities are decoded here by XML's own rules), a single root,
 * characters XML forbids, and refusing DOCTYPE (no entity declarations, so no entity expansion).
 */

export interface XElement {
  /** Local name, without prefix. */
  name: string;
  /** The qualified name as written, for messages. */
  qname: string;
  ns: string | null;
  attrs: { qname: string; ns: string | null; value: string }[];
  children: XNode[];
}
export type XNode = XElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function readXml(xml: string): { ok: true; root: XElement } | { ok: false; issue: CapIssue } {
  // XML 1.0 §2.11: a parser hands on every CR LF and lone CR as LF (a real CR travels as &#13;).
  const input = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const syntax = XMLValidator.validate(input);
  if (syntax !== true) {
    return { ok: false, issue: capIssue('/', 'xml_invalid', { line: syntax.err.line, col: syntax.err.col ?? 1, detail: syntax.err.msg }) };
  }
  const lexical = lexicalProblem(input);
  if (lexical) return { ok: false, issue: lexical };

  const items = parser.parse(input) as Ordered[];
  const unbound: string[] = [];
  const top = convert(items, new Map([['xml', XML_NS]]), unbound);
  if (unbound.length > 0) return { ok: false, issue: capIssue('/', 'unbound_prefix', { prefix: unbound[0]! }) };
  const roots = top.filter((n): n is XElement => typeof n !== 'string');
  if (roots.length !== 1) {
    return { ok: false, issue: capIssue('/', 'xml_invalid', { line: 1, col: 1, detail: 'a document has exactly one root element' }) };
  }
  return { ok: true, root: roots[0]! };
}

/** Problems the validator lets through: forbidden characters, DOCTYPE, unknown or invalid entity references. */
function lexicalProblem(input: string): CapIssue | null {
  const at = (index: number) => {
    const before = input.slice(0, index).split('\n');
    return { line: before.length, col: before[before.length - 1]!.length + 1 };
  };
  const badChar = firstNonXmlChar(input);
  if (badChar >= 0) return capIssue('/', 'xml_invalid', { ...at(badChar), detail: 'character not allowed in XML' });
  // Comments and CDATA sections may hold "&" and "<!DOCTYPE" as plain text: blank them out, keeping offsets.
  const markup = input.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
  const doctype = /<!DOCTYPE/i.exec(markup);
  if (doctype) return capIssue('/', 'doctype_forbidden');
  for (const m of markup.matchAll(/&([^;\s<&]*);/g)) {
    if (decodeReference(m[1]!) === null) return capIssue('/', 'xml_invalid', { ...at(m.index), detail: `unknown or invalid entity reference &${m[1]};` });
  }
  return null;
}

function decodeReference(body: string): string | null {
  if (body in PREDEFINED) return PREDEFINED[body]!;
  const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
  if (!m) return null;
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
  const isXmlChar =
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return isXmlChar ? String.fromCodePoint(code) : null;
}

function decode(text: string): string {
  // lexicalProblem has already refused every reference this cannot decode.
  return text.replace(/&([^;\s<&]*);/g, (whole, body: string) => decodeReference(body) ?? whole);
}

type Ordered = Record<string, unknown>;

function convert(items: Ordered[], scope: Map<string, string>, unbound: string[]): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') out.push(decode(String(value)));
      else if (key === '#cdata') out.push(cdataText(value));
      else out.push(element(key, value as Ordered[], (item[':@'] ?? {}) as Record<string, string>, scope, unbound));
    }
  }
  return out;
}

function cdataText(value: unknown): string {
  return (value as Ordered[]).map((part) => String(part['#text'] ?? '')).join('');
}

function element(qname: string, children: Ordered[], rawAttrs: Record<string, string>, parentScope: Map<string, string>, unbound: string[]): XElement {
  const scope = new Map(parentScope);
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns') scope.set('', decode(value));
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), decode(value));
  }
  const resolve = (name: string, isAttribute: boolean): { local: string; ns: string | null } => {
    const colon = name.indexOf(':');
    if (colon < 0) return { local: name, ns: isAttribute ? null : (scope.get('') || null) };
    const prefix = name.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined) unbound.push(prefix);
    return { local: name.slice(colon + 1), ns: ns ?? null };
  };
  const { local, ns } = resolve(qname, false);
  const attrs = Object.entries(rawAttrs)
    .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
    .map(([name, value]) => ({ qname: name, ns: resolve(name, true).ns, value: decode(value) }));
  return { name: local, qname, ns, attrs, children: convert(children, scope, unbound) };
}
