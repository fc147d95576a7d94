import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/schema';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { people, posts } from '../schema';
import { PEOPLE_COLUMNS } from './people-sheet';
import { sheetWith, upload } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let baogai: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  baogai = await loginAs(t.app, 'baogai_chief');
});
afterAll(() => t.close());

const HEADER = PEOPLE_COLUMNS.map((c) => c.header);
const preview = (cookie: string, file: Buffer) => upload(t.app, cookie, '/api/org/import/people/preview', file);
const commit = (cookie: string, file: Buffer) => upload(t.app, cookie, '/api/org/import/people/commit', file);
const peopleCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(people))[0]!.n;
const eventsOf = (requestId: string) => t.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
const postHolder = async (unitId: string, title: string) => (await t.db.select().from(posts).where(and(eq(posts.unitId, unitId), eq(posts.title, title))))[0]!;

describe('people import', () => {
  it('baogai_chief re-importing the exported people of 塘后村 finds every row unchanged', async () => {
    const exported = await t.app.inject({ method: 'GET', url: `/api/org/export/people.xlsx?unitId=${fx.units.tanghou.id}`, headers: { cookie: baogai } });
    expect(exported.statusCode).toBe(200);
    const res = await preview(baogai, exported.rawPayload);
    expect(res.statusCode, res.body).toBe(200);
    const inTanghou = (await t.db.select({ n: sql<number>`count(*)::int` }).from(people).where(sql`${people.unitId} in (select id from units where path <@ ${fx.units.tanghou.path}::ltree)`))[0]!.n;
    expect(res.json().counts).toEqual({ create: 0, update: 0, unchanged: inTanghou, error: 0 });
  });

  it('baogai_chief adds, changes and retires people of 塘后村; a person who leaves vacates their posts', async () => {
    const informant = (await postHolder(fx.units.tanghou.id, '灾害信息员')).personId!;
    const [before] = await t.db.select().from(people).where(eq(people.id, informant));
    const file = await sheetWith([
      HEADER,
      [fx.units.tanghou.code, '塘后村', '洪美玲', 13905950101, '女', '灾害信息员', '', ''],
      [Number(fx.units.tanghou.code), '', before!.name, before!.phone, '', before!.title, '离岗', '调往镇应急站'],
    ]);
    const planned = await preview(baogai, file);
    expect(planned.json().rows.map((r: { action: string; changes: string[] }) => [r.action, r.changes])).toEqual([
      ['create', []],
      ['update', ['状态', '备注']],
    ]);

    const res = await commit(baogai, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, kind: 'people', counts: { create: 1, update: 1, unchanged: 0, error: 0 } });
    const [added] = await t.db.select().from(people).where(and(eq(people.unitId, fx.units.tanghou.id), eq(people.phone, '13905950101')));
    expect(added).toMatchObject({ name: '洪美玲', gender: 'female', title: '灾害信息员', status: 'active', notes: null });
    const [left] = await t.db.select().from(people).where(eq(people.id, informant));
    expect(left).toMatchObject({ status: 'left', notes: '调往镇应急站' });
    expect((await postHolder(fx.units.tanghou.id, '灾害信息员')).personId).toBeNull();

    const events = await eventsOf(res.headers['x-request-id'] as string);
    expect(events.map((e) => e.action).sort()).toEqual(['org.import.people', 'org.person.created', 'org.person.updated']);
    expect(events.find((e) => e.action === 'org.person.created')).toMatchObject({ entityId: added!.id, unitId: fx.units.tanghou.id, summary: '塘后村 / 洪美玲' });
    expect(events.find((e) => e.action === 'org.person.updated')).toMatchObject({
      entityId: informant,
      before: { status: 'active', notes: null },
      after: { status: 'left', notes: '调往镇应急站', vacatedPosts: ['灾害信息员'] },
    });

    const again = await commit(baogai, file);
    expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
    expect((await eventsOf(again.headers['x-request-id'] as string)).map((e) => e.action)).toEqual(['org.import.people']);
  });

  it('a person for 钞坑村 (灵秀镇) is a row error for baogai_chief, and the commit writes nothing', async () => {
    const before = await peopleCount();
    const file = await sheetWith([
      HEADER,
      [fx.units.tanghou.code, '塘后村', '许国强', '13905950102', '男', '', '', ''],
      [fx.units.chaokeng.code, '钞坑村', '施建华', '13905950103', '男', '', '', ''],
    ]);
    const planned = await preview(baogai, file);
    expect(planned.json().rows.map((r: { row: number; action: string; errors: unknown[] }) => [r.row, r.action, r.errors])).toEqual([
      [2, 'create', []],
      [3, 'error', [{ column: '单位代码', code: 'NOT_FOUND', message: '单位不存在或无权限' }]],
    ]);
    const res = await commit(baogai, file);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', fields: [{ path: 'rows.3.单位代码', code: 'NOT_FOUND' }] });
    expect(await peopleCount()).toBe(before);
  });

  it('a reader without org.staff.manage may preview but not change', async () => {
    const duty = await loginAs(t.app, 'baogai_duty');
    const res = await preview(duty, await sheetWith([HEADER, [fx.units.tanghou.code, '', '郭海峰', '13905950104', '', '', '', '']]));
    expect(res.json().rows[0].errors).toEqual([{ column: '单位代码', code: 'FORBIDDEN', message: '没有执行此操作的权限' }]);
  });
});
