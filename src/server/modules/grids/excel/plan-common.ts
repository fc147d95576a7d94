import type { Actor } from '../../../platform/access/actor';
import { isInScope } from '../../../platform/access/rules';
import type { UnitRow } from '../../../platform/hierarchy/schema';
import { catalogError, rowError, type RowError } from '../../org/excel/row-errors';

export type PlanUnit = Pick<UnitRow, 'id' | 'code' | 'name' | 'path' | 'status' | 'level'>;
export type PlanActor = Pick<Actor, 'scopePaths' | 'grants'>;

/**
 * The grid a row names by code, with the rules of the API: outside the scope it does not exist,
 * only grids hold households and vulnerable people, and a name beside the code must be its name.
 */
export function rowGrid(
  code: string,
  name: string,
  unitsByCode: Map<string, PlanUnit>,
  actor: PlanActor,
  errors: RowError[],
  columns: { code: string; name: string },
): PlanUnit | undefined {
  if (code === '') return undefined;
  const found = unitsByCode.get(code);
  if (!found || !isInScope(actor.scopePaths, found.path)) {
    errors.push(catalogError(columns.code, 'NOT_FOUND', { zh: '网格不存在或无权限', en: 'The grid does not exist or is outside your scope' }));
    return undefined;
  }
  if (found.level !== 'grid') {
    errors.push(catalogError(columns.code, 'GRID_UNIT_REQUIRED', { zh: '该代码不是网格', en: 'This code is not a grid' }));
    return undefined;
  }
  if (name !== '' && name !== found.name) {
    errors.push(rowError(columns.name, 'unit_name_mismatch', `与网格代码不符（该代码为“${found.name}”）`, `Does not match the grid code (that code is "${found.name}")`));
  }
  return found;
}

/** Remembers the first row of each key, and reports later rows with the same key. */
export function duplicateKeys(column: string, what: { zh: string; en: string }) {
  const first = new Map<string, number>();
  return (key: string, row: number, errors: RowError[]) => {
    const seen = first.get(key);
    if (seen !== undefined) errors.push(rowError(column, 'duplicate_key', `与第 ${seen} 行是同一${what.zh}`, `Same ${what.en} as row ${seen}`));
    else first.set(key, row);
  };
}
