import type { VulnerableCategory, VulnerableStatus } from '../../../../contracts/grids';
import { hasPermissionAt, isAncestorOrSelf, isInScope } from '../../../platform/access/rules';
import { catalogError, rowError, type PlannedRow, type RowError } from '../../org/excel/row-errors';
import type { HouseholdRow, VulnerableRow } from '../schema';
import { villagePathOf } from '../access';
import { householdKey } from './households-plan';
import { duplicateKeys, rowGrid, type PlanActor, type PlanUnit } from './plan-common';
import { VULNERABLE_HEADER as H, type ParsedVulnerableRow } from './vulnerable-sheet';

export type WorldHousehold = Pick<HouseholdRow, 'id' | 'unitId' | 'address' | 'headName' | 'status'>;
export type WorldPerson = { id: string; name: string; phone: string; unitPath: string };
export type ExistingVulnerable = Pick<VulnerableRow, 'id' | 'unitId' | 'name' | 'phone' | 'category' | 'notes' | 'status' | 'householdId' | 'responsiblePersonId'> & {
  householdAddress: string | null;
  responsible: { name: string; phone: string } | null;
};

/** What the plan needs to know of the database. */
export type VulnerableWorld = {
  unitsByCode: Map<string, PlanUnit>;
  /** The households of those grids at the addresses the sheet names, by `householdKey`. */
  households: Map<string, WorldHousehold>;
  /** The vulnerable people of those grids with the sheet's names, by `vulnerableKey`. */
  vulnerable: Map<string, ExistingVulnerable>;
  /** Active people, anywhere, with the phones the sheet gives for responsible persons. */
  peopleByPhone: Map<string, WorldPerson[]>;
};

export const vulnerableKey = (unitId: string, name: string, phone: string | null) => `${unitId}|${name}|${phone ?? ''}`;

export type VulnerableFields = {
  category: VulnerableCategory;
  notes: string | null;
  status: VulnerableStatus;
  householdId: string | null;
  responsiblePersonId: string | null;
  /** For the audit log. */
  householdAddress: string | null;
  responsible: { name: string; phone: string } | null;
};
export type VulnerableCreatePlan = VulnerableFields & { row: number; id: string; unitId: string; unitName: string; name: string; phone: string | null };
export type VulnerableUpdatePlan = { row: number; before: ExistingVulnerable; unitName: string; after: VulnerableFields };
export type VulnerablePlan = { rows: PlannedRow[]; creates: VulnerableCreatePlan[]; updates: VulnerableUpdatePlan[] };

/** The fields an import may change, with the column that shows each; grid, name and phone are the key. */
const UPDATABLE = [
  ['category', H.category],
  ['householdId', H.household],
  ['responsiblePersonId', H.responsibleName],
  ['status', H.status],
  ['notes', H.notes],
] as const;

/**
 * Decides what importing each row would do, with the rules of the API: the grid in scope and a
 * grid, changes with grids.manage there; the household an active one of the same grid; the
 * responsible person an active person of the grid's village whom the importer can see. A link the
 * record already has is kept without those checks (as in the form), so re-importing an export
 * changes nothing. Pure: the database is read beforehand into `world`.
 */
export function planVulnerable(rows: ParsedVulnerableRow[], world: VulnerableWorld, actor: PlanActor, newId: () => string): VulnerablePlan {
  const creates: VulnerableCreatePlan[] = [];
  const updates: VulnerableUpdatePlan[] = [];
  const duplicate = duplicateKeys(H.name, { zh: '网格的同一姓名和电话', en: 'grid, name and phone' });

  const planned = rows.map((parsed): PlannedRow => {
    const errors: RowError[] = [...parsed.errors];
    const v = parsed.values;
    const key = `${parsed.gridCode}/${parsed.name}/${parsed.phone}`;
    const out = (action: PlannedRow['action'], changes: string[] = []): PlannedRow =>
      errors.length > 0 ? { row: parsed.row, action: 'error', key, name: parsed.name, errors, changes: [] } : { row: parsed.row, action, key, name: parsed.name, errors, changes };

    const grid = rowGrid(parsed.gridCode, parsed.gridName, world.unitsByCode, actor, errors, { code: H.gridCode, name: H.gridName });
    if (parsed.gridCode !== '' && v.name) duplicate(`${parsed.gridCode}|${v.name}|${v.phone ?? ''}`, parsed.row, errors);
    if (errors.length > 0 || !grid) return out('error');

    const existing = world.vulnerable.get(vulnerableKey(grid.id, v.name!, v.phone ?? null));

    let household: { id: string; address: string } | null = null;
    if (v.household) {
      if (existing?.householdId && existing.householdAddress === v.household) {
        household = { id: existing.householdId, address: v.household };
      } else {
        const found = world.households.get(householdKey(grid.id, v.household));
        if (found && found.status === 'active') household = found;
        else errors.push(catalogError(H.household, 'HOUSEHOLD_NOT_IN_GRID', { zh: '本网格没有此地址的在住户（请先导入户籍）', en: 'No active household of this grid has this address (import the households first)' }));
      }
    }

    let responsible: { id: string; name: string; phone: string } | null = null;
    if (v.responsiblePhone) {
      const phone = v.responsiblePhone;
      const name = v.responsibleName ?? null;
      if (existing?.responsiblePersonId && existing.responsible?.phone === phone && (name === null || name === existing.responsible.name)) {
        responsible = { id: existing.responsiblePersonId, ...existing.responsible };
      } else {
        const village = villagePathOf(grid.path);
        const candidates = (world.peopleByPhone.get(phone) ?? []).filter(
          (p) => isAncestorOrSelf(village, p.unitPath) && isInScope(actor.scopePaths, p.unitPath) && (name === null || p.name === name),
        );
        if (candidates.length === 1) responsible = candidates[0]!;
        else if (candidates.length === 0) errors.push(catalogError(H.responsiblePhone, 'RESPONSIBLE_NOT_IN_VILLAGE'));
        else errors.push(rowError(H.responsibleName, 'ambiguous', '该电话对应多名人员，请填写责任人姓名', 'Several people have this phone; give the name too'));
      }
    }
    if (errors.length > 0) return out('error');

    const after: VulnerableFields = {
      category: v.category!,
      notes: v.notes ?? null,
      status: v.status!,
      householdId: household?.id ?? null,
      responsiblePersonId: responsible?.id ?? null,
      householdAddress: household?.address ?? null,
      responsible: responsible ? { name: responsible.name, phone: responsible.phone } : null,
    };
    const canManage = hasPermissionAt(actor.grants, 'grids.manage', grid.path);
    if (existing) {
      const changes = UPDATABLE.filter(([k]) => after[k] !== existing[k]).map(([, column]) => column);
      if (changes.length === 0) return out('unchanged');
      if (!canManage) errors.push(catalogError(H.gridCode, 'FORBIDDEN'));
      else updates.push({ row: parsed.row, before: existing, unitName: grid.name, after });
      return out('update', changes);
    }
    if (!canManage) errors.push(catalogError(H.gridCode, 'FORBIDDEN'));
    if (grid.status !== 'active') errors.push(catalogError(H.gridCode, 'UNIT_RETIRED'));
    if (errors.length === 0) creates.push({ row: parsed.row, id: newId(), unitId: grid.id, unitName: grid.name, name: v.name!, phone: v.phone ?? null, ...after });
    return out('create');
  });
  return { rows: planned, creates, updates };
}
