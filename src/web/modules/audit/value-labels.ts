/** Dictionary prefixes for fields whose values are codes, so the diff reads 专职 instead of full_time. */
const FIELD_PREFIX: Record<string, string> = {
  kind: 'kind',
  level: 'level',
  employment: 'employment',
  gender: 'gender',
  duties: 'duty',
  role: 'role',
};

const STATUS_PREFIX: Record<string, string> = {
  unit: 'unitStatus',
  person: 'personStatus',
  account: 'accountStatus',
};

/** The dictionary key for a coded value, or null when the value is free text. */
export function valueLabelKey(entityType: string, field: string, value: string): string | null {
  const prefix = field === 'status' ? STATUS_PREFIX[entityType] : FIELD_PREFIX[field];
  return prefix ? `${prefix}.${value}` : null;
}
