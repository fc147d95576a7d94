import type { UnitLevel } from './org';

/**
 * Administrative code rules, shared by the server (the judge) and the web forms (instant answers).
 * How many leading digits of a unit's code its children must repeat:
 */
export const CODE_PREFIX: Record<UnitLevel, number> = { city: 4, county: 6, township: 9, village: 12, grid: 15 };

/** The shapes a code may take at each level (6/12-digit forms above the township, 15 for grids). */
export const CODE_SHAPE: Record<UnitLevel, RegExp> = {
  city: /^\d{4}00(000000)?$/,
  county: /^\d{6}(000000)?$/,
  township: /^\d{9}(000)?$/,
  village: /^\d{9}(?!000)\d{3}$/,
  grid: /^\d{12}(?!000)\d{3}$/,
};

/** A child's code must have its level's shape and start with its parent's significant digits. */
export function checkChildCode(parent: { level: UnitLevel; code: string }, childLevel: UnitLevel, code: string): 'UNIT_CODE_MISMATCH' | null {
  if (!CODE_SHAPE[childLevel].test(code)) return 'UNIT_CODE_MISMATCH';
  const prefix = parent.code.slice(0, CODE_PREFIX[parent.level]);
  return code.startsWith(prefix) && code !== parent.code ? null : 'UNIT_CODE_MISMATCH';
}
