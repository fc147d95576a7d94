import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { loadUnitInScope, unitIdInScope } from '../../../platform/access/scope';
import type { Ctx } from '../../../platform/context';
import { units, type UnitRow } from '../../../platform/hierarchy/schema';
import type { ExportFile } from '../../org/excel/export.service';
import { people } from '../../org/schema';
import { scopeRoots } from '../../org/units.queries';
import { unitInSubtree } from '../access';
import { households, vulnerablePeople } from '../schema';
import { writeHouseholdsSheet } from './households-sheet';
import { writeVulnerableSheet } from './vulnerable-sheet';
import { safeFileName } from '../../org/excel/http';

/** The households (moved out too) of the actor's scope, or of the subtree of `unitId`, by grid and address. */
export async function exportHouseholds(ctx: Ctx, unitId: string | undefined): Promise<ExportFile> {
  const root = unitId ? await loadUnitInScope(ctx.db, ctx.actor, unitId) : null;
  const rows = await ctx.db
    .select({
      gridCode: units.code,
      gridName: units.name,
      address: households.address,
      headName: households.headName,
      phone: households.phone,
      members: households.members,
      status: households.status,
      notes: households.notes,
    })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(within(ctx, households.unitId, root))
    .orderBy(asc(units.code), asc(households.address));
  return named(ctx, '户籍', 'households', await title(ctx, root), await writeHouseholdsSheet(rows));
}

/** The vulnerable people (removed too) of the actor's scope, or of the subtree of `unitId`. */
export async function exportVulnerable(ctx: Ctx, unitId: string | undefined): Promise<ExportFile> {
  const root = unitId ? await loadUnitInScope(ctx.db, ctx.actor, unitId) : null;
  const rows = await ctx.db
    .select({
      gridCode: units.code,
      gridName: units.name,
      name: vulnerablePeople.name,
      category: vulnerablePeople.category,
      phone: vulnerablePeople.phone,
      household: households.address,
      responsibleName: people.name,
      responsiblePhone: people.phone,
      status: vulnerablePeople.status,
      notes: vulnerablePeople.notes,
    })
    .from(vulnerablePeople)
    .innerJoin(units, eq(units.id, vulnerablePeople.unitId))
    .leftJoin(households, eq(households.id, vulnerablePeople.householdId))
    .leftJoin(people, eq(people.id, vulnerablePeople.responsiblePersonId))
    .where(within(ctx, vulnerablePeople.unitId, root))
    .orderBy(asc(units.code), asc(vulnerablePeople.name), sql`${vulnerablePeople.phone} nulls first`);
  return named(ctx, '重点人群', 'vulnerable', await title(ctx, root), await writeVulnerableSheet(rows));
}

const within = (ctx: Ctx, unitIdColumn: AnyPgColumn, root: UnitRow | null): SQL =>
  root ? and(unitIdInScope(ctx.actor, unitIdColumn), unitInSubtree(unitIdColumn, root.path))! : unitIdInScope(ctx.actor, unitIdColumn);

/** The file is named after the exported unit, or the actor's single top unit. */
async function title(ctx: Ctx, root: UnitRow | null): Promise<string> {
  if (root) return root.name;
  const tops = await scopeRoots(ctx.db, ctx.actor);
  return tops.length === 1 ? tops[0]!.name : '全部';
}

/** 户籍-塘后村-20260601.xlsx, with households-20260601.xlsx for clients that only take ASCII. */
function named(ctx: Ctx, zh: string, en: string, what: string, buffer: Buffer): ExportFile {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ctx.clock.now()).replace(/-/g, '');
  const safe = safeFileName(what);
  return { fileName: `${zh}-${safe}-${day}.xlsx`, asciiName: `${en}-${day}.xlsx`, buffer };
}
