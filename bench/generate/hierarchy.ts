import type pg from 'pg';
import type { UnitKind, UnitLevel } from '../../src/contracts/org';
import { checkChildCode } from '../../src/contracts/unit-codes';
import { uuidv7 } from '../../src/server/platform/db/ids';
import { childPath } from '../../src/server/platform/hierarchy/paths';
import { TOWNSHIPS as SHISHI_TOWNSHIPS } from '../../src/server/modules/org/seed/shishi-data';

/**
 * 泉州市 at city scale: its eleven county-level units with their real codes and roughly their real
 * number of township-level units (162 in all), ~15.6 villages per township and ~4 grids per village
 * (≈ 2,500 villages, ≈ 10,000 grids at scale 1). 石狮市 keeps the demo's township names and codes;
 * elsewhere names are made up and codes follow the statistical structure (subdistricts 001…,
 * towns 100…; communities 001…, villages 200…; grids add 001…).
 */
const COUNTIES: { code: string; name: string; kind: UnitKind; townships: number; urban: boolean }[] = [
  { code: '350502', name: '鲤城区', kind: 'district', townships: 8, urban: true },
  { code: '350503', name: '丰泽区', kind: 'district', townships: 8, urban: true },
  { code: '350504', name: '洛江区', kind: 'district', townships: 6, urban: false },
  { code: '350505', name: '泉港区', kind: 'district', townships: 7, urban: false },
  { code: '350521', name: '惠安县', kind: 'county', townships: 15, urban: false },
  { code: '350524', name: '安溪县', kind: 'county', townships: 24, urban: false },
  { code: '350525', name: '永春县', kind: 'county', townships: 22, urban: false },
  { code: '350526', name: '德化县', kind: 'county', townships: 18, urban: false },
  { code: '350581', name: '石狮市', kind: 'county_city', townships: 9, urban: false },
  { code: '350582', name: '晋江市', kind: 'county_city', townships: 19, urban: false },
  { code: '350583', name: '南安市', kind: 'county_city', townships: 26, urban: false },
];

const SYLLABLES = ['东', '西', '南', '北', '金', '玉', '凤', '龙', '梅', '桃', '石', '溪', '山', '湖', '洋', '林', '安', '永', '德', '福', '华', '新', '美', '丰', '蓬', '湘', '官', '仙', '霞', '潘', '厝', '埔', '坑', '塘', '后', '前', '上', '下', '岭', '洲'];
const name2 = (n: number) => SYLLABLES[n % SYLLABLES.length]! + SYLLABLES[Math.floor(n / SYLLABLES.length + n * 7) % SYLLABLES.length]!;
const GRID_ORDINALS = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格'];

export type UnitRow = { id: string; parentId: string | null; level: UnitLevel; kind: UnitKind; code: string; name: string; path: string; lat: number; lng: number };

/** A deterministic generator of the hierarchy; `scale` thins the townships of every county. */
export function buildHierarchy(scale: number): UnitRow[] {
  const rows: UnitRow[] = [];
  const add = (parent: UnitRow | null, level: UnitLevel, kind: UnitKind, code: string, name: string, lat: number, lng: number): UnitRow => {
    if (parent && checkChildCode(parent, level, code)) throw new Error(`generated code ${code} does not fit under ${parent.code}`);
    const id = uuidv7();
    const row: UnitRow = { id, parentId: parent?.id ?? null, level, kind, code, name, path: childPath(parent?.path ?? null, id), lat, lng };
    rows.push(row);
    return row;
  };
  const city = add(null, 'city', 'city', '350500000000', '泉州市', 24.874, 118.676);
  let n = 0;
  COUNTIES.forEach((c, ci) => {
    const county = add(city, 'county', c.kind, `${c.code}000000`, c.name, 24.6 + (ci % 4) * 0.25, 118.2 + Math.floor(ci / 4) * 0.3);
    const count = Math.max(1, Math.round(c.townships * scale));
    const real = c.code === '350581';
    for (let t = 0; t < count; t++) {
      const subdistrict = c.urban || t === 0;
      const demo = real ? SHISHI_TOWNSHIPS[t] : undefined;
      const tCode = demo ? demo.code : `${c.code}${String(subdistrict ? t + 1 : 100 + t).padStart(3, '0')}000`;
      const tKind: UnitKind = demo ? demo.kind : subdistrict ? 'subdistrict' : 'town';
      const tName = demo ? demo.name : `${name2(n++)}${tKind === 'subdistrict' ? '街道' : '镇'}`;
      const township = add(county, 'township', tKind, tCode, tName, county.lat + (t % 6) * 0.03, county.lng + Math.floor(t / 6) * 0.03);
      const villages = 10 + ((t * 7 + ci * 3) % 12); // 10…21, ≈ 15.5 on average
      for (let v = 0; v < villages; v++) {
        const community = tKind === 'subdistrict';
        const vCode = tCode.slice(0, 9) + String((community ? 1 : 200) + v).padStart(3, '0');
        const village = add(township, 'village', community ? 'community' : 'village', vCode, `${name2(n++)}${community ? '社区' : '村'}`, township.lat + (v % 5) * 0.004, township.lng + Math.floor(v / 5) * 0.004);
        const grids = 3 + ((v + t) % 3); // 3…5, 4 on average
        for (let g = 0; g < grids; g++) {
          add(village, 'grid', 'grid', vCode + String(g + 1).padStart(3, '0'), `${village.name}${GRID_ORDINALS[g]}`, village.lat + g * 0.0008, village.lng + g * 0.0008);
        }
      }
    }
  });
  return rows;
}

/** One statement: arrays unnested server-side (12,000 rows in well under a second). */
export async function insertUnits(db: pg.Pool, rows: UnitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    await db.query(
      `insert into units (id, parent_id, level, kind, code, name, path, lat, lng)
       select id, parent_id, level, kind, code, name, path::ltree, lat, lng
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[])
         as t(id, parent_id, level, kind, code, name, path, lat, lng)`,
      [part.map((r) => r.id), part.map((r) => r.parentId), part.map((r) => r.level), part.map((r) => r.kind), part.map((r) => r.code), part.map((r) => r.name), part.map((r) => r.path), part.map((r) => r.lat), part.map((r) => r.lng)],
    );
  }
}
