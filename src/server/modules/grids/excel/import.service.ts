import { and, eq, inArray } from 'drizzle-orm';
import type { GridImportKind, GridImportPreview, GridImportResult } from '../../../../contracts/grids';
import type { Actor } from '../../../platform/access/actor';
import { auditedTx } from '../../../platform/audit/with-audit';
import { diff, type AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable, Tx } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/errors';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { people } from '../../org/schema';
import { hasErrors, toPreview, type PlannedRow } from '../../org/excel/row-errors';
import { householdAudited, vulnerableAudited } from '../audit-shapes';
import { households, vulnerablePeople } from '../schema';
import { householdKey, planHouseholds, type HouseholdCreatePlan, type HouseholdUpdatePlan, type HouseholdWorld } from './households-plan';
import { readHouseholdsSheet, type ParsedHouseholdRow } from './households-sheet';
import type { PlanUnit } from './plan-common';
import { planVulnerable, vulnerableKey, type VulnerableCreatePlan, type VulnerableUpdatePlan, type VulnerableWorld } from './vulnerable-plan';
import { readVulnerableSheet, type ParsedVulnerableRow } from './vulnerable-sheet';

const INSERT_CHUNK = 500;
const FILE_NAME_MAX = 200;

/** The org helper counts the rows; the kind is ours. */
function preview(kind: GridImportKind, rows: PlannedRow[]): GridImportPreview {
  const { rows: out, counts } = toPreview('people', rows);
  return { kind, rows: out, counts };
}

/** One event per import, beside the events of the records it changed; placed at the importer's unit. */
function importSummary(kind: GridImportKind, actor: Actor, counts: GridImportPreview['counts'], fileName: string): AuditEvent {
  return {
    action: kind === 'households' ? 'grid.import.households' : 'grid.import.vulnerable',
    entityType: 'import',
    entityId: null,
    unitId: actor.unitId,
    summary: `导入${kind === 'households' ? '住户' : '重点人群'}：新增 ${counts.create}，修改 ${counts.update}，未变 ${counts.unchanged}`,
    after: { file: fileName.slice(0, FILE_NAME_MAX), create: counts.create, update: counts.update, unchanged: counts.unchanged },
  };
}

async function unitsByCode(db: Queryable, codes: string[]): Promise<Map<string, PlanUnit>> {
  const wanted = [...new Set(codes)].filter((c) => c !== '' && c.length <= 15);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path, status: units.status, level: units.level })
    .from(units)
    .where(inArray(units.code, wanted));
  return new Map(rows.map((u) => [u.code, u]));
}

/* ---------- households ---------- */

async function householdWorld(db: Queryable, rows: ParsedHouseholdRow[], lock: boolean): Promise<HouseholdWorld> {
  const world: HouseholdWorld = { unitsByCode: await unitsByCode(db, rows.map((r) => r.gridCode)), households: new Map() };
  const unitIds = [...world.unitsByCode.values()].map((u) => u.id);
  const addresses = [...new Set(rows.map((r) => r.values.address).filter((a): a is string => !!a))];
  if (unitIds.length === 0 || addresses.length === 0) return world;
  const query = db
    .select()
    .from(households)
    .where(and(inArray(households.unitId, unitIds), inArray(households.address, addresses)));
  for (const h of lock ? await query.for('update') : await query) world.households.set(householdKey(h.unitId, h.address), h);
  return world;
}

/** What importing the households sheet would do, row by row. Writes nothing. */
export async function previewHouseholdsImport(ctx: Ctx, file: Buffer): Promise<GridImportPreview> {
  const rows = await readHouseholdsSheet(file);
  return preview('households', planHouseholds(rows, await householdWorld(ctx.db, rows, false), ctx.actor, uuidv7).rows);
}

/**
 * Imports the households sheet: plans it again inside the transaction (with the households it names
 * locked) and applies every create and update, or nothing when any row has an error.
 */
export async function commitHouseholdsImport(ctx: Ctx, file: Buffer, fileName: string): Promise<GridImportResult> {
  const rows = await readHouseholdsSheet(file);
  try {
    return await auditedTx(ctx, async (tx, now) => {
      const plan = planHouseholds(rows, await householdWorld(tx, rows, true), ctx.actor, uuidv7);
      if (plan.rows.some((r) => r.action === 'error')) throw hasErrors(plan.rows);
      const events = [...(await insertHouseholds(tx, plan.creates, now)), ...(await updateHouseholds(tx, plan.updates, now))];
      const result = preview('households', plan.rows);
      events.push(importSummary('households', ctx.actor, result.counts, fileName));
      return { result: { ...result, applied: true }, events };
    });
  } catch (e) {
    // Another import or form added the same address meanwhile.
    if (isUniqueViolation(e, 'households_unit_address_key')) throw new AppError('HOUSEHOLD_ADDRESS_TAKEN');
    throw e;
  }
}

async function insertHouseholds(tx: Tx, creates: HouseholdCreatePlan[], now: Date): Promise<AuditEvent[]> {
  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    await tx.insert(households).values(
      creates.slice(i, i + INSERT_CHUNK).map((c) => ({
        id: c.id,
        unitId: c.unitId,
        address: c.address,
        headName: c.headName,
        phone: c.phone,
        members: c.members,
        notes: c.notes,
        status: c.status,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  return creates.map((c) => ({ action: 'grid.household.created', entityType: 'household', entityId: c.id, unitId: c.unitId, summary: `${c.unitName} / ${c.address}`, after: householdAudited(c) }));
}

async function updateHouseholds(tx: Tx, updates: HouseholdUpdatePlan[], now: Date): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (const { before, after, unitName } of updates) {
    await tx
      .update(households)
      .set({ ...after, updatedAt: now })
      .where(eq(households.id, before.id));
    const changes = diff(householdAudited(before), householdAudited({ ...before, ...after }));
    events.push({ action: 'grid.household.updated', entityType: 'household', entityId: before.id, unitId: before.unitId, summary: `${unitName} / ${before.address}`, ...changes });
  }
  return events;
}

/* ---------- vulnerable people ---------- */

async function vulnerableWorld(db: Queryable, rows: ParsedVulnerableRow[], lock: boolean): Promise<VulnerableWorld> {
  const world: VulnerableWorld = { unitsByCode: await unitsByCode(db, rows.map((r) => r.gridCode)), households: new Map(), vulnerable: new Map(), peopleByPhone: new Map() };
  const unitIds = [...world.unitsByCode.values()].map((u) => u.id);
  if (unitIds.length === 0) return world;
  const addresses = [...new Set(rows.map((r) => r.values.household).filter((a): a is string => !!a))];
  const names = [...new Set(rows.map((r) => r.values.name).filter((n): n is string => !!n))];
  const phones = [...new Set(rows.map((r) => r.values.responsiblePhone).filter((p): p is string => !!p))];

  if (addresses.length > 0) {
    const found = await db
      .select({ id: households.id, unitId: households.unitId, address: households.address, headName: households.headName, status: households.status })
      .from(households)
      .where(and(inArray(households.unitId, unitIds), inArray(households.address, addresses)));
    for (const h of found) world.households.set(householdKey(h.unitId, h.address), h);
  }
  if (names.length > 0) {
    const query = db
      .select({
        v: vulnerablePeople,
        householdAddress: households.address,
        responsibleName: people.name,
        responsiblePhone: people.phone,
      })
      .from(vulnerablePeople)
      .leftJoin(households, eq(households.id, vulnerablePeople.householdId))
      .leftJoin(people, eq(people.id, vulnerablePeople.responsiblePersonId))
      .where(and(inArray(vulnerablePeople.unitId, unitIds), inArray(vulnerablePeople.name, names)));
    for (const r of lock ? await query.for('update', { of: vulnerablePeople }) : await query) {
      world.vulnerable.set(vulnerableKey(r.v.unitId, r.v.name, r.v.phone), {
        ...r.v,
        householdAddress: r.householdAddress,
        responsible: r.responsibleName !== null && r.responsiblePhone !== null ? { name: r.responsibleName, phone: r.responsiblePhone } : null,
      });
    }
  }
  if (phones.length > 0) {
    const found = await db
      .select({ id: people.id, name: people.name, phone: people.phone, unitPath: units.path })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(and(inArray(people.phone, phones), eq(people.status, 'active')));
    for (const p of found) world.peopleByPhone.set(p.phone, [...(world.peopleByPhone.get(p.phone) ?? []), p]);
  }
  return world;
}

/** What importing the vulnerable people sheet would do, row by row. Writes nothing. */
export async function previewVulnerableImport(ctx: Ctx, file: Buffer): Promise<GridImportPreview> {
  const rows = await readVulnerableSheet(file);
  return preview('vulnerable', planVulnerable(rows, await vulnerableWorld(ctx.db, rows, false), ctx.actor, uuidv7).rows);
}

/** Imports the vulnerable people sheet: all rows, or nothing when any row has an error. */
export async function commitVulnerableImport(ctx: Ctx, file: Buffer, fileName: string): Promise<GridImportResult> {
  const rows = await readVulnerableSheet(file);
  try {
    return await auditedTx(ctx, async (tx, now) => {
      const plan = planVulnerable(rows, await vulnerableWorld(tx, rows, true), ctx.actor, uuidv7);
      if (plan.rows.some((r) => r.action === 'error')) throw hasErrors(plan.rows);
      const events = [...(await insertVulnerable(tx, plan.creates, now)), ...(await updateVulnerable(tx, plan.updates, now))];
      const result = preview('vulnerable', plan.rows);
      events.push(importSummary('vulnerable', ctx.actor, result.counts, fileName));
      return { result: { ...result, applied: true }, events };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'vulnerable_people_unit_name_phone_key')) throw new AppError('VULNERABLE_PERSON_TAKEN');
    throw e;
  }
}

async function insertVulnerable(tx: Tx, creates: VulnerableCreatePlan[], now: Date): Promise<AuditEvent[]> {
  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    await tx.insert(vulnerablePeople).values(
      creates.slice(i, i + INSERT_CHUNK).map((c) => ({
        id: c.id,
        unitId: c.unitId,
        householdId: c.householdId,
        name: c.name,
        category: c.category,
        phone: c.phone,
        notes: c.notes,
        responsiblePersonId: c.responsiblePersonId,
        status: c.status,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  return creates.map((c) => ({ action: 'grid.vulnerable.created', entityType: 'vulnerable_person', entityId: c.id, unitId: c.unitId, summary: `${c.unitName} / ${c.name}`, after: vulnerableAudited(c) }));
}

async function updateVulnerable(tx: Tx, updates: VulnerableUpdatePlan[], now: Date): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (const { before, after, unitName } of updates) {
    const { category, notes, status, householdId, responsiblePersonId } = after;
    await tx.update(vulnerablePeople).set({ category, notes, status, householdId, responsiblePersonId, updatedAt: now }).where(eq(vulnerablePeople.id, before.id));
    const changes = diff(vulnerableAudited(before), vulnerableAudited({ ...before, ...after }));
    events.push({ action: 'grid.vulnerable.updated', entityType: 'vulnerable_person', entityId: before.id, unitId: before.unitId, summary: `${unitName} / ${before.name}`, ...changes });
  }
  return events;
}
