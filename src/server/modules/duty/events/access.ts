import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/actor';
import { canAt, unitIdInScope } from '../../../platform/access/scope';
import { isAncestorOrSelf } from '../../../platform/access/rules';
import { ROLE_PERMISSIONS } from '../../../../contracts/roles';
import type { Queryable } from '../../../platform/db/client';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { dutyEvents, dutyReports, type DutyEventRow, type DutyReportRow } from './schema';

/** An event the actor can see, with its desk's path; optionally locked for a change. */
export async function loadEvent(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<{ event: DutyEventRow; unitPath: string }> {
  const query = db
    .select({ event: dutyEvents, unitPath: units.path })
    .from(dutyEvents)
    .innerJoin(units, eq(units.id, dutyEvents.unitId))
    .where(and(eq(dutyEvents.id, id), unitIdInScope(actor, dutyEvents.unitId)));
  const [row] = opts.lock ? await query.for('update', { of: dutyEvents }) : await query;
  if (!row) throw notFound();
  if (!canAt(actor, 'duty.read', row.unitPath)) throw new AppError('FORBIDDEN');
  return row;
}

export async function loadReport(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<{ report: DutyReportRow; unitPath: string }> {
  const query = db
    .select({ report: dutyReports, unitPath: units.path })
    .from(dutyReports)
    .innerJoin(units, eq(units.id, dutyReports.unitId))
    .where(and(eq(dutyReports.id, id), unitIdInScope(actor, dutyReports.unitId)));
  const [row] = opts.lock ? await query.for('update', { of: dutyReports }) : await query;
  if (!row) throw notFound();
  if (!canAt(actor, 'duty.read', row.unitPath)) throw new AppError('FORBIDDEN');
  return row;
}

/**
 * The level from which the actor reviews a desk's reports: the nearest unit strictly above the
 * desk on which they hold duty.review (the county for a county officer reading a township's
 * report), or null.
 */
export function reviewUnitFor(actor: Actor, deskPath: string): { unitId: string; path: string } | null {
  const candidates = actor.grants
    .filter((g) => ROLE_PERMISSIONS[g.role].includes('duty.review') && g.path !== deskPath && isAncestorOrSelf(g.path, deskPath))
    .sort((a, b) => b.path.length - a.path.length);
  const best = candidates[0];
  return best ? { unitId: best.unitId, path: best.path } : null;
}

/** Every unit from which the actor reviews reports (for the inbox). */
export const reviewUnitsOf = (actor: Actor) => actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('duty.review')).map((g) => ({ unitId: g.unitId, path: g.path }));
