import { hasPermissionAt } from '../../../platform/access/rules';
import { catalogError, type PlannedRow, type RowError } from '../../org/excel/row-errors';
import type { HouseholdRow } from '../schema';
import { HOUSEHOLD_HEADER as H, type HouseholdRecord, type ParsedHouseholdRow } from './households-sheet';
import { duplicateKeys, rowGrid, type PlanActor, type PlanUnit } from './plan-common';

export type ExistingHousehold = Pick<HouseholdRow, 'id' | 'unitId' | 'address' | 'headName' | 'phone' | 'members' | 'notes' | 'status'>;

/** What the plan needs to know of the database. */
export type HouseholdWorld = {
  /** Every unit whose code the sheet names, in scope or not. */
  unitsByCode: Map<string, PlanUnit>;
  /** The households of those units at the sheet's addresses, by `householdKey`. */
  households: Map<string, ExistingHousehold>;
};

export const householdKey = (unitId: string, address: string) => `${unitId}|${address}`;

export type HouseholdFields = Pick<HouseholdRecord, 'headName' | 'phone' | 'members' | 'status' | 'notes'>;
export type HouseholdCreatePlan = HouseholdFields & { row: number; id: string; unitId: string; unitName: string; address: string };
export type HouseholdUpdatePlan = { row: number; before: ExistingHousehold; unitName: string; after: HouseholdFields };
export type HouseholdsPlan = { rows: PlannedRow[]; creates: HouseholdCreatePlan[]; updates: HouseholdUpdatePlan[] };

/** The fields an import may change, in column order; the grid and address are the key. */
const UPDATABLE = ['headName', 'phone', 'members', 'status', 'notes'] as const;

/**
 * Decides what importing each row would do, with the rules of the households API: the grid must
 * be in scope (else "not found") and a grid, changes need grids.manage there, nothing is added to
 * a retired grid. Pure: the database is read beforehand into `world`, ids come from `newId`.
 */
export function planHouseholds(rows: ParsedHouseholdRow[], world: HouseholdWorld, actor: PlanActor, newId: () => string): HouseholdsPlan {
  const creates: HouseholdCreatePlan[] = [];
  const updates: HouseholdUpdatePlan[] = [];
  const duplicate = duplicateKeys(H.address, { zh: '网格的同一地址', en: 'grid and address' });

  const planned = rows.map((parsed): PlannedRow => {
    const errors: RowError[] = [...parsed.errors];
    const v = parsed.values;
    const key = `${parsed.gridCode}/${parsed.address}`;
    const out = (action: PlannedRow['action'], changes: string[] = []): PlannedRow =>
      errors.length > 0 ? { row: parsed.row, action: 'error', key, name: parsed.address, errors, changes: [] } : { row: parsed.row, action, key, name: parsed.address, errors, changes };

    const grid = rowGrid(parsed.gridCode, parsed.gridName, world.unitsByCode, actor, errors, { code: H.gridCode, name: H.gridName });
    if (parsed.gridCode !== '' && v.address) duplicate(`${parsed.gridCode}|${v.address}`, parsed.row, errors);
    if (errors.length > 0 || !grid) return out('error');

    const after: HouseholdFields = { headName: v.headName!, phone: v.phone ?? null, members: v.members!, status: v.status!, notes: v.notes ?? null };
    const canManage = hasPermissionAt(actor.grants, 'grids.manage', grid.path);
    const existing = world.households.get(householdKey(grid.id, v.address!));
    if (existing) {
      const changes = UPDATABLE.filter((k) => after[k] !== existing[k]).map((k) => H[k]);
      if (changes.length === 0) return out('unchanged');
      if (!canManage) errors.push(catalogError(H.gridCode, 'FORBIDDEN'));
      else updates.push({ row: parsed.row, before: existing, unitName: grid.name, after });
      return out('update', changes);
    }
    if (!canManage) errors.push(catalogError(H.gridCode, 'FORBIDDEN'));
    if (grid.status !== 'active') errors.push(catalogError(H.gridCode, 'UNIT_RETIRED'));
    if (errors.length === 0) creates.push({ row: parsed.row, id: newId(), unitId: grid.id, unitName: grid.name, address: v.address!, ...after });
    return out('create');
  });
  return { rows: planned, creates, updates };
}
