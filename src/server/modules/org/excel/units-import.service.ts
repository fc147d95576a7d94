import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ImportPreview, ImportResult } from '../../../../contracts/org';
import { auditedTx } from '../../../platform/audit/with-audit';
import { diff, type AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable, Tx } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/errors';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { importSummary } from './import-audit';
import { unitAudited } from '../audit-shapes';
import { hasErrors, toPreview } from './row-errors';
import { planUnits, type ExistingUnit, type UnitCreatePlan, type UnitPlan, type UnitUpdatePlan, type UnitWorld } from './units-plan';
import { readUnitsSheet, type ParsedUnitRow } from './units-sheet';

const parentUnit = alias(units, 'parent_unit');
const INSERT_CHUNK = 500;
const RETIRED_BY_IMPORT = '通过 Excel 导入撤销';

/** What importing the sheet would do, row by row. Writes nothing. */
export async function previewUnitsImport(ctx: Ctx, file: Buffer): Promise<ImportPreview> {
  const rows = await readUnitsSheet(file);
  return toPreview('units', planUnits(rows, await loadWorld(ctx.db, rows, false), ctx.actor, uuidv7).rows);
}

/**
 * Imports the sheet: plans it again inside the transaction (with the units it names locked, so
 * nothing changes between the check and the write) and applies every create and update, or
 * nothing when any row has an error.
 */
export async function commitUnitsImport(ctx: Ctx, file: Buffer, fileName: string): Promise<ImportResult> {
  const rows = await readUnitsSheet(file);
  try {
    return await auditedTx(ctx, async (tx, now) => {
      const plan: UnitPlan = planUnits(rows, await loadWorld(tx, rows, true), ctx.actor, uuidv7);
      if (plan.rows.some((r) => r.action === 'error')) throw hasErrors(plan.rows);
      const events = [...(await insertUnits(tx, plan.creates, now)), ...(await updateUnits(tx, plan.updates, now))];
      const preview = toPreview('units', plan.rows);
      events.push(importSummary('units', ctx.actor, preview.counts, fileName));
      return { result: { ...preview, applied: true }, events };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'units_code_key')) throw new AppError('UNIT_CODE_TAKEN');
    throw e;
  }
}

/** The units the sheet names (as codes or parent codes), and the active children of those it retires. */
async function loadWorld(db: Queryable, rows: ParsedUnitRow[], lock: boolean): Promise<UnitWorld> {
  const codes = [...new Set(rows.flatMap((r) => [r.key, r.parentCode]))].filter((c): c is string => !!c && c.length <= 15);
  const world: UnitWorld = { byCode: new Map(), activeChildren: new Map() };
  if (codes.length === 0) return world;
  const query = db
    .select({ ...getTableColumns(units), parentCode: parentUnit.code })
    .from(units)
    .leftJoin(parentUnit, eq(parentUnit.id, units.parentId))
    .where(inArray(units.code, codes));
  for (const u of lock ? await query.for('update', { of: units }) : await query) world.byCode.set(u.code, u);

  const retiring = rows
    .filter((r) => r.values.status === 'retired')
    .map((r) => world.byCode.get(r.key))
    .filter((u): u is ExistingUnit => u?.status === 'active');
  if (retiring.length > 0) {
    const children = await db
      .select({ parentCode: parentUnit.code, code: units.code })
      .from(units)
      .innerJoin(parentUnit, eq(parentUnit.id, units.parentId))
      .where(and(inArray(units.parentId, retiring.map((u) => u.id)), eq(units.status, 'active')));
    for (const c of children) world.activeChildren.set(c.parentCode, [...(world.activeChildren.get(c.parentCode) ?? []), c.code]);
  }
  return world;
}

async function insertUnits(tx: Tx, creates: UnitCreatePlan[], now: Date): Promise<AuditEvent[]> {
  // Rows come parents first (a parent is an earlier row), so each chunk finds its parents inserted.
  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    await tx.insert(units).values(
      creates.slice(i, i + INSERT_CHUNK).map((c) => ({
        id: c.id,
        parentId: c.parentId,
        level: c.level,
        kind: c.kind,
        code: c.code,
        name: c.name,
        path: c.path,
        address: c.address,
        phone: c.phone,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  return creates.map((c) => ({
    action: 'org.unit.created',
    entityType: 'unit',
    entityId: c.id,
    unitId: c.id,
    summary: `${c.parentName} / ${c.name}`,
    after: unitAudited({ ...c, lat: null, lng: null }),
  }));
}

async function updateUnits(tx: Tx, updates: UnitUpdatePlan[], now: Date): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (const { before, after } of updates) {
    const statusChange =
      before.status === after.status ? {} : after.status === 'retired' ? { retiredAt: now, retiredReason: RETIRED_BY_IMPORT } : { retiredAt: null, retiredReason: null };
    await tx
      .update(units)
      .set({ ...after, ...statusChange, updatedAt: now })
      .where(eq(units.id, before.id));
    const changes = diff(unitAudited(before), unitAudited({ ...before, ...after }));
    events.push({ action: 'org.unit.updated', entityType: 'unit', entityId: before.id, unitId: before.id, summary: after.name, ...changes });
  }
  return events;
}
