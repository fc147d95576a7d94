import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { loadUnitInScope, unitPathInScope } from '../../../platform/access/scope';
import type { Ctx } from '../../../platform/context';
import { units, type UnitRow } from '../../../platform/hierarchy/schema';
import { people } from '../schema';
import { scopeRoots } from '../units.queries';
import { writePeopleSheet } from './people-sheet';
import { writeUnitsSheet } from './units-sheet';
import { safeFileName } from './http';

/** A generated file: its Chinese name, an ASCII name for old clients, and its bytes. */
export type ExportFile = { fileName: string; asciiName: string; buffer: Buffer };

const parentUnit = alias(units, 'parent_unit');

/** The units of the actor's scope, or of the subtree of `unitId` (which must be in scope), parents before children. */
export async function exportUnits(ctx: Ctx, unitId: string | undefined): Promise<ExportFile> {
  const root = unitId ? await loadUnitInScope(ctx.db, ctx.actor, unitId) : null;
  const rows = await ctx.db
    .select({ ...getTableColumns(units), parentCode: parentUnit.code })
    .from(units)
    .leftJoin(parentUnit, eq(parentUnit.id, units.parentId))
    .where(within(ctx, root));
  const buffer = await writeUnitsSheet(treeOrder(rows));
  return named(ctx, '单位', 'units', await title(ctx, root), buffer);
}

/** The people (in post or not) of the units of the actor's scope, or of the subtree of `unitId`. */
export async function exportPeople(ctx: Ctx, unitId: string | undefined): Promise<ExportFile> {
  const root = unitId ? await loadUnitInScope(ctx.db, ctx.actor, unitId) : null;
  const rows = await ctx.db
    .select({ ...getTableColumns(people), unitCode: units.code, unitName: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(within(ctx, root))
    .orderBy(asc(units.code), asc(people.name), asc(people.phone));
  const buffer = await writePeopleSheet(rows);
  return named(ctx, '人员', 'people', await title(ctx, root), buffer);
}

const within = (ctx: Ctx, root: UnitRow | null): SQL =>
  root ? and(unitPathInScope(ctx.actor), sql`${units.path} <@ ${root.path}::ltree`)! : unitPathInScope(ctx.actor);

/**
 * Orders units as a tree: each unit followed by its subtree, siblings by code. Parents come
 * before children, which an import of the file needs.
 */
export function treeOrder<T extends { id: string; parentId: string | null; code: string }>(rows: T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

/** The file is named after the exported unit, or the actor's single top unit. */
async function title(ctx: Ctx, root: UnitRow | null): Promise<string> {
  if (root) return root.name;
  const tops = await scopeRoots(ctx.db, ctx.actor);
  return tops.length === 1 ? tops[0]!.name : '全部';
}

function named(ctx: Ctx, zh: string, en: string, what: string, buffer: Buffer): ExportFile {
  // The date of the export in China: 20260601.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(ctx.clock.now()).replace(/-/g, '');
  const safe = safeFileName(what);
  return { fileName: `${zh}-${safe}-${day}.xlsx`, asciiName: `${en}-${day}.xlsx`, buffer };
}
