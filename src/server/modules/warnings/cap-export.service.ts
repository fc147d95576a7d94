import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { escapeXmlText } from './cap/export';
import { firstNonXmlChar } from './cap/rules';
import { exportCap, formatCapDateTime, parseCap, warningToCap, type CapAlert, type CapArea, type CapInfo, type CapReference } from './cap';
import { warnings, type WarningRow } from './schema';
import { loadWarning } from './warnings.service';

/**
 * Warnings as CAP 1.2: one warning as a CAP document (for users in scope, and publicly for real
 * warnings), and the public Atom feed of the active real warnings. The document is written from the
 * warning (warningToCap): our identifier, sender and sent; type and level as exact codes; the
 * areas of an imported message as it gave them (polygons, circles, geocodes), those of a warning
 * entered here as its units' GB/T 2260 codes; references "sender,identifier,sent".
 */

export const CAP_MEDIA_TYPE = 'application/cap+xml; charset=utf-8';
export const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';
/** How many warnings the public feed lists, newest first. */
export const PUBLIC_FEED_MAX = 100;

/** GB/T 2260 valueName our export writes; the importer reads it back (isRegionCodeName). */
const REGION_CODE = 'GB/T 2260';

/** 350581000000 → 350581, 350581101000 → 350581101: the code at its own level (village codes stay 12 digits). */
function regionCode(unitCode: string): string {
  return unitCode.length === 12 ? unitCode.replace(/(000){1,2}$/, '') : unitCode;
}

/** The stored message of an imported warning, when it parses (it did when it was taken in). */
function storedAlert(row: WarningRow): CapAlert | null {
  if (!row.capXml) return null;
  const parsed = parseCap(row.capXml);
  return parsed.ok ? parsed.alert : null;
}

function chosenInfo(alert: CapAlert): CapInfo | undefined {
  return alert.infos.find((i) => /^zh\b/i.test(i.language ?? '')) ?? alert.infos[0];
}

/** Characters XML cannot carry at all (controls, U+FFFE/FFFF, lone surrogates) are dropped, so any stored text exports. */
function xmlSafe(value: string): string {
  let out = value;
  for (let i = firstNonXmlChar(out); i >= 0; i = firstNonXmlChar(out)) out = out.slice(0, i) + out.slice(i + 1);
  return out;
}

async function references(db: Queryable, row: WarningRow, original: CapAlert | null): Promise<CapReference[]> {
  // An imported Update or Cancel says exactly what it refers to, also when the original is not stored here.
  if (original) return original.references;
  if (row.references.length === 0) return [];
  const found = await db
    .select({ sender: warnings.sender, identifier: warnings.identifier, sentAt: warnings.sentAt })
    .from(warnings)
    .where(and(inArray(warnings.identifier, row.references), eq(warnings.unitId, row.unitId)));
  return found.map((r) => ({ sender: r.sender, identifier: r.identifier, sent: formatCapDateTime(r.sentAt) }));
}

async function areas(db: Queryable, row: WarningRow, original: CapAlert | null): Promise<CapArea[]> {
  const given = original ? chosenInfo(original)?.areas : undefined;
  if (given?.length) return given;
  const rows = row.areaUnitIds.length ? await db.select({ code: units.code }).from(units).where(inArray(units.id, row.areaUnitIds)) : [];
  return [
    {
      areaDesc: xmlSafe(row.areaDesc),
      polygons: [],
      circles: [],
      geocodes: rows.map((u) => ({ valueName: REGION_CODE, value: regionCode(u.code) })).sort((a, b) => a.value.localeCompare(b.value)),
    },
  ];
}

/** A warning as a CAP alert; senderName is the holding unit's name unless the imported message named its sender. */
export async function warningAsCap(db: Queryable, row: WarningRow): Promise<CapAlert> {
  const original = storedAlert(row);
  const [holder] = await db.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
  const senderName = (original && chosenInfo(original)?.senderName) || holder?.name;
  return warningToCap(
    {
      type: row.type,
      level: row.level,
      areas: await areas(db, row, original),
      effective: row.effective,
      expires: row.expires,
      headline: xmlSafe(row.headline),
      text: xmlSafe(row.text),
      msgType: row.msgType,
    },
    {
      identifier: row.identifier,
      sender: row.sender,
      sent: row.sentAt,
      status: row.exercise ? 'Exercise' : 'Actual',
      ...(senderName ? { senderName } : {}),
      references: await references(db, row, original),
    },
  );
}

/** GET /api/warnings/:id/cap.xml: any warning the actor can see. */
export async function warningCapXml(ctx: Ctx, id: string): Promise<{ xml: string; identifier: string }> {
  const { warning } = await loadWarning(ctx.db, ctx.actor, id);
  return { xml: exportCap(await warningAsCap(ctx.db, warning)), identifier: warning.identifier };
}

/**
 * What may be published: real warnings (never exercises) whose message was public. An imported
 * message of scope Restricted or Private stays inside the platform.
 */
function publishable(row: WarningRow): boolean {
  if (row.exercise) return false;
  const original = storedAlert(row);
  return !row.capXml || original?.scope === 'Public';
}

/** GET /api/public/cap/:id.xml: one real, public warning; anything else is "not found". */
export async function publicCapXml(db: Queryable, id: string): Promise<string> {
  const [row] = await db.select().from(warnings).where(and(eq(warnings.id, id), eq(warnings.exercise, false)));
  if (!row || !publishable(row)) throw notFound();
  return exportCap(await warningAsCap(db, row));
}

const atom = (name: string, value: string) => `<${name}>${escapeXmlText(xmlSafe(value))}</${name}>`;
const attr = (value: string) => escapeXmlText(value).replace(/"/g, '&quot;');

/** GET /api/public/cap/feed.xml: an Atom feed of the active real warnings, each linking its CAP document. */
export async function publicCapFeed(db: Queryable, baseUrl: string, now: Date): Promise<string> {
  const rows = (
    await db
      .select()
      .from(warnings)
      .where(and(eq(warnings.status, 'active'), eq(warnings.exercise, false), gt(warnings.expires, now)))
      .orderBy(desc(warnings.sentAt))
      .limit(PUBLIC_FEED_MAX)
  ).filter(publishable);
  const updated = rows.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), new Date(0));
  const self = `${baseUrl}/api/public/cap/feed.xml`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${atom('id', self)}`,
    `  ${atom('title', '预警信息（CAP 1.2）')}`,
    `  ${atom('updated', (rows.length ? updated : now).toISOString())}`,
    `  <link rel="self" type="application/atom+xml" href="${attr(self)}"/>`,
    `  <author>${atom('name', 'LastMeter 最后一米')}</author>`,
  ];
  for (const r of rows) {
    const href = `${baseUrl}/api/public/cap/${r.id}.xml`;
    lines.push(
      '  <entry>',
      // An Atom id is an IRI that never changes: the document's address is one.
      `    ${atom('id', href)}`,
      `    ${atom('title', r.headline)}`,
      `    ${atom('updated', r.updatedAt.toISOString())}`,
      `    ${atom('published', r.sentAt.toISOString())}`,
      `    ${atom('summary', r.areaDesc)}`,
      `    <link rel="alternate" type="application/cap+xml" href="${attr(href)}"/>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
