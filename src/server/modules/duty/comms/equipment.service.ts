import { and, eq, sql } from 'drizzle-orm';
import type { CommsCreate, CommsEquipmentDetail, CommsTestCreate, CommsTestView, CommsUpdate } from '../../../../contracts';
import type { Actor } from '../../../platform/access/actor';
import { loadUnitInScope, requirePermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import { diff, type AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable } from '../../../platform/db/client';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError } from '../../../platform/errors/app-error';
import { people } from '../../org/schema';
import { equipmentDetail, loadEquipment, presentTest } from './equipment.queries';
import { holdsEquipment, isNewerTest, nextTestDue, testTimeAcceptable } from './rules';
import { dutyCommsEquipment, dutyCommsTests, type CommsEquipmentRow, type CommsTestRow } from './schema';

/** The fields the audit log keeps for an item (the keeper by name, so the log reads the same later). */
const audited = (e: CommsEquipmentRow, keeperName: string) => ({
  equipmentKind: e.kind,
  model: e.model,
  identifier: e.identifier,
  place: e.place,
  keeper: keeperName,
  testIntervalDays: e.testIntervalDays,
  status: e.status,
});

/** The keeper: a person in post at the equipment's own unit. */
async function keeperAt(db: Queryable, unitId: string, personId: string) {
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.unitId, unitId), eq(people.status, 'active')));
  if (!person) throw new AppError('COMMS_KEEPER_INVALID');
  return person;
}

/** Loads an item in scope and locks its row, so concurrent edits and tests of one item serialize. */
async function lockEquipment(tx: Queryable, actor: Actor, id: string) {
  await loadEquipment(tx, actor, id);
  await tx.execute(sql`select 1 from duty_comms_equipment where id = ${id} for update`);
  return loadEquipment(tx, actor, id);
}

const label = (unitName: string, e: { kind: string; identifier: string }) => `${unitName} / ${e.identifier}`;

export async function createEquipment(ctx: Ctx, input: CommsCreate): Promise<CommsEquipmentDetail> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'duty.manage', unit.path);
  if (!holdsEquipment(unit.level)) throw new AppError('COMMS_UNIT_LEVEL');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const keeper = await keeperAt(ctx.db, unit.id, input.keeperId);
  const id = uuidv7();
  await auditedTx(ctx, async (tx, now) => {
    const [row] = await tx
      .insert(dutyCommsEquipment)
      .values({
        id,
        unitId: unit.id,
        kind: input.kind,
        model: input.model,
        identifier: input.identifier,
        place: input.place ?? null,
        keeperId: keeper.id,
        testIntervalDays: input.testIntervalDays,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return {
      result: row,
      events: [{ action: 'duty.comms.created', entityType: 'comms_equipment', entityId: id, unitId: unit.id, summary: label(unit.name, row!), after: audited(row!, keeper.name) }],
    };
  });
  return equipmentDetail(ctx, id);
}

export async function updateEquipment(ctx: Ctx, id: string, input: CommsUpdate): Promise<CommsEquipmentDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { item, unit, keeper } = await lockEquipment(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'duty.manage', unit.path);
    if (item.status !== 'active') throw new AppError('COMMS_RETIRED');
    const newKeeper = input.keeperId && input.keeperId !== item.keeperId ? await keeperAt(tx, unit.id, input.keeperId) : keeper;
    const [after] = await tx
      .update(dutyCommsEquipment)
      .set({ ...input, updatedAt: now })
      .where(eq(dutyCommsEquipment.id, item.id))
      .returning();
    const changes = diff(audited(item, keeper.name), audited(after!, newKeeper.name));
    return {
      result: after,
      events: changes ? [{ action: 'duty.comms.updated', entityType: 'comms_equipment', entityId: item.id, unitId: unit.id, summary: label(unit.name, after!), ...changes }] : [],
    };
  });
  return equipmentDetail(ctx, id);
}

export async function retireEquipment(ctx: Ctx, id: string, reason: string): Promise<CommsEquipmentDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const { item, unit } = await lockEquipment(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'duty.manage', unit.path);
    if (item.status !== 'active') throw new AppError('COMMS_RETIRED');
    await tx.update(dutyCommsEquipment).set({ status: 'retired', retiredAt: now, retiredReason: reason, updatedAt: now }).where(eq(dutyCommsEquipment.id, item.id));
    return {
      result: null,
      events: [
        {
          action: 'duty.comms.retired',
          entityType: 'comms_equipment',
          entityId: item.id,
          unitId: unit.id,
          summary: `${label(unit.name, item)}: ${reason}`,
          before: { status: 'active' },
          after: { status: 'retired', reason },
        },
      ],
    };
  });
  return equipmentDetail(ctx, id);
}

/**
 * Records a connectivity test. The id comes from the device, so a replay by the same tester (a
 * retry, a phone's queue sent twice) answers the stored test and writes nothing: no second row,
 * no second audit entry, no second announcement; `created` tells the two apart (201 or 200). An
 * id already used by someone else or for another item is refused. The item's row lock makes
 * replays of one test arrive one after the other.
 */
export async function recordTest(ctx: Ctx, equipmentId: string, input: CommsTestCreate): Promise<{ test: CommsTestView; created: boolean }> {
  const stored = await auditedTx(ctx, async (tx, now): Promise<{ result: { row: CommsTestRow; created: boolean; unitPath: string; dueAt: Date }; events: AuditEvent[] }> => {
    const { item, unit } = await lockEquipment(tx, ctx.actor, equipmentId);
    requirePermission(ctx.actor, 'duty.write', unit.path);
    const existing = await findTest(tx, ctx.actor, input.id, item.id);
    if (existing) return { result: { row: existing, created: false, unitPath: unit.path, dueAt: nextTestDue(item) }, events: [] };
    if (item.status !== 'active') throw new AppError('COMMS_RETIRED');
    const at = new Date(input.at);
    if (!testTimeAcceptable(at, now)) throw new AppError('COMMS_TEST_IN_FUTURE');
    const [row] = await tx
      .insert(dutyCommsTests)
      .values({ id: input.id, equipmentId: item.id, at, result: input.result, note: input.note ?? null, testerId: ctx.actor.id, testerName: ctx.actor.displayName, createdAt: now })
      // The same id may have been stored meanwhile for another item (whose lock we do not hold).
      .onConflictDoNothing({ target: dutyCommsTests.id })
      .returning();
    if (!row) return { result: { row: (await findTest(tx, ctx.actor, input.id, item.id))!, created: false, unitPath: unit.path, dueAt: nextTestDue(item) }, events: [] };
    // Only a test at least as recent as the one on record becomes the item's last test: an old test
    // arriving late from a phone goes into the history without moving the due date.
    let dueAt = nextTestDue(item);
    if (isNewerTest(at, item.lastTestAt)) {
      await tx.update(dutyCommsEquipment).set({ lastTestAt: at, lastTestResult: input.result }).where(eq(dutyCommsEquipment.id, item.id));
      dueAt = nextTestDue({ ...item, lastTestAt: at });
    }
    return {
      result: { row, created: true, unitPath: unit.path, dueAt },
      events: [
        {
          action: 'duty.comms.tested',
          entityType: 'comms_equipment',
          entityId: item.id,
          unitId: unit.id,
          summary: label(unit.name, item),
          after: { testId: row.id, testedAt: row.at.toISOString(), testResult: row.result, testNote: row.note },
        },
      ],
    };
  });
  if (stored.created) {
    // The live console drops the item from its overdue list (or shows a failure).
    ctx.announcer.soon({
      type: 'duty.comms_tested',
      unitPath: stored.unitPath,
      data: { id: equipmentId, testId: stored.row.id, result: stored.row.result, nextTestDue: stored.dueAt.toISOString() },
    });
  }
  return { test: presentTest(stored.row), created: stored.created };
}

/** A test by id: this item's by the same tester, or a refusal when someone else used the id. */
async function findTest(tx: Queryable, actor: Actor, testId: string, equipmentId: string): Promise<CommsTestRow | null> {
  const [existing] = await tx.select().from(dutyCommsTests).where(eq(dutyCommsTests.id, testId));
  if (!existing) return null;
  if (existing.equipmentId !== equipmentId || existing.testerId !== actor.id) throw new AppError('COMMS_TEST_ID_TAKEN');
  return existing;
}
