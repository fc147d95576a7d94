import { eq, inArray } from 'drizzle-orm';
import type { HazardDetail, HazardSummary, StoredFile } from '../../../contracts';
import type { Queryable } from '../../platform/db/client';
import { storedFiles } from '../../platform/files/schema';
import { presentFile, thumbUrl } from '../../platform/files/service';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { hazardCategories, hazardEvents, hazards, type HazardRow } from './schema';

export type UnitRef = { id: string; name: string; code: string; level: HazardSummary['unit']['level'] };

async function unitRefs(db: Queryable, ids: (string | null)[]): Promise<Map<string, UnitRef>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(inArray(units.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

async function categoryMap(db: Queryable) {
  const rows = await db.select().from(hazardCategories);
  return new Map(rows.map((c) => [c.code, c]));
}

/** List rows: one query per batch for units and categories, none per hazard. */
export async function presentSummaries(db: Queryable, rows: HazardRow[]): Promise<HazardSummary[]> {
  const [refs, cats] = await Promise.all([unitRefs(db, rows.flatMap((h) => [h.unitId, h.escalatedToUnitId])), categoryMap(db)]);
  return rows.map((h) => summary(h, refs, cats));
}

export function summary(h: HazardRow, refs: Map<string, UnitRef>, cats: Map<string, { nameZh: string; nameEn: string }>): HazardSummary {
  const cat = cats.get(h.categoryCode);
  return {
    id: h.id,
    code: h.code,
    state: h.state,
    level: h.level,
    suggestedLevel: h.suggestedLevel,
    supervised: h.supervised,
    category: { code: h.categoryCode, nameZh: cat?.nameZh ?? h.categoryCode, nameEn: cat?.nameEn ?? h.categoryCode },
    description: h.description,
    lat: h.lat,
    lng: h.lng,
    address: h.address,
    unit: refs.get(h.unitId)!,
    source: h.source,
    reporter: { name: h.reporterName, phone: h.reporterPhone },
    reportedAt: h.reportedAt.toISOString(),
    receivedAt: h.receivedAt.toISOString(),
    deadline: h.deadline?.toISOString() ?? null,
    overdue: h.overdue,
    escalatedTo: h.escalatedToUnitId ? (refs.get(h.escalatedToUnitId) ?? null) : null,
    thumbUrl: h.photoIds[0] ? thumbUrl(h.photoIds[0]) : null,
  };
}

/** The whole record: photos, assignment, timeline. `can` is computed by the caller. */
export async function presentDetail(db: Queryable, h: HazardRow, can: HazardDetail['can']): Promise<HazardDetail> {
  const events = await db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, h.id)).orderBy(hazardEvents.seq);
  const photoIds = [...new Set([...h.photoIds, ...events.flatMap((e) => e.photoIds)])];
  const [refs, cats, files, person, merged] = await Promise.all([
    unitRefs(db, [h.unitId, h.escalatedToUnitId, h.responsibleUnitId]),
    categoryMap(db),
    photoIds.length ? db.select().from(storedFiles).where(inArray(storedFiles.id, photoIds)) : Promise.resolve([]),
    h.responsiblePersonId ? db.select({ id: people.id, name: people.name, phone: people.phone }).from(people).where(eq(people.id, h.responsiblePersonId)) : Promise.resolve([]),
    h.mergedIntoId ? db.select({ id: hazards.id, code: hazards.code }).from(hazards).where(eq(hazards.id, h.mergedIntoId)) : Promise.resolve([]),
  ]);
  const fileById = new Map(files.map((f) => [f.id, presentFile(f)]));
  const photosOf = (ids: string[]) => ids.map((id) => fileById.get(id)).filter((f): f is StoredFile => !!f);
  return {
    ...summary(h, refs, cats),
    photos: photosOf(h.photoIds),
    accuracy: h.accuracy,
    mergedInto: merged[0] ?? null,
    riskPointId: h.riskPointId,
    patrolId: h.patrolId,
    assignment:
      h.responsibleUnitId && person[0] && h.deadline
        ? {
            responsibleUnit: refs.get(h.responsibleUnitId)!,
            responsiblePerson: person[0],
            deadline: h.deadline.toISOString(),
            measures: h.measures ?? '',
            funds: h.funds ?? '',
            contingencyPlan: h.contingencyPlan ?? '',
          }
        : null,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action as HazardDetail['events'][number]['action'],
      fromState: e.fromState,
      toState: e.toState,
      actor: { id: e.actorId, name: e.actorName },
      note: e.note,
      photos: photosOf(e.photoIds),
    })),
    can,
  };
}

/**
 * A report just stored, presented from what the submission already holds (the row, its unit,
 * category and photos, its one event) instead of reading it all back: the phone's hot path.
 */
export function presentNewReport(
  h: HazardRow,
  unit: UnitRef,
  category: { code: string; nameZh: string; nameEn: string },
  photos: StoredFile[],
  event: { id: string; actorName: string },
  can: HazardDetail['can'],
): HazardDetail {
  return {
    ...summary(h, new Map([[unit.id, unit]]), new Map([[category.code, category]])),
    photos,
    accuracy: h.accuracy,
    mergedInto: null,
    riskPointId: h.riskPointId,
    patrolId: h.patrolId,
    assignment: null,
    events: [{ id: event.id, at: h.receivedAt.toISOString(), action: 'report', fromState: null, toState: 'reported', actor: { id: h.reporterUserId, name: event.actorName }, note: null, photos }],
    can,
  };
}
