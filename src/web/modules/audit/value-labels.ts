/**
 * How the audit log's before/after table turns codes into words: a dictionary prefix per field whose
 * values are codes, so the diff reads 专职 instead of full_time. The record type comes first where
 * the same field means something else (a hazard's level is 一般/重大 隐患, a unit's is 县/乡镇/村…).
 */
const VALUES: Record<string, string> = {
  kind: 'kind',
  level: 'level',
  employment: 'employment',
  gender: 'gender',
  duties: 'duty',
  role: 'role',
};

const VALUES_BY_TYPE: Record<string, Record<string, string>> = {
  unit: { status: 'unitStatus' },
  person: { status: 'personStatus' },
  account: { status: 'accountStatus' },
  hazard: { state: 'hz.state', level: 'hz.level', source: 'hz.source' },
  risk_point: { riskLevel: 'riskLevel', riskType: 'riskType', checkResult: 'riskResult', status: 'riskStatus' },
  household: { status: 'householdStatus' },
  vulnerable_person: { category: 'vulnerableCategory', status: 'vulnerableStatus' },
  patrol: { finding: 'patrolFinding' },
};

const own = (table: Record<string, string> | undefined, key: string) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

/** The dictionary key for a coded value, or null when the value is free text. A status is only known by its record type. */
export function valueLabelKey(entityType: string, field: string, value: string): string | null {
  const prefix = own(VALUES_BY_TYPE[entityType], field) ?? (field === 'status' ? undefined : own(VALUES, field));
  return prefix ? `${prefix}.${value}` : null;
}

/** The dictionary keys that may name a field, the record type's own first (`field.hazard.level` 隐患等级 before `field.level` 层级). */
export function fieldLabelKeys(entityType: string, field: string): string[] {
  return [`field.${entityType}.${field}`, `field.${field}`];
}

/** The record types the audit log can be filtered by (those the server writes), in menu order. */
export const AUDIT_ENTITY_TYPES = ['unit', 'post', 'person', 'account', 'hazard', 'hazard_category', 'patrol', 'risk_point', 'household', 'vulnerable_person', 'grid_boundary', 'import'] as const;
