import { CODE_PREFIX, type UnitLevel } from '../../../contracts';

/* Forms answer at once with the shared code rules; the server remains the judge (UNIT_CODE_MISMATCH). */

export type ParentCode = { code: string; level: UnitLevel };

/** The digits a child's code must start with. */
export function childCodePrefix(parent: ParentCode): string {
  return parent.code.slice(0, CODE_PREFIX[parent.level]);
}

export function extendsParentCode(parent: ParentCode, code: string): boolean {
  return code.startsWith(childCodePrefix(parent)) && code !== parent.code;
}

/** The code a unit would take under a new parent: the new prefix, then its own digits below the old one. */
export function suggestMovedCode(code: string, oldParent: ParentCode, newParent: ParentCode): string {
  return childCodePrefix(newParent) + code.slice(childCodePrefix(oldParent).length);
}
