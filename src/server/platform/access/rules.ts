import { ROLE_PERMISSIONS, type Permission } from '../../../contracts/roles';
import type { Grant } from './actor';

/** `a` is `b` or one of its ancestors (ltree paths: dot-separated labels). */
export function isAncestorOrSelf(a: string, b: string): boolean {
  return b === a || b.startsWith(a + '.');
}

/** Drops paths that lie under another path in the list: what remains covers the same subtrees. */
export function minimalPaths(paths: string[]): string[] {
  const unique = [...new Set(paths)].sort((x, y) => x.length - y.length);
  const kept: string[] = [];
  for (const p of unique) if (!kept.some((k) => isAncestorOrSelf(k, p))) kept.push(p);
  return kept;
}

/** Does a grant on an ancestor-or-self of `unitPath` give `permission`? */
export function hasPermissionAt(grants: Grant[], permission: Permission, unitPath: string): boolean {
  return grants.some((g) => isAncestorOrSelf(g.path, unitPath) && ROLE_PERMISSIONS[g.role].includes(permission));
}

export function isInScope(scopePaths: string[], unitPath: string): boolean {
  return scopePaths.some((p) => isAncestorOrSelf(p, unitPath));
}

/** The subtree roots in which the grants give `permission`. */
export function pathsWithPermission(grants: Grant[], permission: Permission): string[] {
  return minimalPaths(grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission)).map((g) => g.path));
}

export function permissionsOf(grants: Grant[]): Permission[] {
  return [...new Set(grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))];
}
