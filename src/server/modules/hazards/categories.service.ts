import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { HazardCategory, HazardCategoryCreate, HazardCategoryUpdate } from '../../../contracts';
import { requirePermissionSomewhere } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import { isUniqueViolation } from '../../platform/db/errors';
import { AppError, notFound } from '../../platform/errors/app-error';
import { hazardCategories } from './schema';

export async function listCategories(ctx: Ctx): Promise<HazardCategory[]> {
  return ctx.db.select().from(hazardCategories).orderBy(asc(hazardCategories.sortOrder), asc(hazardCategories.code));
}

export async function createCategory(ctx: Ctx, input: z.output<typeof HazardCategoryCreate>): Promise<HazardCategory> {
  // The catalog is one for the whole deployment: only city admins (hazards.catalog) change it.
  requirePermissionSomewhere(ctx.actor, 'hazards.catalog');
  try {
    return await auditedTx(ctx, async (tx) => {
      const [row] = await tx.insert(hazardCategories).values({ ...input, sortOrder: input.sortOrder ?? 0 }).returning();
      return { result: row!, events: [{ action: 'hazard.category.created', entityType: 'hazard_category', entityId: row!.code, unitId: ctx.actor.unitId, summary: row!.nameZh, after: row }] };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'hazard_categories_pkey')) throw new AppError('CATEGORY_TAKEN');
    throw e;
  }
}

export async function updateCategory(ctx: Ctx, code: string, input: z.output<typeof HazardCategoryUpdate>): Promise<HazardCategory> {
  // The catalog is one for the whole deployment: only city admins (hazards.catalog) change it.
  requirePermissionSomewhere(ctx.actor, 'hazards.catalog');
  return auditedTx(ctx, async (tx) => {
    const [before] = await tx.select().from(hazardCategories).where(eq(hazardCategories.code, code)).for('update');
    if (!before) throw notFound();
    const [after] = await tx.update(hazardCategories).set(input).where(eq(hazardCategories.code, code)).returning();
    const changes = diff(before, after!);
    return { result: after!, events: changes ? [{ action: 'hazard.category.updated', entityType: 'hazard_category', entityId: code, unitId: ctx.actor.unitId, summary: after!.nameZh, ...changes }] : [] };
  });
}
