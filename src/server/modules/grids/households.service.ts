import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { HouseholdCreate, HouseholdListQuery, HouseholdUpdate, HouseholdView } from '../../../contracts/grids';
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
import { loadGridForWrite, unitInSubtree } from './access';
import { householdAudited } from './audit-shapes';
import { households, type HouseholdRow } from './schema';

export type HouseholdFilter = z.output<typeof HouseholdListQuery>;

// Qualified by hand: inside the subquery an unqualified "id" would bind to vulnerable_people.
const vulnerableCount = sql<number>`(select count(*) from vulnerable_people v where v.household_id = "households"."id" and v.status = 'active')::int`;

const columns = { household: households, unitName: units.name, unitCode: units.code, unitPath: units.path, vulnerableCount };
type Joined = { household: HouseholdRow; unitName: string; unitCode: string; unitPath: string; vulnerableCount: number };

function present(actor: Actor, r: Joined): HouseholdView {
  const h = r.household;
  return {
    id: h.id,
    unit: { id: h.unitId, name: r.unitName, code: r.unitCode },
    address: h.address,
    headName: h.headName,
    phone: h.phone,
    members: h.members,
    notes: h.notes,
    status: h.status,
    vulnerableCount: r.vulnerableCount,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
    can: { update: canAt(actor, 'grids.manage', r.unitPath) },
  };
}

/** Households in the actor's scope, optionally of one grid or of all grids below a unit. */
export async function listHouseholds(db: Queryable, actor: Actor, f: HouseholdFilter) {
  const conds: SQL[] = [unitIdInScope(actor, households.unitId)];
  if (f.unitId) conds.push(unitInSubtree(households.unitId, (await loadUnitInScope(db, actor, f.unitId)).path));
  if (f.status !== 'all') conds.push(eq(households.status, f.status));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(households.address, like), ilike(households.headName, like), ilike(households.phone, like))!);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(columns)
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .where(where)
      .orderBy(asc(units.code), asc(households.address))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(households).where(where),
  ]);
  return { items: rows.map((r) => present(actor, r)), total, page: f.page, pageSize: f.pageSize };
}

/** A household the actor can see (else "not found"); `lock` holds its row until the transaction ends. */
async function loadHousehold(db: Queryable, actor: Actor, id: string, lock = false): Promise<Joined> {
  const query = db
    .select(columns)
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(eq(households.id, id), unitIdInScope(actor, households.unitId)));
  const [row] = lock ? await query.for('update', { of: households }) : await query;
  if (!row) throw notFound();
  return row;
}

export async function getHousehold(db: Queryable, actor: Actor, id: string): Promise<HouseholdView> {
  return present(actor, await loadHousehold(db, actor, id));
}

const addressTaken = (e: unknown) => isUniqueViolation(e, 'households_unit_address_key');

export async function createHousehold(ctx: Ctx, input: HouseholdCreate): Promise<HouseholdView> {
  const unit = await loadGridForWrite(ctx.db, ctx.actor, input.unitId);
  const id = uuidv7();
  try {
    await auditedTx(ctx, async (tx, now) => {
      const [row] = await tx
        .insert(households)
        .values({ id, unitId: unit.id, address: input.address, headName: input.headName, phone: input.phone ?? null, members: input.members, notes: input.notes ?? null, createdAt: now, updatedAt: now })
        .returning();
      return { result: row, events: [{ action: 'grid.household.created', entityType: 'household', entityId: id, unitId: unit.id, summary: `${unit.name} / ${input.address}`, after: householdAudited(row!) }] };
    });
  } catch (e) {
    if (addressTaken(e)) throw new AppError('HOUSEHOLD_ADDRESS_TAKEN');
    throw e;
  }
  return getHousehold(ctx.db, ctx.actor, id);
}

export async function updateHousehold(ctx: Ctx, id: string, input: HouseholdUpdate): Promise<HouseholdView> {
  try {
    await auditedTx(ctx, async (tx, now) => {
      const { household, unitPath, unitName } = await loadHousehold(tx, ctx.actor, id, true);
      requirePermission(ctx.actor, 'grids.manage', unitPath);
      const [after] = await tx.update(households).set({ ...input, updatedAt: now }).where(eq(households.id, household.id)).returning();
      const changes = diff(householdAudited(household), householdAudited(after!));
      return {
        result: after,
        events: changes ? [{ action: 'grid.household.updated', entityType: 'household', entityId: household.id, unitId: household.unitId, summary: `${unitName} / ${after!.address}`, ...changes }] : [],
      };
    });
  } catch (e) {
    if (addressTaken(e)) throw new AppError('HOUSEHOLD_ADDRESS_TAKEN');
    throw e;
  }
  return getHousehold(ctx.db, ctx.actor, id);
}
