import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor';
import { canAt, unitIdInScope } from '../../platform/access/scope';
import { users } from '../../platform/auth/schema';
import type { Queryable } from '../../platform/db/client';
import { notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { hazards, type HazardRow } from './schema';
import type { ActorCaps } from './rules';

/** Loads a hazard the actor can see (found in their scope), optionally locking it for a change. */
export async function loadHazard(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<{ hazard: HazardRow; unitPath: string }> {
  const query = db
    .select({ hazard: hazards, unitPath: units.path })
    .from(hazards)
    .innerJoin(units, eq(units.id, hazards.unitId))
    .where(and(eq(hazards.id, id), unitIdInScope(actor, hazards.unitId)));
  const [row] = opts.lock ? await query.for('update', { of: hazards }) : await query;
  if (!row) throw notFound();
  return row;
}

/** The person record behind the actor's account, if any (a rectifier is a person). */
export async function personOf(db: Queryable, actor: Actor): Promise<string | null> {
  const [u] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.id));
  return u?.personId ?? null;
}

/** What the actor may do to this hazard, as the state machine needs it. */
export async function capsFor(db: Queryable, actor: Actor, h: HazardRow, unitPath: string): Promise<ActorCaps> {
  const manage = canAt(actor, 'hazards.manage', unitPath);
  const approve = canAt(actor, 'hazards.approve', unitPath);
  const myPerson = await personOf(db, actor);
  const isResponsible = !!h.responsiblePersonId && myPerson === h.responsiblePersonId;
  let manageResponsibleUnit = false;
  if (h.responsibleUnitId) {
    const [ru] = await db.select({ path: units.path }).from(units).where(sql`${units.id} = ${h.responsibleUnitId}`);
    manageResponsibleUnit = !!ru && canAt(actor, 'hazards.manage', ru.path);
  }
  return {
    manage,
    approve,
    rectify: isResponsible || manageResponsibleUnit,
    isRectifier: isResponsible || h.rectifierIds.includes(actor.id),
  };
}
