import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../platform/access/actor';
import { personKey, planPeople, type ExistingPerson, type PeopleWorld, type PlanUnit } from './people-plan';
import { parsePersonRow, type PersonColumn } from './people-sheet';

const baogai: PlanUnit = { id: 'u-baogai', code: '350581101000', name: '宝盖镇', path: 'c.b', status: 'active' };
const tanghou: PlanUnit = { id: 'u-tanghou', code: '350581101200', name: '塘后村', path: 'c.b.t', status: 'active' };
const oldVillage: PlanUnit = { id: 'u-old', code: '350581101290', name: '旧村', path: 'c.b.o', status: 'retired' };
const chaokeng: PlanUnit = { id: 'u-chaokeng', code: '350581100200', name: '钞坑村', path: 'c.l.k', status: 'active' };
const secretary: ExistingPerson = { id: 'p-1', unitId: tanghou.id, name: '蔡金水', phone: '13800000001', gender: 'male', title: '村支书', notes: null, status: 'active' };

const world: PeopleWorld = {
  unitsByCode: new Map([baogai, tanghou, oldVillage, chaokeng].map((u) => [u.code, u])),
  people: new Map([[personKey(secretary.unitId, secretary.phone), secretary]]),
};
const baogaiChief = { scopePaths: [baogai.path], grants: [{ role: 'township_chief', unitId: baogai.id, path: baogai.path }] as Grant[] };
const baogaiDuty = { scopePaths: [baogai.path], grants: [{ role: 'duty_officer', unitId: baogai.id, path: baogai.path }] as Grant[] };

const row = (over: Partial<Record<PersonColumn, string>> = {}): Record<PersonColumn, string> => ({
  unitCode: tanghou.code,
  unitName: '塘后村',
  name: '蔡金水',
  phone: '13800000001',
  gender: '男',
  title: '村支书',
  status: '在岗',
  notes: '',
  ...over,
});
let n = 0;
const plan = (rows: Record<PersonColumn, string>[], actor = baogaiChief) =>
  planPeople(
    rows.map((cells, i) => parsePersonRow({ row: i + 2, cells })),
    world,
    actor,
    () => `p-new-${++n}`,
  );
const summary = (p: ReturnType<typeof plan>) => p.rows.map((r) => [r.row, r.action, ...r.errors.map((e) => `${e.column}:${e.code}`)]);

describe('planPeople', () => {
  it('keys people by unit code and phone: same key unchanged, other fields updated, new key created', () => {
    const p = plan([row(), row({ unitCode: baogai.code, unitName: '' }), row({ phone: '13800000002', name: '洪志明', gender: '', title: '' })]);
    expect(summary(p)).toEqual([
      [2, 'unchanged'],
      [3, 'create'],
      [4, 'create'],
    ]);
    expect(p.rows[0]!.key).toBe('350581101200/13800000001');
    expect(p.creates[1]).toMatchObject({ unitId: tanghou.id, unitName: '塘后村', name: '洪志明', phone: '13800000002', gender: null, title: null, status: 'active' });
  });

  it('updates the fields that differ and names the changed columns; leaving is an update', () => {
    const p = plan([row({ title: '管理点负责人', status: '离岗', notes: '调任' })]);
    expect(p.rows[0]).toMatchObject({ action: 'update', changes: ['职务', '状态', '备注'] });
    expect(p.updates[0]).toMatchObject({ before: secretary, unitName: '塘后村', after: { title: '管理点负责人', status: 'left', notes: '调任' } });
  });

  it('answers a unit outside the scope like a unit that does not exist', () => {
    const p = plan([row({ unitCode: chaokeng.code, unitName: '钞坑村' }), row({ unitCode: '350581199200', unitName: '' })]);
    expect(summary(p)).toEqual([
      [2, 'error', '单位代码:NOT_FOUND'],
      [3, 'error', '单位代码:NOT_FOUND'],
    ]);
    expect(p.rows[0]!.errors[0]!.zh).toBe('单位不存在或无权限');
  });

  it('needs org.staff.manage to add or change, not to find a row unchanged', () => {
    expect(summary(plan([row(), row({ phone: '13800000003' }), row({ unitCode: baogai.code, unitName: '', title: '值班员' })], baogaiDuty))).toEqual([
      [2, 'unchanged'],
      [3, 'error', '单位代码:FORBIDDEN'],
      [4, 'error', '单位代码:FORBIDDEN'],
    ]);
  });

  it('reports duplicate keys, a unit name that does not match the code, and retired units', () => {
    expect(summary(plan([row({ phone: '13800000004' }), row({ phone: '13800000004', name: '别人' }), row({ unitName: '后垵村' }), row({ unitCode: oldVillage.code, unitName: '旧村', phone: '13800000005' })]))).toEqual([
      [2, 'create'],
      [3, 'error', '手机:duplicate_key'],
      [4, 'error', '单位名称:unit_name_mismatch'],
      [5, 'error', '单位代码:UNIT_RETIRED'],
    ]);
  });
});
