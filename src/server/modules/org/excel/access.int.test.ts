import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS } from '../seed/shishi-data';
import { demoFixtures, type DemoFixtures } from '../../../test/fixtures';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { writePeopleSheet } from './people-sheet';
import { upload } from './test-support';
import { writeUnitsSheet } from './units-sheet';

/**
 * Every persona against the Excel routes. Exports answer like reads (404 outside the scope);
 * imports always answer a preview, and each row says "not found" outside the scope and
 * "forbidden" inside it without the permission, as the form would.
 */
let t: TestApp;
let fx: DemoFixtures;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  for (const a of ACCOUNTS) cookies[a.username] = await loginAs(t.app, a.username);
});
afterAll(() => t.close());

const SEES_BAOGAI = ['city_admin', 'county_officer', 'baogai_chief', 'baogai_duty', 'baogai_enforcer', 'baogai_keeper', 'baogai_rescue'];
const MANAGE_UNITS = ['city_admin', 'county_officer'];
const SEES_TANGHOU = [...SEES_BAOGAI, 'tanghou_lead'];
const MANAGE_STAFF_TANGHOU = ['city_admin', 'county_officer', 'baogai_chief', 'tanghou_lead'];

const outcome = (who: string, sees: string[], may: string[]) => (!sees.includes(who) ? 'NOT_FOUND' : may.includes(who) ? 'create' : 'FORBIDDEN');

describe('Excel routes by persona', () => {
  it('export of 宝盖镇: 200 where it is in scope, 404 elsewhere, 401 without a session', async () => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const [who, cookie] of Object.entries(cookies)) {
      for (const kind of ['units', 'people']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/org/export/${kind}.xlsx?unitId=${fx.units.baogai.id}`, headers: { cookie } });
        got[`${who} ${kind}`] = res.statusCode;
        want[`${who} ${kind}`] = SEES_BAOGAI.includes(who) ? 200 : 404;
      }
    }
    expect(got).toEqual(want);
    expect((await t.app.inject({ method: 'GET', url: '/api/org/export/units.xlsx' })).statusCode).toBe(401);
  });

  it('a new village under 宝盖镇 and a new person in 塘后村: create, FORBIDDEN or NOT_FOUND per row', async () => {
    const village = await writeUnitsSheet([{ level: 'village', kind: 'village', code: '350581101280', name: '宝盖新村', parentCode: fx.units.baogai.code, status: 'active', address: null, phone: null }]);
    const person = await writePeopleSheet([{ unitCode: fx.units.tanghou.code, unitName: '塘后村', name: '吴晓东', phone: '13905950180', gender: 'male', title: null, status: 'active', notes: null }]);
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const [who, cookie] of Object.entries(cookies)) {
      const [units, people] = await Promise.all([upload(t.app, cookie, '/api/org/import/units/preview', village), upload(t.app, cookie, '/api/org/import/people/preview', person)]);
      for (const [kind, res] of [
        ['units', units],
        ['people', people],
      ] as const) {
        expect(res.statusCode, `${who} ${kind}`).toBe(200);
        const row = res.json().rows[0];
        got[`${who} ${kind}`] = row.action === 'error' ? row.errors.map((e: { code: string }) => e.code).join() : row.action;
      }
      want[`${who} units`] = outcome(who, SEES_BAOGAI, MANAGE_UNITS);
      want[`${who} people`] = outcome(who, SEES_TANGHOU, MANAGE_STAFF_TANGHOU);
    }
    expect(got).toEqual(want);
  });
});
