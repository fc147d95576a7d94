/** One line of the before/after comparison of an audit event. */
export type DiffRow = { field: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Field-by-field comparison of an event's before and after snapshots. A create has only `after`,
 * a delete only `before`; a snapshot that is not an object is compared as a single value.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const fields = Array.from(new Set([...Object.keys(b), ...Object.keys(a)]));
    return fields.map((field) => ({ field, before: b[field], after: a[field], changed: !same(b[field], a[field]) }));
  }
  return [{ field: '', before, after, changed: !same(before, after) }];
}
