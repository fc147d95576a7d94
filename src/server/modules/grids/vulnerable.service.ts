import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { GRID_LIMITS, type ResponsiblePerson, type VulnerableCreate, type VulnerableListQuery, type VulnerableUpdate, type VulnerableView } from '../../../contracts/grids';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { uuidv7 } from '../../platform/db/ids';
import { containsPattern } from '../../platform/db/like';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { loadGridForWrite, unitInSubtree, villagePathOf } from './access';
import { vulnerableAudited } from './audit-shapes';
import { households, vulnerablePeople, type VulnerableRow } from './schema';

export type VulnerableFilter = z.output<typeof VulnerableListQuery>;

const personUnit = alias(units, 'person_unit');

const columns = {
  v: vulnerablePeople,
  unitName: units.name,
  unitCode: units.code,
  unitPath: units.path,
  household: { id: households.id, address: households.address, headName: households.headName, status: households.status },
  responsible: { id: people.id, name: people.name, phone: people.phone, title: people.title },
  responsibleUnit: personUnit.name,
};
type Joined = {
  v: VulnerableRow;
  unitName: string;
  unitCode: string;
  unitPath: string;
  household: VulnerableView['household'];
  responsible: Omit<ResponsiblePerson, 'unitName'> | null;
  responsibleUnit: string | null;
};

const joined = (db: Queryable) =>
  db
    .select(columns)
    .from(vulnerablePeople)
    .innerJoin(units, eq(units.id, vulnerablePeople.unitId))
    .leftJoin(households, eq(households.id, vulnerablePeople.householdId))
    .leftJoin(people, eq(people.id, vulnerablePeople.responsiblePersonId))
    .leftJoin(personUnit, eq(personUnit.id, people.unitId));

function present(actor: Actor, r: Joined): VulnerableView {
  return {
    id: r.v.id,
    unit: { id: r.v.unitId, name: r.unitName, code: r.unitCode },
    name: r.v.name,
    category: r.v.category,
    phone: r.v.phone,
    notes: r.v.notes,
    status: r.v.status,
    household: r.household,
    responsible: r.responsible ? { ...r.responsible, unitName: r.responsibleUnit ?? '' } : null,
    createdAt: r.v.createdAt.toISOString(),
    updatedAt: r.v.updatedAt.toISOString(),
    can: { update: canAt(actor, 'grids.manage', r.unitPath) },
  };
}

const audited = (r: Pick<Joined, 'v' | 'household' | 'responsible'>) =>
  vulnerableAudited({ ...r.v, householdAddress: r.household?.address ?? null, responsible: r.responsible });

/** Vulnerable people in the actor's scope, optionally below one unit, by category, household or name. */
export async function listVulnerable(db: Queryable, actor: Actor, f: VulnerableFilter) {
  const conds: SQL[] = [unitIdInScope(actor, vulnerablePeople.unitId)];
  if (f.unitId) conds.push(unitInSubtree(vulnerablePeople.unitId, (await loadUnitInScope(db, actor, f.unitId)).path));
  if (f.status !== 'all') conds.push(eq(vulnerablePeople.status, f.status));
  if (f.category) conds.push(eq(vulnerablePeople.category, f.category));
  if (f.householdId) conds.push(eq(vulnerablePeople.householdId, f.householdId));
  if (f.unassigned) conds.push(isNull(vulnerablePeople.responsiblePersonId));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(vulnerablePeople.name, like), ilike(vulnerablePeople.phone, like), ilike(households.address, like))!);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(asc(units.code), asc(vulnerablePeople.category), asc(vulnerablePeople.name))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(vulnerablePeople)
      .leftJoin(households, eq(households.id, vulnerablePeople.householdId))
      .where(where),
  ]);
  return { items: rows.map((r) => present(actor, r)), total, page: f.page, pageSize: f.pageSize };
}

async function loadVulnerable(db: Queryable, actor: Actor, id: string, lock = false): Promise<Joined> {
  const query = joined(db).where(and(eq(vulnerablePeople.id, id), unitIdInScope(actor, vulnerablePeople.unitId)));
  const [row] = lock ? await query.for('update', { of: vulnerablePeople }) : await query;
  if (!row) throw notFound();
  return row;
}

export async function getVulnerable(db: Queryable, actor: Actor, id: string): Promise<VulnerableView> {
  return present(actor, await loadVulnerable(db, actor, id));
}

/**
 * Active people who may look after the vulnerable people of a grid: those of the grid's village
 * (社区) and its grids — as far as the actor can see them, so a grid worker picks within the grid.
 */
export async function responsibleCandidates(db: Queryable, actor: Actor, gridId: string, q: string | undefined): Promise<ResponsiblePerson[]> {
  const grid = await loadUnitInScope(db, actor, gridId);
  if (grid.level !== 'grid') throw new AppError('GRID_UNIT_REQUIRED');
  const like = q ? containsPattern(q) : null;
  return db
    .select({ id: people.id, name: people.name, phone: people.phone, title: people.title, unitName: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(
      and(
        eq(people.status, 'active'),
        sql`${units.path} <@ ${villagePathOf(grid.path)}::ltree`,
        unitIdInScope(actor, people.unitId),
        like ? or(ilike(people.name, like), ilike(people.phone, like))! : undefined,
      ),
    )
    .orderBy(sql`${units.id} = ${grid.id} desc`, asc(units.code), asc(people.name))
    .limit(GRID_LIMITS.responsiblesMax);
}

/** The household must be an active one of the same grid. */
async function checkHousehold(db: Queryable, gridId: string, householdId: string) {
  const [h] = await db
    .select({ id: households.id, address: households.address, headName: households.headName, status: households.status })
    .from(households)
    .where(and(eq(households.id, householdId), eq(households.unitId, gridId), eq(households.status, 'active')));
  if (!h) throw new AppError('HOUSEHOLD_NOT_IN_GRID');
  return h;
}

/** The responsible person must be active, of the grid's village, and visible to the actor. */
async function checkResponsible(db: Queryable, actor: Actor, gridPath: string, personId: string): Promise<ResponsiblePerson> {
  const [p] = await db
    .select({ id: people.id, name: people.name, phone: people.phone, title: people.title, unitName: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.id, personId), eq(people.status, 'active'), sql`${units.path} <@ ${villagePathOf(gridPath)}::ltree`, unitIdInScope(actor, people.unitId)));
  if (!p) throw new AppError('RESPONSIBLE_NOT_IN_VILLAGE');
  return p;
}

const taken = (e: unknown) => isUniqueViolation(e, 'vulnerable_people_unit_name_phone_key');

export async function createVulnerable(ctx: Ctx, input: VulnerableCreate): Promise<VulnerableView> {
  const id = uuidv7();
  try {
    await auditedTx(ctx, async (tx, now) => {
      const unit = await loadGridForWrite(tx, ctx.actor, input.unitId);
      const household = input.householdId ? await checkHousehold(tx, unit.id, input.householdId) : null;
      const responsible = input.responsiblePersonId ? await checkResponsible(tx, ctx.actor, unit.path, input.responsiblePersonId) : null;
      const [row] = await tx
        .insert(vulnerablePeople)
        .values({
          id,
          unitId: unit.id,
          name: input.name,
          category: input.category,
          householdId: household?.id ?? null,
          phone: input.phone ?? null,
          notes: input.notes ?? null,
          responsiblePersonId: responsible?.id ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return {
        result: row,
        events: [{ action: 'grid.vulnerable.created', entityType: 'vulnerable_person', entityId: id, unitId: unit.id, summary: `${unit.name} / ${input.name}`, after: audited({ v: row!, household, responsible }) }],
      };
    });
  } catch (e) {
    if (taken(e)) throw new AppError('VULNERABLE_PERSON_TAKEN');
    throw e;
  }
  return getVulnerable(ctx.db, ctx.actor, id);
}

export async function updateVulnerable(ctx: Ctx, id: string, input: VulnerableUpdate): Promise<VulnerableView> {
  try {
    await auditedTx(ctx, async (tx, now) => {
      const before = await loadVulnerable(tx, ctx.actor, id, true);
      requirePermission(ctx.actor, 'grids.manage', before.unitPath);
      // Only a changed link is checked: a record keeps a link made earlier by someone who saw more.
      let household = before.household;
      if (input.householdId !== undefined && input.householdId !== before.v.householdId) {
        household = input.householdId ? await checkHousehold(tx, before.v.unitId, input.householdId) : null;
      }
      let responsible = before.responsible;
      if (input.responsiblePersonId !== undefined && input.responsiblePersonId !== before.v.responsiblePersonId) {
        responsible = input.responsiblePersonId ? await checkResponsible(tx, ctx.actor, before.unitPath, input.responsiblePersonId) : null;
      }
      const [row] = await tx
        .update(vulnerablePeople)
        .set({ ...input, householdId: household?.id ?? null, responsiblePersonId: responsible?.id ?? null, updatedAt: now })
        .where(eq(vulnerablePeople.id, before.v.id))
        .returning();
      const changes = diff(audited(before), audited({ v: row!, household, responsible }));
      return {
        result: row,
        events: changes ? [{ action: 'grid.vulnerable.updated', entityType: 'vulnerable_person', entityId: id, unitId: before.v.unitId, summary: `${before.unitName} / ${row!.name}`, ...changes }] : [],
      };
    });
  } catch (e) {
    if (taken(e)) throw new AppError('VULNERABLE_PERSON_TAKEN');
    throw e;
  }
  return getVulnerable(ctx.db, ctx.actor, id);
}
