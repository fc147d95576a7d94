import { CHILD_LEVEL, STATION_STANDARD, UNIT_KINDS, type StationCompliance, type UnitKind, type UnitLevel } from '../../../contracts';

/** How many leading digits of a unit's code its children must repeat. */
export const CODE_PREFIX: Record<UnitLevel, number> = { city: 4, county: 6, township: 9, village: 12, grid: 15 };

/** The shapes a code may take at each level (6/12-digit forms above the township, 15 for grids). */
const CODE_SHAPE: Record<UnitLevel, RegExp> = {
  city: /^\d{4}00(000000)?$/,
  county: /^\d{6}(000000)?$/,
  township: /^\d{9}(000)?$/,
  village: /^\d{9}(?!000)\d{3}$/,
  grid: /^\d{12}(?!000)\d{3}$/,
};

export type CodeProblem = 'UNIT_CODE_MISMATCH' | null;

/** A child's code must have its level's shape and start with its parent's significant digits. */
export function checkChildCode(parent: { level: UnitLevel; code: string }, childLevel: UnitLevel, code: string): CodeProblem {
  if (!CODE_SHAPE[childLevel].test(code)) return 'UNIT_CODE_MISMATCH';
  const prefix = parent.code.slice(0, CODE_PREFIX[parent.level]);
  return code.startsWith(prefix) && code !== parent.code ? null : 'UNIT_CODE_MISMATCH';
}

export function kindFitsLevel(level: UnitLevel, kind: UnitKind): boolean {
  return (UNIT_KINDS[level] as readonly string[]).includes(kind);
}

export function childLevelOf(level: UnitLevel): UnitLevel | null {
  return CHILD_LEVEL[level];
}

/** Posts exist at township stations (乡镇应急管理站) and village points (村/社区管理点). */
export function holdsPosts(level: UnitLevel): boolean {
  return level === 'township' || level === 'village';
}

/**
 * The station standard of the plan: at least 6 posts (专兼职岗位), at least 2 of them full-time.
 * A vacant post is a plan, not a post: only posts with a person count.
 */
export function stationCompliance(posts: { employment: 'full_time' | 'part_time'; personId: string | null }[]): StationCompliance {
  const staffed = posts.filter((p) => p.personId !== null);
  const fullTimeStaffed = staffed.filter((p) => p.employment === 'full_time').length;
  return {
    posts: posts.length,
    staffedPosts: staffed.length,
    fullTimeStaffed,
    minPosts: STATION_STANDARD.minPosts,
    minFullTime: STATION_STANDARD.minFullTime,
    meets: staffed.length >= STATION_STANDARD.minPosts && fullTimeStaffed >= STATION_STANDARD.minFullTime,
  };
}

/** After a move, the subtree's codes keep their own digits behind the new parent's prefix. */
export function recodeAfterMove(oldCode: string, newCode: string, level: UnitLevel, descendantCode: string): string {
  const n = CODE_PREFIX[level];
  return descendantCode.startsWith(oldCode.slice(0, n)) ? newCode.slice(0, n) + descendantCode.slice(n) : descendantCode;
}
