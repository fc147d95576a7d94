import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SwapCreate, SwapListQuery, SwapView } from '../../../../contracts/duty-roster';
import type { Actor } from '../../../platform/access/actor';
import { canAt, requirePermission, unitIdInScope, unitIdWithPermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/errors';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError, forbidden, notFound } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { people } from '../../org/schema';
import { DUTY_ROLE_LABELS, applySwap, shiftsOfMonth, type Assignment, type SwapRequest } from '../rules';
import { loadDesk, personOf, personRefs, presentShift, unitRef } from './desk';
import { assignmentsOf, loadRoster, rosterPattern } from './rosters.service';
import { dutyAssignments, dutySwaps, type DutyRosterRow, type DutySwapRow } from './schema';
import { dutyRosters } from './schema';

type ReadCtx = { db: Queryable; actor: Actor };
type Unit = typeof units.$inferSelect;

/** The shift of a roster by key, or a refusal when the month has no such shift. */
function shiftOf(roster: DutyRosterRow, key: string) {
  const shift = shiftsOfMonth(roster.month, rosterPattern(roster)).find((s) => s.key === key);
  if (!shift) throw new AppError('DUTY_SHIFT_UNKNOWN');
  return shift;
}

/** Who could take a duty role at the desk: its active people. */
async function deskPeople(db: Queryable, unitId: string): Promise<string[]> {
  return (await db.select({ id: people.id }).from(people).where(and(eq(people.unitId, unitId), eq(people.status, 'active')))).map((p) => p.id);
}

/** The roster after the substitution, by the pure rules; their refusal becomes the catalog error. */
async function checkSwap(db: Queryable, roster: DutyRosterRow, req: SwapRequest): Promise<Assignment[]> {
  const eligible = await deskPeople(db, roster.unitId);
  const result = applySwap(await assignmentsOf(db, roster.id), req, { eligible: { leader: eligible, officer: eligible }, unavailable: roster.unavailable });
  if (!result.ok) throw new AppError(result.code);
  return result.assignments;
}

const swapSummary = async (db: Queryable, unit: Unit, s: Pick<DutySwapRow, 'shiftKey' | 'role' | 'fromPersonId' | 'toPersonId'>) => {
  const refs = await personRefs(db, [s.fromPersonId, s.toPersonId]);
  return `${unit.name} ${s.shiftKey} ${DUTY_ROLE_LABELS[s.role].zh}：${refs.get(s.fromPersonId)?.name ?? ''} → ${refs.get(s.toPersonId)?.name ?? ''}`;
};

/**
 * An officer asks to hand their role on a shift to someone else. Only for a published month and a
 * shift not yet over; the request is checked against the roster now, and again when it is decided.
 * Someone who runs the desk may file it for anyone on the roster.
 */
export async function requestSwap(ctx: Ctx, input: SwapCreate): Promise<SwapView> {
  const id = uuidv7();
  let unitPath = '';
  try {
    await auditedTx(ctx, async (tx, now) => {
      const { roster, unit } = await loadRoster(tx, ctx.actor, input.rosterId);
      requirePermission(ctx.actor, 'duty.write', unit.path);
      if (input.fromPersonId !== (await personOf(tx, ctx.actor)) && !canAt(ctx.actor, 'duty.manage', unit.path)) throw forbidden();
      if (roster.status !== 'published') throw new AppError('DUTY_ROSTER_NOT_PUBLISHED');
      const shift = shiftOf(roster, input.shiftKey);
      if (shift.endsAt.getTime() <= now.getTime()) throw new AppError('DUTY_SHIFT_ENDED');
      await checkSwap(tx, roster, { shiftKey: shift.key, role: input.role, fromPersonId: input.fromPersonId, toPersonId: input.toPersonId });
      const row = {
        id,
        rosterId: roster.id,
        unitId: unit.id,
        shiftKey: shift.key,
        role: input.role,
        fromPersonId: input.fromPersonId,
        toPersonId: input.toPersonId,
        reason: input.reason,
        requestedBy: ctx.actor.id,
        requestedByName: ctx.actor.displayName,
        requestedAt: now,
      };
      await tx.insert(dutySwaps).values(row);
      unitPath = unit.path;
      return { result: null, events: [{ action: 'duty.swap.requested', entityType: 'duty_swap', entityId: id, unitId: unit.id, summary: `${await swapSummary(tx, unit, row)}（${input.reason}）`, after: { shiftKey: shift.key, role: input.role, reason: input.reason } }] };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'duty_swaps_pending_key')) throw new AppError('DUTY_SWAP_PENDING');
    throw e;
  }
  ctx.announcer.soon({ type: 'duty.swap', unitPath, data: { id, status: 'pending' } });
  return getSwap(ctx, id);
}

/** Locks a pending swap and its roster (in that order everywhere), for deciding it. */
async function lockSwap(ctx: Ctx, tx: Queryable, id: string) {
  await tx.execute(sql`select 1 from duty_swaps where id = ${id} and ${unitIdInScope(ctx.actor, dutySwaps.unitId)} for update`);
  const [swap] = await tx.select().from(dutySwaps).where(and(eq(dutySwaps.id, id), unitIdInScope(ctx.actor, dutySwaps.unitId)));
  if (!swap) throw notFound();
  const { roster, unit } = await loadRoster(tx, ctx.actor, swap.rosterId, true);
  requirePermission(ctx.actor, 'duty.manage', unit.path);
  if (swap.status !== 'pending') throw new AppError('DUTY_SWAP_DECIDED');
  return { swap, roster, unit };
}

/**
 * Approves a swap: the substitution is checked against the roster as it is now (it may have
 * changed since the request) and applied in the same transaction as the decision.
 */
export async function approveSwap(ctx: Ctx, id: string, note: string | null | undefined): Promise<SwapView> {
  return decide(ctx, id, 'approved', note ?? null);
}

export async function rejectSwap(ctx: Ctx, id: string, reason: string): Promise<SwapView> {
  return decide(ctx, id, 'rejected', reason);
}

async function decide(ctx: Ctx, id: string, status: 'approved' | 'rejected', note: string | null): Promise<SwapView> {
  let unitPath = '';
  await auditedTx(ctx, async (tx, now) => {
    const { swap, roster, unit } = await lockSwap(ctx, tx, id);
    if (status === 'approved') {
      const shift = shiftOf(roster, swap.shiftKey);
      if (shift.endsAt.getTime() <= now.getTime()) throw new AppError('DUTY_SHIFT_ENDED');
      await checkSwap(tx, roster, { shiftKey: swap.shiftKey, role: swap.role, fromPersonId: swap.fromPersonId, toPersonId: swap.toPersonId });
      await tx
        .update(dutyAssignments)
        .set({ personId: swap.toPersonId })
        .where(and(eq(dutyAssignments.rosterId, roster.id), eq(dutyAssignments.shiftKey, swap.shiftKey), eq(dutyAssignments.role, swap.role)));
      await tx.update(dutyRosters).set({ updatedAt: now }).where(eq(dutyRosters.id, roster.id));
    }
    await tx.update(dutySwaps).set({ status, decidedBy: ctx.actor.id, decidedByName: ctx.actor.displayName, decidedAt: now, decisionNote: note }).where(eq(dutySwaps.id, swap.id));
    unitPath = unit.path;
    const event: AuditEvent = {
      action: status === 'approved' ? 'duty.swap.approved' : 'duty.swap.rejected',
      entityType: 'duty_swap',
      entityId: swap.id,
      unitId: unit.id,
      summary: `${await swapSummary(tx, unit, swap)}${note ? `（${note}）` : ''}`,
      before: { status: 'pending' },
      after: { status, note },
    };
    return { result: null, events: [event] };
  });
  ctx.announcer.soon({ type: 'duty.swap', unitPath, data: { id, status } });
  return getSwap(ctx, id);
}

const columns = { swap: dutySwaps, unit: units, pattern: dutyRosters.pattern, startHour: dutyRosters.startHour, month: dutyRosters.month };
type Joined = { swap: DutySwapRow; unit: Unit; pattern: DutyRosterRow['pattern']; startHour: number; month: string };
const joined = (db: Queryable) => db.select(columns).from(dutySwaps).innerJoin(units, eq(units.id, dutySwaps.unitId)).innerJoin(dutyRosters, eq(dutyRosters.id, dutySwaps.rosterId));

async function present(db: Queryable, actor: Actor, rows: Joined[]): Promise<SwapView[]> {
  const refs = await personRefs(
    db,
    rows.flatMap((r) => [r.swap.fromPersonId, r.swap.toPersonId]),
  );
  const who = (id: string) => refs.get(id) ?? { id, name: '', phone: '' };
  return rows.map(({ swap, unit, pattern, startHour, month }) => ({
    id: swap.id,
    rosterId: swap.rosterId,
    unit: unitRef(unit),
    month,
    shift: presentShift(shiftsOfMonth(month, { kind: pattern, startHour }).find((s) => s.key === swap.shiftKey)!),
    role: swap.role,
    from: who(swap.fromPersonId),
    to: who(swap.toPersonId),
    reason: swap.reason,
    status: swap.status,
    requestedBy: { id: swap.requestedBy, name: swap.requestedByName },
    requestedAt: swap.requestedAt.toISOString(),
    decidedBy: swap.decidedByName ? { id: swap.decidedBy, name: swap.decidedByName } : null,
    decidedAt: swap.decidedAt?.toISOString() ?? null,
    decisionNote: swap.decisionNote,
    can: { decide: swap.status === 'pending' && canAt(actor, 'duty.manage', unit.path) },
  }));
}

export async function getSwap(ctx: ReadCtx, id: string): Promise<SwapView> {
  const [row] = await joined(ctx.db).where(and(eq(dutySwaps.id, id), unitIdInScope(ctx.actor, dutySwaps.unitId)));
  if (!row) throw notFound();
  requirePermission(ctx.actor, 'duty.read', row.unit.path);
  return (await present(ctx.db, ctx.actor, [row]))[0]!;
}

/** Swap requests of the desks the actor may read, newest first; "mine" are those the actor filed. */
export async function listSwaps(ctx: ReadCtx, f: z.output<typeof SwapListQuery>) {
  const conds: SQL[] = [unitIdWithPermission(ctx.actor, 'duty.read', dutySwaps.unitId)];
  if (f.unitId) conds.push(eq(dutySwaps.unitId, (await loadDesk(ctx.db, ctx.actor, f.unitId)).id));
  if (f.status) conds.push(eq(dutySwaps.status, f.status));
  if (f.mine) conds.push(eq(dutySwaps.requestedBy, ctx.actor.id));
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    joined(ctx.db)
      .where(where)
      .orderBy(desc(dutySwaps.requestedAt), desc(dutySwaps.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(dutySwaps).where(where),
  ]);
  return { items: await present(ctx.db, ctx.actor, rows), total, page: f.page, pageSize: f.pageSize };
}
