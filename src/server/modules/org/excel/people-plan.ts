import type { Actor } from '../../../platform/access/actor';
import { hasPermissionAt, isInScope } from '../../../platform/access/rules';
import type { UnitRow } from '../../../platform/hierarchy/schema';
import type { PersonRow } from '../schema';
import { catalogError, rowError, type PlannedRow, type RowError } from './row-errors';
import { PERSON_HEADER as H, type ParsedPersonRow, type PersonRecord } from './people-sheet';

export type PlanUnit = Pick<UnitRow, 'id' | 'code' | 'name' | 'path' | 'status'>;
export type ExistingPerson = Pick<PersonRow, 'id' | 'unitId' | 'name' | 'phone' | 'gender' | 'title' | 'notes' | 'status'>;

/** What the plan needs to know of the database. */
export type PeopleWorld = {
  /** Every unit whose code the sheet names, in scope or not. */
  unitsByCode: Map<string, PlanUnit>;
  /** The people of those units with the sheet's phones, by `personKey`. */
  people: Map<string, ExistingPerson>;
};

export const personKey = (unitId: string, phone: string) => `${unitId}|${phone}`;

export type PersonFields = Pick<PersonRecord, 'name' | 'gender' | 'title' | 'notes' | 'status'>;
export type PersonCreatePlan = PersonFields & { row: number; id: string; unitId: string; unitName: string; phone: string };
export type PersonUpdatePlan = { row: number; before: ExistingPerson; unitName: string; after: PersonFields };
export type PeoplePlan = { rows: PlannedRow[]; creates: PersonCreatePlan[]; updates: PersonUpdatePlan[] };

/** The fields an import may change, in column order; the unit and phone are the person's key. */
const UPDATABLE = ['name', 'gender', 'title', 'status', 'notes'] as const;

/**
 * Decides what importing each row would do, with the rules of the people API: the unit must be
 * in scope (else "not found"), adding or changing needs org.staff.manage there, nobody is added
 * to a retired unit. Pure: the database is read beforehand into `world`, ids come from `newId`.
 */
export function planPeople(rows: ParsedPersonRow[], world: PeopleWorld, actor: Pick<Actor, 'scopePaths' | 'grants'>, newId: () => string): PeoplePlan {
  const firstRow = new Map<string, number>();
  const creates: PersonCreatePlan[] = [];
  const updates: PersonUpdatePlan[] = [];

  const planned = rows.map((parsed): PlannedRow => {
    const errors: RowError[] = [...parsed.errors];
    const v = parsed.values;
    const key = `${parsed.unitCode}/${parsed.phone}`;
    const out = (action: PlannedRow['action'], changes: string[] = []): PlannedRow =>
      errors.length > 0 ? { row: parsed.row, action: 'error', key, name: parsed.name, errors, changes: [] } : { row: parsed.row, action, key, name: parsed.name, errors, changes };

    const found = world.unitsByCode.get(parsed.unitCode);
    const unit = found && isInScope(actor.scopePaths, found.path) ? found : undefined;
    if (parsed.unitCode !== '' && !unit) {
      errors.push(catalogError(H.unitCode, 'NOT_FOUND', { zh: '单位不存在或无权限', en: 'The unit does not exist or is outside your scope' }));
    }
    if (unit && parsed.unitName !== '' && parsed.unitName !== unit.name) {
      errors.push(rowError(H.unitName, 'unit_name_mismatch', `与单位代码不符（该代码为“${unit.name}”）`, `Does not match the unit code (that code is "${unit.name}")`));
    }
    if (parsed.unitCode !== '' && parsed.phone !== '') {
      const first = firstRow.get(key);
      if (first !== undefined) errors.push(rowError(H.phone, 'duplicate_key', `与第 ${first} 行是同一单位的同一手机号`, `Same unit and phone as row ${first}`));
      else firstRow.set(key, parsed.row);
    }
    if (errors.length > 0 || !unit) return out('error');

    const after: PersonFields = { name: v.name!, gender: v.gender ?? null, title: v.title ?? null, notes: v.notes ?? null, status: v.status! };
    const canManage = hasPermissionAt(actor.grants, 'org.staff.manage', unit.path);
    const existing = world.people.get(personKey(unit.id, v.phone!));
    if (existing) {
      const changes = UPDATABLE.filter((k) => after[k] !== existing[k]).map((k) => H[k]);
      if (changes.length === 0) return out('unchanged');
      if (!canManage) errors.push(catalogError(H.unitCode, 'FORBIDDEN'));
      else updates.push({ row: parsed.row, before: existing, unitName: unit.name, after });
      return out('update', changes);
    }
    if (!canManage) errors.push(catalogError(H.unitCode, 'FORBIDDEN'));
    if (unit.status !== 'active') errors.push(catalogError(H.unitCode, 'UNIT_RETIRED'));
    if (errors.length === 0) creates.push({ row: parsed.row, id: newId(), unitId: unit.id, unitName: unit.name, phone: v.phone!, ...after });
    return out('create');
  });
  return { rows: planned, creates, updates };
}
