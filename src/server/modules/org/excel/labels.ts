import type { UnitKind, UnitLevel } from '../../../../contracts/org';

/**
 * The Chinese words the sheets use for enum values. The first word of each list is what the
 * export writes (the same words as the web UI); the others are accepted on import, as is the
 * English value itself.
 */
export type Labels<T extends string> = Record<T, readonly [string, ...string[]]>;

export const LEVEL_LABELS: Labels<UnitLevel> = {
  city: ['市', '市级'],
  county: ['县（市、区）', '县级', '县'],
  township: ['乡镇（街道）', '乡镇级', '乡镇'],
  village: ['村（社区）', '村级', '村'],
  grid: ['网格', '网格级'],
};

export const KIND_LABELS: Labels<UnitKind> = {
  city: ['市'],
  county: ['县'],
  county_city: ['县级市'],
  district: ['区'],
  town: ['镇'],
  township: ['乡'],
  subdistrict: ['街道'],
  village: ['村'],
  community: ['社区'],
  grid: ['网格'],
};

export const UNIT_STATUS_LABELS: Labels<'active' | 'retired'> = { active: ['在用'], retired: ['已撤销', '撤销'] };
export const PERSON_STATUS_LABELS: Labels<'active' | 'left'> = { active: ['在岗'], left: ['离岗', '已离岗'] };
export const GENDER_LABELS: Labels<'male' | 'female'> = { male: ['男'], female: ['女'] };

export const labelOf = <T extends string>(labels: Labels<T>, value: T): string => labels[value][0];

/** Half-width brackets typed by hand count as the full-width ones of the labels. */
const canonical = (s: string) => s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');

/** The value a cell names, or undefined when it names none. */
export function valueOf<T extends string>(labels: Labels<T>, text: string): T | undefined {
  const wanted = canonical(text);
  for (const value of Object.keys(labels) as T[]) {
    if (value === text || labels[value].some((l) => canonical(l) === wanted)) return value;
  }
  return undefined;
}

/** The words to suggest when a cell names no value: each value's main word. */
export const choices = <T extends string>(labels: Labels<T>): string => (Object.keys(labels) as T[]).map((v) => labels[v][0]).join('、');
