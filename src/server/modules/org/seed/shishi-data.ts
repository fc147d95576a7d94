import type { PostDuty, UnitKind } from '../../../../contracts/org';
import type { Role } from '../../../../contracts/roles';

/**
 * The demo data: 泉州市 → 石狮市 and its nine township-level units, with villages and grids.
 * Codes below the county are illustrative (12-digit structure: 6 county, 3 township, 3 village;
 * grids add 3 digits).
 */
export type TownshipSeed = {
  key: string;
  name: string;
  kind: Extract<UnitKind, 'town' | 'subdistrict'>;
  code: string;
  /** Station build campaign: 2024 (宝盖镇, 灵秀镇) or 2025 (湖滨街道, 蚶江镇, 永宁镇, 祥芝镇). */
  campaign: 2024 | 2025 | null;
  villages: { name: string; kind: Extract<UnitKind, 'village' | 'community'> }[];
};

export const CITY = { name: '泉州市', code: '350500000000' };
export const COUNTY = { name: '石狮市', code: '350581000000' };

const villages = (kind: 'village' | 'community', names: string[]) => names.map((name) => ({ name, kind }));

export const TOWNSHIPS: TownshipSeed[] = [
  { key: 'hubin', name: '湖滨街道', kind: 'subdistrict', code: '350581001000', campaign: 2025, villages: villages('community', ['华山社区', '湖滨社区', '长福社区', '曾坑社区']) },
  { key: 'fengli', name: '凤里街道', kind: 'subdistrict', code: '350581002000', campaign: null, villages: villages('community', ['仑后社区', '港塘社区', '凤里社区', '斗门社区']) },
  { key: 'lingxiu', name: '灵秀镇', kind: 'town', code: '350581100000', campaign: 2024, villages: villages('village', ['钞坑村', '古厝村', '灵秀村', '塔前村', '石尾村']) },
  { key: 'baogai', name: '宝盖镇', kind: 'town', code: '350581101000', campaign: 2024, villages: villages('village', ['塘后村', '后垵村', '坑东村', '玉浦村', '前园村']) },
  { key: 'hanjiang', name: '蚶江镇', kind: 'town', code: '350581102000', campaign: 2025, villages: villages('village', ['蚶江村', '石湖村', '莲埭村', '古山村']) },
  { key: 'xiangzhi', name: '祥芝镇', kind: 'town', code: '350581103000', campaign: 2025, villages: villages('village', ['祥渔村', '大堡村', '莲西村', '古浮村']) },
  { key: 'hongshan', name: '鸿山镇', kind: 'town', code: '350581104000', campaign: null, villages: villages('village', ['鸿山村', '东埔村', '伍堡村', '邱下村']) },
  { key: 'jinshang', name: '锦尚镇', kind: 'town', code: '350581105000', campaign: null, villages: villages('village', ['锦尚村', '卢厝村', '深埭村', '东店村']) },
  { key: 'yongning', name: '永宁镇', kind: 'town', code: '350581106000', campaign: 2025, villages: villages('village', ['永宁村', '梅林村', '子英村', '沙美村']) },
];

export const GRIDS_PER_VILLAGE = 3;
export const GRID_NAMES = ['第一网格', '第二网格', '第三网格'];

/** Posts of a station built in a campaign: meets the standard (≥ 6 posts, ≥ 2 full-time). */
export const STATION_POSTS: { title: string; employment: 'full_time' | 'part_time'; duties: PostDuty[] }[] = [
  { title: '站长', employment: 'full_time', duties: ['work_safety', 'disaster_reduction', 'duty'] },
  { title: '专职安全员', employment: 'full_time', duties: ['work_safety', 'enforcement'] },
  { title: '应急值班员', employment: 'full_time', duties: ['duty', 'flood_typhoon'] },
  { title: '综合执法员', employment: 'part_time', duties: ['enforcement'] },
  { title: '防灾减灾专干', employment: 'part_time', duties: ['disaster_reduction', 'earthquake_geology'] },
  { title: '森林防灭火专干', employment: 'part_time', duties: ['forest_fire'] },
  { title: '物资仓库管理员', employment: 'part_time', duties: ['supplies'] },
];

export const VILLAGE_POSTS: { title: string; employment: 'full_time' | 'part_time'; duties: PostDuty[] }[] = [
  { title: '管理点负责人（村支书）', employment: 'part_time', duties: ['disaster_reduction', 'flood_typhoon'] },
  { title: '灾害信息员', employment: 'part_time', duties: ['disaster_reduction', 'duty'] },
  { title: '网格长', employment: 'part_time', duties: ['grid'] },
];

/** The demo accounts, one per role, plus users of the neighbouring township 灵秀镇. */
export type AccountSeed = { username: string; displayName: string; role: Role; at: 'city' | 'county' | string };
export const DEMO_PASSWORD = 'Shishi@2024';
export const ACCOUNTS: AccountSeed[] = [
  { username: 'city_admin', displayName: '陈建国', role: 'city_admin', at: 'city' },
  { username: 'county_officer', displayName: '林志强', role: 'county_officer', at: 'county' },
  { username: 'baogai_chief', displayName: '蔡明辉', role: 'township_chief', at: 'baogai' },
  { username: 'baogai_duty', displayName: '王丽娟', role: 'duty_officer', at: 'baogai' },
  { username: 'baogai_enforcer', displayName: '黄志伟', role: 'enforcement_officer', at: 'baogai' },
  { username: 'baogai_keeper', displayName: '许国平', role: 'warehouse_keeper', at: 'baogai' },
  { username: 'baogai_rescue', displayName: '郭海龙', role: 'rescue_captain', at: 'baogai' },
  { username: 'tanghou_lead', displayName: '蔡金水', role: 'village_lead', at: 'baogai/塘后村' },
  { username: 'tanghou_grid', displayName: '李秀英', role: 'grid_worker', at: 'baogai/塘后村/第一网格' },
  { username: 'lingxiu_chief', displayName: '邱文杰', role: 'township_chief', at: 'lingxiu' },
  { username: 'lingxiu_grid', displayName: '施雅琴', role: 'grid_worker', at: 'lingxiu/钞坑村/第一网格' },
];

const SURNAMES = ['陈', '林', '黄', '蔡', '王', '李', '许', '吴', '郭', '洪', '施', '邱', '张', '杨', '苏', '谢'];
const GIVEN = ['志明', '建华', '美玲', '国强', '秀兰', '文斌', '丽华', '海峰', '春燕', '永福', '晓东', '淑芬', '金山', '雅婷', '振宇', '惠珍'];

/** A deterministic name and phone for the n-th demo person. */
export function demoPerson(n: number): { name: string; phone: string } {
  const name = SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!;
  const phone = `13${(800000000 + n * 7919).toString().padStart(9, '0')}`;
  return { name, phone };
}
