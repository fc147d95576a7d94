import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { HANDOVER_ITEM_KEYS, type HandoverCreate, type HandoverDetail, type HandoverListQuery, type HandoverView } from '../../../../contracts/duty-roster';
import type { Actor } from '../../../platform/access/actor';
import { canAt, requirePermission, unitIdInScope, unitIdWithPermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { Ctx } from '../../../platform/context';
import type { Queryable } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/errors';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError, forbidden, notFound } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { HANDOVER_ITEM_LABELS, HOUR_MS, msIntoBeijingDay, parseShiftKey, shiftAt, shiftsOfDay, type Shift } from '../rules';
import { loadDesk, patternAt, personOf, presentShift, unitRef } from './desk';
import { logOfShift } from './log.service';
import { onShiftStartingAt } from './on-duty.service';
import { dutyHandovers, type DutyHandoverRow, type HandoverChecklist } from './schema';

type ReadCtx = { db: Queryable; actor: Actor };
type Unit = typeof units.$inferSelect;

/** The handover's shift, rebuilt from its key and stored start (the desk's pattern may have changed since). */
function shiftOfRow(h: DutyHandoverRow): Shift {
  const { date, slot } = parseShiftKey(h.shiftKey)!;
  const startHour = (Math.floor(msIntoBeijingDay(h.shiftStartsAt) / HOUR_MS) - (slot === 'night' ? 12 : 0) + 24) % 24;
  return shiftsOfDay(date, { kind: slot === 'full' ? '24h' : 'day_night', startHour }).find((s) => s.slot === slot)!;
}

/**
 * Who may take a handover over: anyone but its author who stands duty at the desk, or the person
 * on the next shift (who may hold only duty.read there, e.g. a leader from another post).
 */
async function mayAnswer(db: Queryable, actor: Actor, h: DutyHandoverRow, unit: Unit): Promise<boolean> {
  if (canAt(actor, 'duty.write', unit.path)) return true;
  if (!canAt(actor, 'duty.read', unit.path)) return false;
  return onShiftStartingAt(db, unit.id, h.shiftEndsAt, await personOf(db, actor));
}

async function present(db: Queryable, actor: Actor, h: DutyHandoverRow, unit: Unit): Promise<HandoverView> {
  const open = h.status === 'open' && h.openedBy !== actor.id;
  const may = open && (await mayAnswer(db, actor, h, unit));
  const shift = shiftOfRow(h);
  return {
    id: h.id,
    unit: unitRef(unit),
    shift: presentShift(shift),
    status: h.status,
    note: h.note,
    // In the checklist's own order, whatever order the client sent.
    checklist: HANDOVER_ITEM_KEYS.map((key) => h.checklist.find((i) => i.key === key) ?? { key, checked: false, remark: null }),
    openedBy: { id: h.openedBy, name: h.openedByName },
    openedAt: h.openedAt.toISOString(),
    answeredBy: h.answeredByName ? { id: h.answeredBy, name: h.answeredByName } : null,
    answeredAt: h.answeredAt?.toISOString() ?? null,
    answerNote: h.answerNote,
    can: { accept: may, refuse: may },
  };
}

async function loadHandover(db: Queryable, actor: Actor, id: string, lock = false): Promise<{ handover: DutyHandoverRow; unit: Unit }> {
  if (lock) await db.execute(sql`select 1 from duty_handovers where id = ${id} and ${unitIdInScope(actor, dutyHandovers.unitId)} for update`);
  const [row] = await db
    .select({ handover: dutyHandovers, unit: units })
    .from(dutyHandovers)
    .innerJoin(units, eq(units.id, dutyHandovers.unitId))
    .where(and(eq(dutyHandovers.id, id), unitIdInScope(actor, dutyHandovers.unitId)));
  if (!row) throw notFound();
  requirePermission(actor, 'duty.read', row.unit.path);
  return row;
}

export async function getHandover(ctx: ReadCtx, id: string): Promise<HandoverDetail> {
  const { handover, unit } = await loadHandover(ctx.db, ctx.actor, id);
  return { ...(await present(ctx.db, ctx.actor, handover, unit)), log: await logOfShift(ctx.db, unit.id, handover.shiftKey) };
}

const checkedCount = (c: HandoverChecklist) => c.filter((i) => i.checked).length;

/** The outgoing officer opens the handover of the shift on duty now, with a note and the checklist. */
export async function openHandover(ctx: Ctx, input: z.output<typeof HandoverCreate>): Promise<HandoverDetail> {
  const unit = await loadDesk(ctx.db, ctx.actor, input.unitId, 'duty.write');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const id = uuidv7();
  const checklist: HandoverChecklist = input.checklist.map((i) => ({ key: i.key, checked: i.checked, remark: i.remark ?? null }));
  let shiftKey = '';
  try {
    await auditedTx(ctx, async (tx, now) => {
      const shift = shiftAt(now, (await patternAt(tx, unit.id, now)).pattern);
      shiftKey = shift.key;
      await tx.insert(dutyHandovers).values({
        id,
        unitId: unit.id,
        shiftKey: shift.key,
        shiftStartsAt: shift.startsAt,
        shiftEndsAt: shift.endsAt,
        note: input.note,
        checklist,
        openedBy: ctx.actor.id,
        openedByName: ctx.actor.displayName,
        openedAt: now,
      });
      const unchecked = checklist.filter((i) => !i.checked).map((i) => HANDOVER_ITEM_LABELS[i.key].zh);
      return {
        result: null,
        events: [
          {
            action: 'duty.handover.opened',
            entityType: 'duty_handover',
            entityId: id,
            unitId: unit.id,
            summary: `${unit.name} ${shift.date} ${shift.label.zh}：已确认 ${checkedCount(checklist)}/${checklist.length} 项${unchecked.length ? `，未确认：${unchecked.join('、')}` : ''}`,
            after: { shiftKey: shift.key, note: input.note, checklist },
          },
        ],
      };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'duty_handovers_shift_key')) throw new AppError('DUTY_HANDOVER_EXISTS');
    throw e;
  }
  ctx.announcer.soon({ type: 'duty.handover', unitPath: unit.path, data: { id, status: 'open', shiftKey, by: ctx.actor.displayName } });
  return getHandover(ctx, id);
}

/** The incoming officer accepts the handover, or refuses it with a reason; the author never answers their own. */
export async function answerHandover(ctx: Ctx, id: string, answer: { accept: true; note: string | null } | { accept: false; reason: string }): Promise<HandoverDetail> {
  let unitPath = '';
  await auditedTx(ctx, async (tx, now) => {
    const { handover, unit } = await loadHandover(tx, ctx.actor, id, true);
    if (!(await mayAnswer(tx, ctx.actor, handover, unit))) throw forbidden();
    if (handover.openedBy === ctx.actor.id) throw new AppError('DUTY_HANDOVER_OWN');
    if (handover.status !== 'open') throw new AppError('DUTY_HANDOVER_ANSWERED');
    const status = answer.accept ? 'accepted' : 'refused';
    const note = answer.accept ? answer.note : answer.reason;
    await tx.update(dutyHandovers).set({ status, answeredBy: ctx.actor.id, answeredByName: ctx.actor.displayName, answeredAt: now, answerNote: note }).where(eq(dutyHandovers.id, handover.id));
    unitPath = unit.path;
    return {
      result: null,
      events: [
        {
          action: answer.accept ? 'duty.handover.accepted' : 'duty.handover.refused',
          entityType: 'duty_handover',
          entityId: handover.id,
          unitId: unit.id,
          summary: `${unit.name} ${handover.shiftKey}：${handover.openedByName} → ${ctx.actor.displayName}${note ? `（${note}）` : ''}`,
          before: { status: 'open' },
          after: { status, note },
        },
      ],
    };
  });
  const detail = await getHandover(ctx, id);
  ctx.announcer.soon({ type: 'duty.handover', unitPath, data: { id, status: detail.status, shiftKey: detail.shift.key, by: ctx.actor.displayName } });
  return detail;
}

/** Handovers of the desks the actor may read, newest first. */
export async function listHandovers(ctx: ReadCtx, f: z.output<typeof HandoverListQuery>) {
  const conds: SQL[] = [unitIdWithPermission(ctx.actor, 'duty.read', dutyHandovers.unitId)];
  if (f.unitId) conds.push(eq(dutyHandovers.unitId, (await loadDesk(ctx.db, ctx.actor, f.unitId)).id));
  if (f.status) conds.push(eq(dutyHandovers.status, f.status));
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select({ handover: dutyHandovers, unit: units })
      .from(dutyHandovers)
      .innerJoin(units, eq(units.id, dutyHandovers.unitId))
      .where(where)
      .orderBy(desc(dutyHandovers.openedAt), desc(dutyHandovers.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(dutyHandovers).where(where),
  ]);
  const items = await Promise.all(rows.map((r) => present(ctx.db, ctx.actor, r.handover, r.unit)));
  return { items, total, page: f.page, pageSize: f.pageSize };
}
