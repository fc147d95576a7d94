import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../platform/access/actor';
import { pathLabel } from '../../../platform/hierarchy/paths';
import { planUnits, type ExistingUnit, type UnitWorld } from './units-plan';
import { parseUnitRow, type UnitColumn } from './units-sheet';

/** A small hierarchy: 石狮市 → 宝盖镇 (塘后村 → 网格), 灵秀镇 (钞坑村). */
let seq = 0;
const id = () => `00000000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;
function unit(parent: ExistingUnit | null, u: Pick<ExistingUnit, 'level' | 'kind' | 'code' | 'name'> & Partial<ExistingUnit>): ExistingUnit {
  const uid = id();
  return {
    id: uid,
    parentId: parent?.id ?? null,
    parentCode: parent?.code ?? null,
    path: parent ? `${parent.path}.${pathLabel(uid)}` : pathLabel(uid),
    status: 'active',
    address: null,
    phone: null,
    lat: null,
    lng: null,
    ...u,
  };
}
const city = unit(null, { level: 'city', kind: 'city', code: '350500000000', name: '泉州市' });
const county = unit(city, { level: 'county', kind: 'county_city', code: '350581000000', name: '石狮市', phone: '0595-88888110' });
const baogai = unit(county, { level: 'township', kind: 'town', code: '350581101000', name: '宝盖镇' });
const tanghou = unit(baogai, { level: 'village', kind: 'village', code: '350581101200', name: '塘后村' });
const grid = unit(tanghou, { level: 'grid', kind: 'grid', code: '350581101200001', name: '塘后村第一网格' });
const oldVillage = unit(baogai, { level: 'village', kind: 'village', code: '350581101290', name: '旧村', status: 'retired' });
const lingxiu = unit(county, { level: 'township', kind: 'town', code: '350581100000', name: '灵秀镇' });
const chaokeng = unit(lingxiu, { level: 'village', kind: 'village', code: '350581100200', name: '钞坑村' });
const ALL = [city, county, baogai, tanghou, grid, oldVillage, lingxiu, chaokeng];

const world = (activeChildren: Record<string, string[]> = {}): UnitWorld => ({
  byCode: new Map(ALL.map((u) => [u.code, u])),
  activeChildren: new Map(Object.entries(activeChildren)),
});

const countyOfficer = { scopePaths: [county.path], grants: [{ role: 'county_officer', unitId: county.id, path: county.path }] as Grant[] };
/** Someone who may manage units within 宝盖镇 only (no demo role does; the rules allow it). */
const baogaiManager = { scopePaths: [baogai.path], grants: [{ role: 'county_officer', unitId: baogai.id, path: baogai.path }] as Grant[] };
const baogaiChief = { scopePaths: [baogai.path], grants: [{ role: 'township_chief', unitId: baogai.id, path: baogai.path }] as Grant[] };

const LEVEL = { city: '市', county: '县（市、区）', township: '乡镇（街道）', village: '村（社区）', grid: '网格' };
const KIND = { city: '市', county_city: '县级市', town: '镇', village: '村', community: '社区', grid: '网格', subdistrict: '街道' } as Record<string, string>;
/** The sheet row of an existing unit, as an export writes it, with changes. */
const rowOf = (u: ExistingUnit, over: Partial<Record<UnitColumn, string>> = {}): Record<UnitColumn, string> => ({
  level: LEVEL[u.level],
  kind: KIND[u.kind]!,
  code: u.code,
  name: u.name,
  parentCode: u.parentCode ?? '',
  status: u.status === 'active' ? '在用' : '已撤销',
  address: u.address ?? '',
  phone: u.phone ?? '',
  ...over,
});
const newRow = (code: string, name: string, parentCode: string, level = '村（社区）', kind = '村'): Record<UnitColumn, string> => ({
  level,
  kind,
  code,
  name,
  parentCode,
  status: '',
  address: '',
  phone: '',
});

const plan = (rows: Record<UnitColumn, string>[], actor = countyOfficer, w = world()) =>
  planUnits(
    rows.map((cells, i) => parseUnitRow({ row: i + 2, cells })),
    w,
    actor,
    id,
  );
const summary = (p: ReturnType<typeof plan>) => p.rows.map((r) => [r.row, r.action, ...r.errors.map((e) => `${e.column}:${e.code}`)]);

describe('planUnits', () => {
  it('finds an exported sheet unchanged, including units whose parent lies outside the scope', () => {
    const p = plan([county, baogai, tanghou, grid, oldVillage, lingxiu, chaokeng].map((u) => rowOf(u)));
    expect(p.rows.every((r) => r.action === 'unchanged')).toBe(true);
    expect(p.creates).toEqual([]);
    expect(p.updates).toEqual([]);
  });

  it('updates the fields that differ and names the changed columns', () => {
    const p = plan([rowOf(tanghou, { name: '塘后社区', kind: '社区', phone: '0595-88776655' })]);
    expect(p.rows[0]).toMatchObject({ action: 'update', changes: ['类型', '名称', '电话'] });
    expect(p.updates[0]!.after).toEqual({ kind: 'community', name: '塘后社区', status: 'active', address: null, phone: '0595-88776655' });
  });

  it('adds a township and its villages in one sheet, each under the unit of an earlier row', () => {
    const p = plan([
      newRow('350581107000', '新港镇', county.code, '乡镇（街道）', '镇'),
      newRow('350581107201', '新港一村', '350581107000'),
      newRow('350581107202', '新港二村', '350581107000'),
    ]);
    expect(summary(p)).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
    ]);
    const [town, v1, v2] = p.creates;
    expect(town).toMatchObject({ parentId: county.id, level: 'township', kind: 'town', path: `${county.path}.${pathLabel(town!.id)}` });
    expect(v1).toMatchObject({ parentId: town!.id, parentName: '新港镇', level: 'village', path: `${town!.path}.${pathLabel(v1!.id)}` });
    expect(v2!.parentId).toBe(town!.id);
  });

  it('refuses a parent outside the scope exactly like a parent that does not exist', () => {
    const p = plan([newRow('350581100299', '灵秀新村', lingxiu.code), newRow('350581199299', '无此村', '350581199000')], baogaiChief);
    expect(summary(p)).toEqual([
      [2, 'error', '上级代码:NOT_FOUND'],
      [3, 'error', '上级代码:NOT_FOUND'],
    ]);
    expect(p.rows[0]!.errors[0]!.zh).toBe('上级单位不存在或无权限');
  });

  it('needs org.units.manage to add or change units, but not to find a row unchanged', () => {
    const p = plan([newRow('350581101299', '新村', baogai.code), rowOf(tanghou, { name: '塘后新村' }), rowOf(tanghou)], baogaiChief);
    expect(summary(p)).toEqual([
      [2, 'error', '上级代码:FORBIDDEN'],
      [3, 'error', '代码:FORBIDDEN'],
      [4, 'error', '代码:duplicate_key'],
    ]);
    expect(summary(plan([rowOf(tanghou)], baogaiChief))).toEqual([[2, 'unchanged']]);
  });

  it('applies the code and level rules of the API', () => {
    const p = plan([
      newRow('350581102201', '错码村', baogai.code),
      newRow('350581101298', '层级错', baogai.code, '网格', '网格'),
      newRow('350581101297', '类型错', baogai.code, '村（社区）', '街道'),
      newRow('350581101200002', '网格下', grid.code, '网格', '网格'),
      newRow('350581101296', '撤销村', baogai.code, '村（社区）', '村'),
    ].map((r, i) => (i === 4 ? { ...r, status: '已撤销' } : r)));
    expect(summary(p)).toEqual([
      [2, 'error', '代码:UNIT_CODE_MISMATCH'],
      [3, 'error', '层级:UNIT_LEVEL_MISMATCH', '类型:UNIT_LEVEL_MISMATCH'],
      [4, 'error', '类型:UNIT_LEVEL_MISMATCH'],
      [5, 'error', '上级代码:UNIT_LEVEL_MISMATCH'],
      [6, 'error', '状态:invalid_value'],
    ]);
    expect(p.rows[1]!.errors[0]!.zh).toBe('该上级单位下只能新增“村（社区）”层级的单位');
  });

  it('reports duplicate codes, codes used outside the scope, parents listed later and parents with errors', () => {
    const p = plan(
      [
        newRow('350581101201', '甲村', baogai.code),
        newRow('350581101201', '乙村', baogai.code),
        newRow('350581100200', '钞坑村', baogai.code),
        newRow('350581101202001', '网格', '350581101202', '网格', '网格'),
        newRow('350581101202', '丙村', baogai.code),
        newRow('3505811012', '坏码村', baogai.code),
        newRow('3505811012001', '坏码村网格', '3505811012', '网格', '网格'),
      ],
      baogaiManager,
    );
    expect(summary(p)).toEqual([
      [2, 'create'],
      [3, 'error', '代码:duplicate_key'],
      [4, 'error', '代码:UNIT_CODE_TAKEN'],
      [5, 'error', '上级代码:parent_order'],
      [6, 'create'],
      [7, 'error', '代码:unit_code'],
      [8, 'error', '代码:unit_code', '上级代码:parent_invalid'],
    ]);
    expect(p.rows[1]!.errors[0]!.zh).toBe('与第 2 行的代码重复');
  });

  it('does not move units: a different parent code is an error', () => {
    expect(summary(plan([rowOf(tanghou, { parentCode: lingxiu.code })]))).toEqual([[2, 'error', '上级代码:move_unsupported']]);
    expect(summary(plan([rowOf(tanghou, { level: '网格' })]))).toEqual([[2, 'error', '层级:UNIT_LEVEL_MISMATCH']]);
  });

  it('retires a unit only when its active children retire in the same sheet', () => {
    const w = world({ [tanghou.code]: [grid.code] });
    expect(summary(plan([rowOf(tanghou, { status: '已撤销' })], countyOfficer, w))).toEqual([[2, 'error', '状态:UNIT_HAS_ACTIVE_CHILDREN']]);
    const both = plan([rowOf(tanghou, { status: '已撤销' }), rowOf(grid, { status: '已撤销' })], countyOfficer, w);
    expect(summary(both)).toEqual([
      [2, 'update'],
      [3, 'update'],
    ]);
    expect(summary(plan([rowOf(county, { status: '已撤销' })]))).toEqual([[2, 'error', '状态:ROOT_UNIT_IMMUTABLE']]);
  });

  it('adds nothing under a unit that is or becomes retired, and restores only under an active parent', () => {
    expect(summary(plan([newRow('350581101290001', '旧村网格', oldVillage.code, '网格', '网格')]))).toEqual([[2, 'error', '上级代码:UNIT_RETIRED']]);
    const w = world({ [tanghou.code]: [] });
    expect(summary(plan([rowOf(tanghou, { status: '已撤销' }), newRow('350581101200009', '新网格', tanghou.code, '网格', '网格')], countyOfficer, w))).toEqual([
      [2, 'update'],
      [3, 'error', '上级代码:UNIT_RETIRED'],
    ]);
    expect(summary(plan([rowOf(oldVillage, { status: '在用' })]))).toEqual([[2, 'update']]);
    const retiredParent = world({ [baogai.code]: [] });
    const p = plan([rowOf(baogai, { status: '已撤销' }), rowOf(tanghou, { status: '已撤销' }), rowOf(oldVillage, { status: '在用' })], countyOfficer, retiredParent);
    expect(summary(p)[2]).toEqual([4, 'error', '状态:UNIT_RETIRED']);
  });
});
