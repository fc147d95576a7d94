import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Role } from '../../../contracts/roles';
import type { Actor } from '../../platform/access/actor';
import type { Ctx } from '../../platform/context';
import type { Db } from '../../platform/db/client';
import { AppError } from '../../platform/errors/app-error';
import type { FileStorage } from '../../platform/files/storage';
import { units } from '../../platform/hierarchy/schema';
import type { Job } from '../../platform/jobs/runner';
import { Announcer } from '../../platform/realtime/bus';
import { capDateTimeToDate, parseCap } from './cap';
import { escapeXmlText } from './cap/export';
import { readXml, type XElement } from './cap/xml-tree';
import { importCap } from './cap-import.service';

/**
 * The CAP feed (CAP_FEED_URL), polled every minute: an Atom or RSS list of CAP entries (the
 * alert embedded in <content>, or a link to the CAP document) or a single CAP document. Each
 * message is taken in as source 'cap_feed', held by the unit of CAP_FEED_UNIT_CODE, by a system
 * actor. Taking in is idempotent by (sender, identifier), so every app node may poll: a message
 * stored by one is "already stored" for the others. Messages are taken in oldest first (by
 * <sent>), so an Alert is stored before the Update and Cancel that refer to it.
 */

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const FETCH_TIMEOUT_MS = 10_000;
const FEED_BYTES_MAX = 5 * 1024 * 1024;
const DOCUMENT_BYTES_MAX = 512 * 1024;
/** The audit log names the feed as the actor; no user row has this id. */
export const CAP_FEED_ACTOR_ID = '00000000-0000-7000-8000-00000000ca9f';

export type FeedReport = {
  /** Newly stored warnings. */
  created: number;
  /** Messages stored before (by this or another node). */
  stored: number;
  /** Messages refused, with the catalog code (CAP_INVALID, CAP_NOT_MAPPABLE …) and where they came from. */
  refused: { from: string; code: string; detail: string }[];
  /** Documents that could not be fetched (tried again at the next poll). */
  failed: { from: string; detail: string }[];
};

export type FeedOptions = {
  url: string;
  unitCode: string;
  timeoutMs?: number;
  /** Documents (links, or hashes of embedded alerts) already taken in or refused by this process: not fetched or tried again. */
  seen?: Set<string>;
};

async function fetchText(url: string, timeoutMs: number, maxBytes: number): Promise<string> {
  const res = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/atom+xml, application/rss+xml, application/cap+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

const kids = (el: XElement, name: string, ns?: string | null): XElement[] =>
  el.children.filter((c): c is XElement => typeof c !== 'string' && c.name === name && (ns === undefined || c.ns === ns));
const attrOf = (el: XElement, name: string) => el.attrs.find((a) => a.ns === null && a.qname === name)?.value;
const textOf = (el: XElement) => el.children.filter((c): c is string => typeof c === 'string').join('').trim();
const attrValue = (value: string) => escapeXmlText(value).replace(/"/g, '&quot;');

/**
 * An element of a parsed tree written back as XML, each namespace as a default declaration where
 * it changes, so an alert embedded in a feed becomes a document of its own. Prefixed foreign
 * attributes (xsi:…) are dropped; CAP carries none that matter.
 */
export function serializeElement(el: XElement, parentNs: string | null = null): string {
  const decl = el.ns !== parentNs ? ` xmlns="${attrValue(el.ns ?? '')}"` : '';
  const attrs = el.attrs
    .filter((a) => a.ns === null)
    .map((a) => ` ${a.qname}="${attrValue(a.value)}"`)
    .join('');
  const inner = el.children.map((c) => (typeof c === 'string' ? escapeXmlText(c) : serializeElement(c, el.ns))).join('');
  return `<${el.name}${decl}${attrs}>${inner}</${el.name}>`;
}

type Entry = { from: string } & ({ xml: string } | { href: string });

/** What a feed holds: itself when it is a CAP document, else its entries' embedded alerts or links. */
export function feedEntries(xml: string, feedUrl: string): Entry[] {
  const doc = readXml(xml);
  if (!doc.ok) throw new Error(`not XML: ${doc.issue.en}`);
  const root = doc.root;
  if (root.name === 'alert') return [{ from: feedUrl, xml }];
  const resolve = (href: string) => new URL(href, feedUrl).toString();
  const entries: Entry[] = [];
  if (root.name === 'feed' && root.ns === ATOM_NS) {
    kids(root, 'entry', ATOM_NS).forEach((entry, i) => {
      const from = `${feedUrl}#entry${i + 1}`;
      const embedded = kids(entry, 'content', ATOM_NS).flatMap((c) => kids(c, 'alert'))[0];
      if (embedded) return entries.push({ from, xml: serializeElement(embedded) });
      const links = kids(entry, 'link', ATOM_NS).filter((l) => attrOf(l, 'href'));
      const link = links.find((l) => /cap/i.test(attrOf(l, 'type') ?? '')) ?? links.find((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate');
      if (link) entries.push({ from, href: resolve(attrOf(link, 'href')!) });
    });
  } else if (root.name === 'rss') {
    kids(root, 'channel')
      .flatMap((c) => kids(c, 'item'))
      .forEach((item, i) => {
        const from = `${feedUrl}#item${i + 1}`;
        const embedded = item.children.find((c): c is XElement => typeof c !== 'string' && c.name === 'alert');
        if (embedded) return entries.push({ from, xml: serializeElement(embedded) });
        const enclosure = kids(item, 'enclosure').find((e) => attrOf(e, 'url'));
        const href = enclosure ? attrOf(enclosure, 'url') : kids(item, 'link').map(textOf).find(Boolean);
        if (href) entries.push({ from, href: resolve(href) });
      });
  } else {
    throw new Error(`not a CAP document, an Atom feed or an RSS feed (root <${root.qname}>)`);
  }
  return entries;
}

const NO_FILES: FileStorage = {
  put: () => Promise.reject(new Error('the CAP feed stores no files')),
  exists: () => Promise.resolve(false),
  read: () => Promise.resolve(null),
  remove: () => Promise.resolve(),
};

const ROLE_AT: Record<string, Role> = { city: 'city_admin', county: 'county_officer', township: 'township_chief' };

/** The feed's actor: no user, holding warnings.manage on the configured unit only. */
async function feedCtx(db: Db, config: Config, unitCode: string, now: Date): Promise<Ctx> {
  const [unit] = await db.select().from(units).where(and(eq(units.code, unitCode), eq(units.status, 'active')));
  const role = unit ? ROLE_AT[unit.level] : undefined;
  if (!unit || !role) throw new Error(`CAP_FEED_UNIT_CODE ${unitCode} is not an active city, county or township`);
  const actor: Actor = {
    id: CAP_FEED_ACTOR_ID,
    username: 'system:cap-feed',
    displayName: 'CAP 预警订阅',
    locale: 'zh-CN',
    unitId: unit.id,
    grants: [{ role, unitId: unit.id, path: unit.path }],
    scopePaths: [unit.path],
    mustChangePassword: false,
    sessionId: '',
  };
  return { actor, db, clock: { now: () => now }, config, files: NO_FILES, bus: null, announcer: new Announcer(db.$client), requestId: `cap-feed-${now.toISOString()}`, ip: null };
}

/** One poll of the feed. Every message is tried; one refused or unreachable does not stop the rest. */
export async function pollCapFeed(db: Db, config: Config, now: Date, opts: FeedOptions): Promise<FeedReport> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const report: FeedReport = { created: 0, stored: 0, refused: [], failed: [] };
  const entries = feedEntries(await fetchText(opts.url, timeoutMs, FEED_BYTES_MAX), opts.url);
  const docs: { from: string; key: string; xml: string; sent: number }[] = [];
  for (const e of entries) {
    const key = 'href' in e ? e.href : `sha256:${crypto.createHash('sha256').update(e.xml).digest('hex')}`;
    if (opts.seen?.has(key)) continue;
    let xml: string;
    try {
      xml = 'xml' in e ? e.xml : await fetchText(e.href, timeoutMs, DOCUMENT_BYTES_MAX);
    } catch (err) {
      report.failed.push({ from: 'href' in e ? e.href : e.from, detail: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const parsed = parseCap(xml);
    // Unparseable ones sort first; importCap refuses them with the full list of problems.
    const sent = parsed.ok ? capDateTimeToDate(parsed.alert.sent).getTime() : 0;
    docs.push({ from: 'href' in e ? e.href : e.from, key, xml, sent });
  }
  docs.sort((a, b) => a.sent - b.sent);
  const ctx = await feedCtx(db, config, opts.unitCode, now);
  for (const d of docs) {
    try {
      const r = await importCap(ctx, d.xml, 'cap_feed');
      if (r.created) report.created += 1;
      else report.stored += 1;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.refused.push({ from: d.from, code: err.code, detail: (err.fields ?? []).map((f) => `${f.path} ${f.en}`).join('; ') || err.message });
    }
    // Taken in, stored before or refused for good: this process need not fetch the document again.
    opts.seen?.add(d.key);
  }
  return report;
}

/** The job, when CAP_FEED_URL is set: logs what was refused and counts what was stored. */
export function capFeedJobs(config: Config, log: (line: string) => void): Job[] {
  const url = config.capFeed.url;
  if (!url) return [];
  const seen = new Set<string>();
  return [
    {
      name: 'cap feed',
      everySeconds: 60,
      run: async (db, now) => {
        if (seen.size > 10_000) seen.clear();
        const report = await pollCapFeed(db, config, now, { url, unitCode: config.capFeed.unitCode, seen });
        for (const r of report.refused) log(`cap feed: refused ${r.from}: ${r.code} ${r.detail}`);
        for (const f of report.failed) log(`cap feed: could not fetch ${f.from}: ${f.detail}`);
        return report.created;
      },
    },
  ];
}
