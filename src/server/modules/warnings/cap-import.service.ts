import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { LIMITS } from '../../../contracts/limits';
import type { FieldError } from '../../../contracts/errors';
import { WarningCreate, WARNING_LIMITS } from '../../../contracts/warnings';
import type { CapImportResult } from '../../../contracts/warnings-cap';
import type { Actor } from '../../platform/access/actor';
import { isAncestorOrSelf, isInScope } from '../../platform/access/rules';
import { loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { fieldErrors } from '../../platform/errors/field-messages';
import { units } from '../../platform/hierarchy/schema';
import { capDateTimeToDate, capToWarningDraft, parseCap, type CapAlert, type CapArea, type CapReference } from './cap';
import { warnings, type WarningRow } from './schema';
import { createWarning, loadWarning, warningDetail } from './warnings.service';

/**
 * Taking in a CAP 1.2 message (uploaded by a person, or read from the configured feed by the job):
 * strict parse → our warning (type, level, areas, period) → createWarning, keeping the message's
 * sender, identifier, sent, msgType, references and the XML itself. The same (sender, identifier)
 * taken in again answers the stored warning. An Update or Cancel marks the originals it references.
 */

export type CapSource = 'cap_upload' | 'cap_feed';
export type CapImport = CapImportResult;

/** A message without <expires> is held this long from its effective time. */
export const DEFAULT_VALIDITY_MS = 24 * 3600_000;

/** Statuses and message types that become warnings; the rest (Test, System, Draft; Ack, Error) are refused. */
const TAKEN_STATUSES = new Set(['Actual', 'Exercise']);
const TAKEN_MSG_TYPES = new Set(['Alert', 'Update', 'Cancel']);

const problem = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

export async function importCap(ctx: Ctx, xml: string, source: CapSource): Promise<CapImport> {
  // Who may take warnings in is checked before the message is looked at.
  const holder = await loadUnitInScope(ctx.db, ctx.actor, ctx.actor.unitId);
  requirePermission(ctx.actor, 'warnings.manage', holder.path);

  const parsed = parseCap(xml);
  if (!parsed.ok) throw new AppError('CAP_INVALID', parsed.errors.map(({ path, code, zh, en }) => ({ path, code, zh, en })));
  const alert = parsed.alert;

  const stored = await findStored(ctx, alert.sender, alert.identifier);
  if (stored) return result(ctx, stored, alert, false, (await mapAreas(ctx.db, ctx.actor, holder, capToWarningDraft(alert).areas)).from);

  const originals = await referencedWarnings(ctx.db, ctx.actor, alert.references);
  const draft = await toWarningInput(ctx, alert, originals, holder);
  let created: WarningRow;
  try {
    await createWarning(ctx, draft.input, {
      source,
      sender: alert.sender,
      identifier: alert.identifier,
      sentAt: capDateTimeToDate(alert.sent),
      msgType: alert.msgType as WarningRow['msgType'],
      references: alert.references.map((r) => r.identifier),
      capXml: xml,
    });
    [created] = (await ctx.db.select().from(warnings).where(eq(warnings.id, draft.input.id))) as [WarningRow];
  } catch (e) {
    // Two imports of one message at once (two app nodes polling the feed): the unique (sender,
    // identifier) index lets one in; the other answers what it stored.
    const raced = e instanceof AppError && e.code === 'WARNING_DUPLICATE' ? await findStored(ctx, alert.sender, alert.identifier) : null;
    if (raced) return result(ctx, raced, alert, false, draft.areasFrom);
    throw e;
  }
  await applyLaterMessages(ctx, created);
  return result(ctx, created, alert, true, draft.areasFrom);
}

/** The stored warning of this (sender, identifier): visible → it; held elsewhere → 409 (the pair is unique across the platform). */
async function findStored(ctx: Ctx, sender: string, identifier: string): Promise<WarningRow | null> {
  const [row] = await ctx.db.select({ id: warnings.id }).from(warnings).where(and(eq(warnings.sender, sender), eq(warnings.identifier, identifier)));
  if (!row) return null;
  try {
    return (await loadWarning(ctx.db, ctx.actor, row.id)).warning;
  } catch {
    throw new AppError('WARNING_DUPLICATE');
  }
}

/** The stored warnings (in the actor's scope) that CAP references name by sender and identifier. */
async function referencedWarnings(db: Queryable, actor: Actor, refs: CapReference[]): Promise<WarningRow[]> {
  if (refs.length === 0) return [];
  return db
    .select()
    .from(warnings)
    .where(and(or(...refs.map((r) => and(eq(warnings.sender, r.sender), eq(warnings.identifier, r.identifier)))), unitIdInScope(actor, warnings.unitId)));
}

type Holder = { id: string; path: string; name: string };

async function toWarningInput(ctx: Ctx, alert: CapAlert, originals: WarningRow[], holder: Holder): Promise<{ input: WarningCreate; areasFrom: 'geocode' | 'holder' }> {
  const problems: FieldError[] = [];
  if (!TAKEN_STATUSES.has(alert.status)) {
    problems.push(problem('/alert/status', 'status_not_taken', `状态为 ${alert.status} 的消息不作为预警接收（只接收 Actual 和 Exercise）`, `A message with status ${alert.status} is not taken in as a warning (only Actual and Exercise are)`));
  }
  if (!TAKEN_MSG_TYPES.has(alert.msgType)) {
    problems.push(problem('/alert/msgType', 'msg_type_not_taken', `${alert.msgType} 类消息不是预警（只接收 Alert、Update、Cancel）`, `A ${alert.msgType} message is not a warning (only Alert, Update and Cancel are)`));
  }
  if (alert.infos.length === 0) problems.push(problem('/alert/info', 'info_required', '消息没有 <info>，无法得到预警类型和级别', 'The message has no <info>, so there is no warning type or level'));

  const draft = capToWarningDraft(alert);
  // A Cancel says nothing reliable about type and level (its severity is often Minor): it takes those of
  // the latest message it cancels (the Update that raised the level, not the first Alert).
  const original = [...originals].sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())[0];
  // An event of no type here (an earthquake, a missing child) is still a warning people must get: 'other'.
  const type = alert.msgType === 'Cancel' && original ? original.type : (draft.type ?? original?.type ?? 'other');
  const level = alert.msgType === 'Cancel' && original ? original.level : (draft.level ?? original?.level ?? null);
  // The info block the mapping reads (the first in Chinese, else the first), named as the parser names places.
  const info = alert.infos.find((i) => /^zh\b/i.test(i.language ?? '')) ?? alert.infos[0];
  const infoPath = `/alert/info[${info ? alert.infos.indexOf(info) + 1 : 1}]`;
  if (info && !level) {
    problems.push(problem(`${infoPath}/severity`, 'level_unknown', `无法确定预警级别：严重程度为 ${info.severity}，且事件和标题未写明红、橙、黄、蓝色`, `No warning level: severity is ${info.severity} and neither event nor headline names red, orange, yellow or blue`));
  }
  const effective = draft.effective ?? capDateTimeToDate(alert.sent);
  const expires = draft.expires ?? new Date(effective.getTime() + DEFAULT_VALIDITY_MS);
  if (expires <= effective) {
    problems.push(problem(`${infoPath}/expires`, 'expires_before_effective', '失效时间早于生效时间', 'The message expires before it takes effect'));
  }
  if (problems.length > 0) throw new AppError('CAP_NOT_MAPPABLE', problems);

  const areas = await mapAreas(ctx.db, ctx.actor, holder, draft.areas);
  const areaDesc = clip(draft.areas.map((a) => a.areaDesc).join('；'), LIMITS.addressMax) || holder.name;
  const headline = clip(draft.headline, WARNING_LIMITS.headlineMax);
  const candidate = {
    id: uuidv7(ctx.clock.now().getTime()),
    type,
    level,
    areaDesc,
    areaUnitIds: areas.unitIds,
    effective: effective.toISOString(),
    expires: expires.toISOString(),
    headline,
    text: clip(draft.text, WARNING_LIMITS.textMax) || headline,
    exercise: alert.status === 'Exercise',
  };
  const checked = WarningCreate.safeParse(candidate);
  if (!checked.success) throw new AppError('CAP_NOT_MAPPABLE', fieldErrors(checked.error, 'warning'));
  return { input: checked.data, areasFrom: areas.from };
}

/** Cut to at most `max` characters (by code point, so no half surrogate pair is left), trimmed. */
function clip(value: string, max: number): string {
  const chars = [...value.trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('').trim();
}

/** geocode valueNames that carry GB/T 2260 administrative codes (and their 9/12-digit extensions). */
export function isRegionCodeName(valueName: string): boolean {
  const n = valueName.replace(/[\s/_.-]/g, '').toUpperCase();
  return n.startsWith('GBT2260') || n === 'GB2260' || n === 'ADCODE' || n === '行政区划代码' || n === '行政区划';
}

/** Our unit code for a 6-, 9- or 12-digit region code (county, township, village; zeros fill it to 12) or a 15-digit grid code. */
export function regionCodeToUnitCode(value: string): string | null {
  return /^\d{6}(\d{3}){0,3}$/.test(value) ? value.padEnd(12, '0') : null;
}

/**
 * The units a message's areas cover: each GB/T 2260 geocode is matched to the unit whose code it is
 * a prefix of (350581 → 350581000000 石狮市, 350581101 → 宝盖镇). A unit in the importer's scope is
 * taken as it is; a unit above the importer (a city-wide warning imported by a township) becomes
 * the importer's own unit, the part of the area it holds; other units are left out. When nothing
 * matches (SAME codes, polygons only), the importer's own unit.
 */
async function mapAreas(db: Queryable, actor: Actor, holder: Holder, areas: CapArea[]): Promise<{ unitIds: string[]; from: 'geocode' | 'holder' }> {
  const codes = [...new Set(areas.flatMap((a) => a.geocodes.filter((g) => isRegionCodeName(g.valueName)).map((g) => regionCodeToUnitCode(g.value.trim()))))].filter(
    (c): c is string => c !== null,
  );
  const matched = codes.length
    ? await db
        .select({ id: units.id, path: units.path })
        .from(units)
        .where(and(inArray(units.code, codes), eq(units.status, 'active')))
    : [];
  const ids = new Set<string>();
  for (const u of matched) {
    if (isInScope(actor.scopePaths, u.path)) ids.add(u.id);
    else if (isAncestorOrSelf(u.path, holder.path)) ids.add(holder.id);
  }
  return ids.size > 0 ? { unitIds: [...ids], from: 'geocode' } : { unitIds: [holder.id], from: 'holder' };
}

/**
 * A message that arrives after an Update or Cancel that referenced it (feeds are not always in
 * order): it takes the status those give it at once.
 */
async function applyLaterMessages(ctx: Ctx, row: WarningRow): Promise<void> {
  if (row.status !== 'active') return;
  const later = await ctx.db
    .select({ msgType: warnings.msgType })
    .from(warnings)
    .where(and(sql`${row.identifier} = any(${warnings.references})`, inArray(warnings.msgType, ['Update', 'Cancel']), unitIdInScope(ctx.actor, warnings.unitId)));
  if (later.length === 0) return;
  const status = later.some((l) => l.msgType === 'Cancel') ? 'cancelled' : 'updated';
  await ctx.db.update(warnings).set({ status, updatedAt: ctx.clock.now() }).where(and(eq(warnings.id, row.id), eq(warnings.status, 'active')));
}

async function result(ctx: Ctx, row: WarningRow, alert: CapAlert, created: boolean, areasFrom: 'geocode' | 'holder'): Promise<CapImport> {
  const originals = await referencedWarnings(ctx.db, ctx.actor, alert.references);
  const found = (r: CapReference) => originals.find((o) => o.sender === r.sender && o.identifier === r.identifier);
  return {
    warning: await warningDetail(ctx, row.id),
    created,
    msgType: row.msgType,
    linked: originals.map((o) => ({ id: o.id, sender: o.sender, identifier: o.identifier, status: o.status })),
    unresolvedReferences: alert.references.filter((r) => !found(r)),
    areasFrom,
  };
}
