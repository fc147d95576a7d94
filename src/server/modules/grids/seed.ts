import { and, asc, eq, inArray } from 'drizzle-orm';
import type { GridGeometry, GeoPosition, VulnerableCategory } from '../../../contracts/grids';
import type { Tx } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { gridBoundaries, households, vulnerablePeople } from './schema';

/**
 * Illustrative centres of the township-level units of 石狮市 (WGS84, rounded; 宝盖镇 and 灵秀镇 near
 * their real seats). The demo villages sit around them and their grids tile each village.
 */
const TOWNSHIP_CENTRES: Record<string, GeoPosition> = {
  '350581001000': [118.665, 24.745], // 湖滨街道
  '350581002000': [118.645, 24.728], // 凤里街道
  '350581100000': [118.61, 24.74], // 灵秀镇
  '350581101000': [118.64, 24.76], // 宝盖镇
  '350581102000': [118.665, 24.79], // 蚶江镇
  '350581103000': [118.735, 24.785], // 祥芝镇
  '350581104000': [118.715, 24.76], // 鸿山镇
  '350581105000': [118.705, 24.725], // 锦尚镇
  '350581106000': [118.68, 24.725], // 永宁镇
};

/** A village is about 400 m × 330 m; villages stand three to a row with a street between them. */
const VILLAGE = { width: 0.004, height: 0.003, pitchX: 0.005, pitchY: 0.004 } as const;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The boundaries of a village's grids: vertical strips whose shared edges bend at mid-height, so
 * neighbours fit exactly and the map does not look like a spreadsheet.
 */
export function villageGridPolygons(sw: GeoPosition, grids: number): GridGeometry[] {
  const [x0, y0] = sw;
  const { width, height } = VILLAGE;
  const mid = y0 + height / 2;
  const edge = (k: number): { bottom: GeoPosition; middle: GeoPosition; top: GeoPosition } => {
    const x = x0 + (width * k) / grids;
    const bend = k === 0 || k === grids ? 0 : (k % 2 === 0 ? 1 : -1) * width * 0.06;
    return { bottom: [round(x), round(y0)], middle: [round(x + bend), round(mid)], top: [round(x), round(y0 + height)] };
  };
  return Array.from({ length: grids }, (_, k) => {
    const left = edge(k);
    const right = edge(k + 1);
    const ring: GeoPosition[] = [left.bottom, right.bottom, right.middle, right.top, left.top, left.middle, left.bottom];
    return { type: 'Polygon', coordinates: [ring] };
  });
}

/** The south-west corner of the i-th village of a township. */
export function villageCorner(centre: GeoPosition, i: number): GeoPosition {
  const col = i % 3;
  const row = Math.floor(i / 3);
  return [centre[0] + (col - 1) * VILLAGE.pitchX - VILLAGE.width / 2, centre[1] + (0.5 - row) * VILLAGE.pitchY - VILLAGE.height / 2];
}

const HOUSEHOLDS: { grid: string; address: string; head: string; phone: string | null; members: number }[] = [
  { grid: '塘后村第一网格', address: '塘后村前街 12 号', head: '蔡天赐', phone: '13759500101', members: 4 },
  { grid: '塘后村第一网格', address: '塘后村前街 15 号', head: '王阿婆', phone: null, members: 1 },
  { grid: '塘后村第一网格', address: '塘后村大宗祠旁 3 号', head: '许文龙', phone: '13759500103', members: 6 },
  { grid: '塘后村第一网格', address: '塘后村溪边路 8 号', head: '洪美珠', phone: '13759500104', members: 3 },
  { grid: '塘后村第二网格', address: '塘后村中心路 21 号', head: '蔡振华', phone: '13759500201', members: 5 },
  { grid: '塘后村第二网格', address: '塘后村中心路 27 号', head: '林秀兰', phone: '13759500202', members: 2 },
  { grid: '塘后村第三网格', address: '塘后村后山 2 号', head: '陈永福', phone: '13759500301', members: 3 },
  { grid: '钞坑村第一网格', address: '钞坑村东区 6 号', head: '施金水', phone: '13759510101', members: 4 },
  { grid: '钞坑村第一网格', address: '钞坑村东区 9 号', head: '邱阿妹', phone: null, members: 1 },
];

const VULNERABLE: { grid: string; household: string | null; name: string; category: VulnerableCategory; phone: string | null; notes: string | null }[] = [
  { grid: '塘后村第一网格', household: '塘后村前街 15 号', name: '王阿婆', category: 'elderly_alone', phone: null, notes: '86 岁，行动不便，台风天需提前转移' },
  { grid: '塘后村第一网格', household: '塘后村大宗祠旁 3 号', name: '许小宝', category: 'left_behind_child', phone: null, notes: '父母在外务工，随祖父母生活' },
  { grid: '塘后村第一网格', household: '塘后村溪边路 8 号', name: '洪美珠', category: 'pregnant', phone: '13759500104', notes: '预产期 8 月' },
  { grid: '塘后村第二网格', household: '塘后村中心路 27 号', name: '林秀兰', category: 'disabled', phone: '13759500202', notes: '下肢残疾，需轮椅' },
  { grid: '钞坑村第一网格', household: '钞坑村东区 9 号', name: '邱阿妹', category: 'elderly_alone', phone: null, notes: null },
];

/**
 * Demo data of the grid system, in the demo seed's transaction: a boundary for every demo grid,
 * and a few households and vulnerable people in 塘后村 (宝盖镇) and 钞坑村 (灵秀镇), each looked after
 * by the grid worker of their grid.
 */
export async function seedGrids(tx: Tx): Promise<void> {
  const townships = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, Object.keys(TOWNSHIP_CENTRES)));
  const boundaryRows: (typeof gridBoundaries.$inferInsert)[] = [];
  for (const township of townships) {
    const villages = await tx.select({ id: units.id }).from(units).where(eq(units.parentId, township.id)).orderBy(asc(units.code));
    for (const [i, village] of villages.entries()) {
      const grids = await tx.select({ id: units.id }).from(units).where(and(eq(units.parentId, village.id), eq(units.level, 'grid'))).orderBy(asc(units.code));
      const polygons = villageGridPolygons(villageCorner(TOWNSHIP_CENTRES[township.code]!, i), grids.length);
      grids.forEach((g, k) => boundaryRows.push({ unitId: g.id, geojson: polygons[k]! }));
    }
  }
  if (boundaryRows.length > 0) await tx.insert(gridBoundaries).values(boundaryRows);

  const gridNames = [...new Set(HOUSEHOLDS.map((h) => h.grid))];
  const grids = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, gridNames))).map((g) => [g.name, g.id]));
  const householdIds = new Map<string, string>();
  const householdRows = HOUSEHOLDS.filter((h) => grids.has(h.grid)).map((h) => {
    const id = uuidv7();
    householdIds.set(h.address, id);
    return { id, unitId: grids.get(h.grid)!, address: h.address, headName: h.head, phone: h.phone, members: h.members };
  });
  if (householdRows.length > 0) await tx.insert(households).values(householdRows);

  // Each grid's own worker (the first person placed in the grid) looks after its vulnerable people.
  const workers = new Map<string, string>();
  for (const p of await tx.select({ id: people.id, unitId: people.unitId }).from(people).where(inArray(people.unitId, [...grids.values()])).orderBy(asc(people.createdAt), asc(people.id))) {
    if (!workers.has(p.unitId)) workers.set(p.unitId, p.id);
  }
  const vulnerableRows = VULNERABLE.filter((v) => grids.has(v.grid)).map((v) => {
    const unitId = grids.get(v.grid)!;
    return {
      id: uuidv7(),
      unitId,
      householdId: v.household ? (householdIds.get(v.household) ?? null) : null,
      name: v.name,
      category: v.category,
      phone: v.phone,
      notes: v.notes,
      responsiblePersonId: workers.get(unitId) ?? null,
    };
  });
  if (vulnerableRows.length > 0) await tx.insert(vulnerablePeople).values(vulnerableRows);
}
