import { and, eq, sql } from 'drizzle-orm';
import type { HazardAction, HazardDetail } from '../../../contracts';
import { AUDIT_ACTIONS, HAZARD_STATE_ZH } from '../../../contracts';
import { loadUnitInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import { uuidv7 } from '../../platform/db/ids';
import { AppError } from '../../platform/errors/app-error';
import { requireFiles } from '../../platform/files/service';
import { people } from '../org/schema';
import { hazardEvents, hazards, type HazardRow } from './schema';
import { capsFor, loadHazard } from './access';
import { bumpRollups } from './rollups';
import type { RealtimeEvent } from '../../platform/realtime/bus';
import { daysBetween, dueAtAfter, OPEN_STATES, step } from './rules';
import { hazardDetail } from './queries';
import { VERIFY_HOURS } from './submit.service';

const AUDIT_OF = {
  verify: 'hazard.verified',
  reject: 'hazard.rejected',
  merge: 'hazard.merged',
  grade: 'hazard.graded',
  approve: 'hazard.approved',
  deny: 'hazard.denied',
  assign: 'hazard.assigned',
  progress: 'hazard.progress',
  submit: 'hazard.submitted',
  accept: 'hazard.accepted',
  fail: 'hazard.failed',
  reopen: 'hazard.reopened',
} as const satisfies Record<HazardAction['action'], keyof typeof AUDIT_ACTIONS>;

const noteOf = (a: HazardAction): string | null => ('reason' in a && a.reason) || ('note' in a && a.note) || null;
const photosOf = (a: HazardAction): string[] => ('photoIds' in a ? a.photoIds : []);

/**
 * Moves a hazard through the closed loop. The row is locked, the state machine decides, the
 * change, its timeline event, its counts and its audit entry commit together. An action carrying
 * an `eventId` that was applied before is answered with the current record and changes nothing.
 */
export async function actOnHazard(ctx: Ctx, id: string, action: HazardAction): Promise<HazardDetail> {
  await requireFiles(ctx.db, photosOf(action));
  let announcement: RealtimeEvent | null = null;
  await auditedTx(ctx, async (tx, now) => {
    const { hazard: h, unitPath } = await loadHazard(tx, ctx.actor, id, { lock: true });
    if (action.eventId) {
      const [seen] = await tx.select({ hazardId: hazardEvents.hazardId }).from(hazardEvents).where(eq(hazardEvents.id, action.eventId));
      if (seen) {
        if (seen.hazardId !== h.id) throw new AppError('HAZARD_ID_TAKEN');
        return { result: null, events: [] };
      }
    }
    const caps = await capsFor(tx, ctx.actor, h, unitPath);
    const result = step(h.state, action.action, caps, action.action === 'grade' ? action.level : undefined);
    if (!result.ok) throw new AppError(result.code);

    const patch: Partial<typeof hazards.$inferInsert> = { state: result.to, updatedAt: now };
    switch (action.action) {
      case 'merge': {
        const { hazard: into } = await loadHazard(tx, ctx.actor, action.intoId);
        if (into.id === h.id || into.state === 'merged' || into.state === 'rejected') throw new AppError('HAZARD_MERGE_INVALID');
        patch.mergedIntoId = into.id;
        // A duplicate is not a second hazard: it leaves the 'found' count.
        await bumpRollups(tx, h.unitId, h.reportedAt, h.categoryCode, { found: -1 });
        break;
      }
      case 'reject':
        // Nor is a report that proved untrue.
        await bumpRollups(tx, h.unitId, h.reportedAt, h.categoryCode, { found: -1 });
        break;
      case 'grade':
        patch.level = action.level;
        break;
      case 'approve':
        patch.supervised = true;
        break;
      case 'assign': {
        const unit = await loadUnitInScope(tx, ctx.actor, action.responsibleUnitId);
        const [person] = await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, action.responsiblePersonId), eq(people.status, 'active'), sql`${people.unitId} in (select id from units where path <@ ${unit.path}::ltree)`));
        if (!person) throw new AppError('PERSON_NOT_IN_UNIT');
        const deadline = new Date(action.deadline);
        if (deadline <= now) {
          throw new AppError('VALIDATION_FAILED', [{ path: 'body.deadline', code: 'in_past', zh: '整改期限应晚于现在', en: 'The deadline must be in the future' }]);
        }
        Object.assign(patch, {
          responsibleUnitId: unit.id,
          responsiblePersonId: person.id,
          deadline,
          measures: action.measures,
          funds: action.funds,
          contingencyPlan: action.contingencyPlan,
          rectifierIds: [],
        });
        break;
      }
      case 'progress':
      case 'submit':
        if (!h.rectifierIds.includes(ctx.actor.id)) patch.rectifierIds = [...h.rectifierIds, ctx.actor.id];
        break;
      case 'accept':
        patch.closedAt = now;
        await bumpRollups(tx, h.unitId, h.reportedAt, h.categoryCode, { closed: 1, closeDays: daysBetween(h.reportedAt, now) });
        break;
      case 'reopen':
        if (h.state === 'rejected') await bumpRollups(tx, h.unitId, h.reportedAt, h.categoryCode, { found: 1 });
        if (h.state === 'closed' && h.closedAt) {
          patch.closedAt = null;
          await bumpRollups(tx, h.unitId, h.reportedAt, h.categoryCode, { closed: -1, closeDays: -daysBetween(h.reportedAt, h.closedAt) });
        }
        break;
      default:
        break;
    }
    const dueAt = dueAtAfter(result.to, now, VERIFY_HOURS, (patch.deadline as Date | undefined) ?? h.deadline);
    if (dueAt?.getTime() !== h.dueAt?.getTime()) {
      // A new clock: what was overdue under the old one is not, until the sweep says so again.
      Object.assign(patch, { dueAt, overdue: false, escalatedToUnitId: null });
    }
    const [after] = await tx.update(hazards).set(patch).where(eq(hazards.id, h.id)).returning();
    const overdueChange = countsAsOverdue(after!) - countsAsOverdue(h);
    if (overdueChange !== 0) await bumpRollups(tx, h.unitId, h.reportedAt, h.categoryCode, { overdue: overdueChange });
    announcement = { type: 'hazard', unitPath, data: { id: h.id, code: h.code, state: result.to, action: action.action } };
    await tx.insert(hazardEvents).values({
      id: action.eventId ?? uuidv7(now.getTime()),
      hazardId: h.id,
      at: now,
      action: action.action,
      fromState: h.state,
      toState: result.to,
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      note: noteOf(action),
      photoIds: photosOf(action),
    });
    return {
      result: null,
      events: [
        {
          action: AUDIT_OF[action.action],
          entityType: 'hazard',
          entityId: h.id,
          unitId: h.unitId,
          summary: `${h.code}：${HAZARD_STATE_ZH[h.state]} → ${HAZARD_STATE_ZH[result.to]}${noteOf(action) ? `（${noteOf(action)}）` : ''}`,
          ...(diff(auditShape(h), auditShape(after!)) ?? {}),
        },
      ],
    };
  });
  if (announcement) ctx.announcer.soon(announcement);
  return hazardDetail(ctx, id);
}

/** The overdue count of the roll-ups holds open hazards that are flagged overdue. */
const countsAsOverdue = (h: HazardRow) => (h.overdue && OPEN_STATES.includes(h.state) ? 1 : 0);

const auditShape = (h: HazardRow) => ({
  state: h.state,
  level: h.level,
  supervised: h.supervised,
  responsibleUnitId: h.responsibleUnitId,
  responsiblePersonId: h.responsiblePersonId,
  deadline: h.deadline?.toISOString() ?? null,
  mergedIntoId: h.mergedIntoId,
});

