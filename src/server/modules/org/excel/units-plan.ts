import type { UnitKind, UnitLevel, UnitStatus } from '../../../../contracts/org';
import type { Actor } from '../../../platform/access/actor';
import { hasPermissionAt, isInScope } from '../../../platform/access/rules';
import { childPath } from '../../../platform/hierarchy/paths';
import type { UnitRow } from '../../../platform/hierarchy/schema';
import { checkChildCode, childLevelOf, kindFitsLevel } from '../rules';
import { LEVEL_LABELS, labelOf } from './labels';
import { catalogError, requiredError, rowError, type PlannedRow, type RowError } from './row-errors';
import { UNIT_HEADER as H, type ParsedUnitRow } from './units-sheet';

/** A unit already in the database, with its parent's code (what the sheet's 上级代码 holds). */
export type ExistingUnit = Pick<UnitRow, 'id' | 'parentId' | 'level' | 'kind' | 'code' | 'name' | 'path' | 'status' | 'address' | 'phone' | 'lat' | 'lng'> & {
  parentCode: string | null;
};

/** What the plan needs to know of the database. */
export type UnitWorld = {
  /** Every unit whose code the sheet names, as a row's code or as a parent code, in scope or not. */
  byCode: Map<string, ExistingUnit>;
  /** For each unit the sheet retires: the codes of its active children. */
  activeChildren: Map<string, string[]>;
};

export type UnitFields = { kind: UnitKind; name: string; status: UnitStatus; address: string | null; phone: string | null };
export type UnitCreatePlan = UnitFields & { row: number; id: string; parentId: string; parentName: string; level: UnitLevel; code: string; path: string };
export type UnitUpdatePlan = { row: number; before: ExistingUnit; after: UnitFields };
export type UnitPlan = { rows: PlannedRow[]; creates: UnitCreatePlan[]; updates: UnitUpdatePlan[] };

/** The fields an import may change, in column order; level, code and parent stay (moving is the unit page's job). */
const UPDATABLE = ['kind', 'name', 'status', 'address', 'phone'] as const;

type Parent = { id: string; level: UnitLevel; code: string; name: string; path: string; status: UnitStatus };
type Work = { parsed: ParsedUnitRow; errors: RowError[]; changes: string[]; create?: UnitCreatePlan; update?: UnitUpdatePlan };

const parentNotFound = () =>
  catalogError(H.parentCode, 'NOT_FOUND', { zh: '上级单位不存在或无权限', en: 'The parent unit does not exist or is outside your scope' });

/**
 * Decides what importing each row would do, with the rules of the unit API: codes extend their
 * parent's code, kinds fit levels, org.units.manage on the parent (to add) or the unit (to
 * change), retiring needs no active children. A row's parent is an existing unit or a unit added
 * by an earlier row. Pure: the database is read beforehand into `world`, ids come from `newId`.
 */
export function planUnits(rows: ParsedUnitRow[], world: UnitWorld, actor: Pick<Actor, 'scopePaths' | 'grants'>, newId: () => string): UnitPlan {
  const firstRow = new Map<string, number>();
  for (const r of rows) if (r.key !== '' && !firstRow.has(r.key)) firstRow.set(r.key, r.row);
  /** Units added by the sheet, by code, for the rows below them; `ok: false` when their row has errors. */
  const added = new Map<string, Parent & { row: number; ok: boolean }>();
  const canManage = (path: string) => hasPermissionAt(actor.grants, 'org.units.manage', path);

  const works = rows.map((parsed): Work => {
    const w: Work = { parsed, errors: [...parsed.errors], changes: [] };
    const v = parsed.values;
    const first = firstRow.get(parsed.key);
    if (first !== undefined && first !== parsed.row) {
      w.errors.push(rowError(H.code, 'duplicate_key', `与第 ${first} 行的代码重复`, `Same code as row ${first}`));
      return w;
    }
    const existing = v.code === undefined ? undefined : world.byCode.get(v.code);

    if (existing) {
      if (!isInScope(actor.scopePaths, existing.path)) {
        // The API answers the same when a new unit takes a code used elsewhere.
        w.errors.push(catalogError(H.code, 'UNIT_CODE_TAKEN'));
        return w;
      }
      if (parsed.parentCode !== existing.parentCode) {
        w.errors.push(rowError(H.parentCode, 'move_unsupported', '导入不能调整上级单位，请在单位页面中移动', 'Import cannot move a unit; move it on the unit page'));
      }
      if (v.level && v.level !== existing.level) {
        const zh = `层级不能修改（该单位为“${labelOf(LEVEL_LABELS, existing.level)}”）`;
        w.errors.push(catalogError(H.level, 'UNIT_LEVEL_MISMATCH', { zh, en: 'The level of a unit cannot change' }));
      }
      if (v.kind && !kindFitsLevel(existing.level, v.kind)) w.errors.push(catalogError(H.kind, 'UNIT_LEVEL_MISMATCH'));
      if (w.errors.length > 0) return w;
      const after: UnitFields = { kind: v.kind!, name: v.name!, status: v.status!, address: v.address ?? null, phone: v.phone ?? null };
      const changed = UPDATABLE.filter((k) => after[k] !== existing[k]);
      if (changed.length === 0) return w;
      if (!canManage(existing.path)) w.errors.push(catalogError(H.code, 'FORBIDDEN'));
      else w.update = { row: parsed.row, before: existing, after };
      w.changes = changed.map((k) => H[k]);
      return w;
    }

    const parent = findParent(parsed, w.errors);
    const level = parent ? childLevelOf(parent.level) : null;
    if (parent) {
      if (!canManage(parent.path)) w.errors.push(catalogError(H.parentCode, 'FORBIDDEN'));
      if (parent.status !== 'active') w.errors.push(catalogError(H.parentCode, 'UNIT_RETIRED', { zh: '上级单位已撤销', en: 'The parent unit is retired' }));
      if (!level) {
        w.errors.push(catalogError(H.parentCode, 'UNIT_LEVEL_MISMATCH', { zh: '网格下不能再设下级单位', en: 'A grid has no units below it' }));
      } else {
        if (v.level && v.level !== level) {
          const zh = `该上级单位下只能新增“${labelOf(LEVEL_LABELS, level)}”层级的单位`;
          w.errors.push(catalogError(H.level, 'UNIT_LEVEL_MISMATCH', { zh, en: `Units under this parent are of level ${level}` }));
        }
        if (v.kind && !kindFitsLevel(level, v.kind)) w.errors.push(catalogError(H.kind, 'UNIT_LEVEL_MISMATCH'));
        if (v.code && checkChildCode(parent, level, v.code)) w.errors.push(catalogError(H.code, 'UNIT_CODE_MISMATCH'));
      }
    }
    if (v.status === 'retired') w.errors.push(rowError(H.status, 'invalid_value', '新增单位的状态应为“在用”', 'A new unit must be active'));
    const id = newId();
    const path = parent ? childPath(parent.path, id) : '';
    if (parsed.key !== '') added.set(parsed.key, { id, level: level ?? 'grid', code: parsed.key, name: parsed.name, path, status: 'active', row: parsed.row, ok: w.errors.length === 0 });
    if (w.errors.length === 0 && parent && level) {
      w.create = { row: parsed.row, id, parentId: parent.id, parentName: parent.name, level, code: v.code!, path, kind: v.kind!, name: v.name!, status: 'active', address: v.address ?? null, phone: v.phone ?? null };
    }
    return w;
  });

  function findParent(parsed: ParsedUnitRow, errors: RowError[]): Parent | undefined {
    const code = parsed.parentCode;
    if (code === null) {
      errors.push(requiredError(H.parentCode));
      return undefined;
    }
    const existing = world.byCode.get(code);
    if (existing) {
      if (isInScope(actor.scopePaths, existing.path)) return existing;
      errors.push(parentNotFound());
      return undefined;
    }
    const earlier = added.get(code);
    if (earlier?.ok) return earlier;
    if (earlier) errors.push(rowError(H.parentCode, 'parent_invalid', `上级单位所在的第 ${earlier.row} 行有错误`, `The parent's row ${earlier.row} has errors`));
    else if ((firstRow.get(code) ?? 0) > parsed.row) errors.push(rowError(H.parentCode, 'parent_order', '上级单位应列在本行之前', "The parent's row must come before this row"));
    else errors.push(parentNotFound());
    return undefined;
  }

  checkStatusChanges(works, world);
  return {
    rows: works.map((w) => ({
      row: w.parsed.row,
      action: w.errors.length > 0 ? 'error' : w.create ? 'create' : w.update ? 'update' : 'unchanged',
      key: w.parsed.key,
      name: w.parsed.name,
      errors: w.errors,
      changes: w.errors.length > 0 ? [] : w.changes,
    })),
    creates: works.filter((w) => w.errors.length === 0 && w.create).map((w) => w.create!),
    updates: works.filter((w) => w.errors.length === 0 && w.update).map((w) => w.update!),
  };
}

/**
 * Retiring and restoring follow the API's rules, judged on the state after the whole sheet:
 * a unit retires only when every active child retires in the same sheet, county and city never
 * retire, a unit is restored only under an active parent, and nothing is added under a unit the
 * sheet retires.
 */
function checkStatusChanges(works: Work[], world: UnitWorld) {
  const finalStatus = new Map<string, UnitStatus>();
  for (const w of works) {
    const code = w.parsed.values.code;
    if (w.errors.length > 0 || !code || w.create) continue;
    finalStatus.set(code, w.update ? w.update.after.status : world.byCode.get(code)!.status);
  }
  const statusOf = (code: string | null) => (code === null ? 'active' : (finalStatus.get(code) ?? world.byCode.get(code)?.status ?? 'active'));

  for (const w of works) {
    if (w.errors.length > 0) continue;
    if (w.create && world.byCode.has(w.parsed.parentCode!) && statusOf(w.parsed.parentCode) === 'retired') {
      w.errors.push(catalogError(H.parentCode, 'UNIT_RETIRED', { zh: '上级单位已撤销', en: 'The parent unit is retired' }));
    }
    const u = w.update;
    if (!u || u.before.status === u.after.status) continue;
    if (u.after.status === 'retired') {
      if (u.before.parentId === null || u.before.level === 'city' || u.before.level === 'county') w.errors.push(catalogError(H.status, 'ROOT_UNIT_IMMUTABLE'));
      else if ((world.activeChildren.get(u.before.code) ?? []).some((c) => statusOf(c) !== 'retired')) w.errors.push(catalogError(H.status, 'UNIT_HAS_ACTIVE_CHILDREN'));
    } else if (statusOf(u.before.parentCode) !== 'active') {
      w.errors.push(catalogError(H.status, 'UNIT_RETIRED', { zh: '上级单位已撤销，不能恢复', en: 'The parent unit is retired; restore it first' }));
    }
  }
}
