import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { idsOnPath } from '../../../platform/hierarchy/paths';
import { units } from '../../../platform/hierarchy/schema';
import { reportDocx } from '../docx/report-docx';
import { timelineDocx } from '../docx/timeline-docx';
import { EVENT_GRADE_LABELS, EVENT_TYPE_LABELS } from '../rules/deadlines';
import { loadEvent, loadReport } from './access';
import { dutyEventEntries } from './schema';
import { safeFileName } from '../../org/excel/http';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocxFile = { fileName: string; asciiName: string; buffer: Buffer };

/** 石狮市宝盖镇应急管理站: the desk's name under its county, as the header of official papers reads. */
async function stationName(ctx: Ctx, unitPath: string): Promise<{ station: string; unitName: string }> {
  const ids = idsOnPath(unitPath);
  const rows = await ctx.db.select({ id: units.id, name: units.name, level: units.level }).from(units).where(inArray(units.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = ids.map((id) => byId.get(id)!).filter(Boolean);
  const desk = chain.at(-1)!;
  const county = chain.find((u) => u.level === 'county');
  const prefix = desk.level === 'township' && county ? county.name : '';
  return { station: `${prefix}${desk.name}${desk.level === 'city' || desk.level === 'county' ? '应急管理局' : '应急管理站'}`, unitName: desk.name };
}

/** A report in the official layout (.docx). Drafts too: the desk prints them for the 签发人 to sign. */
export async function reportDocument(ctx: Ctx, id: string): Promise<DocxFile> {
  const { report: r, unitPath } = await loadReport(ctx.db, ctx.actor, id);
  const { event } = await loadEvent(ctx.db, ctx.actor, r.eventId);
  const { station, unitName } = await stationName(ctx, unitPath);
  const buffer = await reportDocx({
    stationName: station,
    kind: r.kind === 'first' ? 'initial' : r.kind,
    sequence: r.sequence,
    title: r.title ?? '',
    reportingUnit: unitName,
    issuer: r.issuer ?? '',
    reporter: { name: r.reporterName ?? '', phone: r.reporterPhone ?? '' },
    occurredAt: (r.occurredAt ?? event.occurredAt ?? event.receivedAt).toISOString(),
    location: r.location ?? event.address,
    eventType: EVENT_TYPE_LABELS[r.eventType ?? event.type].zh,
    casualties: { dead: r.dead, injured: r.injured, missing: r.missing },
    narrative: r.narrative,
    measures: r.measures,
    nextSteps: r.nextSteps,
    reportedAt: (r.submittedAt ?? ctx.clock.now()).toISOString(),
  });
  const kind = r.kind === 'follow_up' ? `续报${r.sequence}` : r.kind === 'first' ? '首报' : '终报';
  return { fileName: `${safeFileName(event.code)}-${kind}.docx`, asciiName: `${event.code}-${r.kind}${r.sequence || ''}.docx`, buffer };
}

const STATUS_ZH = { open: '处置中', closed: '已办结', merged: '已合并' } as const;

/** The event's timeline (.docx): the facts, then every entry in order. */
export async function timelineDocument(ctx: Ctx, id: string): Promise<DocxFile> {
  const { event: e, unitPath } = await loadEvent(ctx.db, ctx.actor, id);
  const [{ unitName }, entries] = await Promise.all([
    stationName(ctx, unitPath),
    ctx.db.select().from(dutyEventEntries).where(eq(dutyEventEntries.eventId, e.id)).orderBy(asc(dutyEventEntries.seq)),
  ]);
  const buffer = await timelineDocx({
    title: `${e.code} ${unitName}${e.address}${EVENT_TYPE_LABELS[e.type].zh}`,
    eventType: EVENT_TYPE_LABELS[e.type].zh,
    grade: EVENT_GRADE_LABELS[e.grade].zh,
    place: e.address,
    receivedAt: e.receivedAt.toISOString(),
    status: STATUS_ZH[e.status],
    entries: entries.map((x) => ({ at: x.at.toISOString(), who: x.actorName, what: x.text })),
    exportedBy: ctx.actor.displayName,
    exportedAt: ctx.clock.now().toISOString(),
  });
  return { fileName: `${safeFileName(e.code)}-事件时间线.docx`, asciiName: `${e.code}-timeline.docx`, buffer };
}
