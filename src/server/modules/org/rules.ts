import { CHILD_LEVEL, CODE_PREFIX, STATION_STANDARD, UNIT_KINDS, type StationCompliance, type UnitKind, type UnitLevel } from '../../../contracts';

export { CODE_PREFIX, checkChildCode } from '../../../contracts';

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
 * A vacant post is a plan, not a post: only posts with a person count, and full-time posts count
 * by the distinct people who hold them.
 */
export function stationCompliance(posts: { employment: 'full_time' | 'part_time'; personId: string | null }[]): StationCompliance {
  const staffed = posts.filter((p) => p.personId !== null);
  // One person in two full-time posts is still one full-time worker.
  const fullTimeStaffed = new Set(staffed.filter((p) => p.employment === 'full_time').map((p) => p.personId)).size;
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
