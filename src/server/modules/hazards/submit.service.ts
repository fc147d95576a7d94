import { and, eq } from 'drizzle-orm';
import type { HazardDetail, HazardSubmit } from '../../../contracts';
import { pathsWithPermission } from '../../platform/access/rules';
import { canAt, loadUnitInScope, requirePermission } from '../../platform/access/scope';
import type { AuditWho } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Db, Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { presentFile, requireFiles } from '../../platform/files/service';
import type { RealtimeEvent } from '../../platform/realtime/bus';
import { hazardCategories, hazards, type HazardRow } from './schema';
import { availableActions, dueAtAfter, shanghaiMonth } from './rules';
import { presentNewReport, type UnitRef } from './present';
import { hazardDetail } from './queries';
import { loadRiskPoint } from '../risks/queries';

/** Hours a new report may wait for verification before it is overdue (and escalated). */
export const VERIFY_HOURS = 24;

export async function requireActiveCategory(db: Queryable, code: string) {
  const [cat] = await db.select().from(hazardCategories).where(and(eq(hazardCategories.code, code), eq(hazardCategories.active, true)));
  if (!cat) throw new AppError('CATEGORY_UNKNOWN', [{ path: 'body.categoryCode', code: 'unknown', zh: '隐患类别不存在或已停用', en: 'Unknown category' }]);
  return cat;
}

/** A report as the caller hands it over; everything else about a new record is fixed. */
export type NewReport = {
  id: string;
  unitId: string;
  categoryCode: string;
  description: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  address: string | null;
  suggestedLevel: HazardRow['suggestedLevel'];
  source: HazardRow['source'];
  reporterUserId: string | null;
  reporterName: string;
  reporterPhone: string | null;
  reportedAt: Date;
  patrolId: string | null;
  riskPointId: string | null;
  photoIds: string[];
};

export type StoredReport = {
  row: HazardRow;
  eventId: string;
  unit: UnitRef & { path: string };
  category: { code: string; nameZh: string; nameEn: string };
};

/**
 * The whole report in ONE statement, sent as a prepared statement: the hazard, its first timeline
 * event, its audit entry and its roll-up delta, atomically (a single statement is its own
 * transaction), behind a gate that re-checks what the caller may not do: the place must be a
 * village or grid under one of `allowedPaths` and the category active. One round trip instead of
 * seven, and no transaction left open while Node works between statements.
 */
const INSERT_REPORT = `
with gate as (
  select u.id, u.name, u.code, u.level, u.path::text as path, c.name_zh, c.name_en
  from units u join hazard_categories c on c.code = $4::text and c.active
  where u.id = $2::uuid and u.level in ('village', 'grid') and u.path <@ $3::ltree[]
),
ins as (
  insert into hazards (id, code, unit_id, category_code, description, lat, lng, accuracy, address, suggested_level, state, source,
    reporter_user_id, reporter_name, reporter_phone, reported_at, received_at, patrol_id, risk_point_id, photo_ids, due_at, updated_at)
  select $1::uuid,
    -- YH, the Beijing date, a running number of at least six digits (lpad alone would cut longer ones)
    'YH' || to_char($16::timestamptz at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(seq.n::text, greatest(6, length(seq.n::text)), '0'),
    gate.id, $4::text, $5::text, $6::float8, $7::float8, $8::float8, $9::text, $10::text, 'reported', $11::text,
    $12::uuid, $13::text, $14::text, $15::timestamptz, $16::timestamptz, $17::uuid, $18::uuid, $19::text[], $20::timestamptz, $16::timestamptz
  from gate cross join lateral (select nextval('hazard_code_seq') as n) as seq
  on conflict (id) do nothing
  returning id, code, unit_id
),
event as (
  insert into hazard_events (id, hazard_id, at, action, from_state, to_state, actor_id, actor_name, note, photo_ids)
  select $21::uuid, ins.id, $16::timestamptz, 'report', null, 'reported', $12::uuid, $22::text, null, $19::text[] from ins
),
audit as (
  insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, before, after, request_id, ip)
  select $23::uuid, $16::timestamptz, $12::uuid, $24::text, $25::text, 'hazard.reported', 'hazard', ins.id::text, ins.unit_id,
    ins.code || ' ' || gate.name || case when $11::text = 'public' then '（群众上报）' else '' end, null,
    jsonb_build_object('state', 'reported', 'source', $11::text, 'categoryCode', $4::text, 'description', $5::text), $26::text, $27::text
  from ins, gate
),
counted as (
  insert into hazard_rollup_deltas (unit_id, month, category_code, found) select ins.unit_id, $28::date, $4::text, 1 from ins
)
select ins.code, gate.id, gate.name, gate.code as unit_code, gate.level, gate.path, gate.name_zh, gate.name_en from ins, gate`;

type InsertedRow = { code: string; id: string; name: string; unit_code: string; level: UnitRef['level']; path: string; name_zh: string; name_en: string };

/**
 * Stores a new report, or returns null when nothing was stored: the id exists already (a retry or
 * a replay), or the gate refused (the caller then finds out why). The record is built from what
 * was sent and the code the database gave it, so nothing is read back.
 */
export async function insertReport(db: Db, r: NewReport, allowedPaths: string[], now: Date, who: AuditWho): Promise<StoredReport | null> {
  const eventId = uuidv7(now.getTime());
  const dueAt = dueAtAfter('reported', now, VERIFY_HOURS, null);
  const eventActorName = who.actor?.displayName ?? r.reporterName;
  const result = await db.$client.query<InsertedRow>({
    name: 'hazards.insert_report.v1',
    text: INSERT_REPORT,
    values: [
      r.id, r.unitId, allowedPaths, r.categoryCode, r.description, r.lat, r.lng, r.accuracy, r.address, r.suggestedLevel, r.source,
      r.reporterUserId, r.reporterName, r.reporterPhone, r.reportedAt, now, r.patrolId, r.riskPointId, r.photoIds, dueAt,
      eventId, eventActorName, uuidv7(now.getTime()), who.actor?.username ?? null, who.actor?.displayName ?? null, who.requestId, who.ip,
      shanghaiMonth(r.reportedAt),
    ],
  });
  const got = result.rows[0];
  if (!got) return null;
  const row: HazardRow = {
    ...r,
    code: got.code,
    level: null,
    supervised: false,
    state: 'reported',
    receivedAt: now,
    dueAt,
    overdue: false,
    escalationLevel: 0,
    escalatedToUnitId: null,
    responsibleUnitId: null,
    responsiblePersonId: null,
    deadline: null,
    measures: null,
    funds: null,
    contingencyPlan: null,
    rectifierIds: [],
    mergedIntoId: null,
    closedAt: null,
    updatedAt: now,
  };
  return {
    row,
    eventId,
    unit: { id: got.id, name: got.name, code: got.unit_code, level: got.level, path: got.path },
    category: { code: r.categoryCode, nameZh: got.name_zh, nameEn: got.name_en },
  };
}

export const reportAnnouncement = (s: StoredReport): RealtimeEvent => ({
  type: 'hazard',
  unitPath: s.unit.path,
  data: { id: s.row.id, code: s.row.code, state: s.row.state, source: s.row.source },
});

/**
 * A report from the app (or a patrol). Stored once per client id: a second submission of the same
 * id by the same reporter answers with what was stored; by anyone else it is a conflict.
 */
export async function submitHazard(ctx: Ctx, input: HazardSubmit, source: 'app' | 'patrol' = 'app'): Promise<{ detail: HazardDetail; created: boolean }> {
  const unitId = input.unitId ?? ctx.actor.unitId;
  // Photos and a risk point are checked first (rare on the hot path); the rest is the gate's.
  const [files] = await Promise.all([
    requireFiles(ctx.db, input.photoIds),
    // A hazard found at a risk point links to it; the point must be one the reporter can see.
    input.riskPointId ? loadRiskPoint(ctx.db, ctx.actor, input.riskPointId) : null,
  ]);
  const now = ctx.clock.now();
  const who = { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip, at: now };
  const report: NewReport = {
    id: input.id,
    unitId,
    categoryCode: input.categoryCode,
    description: input.description,
    lat: input.lat,
    lng: input.lng,
    accuracy: input.accuracy ?? null,
    address: input.address ?? null,
    suggestedLevel: input.suggestedLevel,
    source: input.patrolId ? 'patrol' : source,
    reporterUserId: ctx.actor.id,
    reporterName: ctx.actor.displayName,
    reporterPhone: null,
    reportedAt: new Date(Math.min(new Date(input.reportedAt).getTime(), now.getTime())),
    patrolId: input.patrolId ?? null,
    riskPointId: input.riskPointId ?? null,
    photoIds: input.photoIds,
  };
  const allowed = pathsWithPermission(ctx.actor.grants, 'hazards.report');
  const stored = allowed.length ? await insertReport(ctx.db, report, allowed, now, who) : null;
  if (!stored) {
    // Refused or already stored: say which, as the checks one by one would have.
    await explainRefusal(ctx, unitId, input.categoryCode);
    const [existing] = await ctx.db.select({ reporter: hazards.reporterUserId }).from(hazards).where(eq(hazards.id, input.id));
    if (!existing) throw new AppError('CONFLICT');
    if (existing.reporter !== ctx.actor.id) throw new AppError('HAZARD_ID_TAKEN');
    // A replay answers with the stored record as it is now (it may have moved on since).
    return { detail: await hazardDetail(ctx, input.id), created: false };
  }
  ctx.announcer.soon(reportAnnouncement(stored));
  const caps = { manage: canAt(ctx.actor, 'hazards.manage', stored.unit.path), approve: canAt(ctx.actor, 'hazards.approve', stored.unit.path), rectify: false, isRectifier: false };
  const { path: _path, ...unitRef } = stored.unit;
  const detail = presentNewReport(stored.row, unitRef, stored.category, files.map(presentFile), { id: stored.eventId, actorName: ctx.actor.displayName }, availableActions('reported', caps));
  return { detail, created: true };
}

/** Throws the error the gate of `insertReport` stood for, if it was the gate that refused. */
async function explainRefusal(ctx: Ctx, unitId: string, categoryCode: string): Promise<void> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, unitId);
  requirePermission(ctx.actor, 'hazards.report', unit.path);
  if (unit.level !== 'village' && unit.level !== 'grid') throw new AppError('HAZARD_UNIT_INVALID');
  await requireActiveCategory(ctx.db, categoryCode);
}
