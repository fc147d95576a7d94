import { and, eq, sql } from 'drizzle-orm';
import type { UnitCreate, UnitDetail, UnitUpdate } from '../../../contracts';
import { canAt, loadUnitInScope, requirePermission } from '../../platform/access/scope';
import { isInScope } from '../../platform/access/rules';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { isUniqueViolation } from '../../platform/db/errors';
import { AppError } from '../../platform/errors/app-error';
import { childPath } from '../../platform/hierarchy/paths';
import { units, type UnitRow } from '../../platform/hierarchy/schema';
import { posts } from './schema';
import { checkChildCode, childLevelOf, holdsPosts, kindFitsLevel, stationCompliance, CODE_PREFIX } from './rules';
import { ancestorsOf } from './units.queries';
import { unitAudited } from './audit-shapes';
import type { Actor } from '../../platform/access/actor';


const iso = (d: Date | null) => (d ? d.toISOString() : null);


/** Everything the unit page shows, with what the actor may do. */
export async function unitDetail(db: Queryable, actor: Actor, id: string): Promise<UnitDetail> {
  const unit = await loadUnitInScope(db, actor, id);
  const [ancestors, [counts], unitPosts] = await Promise.all([
    ancestorsOf(db, unit),
    db.execute<{ children: number; people: number; posts: number; accounts: number }>(sql`
      select
        (select count(*) from units where parent_id = ${unit.id} and status = 'active')::int as children,
        (select count(*) from people where unit_id = ${unit.id} and status = 'active')::int as people,
        (select count(*) from posts where unit_id = ${unit.id})::int as posts,
        (select count(*) from users where unit_id = ${unit.id})::int as accounts`).then((r) => r.rows),
    db.select({ employment: posts.employment, personId: posts.personId }).from(posts).where(eq(posts.unitId, unit.id)),
  ]);
  const manage = canAt(actor, 'org.units.manage', unit.path);
  const isRoot = unit.level === 'city' || unit.level === 'county';
  return {
    id: unit.id,
    parentId: unit.parentId,
    level: unit.level,
    kind: unit.kind,
    code: unit.code,
    name: unit.name,
    status: unit.status,
    childCount: counts!.children,
    address: unit.address,
    phone: unit.phone,
    lat: unit.lat,
    lng: unit.lng,
    retiredAt: iso(unit.retiredAt),
    retiredReason: unit.retiredReason,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
    breadcrumb: ancestors.map((a) => ({ id: a.id, name: a.name, code: a.code, level: a.level, visible: isInScope(actor.scopePaths, a.path) })),
    counts: counts!,
    compliance: unit.level === 'township' ? stationCompliance(unitPosts) : null,
    can: {
      update: manage,
      createChild: manage && unit.status === 'active' && childLevelOf(unit.level) !== null,
      move: manage && !isRoot,
      retire: manage && !isRoot,
      manageStaff: holdsPosts(unit.level) && canAt(actor, 'org.staff.manage', unit.path),
    },
  };
}

export async function createUnit(ctx: Ctx, input: UnitCreate): Promise<UnitDetail> {
  const parent = await loadUnitInScope(ctx.db, ctx.actor, input.parentId);
  requirePermission(ctx.actor, 'org.units.manage', parent.path);
  if (parent.status !== 'active') throw new AppError('UNIT_RETIRED');
  const level = childLevelOf(parent.level);
  if (!level || !kindFitsLevel(level, input.kind)) throw new AppError('UNIT_LEVEL_MISMATCH');
  const codeProblem = checkChildCode(parent, level, input.code);
  if (codeProblem) throw new AppError(codeProblem);
  const id = uuidv7();
  try {
    await auditedTx(ctx, async (tx, now) => {
      const [row] = await tx
        .insert(units)
        .values({
          id,
          parentId: parent.id,
          level,
          kind: input.kind,
          code: input.code,
          name: input.name,
          path: childPath(parent.path, id),
          address: input.address ?? null,
          phone: input.phone ?? null,
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return { result: row, events: [{ action: 'org.unit.created', entityType: 'unit', entityId: id, unitId: id, summary: `${parent.name} / ${input.name}`, after: unitAudited(row!) }] };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'units_code_key')) throw new AppError('UNIT_CODE_TAKEN');
    throw e;
  }
  return unitDetail(ctx.db, ctx.actor, id);
}

export async function updateUnit(ctx: Ctx, id: string, input: UnitUpdate): Promise<UnitDetail> {
  try {
    await auditedTx(ctx, async (tx, now) => {
      const unit = await lockUnit(tx, ctx.actor, id);
      requirePermission(ctx.actor, 'org.units.manage', unit.path);
      if (input.kind && !kindFitsLevel(unit.level, input.kind)) throw new AppError('UNIT_LEVEL_MISMATCH');
      if (input.code && input.code !== unit.code) {
        const [parent] = unit.parentId ? await tx.select().from(units).where(eq(units.id, unit.parentId)) : [];
        if (parent && checkChildCode(parent, unit.level, input.code)) throw new AppError('UNIT_CODE_MISMATCH');
        await recodeSubtree(tx, unit, input.code);
      }
      const [after] = await tx
        .update(units)
        .set({ ...input, updatedAt: now })
        .where(eq(units.id, unit.id))
        .returning();
      const changes = diff(unitAudited(unit), unitAudited(after!));
      return {
        result: after,
        events: changes ? [{ action: 'org.unit.updated', entityType: 'unit', entityId: unit.id, unitId: unit.id, summary: after!.name, ...changes }] : [],
      };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'units_code_key')) throw new AppError('UNIT_CODE_TAKEN');
    throw e;
  }
  return unitDetail(ctx.db, ctx.actor, id);
}

/** Moves a unit (and everything below it) under another parent of the same level. */
export async function moveUnit(ctx: Ctx, id: string, parentId: string, code: string | undefined): Promise<UnitDetail> {
  try {
    await auditedTx(ctx, async (tx, now) => {
      const unit = await lockUnit(tx, ctx.actor, id);
      requirePermission(ctx.actor, 'org.units.manage', unit.path);
      if (!unit.parentId) throw new AppError('ROOT_UNIT_IMMUTABLE');
      const [oldParent] = await tx.select().from(units).where(eq(units.id, unit.parentId));
      const newParent = await loadUnitInScope(tx, ctx.actor, parentId);
      requirePermission(ctx.actor, 'org.units.manage', newParent.path);
      if (unit.level === 'county' || unit.level === 'city') throw new AppError('ROOT_UNIT_IMMUTABLE');
      if (newParent.level !== oldParent!.level || newParent.id === unit.parentId) throw new AppError('UNIT_MOVE_INVALID');
      if (newParent.status !== 'active') throw new AppError('UNIT_RETIRED');
      const newCode = code ?? unit.code;
      if (checkChildCode(newParent, unit.level, newCode)) throw new AppError('UNIT_CODE_MISMATCH');
      if (newCode !== unit.code) await recodeSubtree(tx, unit, newCode);
      const newPath = childPath(newParent.path, unit.id);
      // Rewrite the materialized path of the whole subtree: new parent's path + the part below the old parent.
      // (subpath() refuses an empty remainder, so the unit itself takes the new path directly.)
      await tx.execute(sql`
        update units
        set path = case when path = ${unit.path}::ltree then ${newPath}::ltree
                        else ${newPath}::ltree || subpath(path, nlevel(${unit.path}::ltree)) end,
            updated_at = ${now}
        where path <@ ${unit.path}::ltree`);
      const [after] = await tx.update(units).set({ parentId: newParent.id, code: newCode, updatedAt: now }).where(eq(units.id, unit.id)).returning();
      return {
        result: after,
        events: [
          {
            action: 'org.unit.moved',
            entityType: 'unit',
            entityId: unit.id,
            unitId: unit.id,
            summary: `${unit.name}: ${oldParent!.name} → ${newParent.name}`,
            before: { parentId: oldParent!.id, parentName: oldParent!.name, code: unit.code },
            after: { parentId: newParent.id, parentName: newParent.name, code: newCode },
          },
        ],
      };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'units_code_key')) throw new AppError('UNIT_CODE_TAKEN');
    throw e;
  }
  return unitDetail(ctx.db, ctx.actor, id);
}

export async function retireUnit(ctx: Ctx, id: string, reason: string): Promise<UnitDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const unit = await lockUnit(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'org.units.manage', unit.path);
    if (!unit.parentId || unit.level === 'county') throw new AppError('ROOT_UNIT_IMMUTABLE');
    if (unit.status === 'retired') throw new AppError('UNIT_RETIRED');
    const [child] = await tx.select({ id: units.id }).from(units).where(and(eq(units.parentId, unit.id), eq(units.status, 'active'))).limit(1);
    if (child) throw new AppError('UNIT_HAS_ACTIVE_CHILDREN');
    await tx.update(units).set({ status: 'retired', retiredAt: now, retiredReason: reason, updatedAt: now }).where(eq(units.id, unit.id));
    return {
      result: null,
      events: [{ action: 'org.unit.retired', entityType: 'unit', entityId: unit.id, unitId: unit.id, summary: `${unit.name}: ${reason}`, before: { status: 'active' }, after: { status: 'retired', reason } }],
    };
  });
  return unitDetail(ctx.db, ctx.actor, id);
}

export async function restoreUnit(ctx: Ctx, id: string): Promise<UnitDetail> {
  await auditedTx(ctx, async (tx, now) => {
    const unit = await lockUnit(tx, ctx.actor, id);
    requirePermission(ctx.actor, 'org.units.manage', unit.path);
    if (unit.status !== 'retired') throw new AppError('UNIT_NOT_RETIRED');
    const [parent] = unit.parentId ? await tx.select().from(units).where(eq(units.id, unit.parentId)) : [];
    if (parent && parent.status !== 'active') throw new AppError('UNIT_RETIRED');
    await tx.update(units).set({ status: 'active', retiredAt: null, retiredReason: null, updatedAt: now }).where(eq(units.id, unit.id));
    return {
      result: null,
      events: [{ action: 'org.unit.restored', entityType: 'unit', entityId: unit.id, unitId: unit.id, summary: unit.name, before: { status: 'retired' }, after: { status: 'active' } }],
    };
  });
  return unitDetail(ctx.db, ctx.actor, id);
}

/** Loads a unit in scope and locks its row, so two concurrent edits of one unit serialize. */
async function lockUnit(tx: Queryable, actor: Actor, id: string): Promise<UnitRow> {
  const unit = await loadUnitInScope(tx, actor, id);
  await tx.execute(sql`select 1 from units where id = ${unit.id} for update`);
  const [fresh] = await tx.select().from(units).where(eq(units.id, unit.id));
  return fresh!;
}

/** Gives a unit a new code and carries the change into the codes of everything below it. */
async function recodeSubtree(tx: Queryable, unit: UnitRow, newCode: string) {
  const n = CODE_PREFIX[unit.level];
  await tx.execute(sql`
    update units set code = ${newCode.slice(0, n)} || substr(code, ${n + 1})
    where path <@ ${unit.path}::ltree and id <> ${unit.id} and left(code, ${n}) = ${unit.code.slice(0, n)}`);
}

