import { sql, type SQL } from 'drizzle-orm';

/** ltree labels allow letters, digits and underscore: a unit's label is its id without dashes. */
export const pathLabel = (unitId: string) => unitId.replace(/-/g, '');

export const childPath = (parentPath: string | null, unitId: string) => (parentPath ? `${parentPath}.${pathLabel(unitId)}` : pathLabel(unitId));

/** The unit ids along a path, top first. */
export const idsOnPath = (path: string) =>
  path.split('.').map((l) => `${l.slice(0, 8)}-${l.slice(8, 12)}-${l.slice(12, 16)}-${l.slice(16, 20)}-${l.slice(20)}`);

/**
 * `unnest(array[…]::uuid)` of a unit and every unit above it, in id order: roll-up writes touch
 * their rows in the same order in every transaction, so two writers never deadlock.
 */
export function unitAndAncestors(path: string): SQL {
  const ids = idsOnPath(path).sort();
  return sql`unnest(array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}])`;
}
