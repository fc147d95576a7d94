import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { auditEvents } from '../../platform/audit/schema';
import { units } from '../../platform/hierarchy/schema';
import { checklistFor, responseCandidates } from './checklist';
import { proposeResponse } from './rules';
import { documentUpload, insertAction, insertDrill, insertPlan, tinyDocx, tinyPdf } from './test-support';

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let chief: Api;
let lead: Api;
let duty: Api;
let grid: Api;
let lingxiu: Api;
const cookies: Record<string, string> = {};

const START = new Date('2026-06-01T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  fx = await demoFixtures(t.db);
  for (const name of ['county_officer', 'baogai_chief', 'tanghou_lead', 'baogai_duty', 'tanghou_grid', 'lingxiu_chief']) cookies[name] = await loginAs(t.app, name);
  county = apiAs(t.app, cookies.county_officer!);
  chief = apiAs(t.app, cookies.baogai_chief!);
  lead = apiAs(t.app, cookies.tanghou_lead!);
  duty = apiAs(t.app, cookies.baogai_duty!);
  grid = apiAs(t.app, cookies.tanghou_grid!);
  lingxiu = apiAs(t.app, cookies.lingxiu_chief!);
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(START));

const auditOf = (action: string, entityId: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

const upload = (who: string, planId: string, bytes: Buffer, name: string) => {
  const req = documentUpload(`/api/plans/${planId}/document`, bytes, name);
  return t.app.inject({ method: 'POST', url: req.url, payload: req.body, headers: { ...req.headers, cookie: cookies[who]! } });
};

describe('the township chief keeps the plans of 宝盖镇', () => {
  it('creates a typhoon plan, revises it and sees it in the list with its audit trail', async () => {
    const res = await chief.post('/api/plans', {
      unitId: fx.units.baogai.id,
      name: '宝盖镇防汛应急预案',
      kind: 'special',
      setting: 'coastal',
      hazards: ['rainstorm', 'typhoon'],
      version: '2026 版',
      approvedOn: '2026-05-01',
      revisionDue: '2028-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ status: 'draft', unit: { name: '宝盖镇' }, revisionOverdue: false, document: null, lastDrill: null, can: { manage: true } });
    expect(plan.levels.map((l: { level: string }) => l.level)).toEqual(['I', 'II', 'III', 'IV']);

    const patched = await chief.patch(`/api/plans/${plan.id}`, { status: 'active', version: '2026 年修订版' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'active', version: '2026 年修订版' });
    const [created] = await auditOf('plan.created', plan.id);
    const [updated] = await auditOf('plan.updated', plan.id);
    expect(created?.unitId).toBe(fx.units.baogai.id);
    expect(updated).toMatchObject({ before: { status: 'draft', version: '2026 版' }, after: { status: 'active', version: '2026 年修订版' } });

    const list = (await chief.get(`/api/plans?unitId=${fx.units.baogai.id}&kind=special&hazard=rainstorm`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(plan.id);
  });

  it('refuses a plan on a grid, and bad dates or hazards with field messages', async () => {
    const base = { name: '网格预案', kind: 'special', setting: 'general', hazards: ['typhoon'], version: 'v1' };
    expect((await county.post('/api/plans', { ...base, unitId: fx.units.tanghouGrid1.id })).json().code).toBe('PLAN_UNIT_LEVEL');
    const bad = await county.post('/api/plans', { ...base, unitId: fx.units.baogai.id, hazards: ['typhoon', 'typhoon', 'earthquake'], revisionDue: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.revisionDue']));
  });

  it('flags a revision date in the past and filters on it', async () => {
    const overdue = await insertPlan(t.db, fx.units.baogai.id, { revisionDue: '2026-05-31' });
    const due = await insertPlan(t.db, fx.units.baogai.id, { revisionDue: '2026-06-01' });
    const retired = await insertPlan(t.db, fx.units.baogai.id, { revisionDue: '2020-01-01', status: 'retired' });
    const onlyOverdue = (await chief.get('/api/plans?revisionOverdue=true&pageSize=200')).json().items.map((p: { id: string }) => p.id);
    expect(onlyOverdue).toContain(overdue.id);
    expect(onlyOverdue).not.toContain(due.id);
    expect(onlyOverdue).not.toContain(retired.id);
    const notOverdue = (await chief.get('/api/plans?revisionOverdue=false&pageSize=200')).json().items.map((p: { id: string }) => p.id);
    expect(notOverdue).toEqual(expect.arrayContaining([due.id, retired.id]));
    expect(notOverdue).not.toContain(overdue.id);
    expect((await chief.get(`/api/plans/${overdue.id}`)).json().revisionOverdue).toBe(true);
  });

  it('a retired plan is read-only', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id, { status: 'retired' });
    const res = await chief.patch(`/api/plans/${plan.id}`, { name: '新名称' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PLAN_RETIRED');
    expect((await chief.get(`/api/plans/${plan.id}`)).json().can.manage).toBe(false);
  });
});

describe('response levels and their checklists', () => {
  it('adds actions at the end of a level, reorders them and closes up after a delete', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const add = (action: string, extra: Record<string, unknown> = {}) => chief.post(`/api/plans/${plan.id}/actions`, { level: 'I', action, ownerPost: '站长', ...extra });
    expect((await add('全员到岗', { ownerPersonId: fx.people.baogai.id, timeLimitMinutes: 30 })).statusCode).toBe(201);
    await add('转移群众');
    const third = (await add('报送灾情')).json();
    const ids = third.levels[0].actions.map((a: { id: string }) => a.id);
    expect(third.levels[0].actions.map((a: { action: string; position: number }) => [a.action, a.position])).toEqual([
      ['全员到岗', 0],
      ['转移群众', 1],
      ['报送灾情', 2],
    ]);
    expect(third.levels[0].actions[0].ownerPerson).toMatchObject({ id: fx.people.baogai.id });

    const reordered = await chief.put(`/api/plans/${plan.id}/action-order`, { level: 'I', actionIds: [ids[2], ids[0], ids[1]] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().levels[0].actions.map((a: { action: string }) => a.action)).toEqual(['报送灾情', '全员到岗', '转移群众']);
    const [audit] = await auditOf('plan.actions.reordered', plan.id);
    expect(audit?.after).toEqual({ order: ['报送灾情', '全员到岗', '转移群众'] });

    // An order that leaves one out, or names one twice, is refused.
    expect((await chief.put(`/api/plans/${plan.id}/action-order`, { level: 'I', actionIds: [ids[0], ids[1]] })).json().code).toBe('PLAN_ORDER_INVALID');
    expect((await chief.put(`/api/plans/${plan.id}/action-order`, { level: 'I', actionIds: [ids[0], ids[0], ids[1]] })).json().code).toBe('PLAN_ORDER_INVALID');

    const deleted = await chief.del(`/api/plans/actions/${ids[0]}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().levels[0].actions.map((a: { action: string; position: number }) => [a.action, a.position])).toEqual([
      ['报送灾情', 0],
      ['转移群众', 1],
    ]);

    const edited = await chief.patch(`/api/plans/actions/${ids[1]}`, { timeLimitMinutes: null, ownerPost: '应急值班员' });
    expect(edited.json().levels[0].actions[1]).toMatchObject({ action: '转移群众', ownerPost: '应急值班员', timeLimitMinutes: null });
  });

  it('an owner must be in post at the plan’s own unit', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const res = await chief.post(`/api/plans/${plan.id}/actions`, { level: 'II', action: '转移', ownerPost: '村支书', ownerPersonId: fx.people.tanghou.id });
    expect(res.json().code).toBe('PLAN_PERSON_INVALID');
  });

  it('checklistFor gives a level’s actions in order, for the response seam', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    await insertAction(t.db, plan.id, 'II', 1);
    const first = await insertAction(t.db, plan.id, 'II', 0, true);
    await insertAction(t.db, plan.id, 'I', 0);
    const items = await checklistFor(t.db, plan.id, 'II');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ id: first.id, level: 'II', position: 0, ownerPost: '站长', timeLimitMinutes: 60, ownerPerson: { id: expect.any(String) } });
  });
});

describe('activation rules', () => {
  it('saves a consistent set and refuses inversions and uncovered types', async () => {
    const plan = await insertPlan(t.db, fx.units.tanghou.id, { hazards: ['typhoon'] });
    const ok = await lead.put(`/api/plans/${plan.id}/rules`, {
      rules: [
        { warningType: 'typhoon', warningLevel: 'red', responseLevel: 'I' },
        { warningType: 'typhoon', warningLevel: 'orange', responseLevel: 'II' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rules).toHaveLength(2);
    const bad = await lead.put(`/api/plans/${plan.id}/rules`, {
      rules: [
        { warningType: 'typhoon', warningLevel: 'red', responseLevel: 'III' },
        { warningType: 'typhoon', warningLevel: 'yellow', responseLevel: 'II' },
        { warningType: 'rainstorm', warningLevel: 'red', responseLevel: 'I' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'PLAN_RULES_INVALID' });
    expect(bad.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(['body.rules.0:not_monotonic', 'body.rules.2:hazard_not_covered']);
  });

  it('narrowing the hazards drops the rules of the types no longer covered', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id, { hazards: ['typhoon', 'rainstorm'] });
    await chief.put(`/api/plans/${plan.id}/rules`, {
      rules: [
        { warningType: 'typhoon', warningLevel: 'red', responseLevel: 'I' },
        { warningType: 'rainstorm', warningLevel: 'red', responseLevel: 'II' },
      ],
    });
    const res = await chief.patch(`/api/plans/${plan.id}`, { hazards: ['typhoon', 'other'] });
    expect(res.json().rules).toEqual([{ warningType: 'typhoon', warningLevel: 'red', responseLevel: 'I' }]);
  });

  it('the demo 台风红色 warning for 宝盖镇 proposes its typhoon plan at Ⅰ级 first, and 塘后村’s below it', async () => {
    const [baogai] = await t.db.select({ path: units.path }).from(units).where(eq(units.id, fx.units.baogai.id));
    const proposals = proposeResponse(await responseCandidates(t.db, baogai!.path), { type: 'typhoon', level: 'red', unitPath: baogai!.path });
    expect(proposals[0]).toMatchObject({ planName: '宝盖镇防御台风应急预案', responseLevel: 'I', relation: 'same' });
    expect(proposals.find((p) => p.planName === '塘后村防台风暴雨转移避险预案')).toMatchObject({ responseLevel: 'I', relation: 'below' });
    expect((await checklistFor(t.db, proposals[0]!.planId, 'I')).length).toBeGreaterThan(2);
  });
});

describe('the plan document', () => {
  it('takes a real PDF, offers it back as an attachment and keeps it by content hash', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const bytes = tinyPdf('upload');
    const res = await upload('baogai_chief', plan.id, bytes, '宝盖镇预案.pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({ fileName: '宝盖镇预案.pdf', mime: 'application/pdf', size: bytes.length });
    const got = await duty.get(`/api/plans/${plan.id}/document`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('application/pdf');
    expect(String(got.headers['content-disposition'])).toContain(encodeURIComponent('宝盖镇预案.pdf'));
    expect(got.rawPayload.equals(bytes)).toBe(true);
    const [audit] = await auditOf('plan.document.uploaded', plan.id);
    expect(audit?.after).toMatchObject({ document: '宝盖镇预案.pdf', size: bytes.length });
  });

  it('takes a Word document made with docx, naming it .docx whatever it was called', async () => {
    const plan = await insertPlan(t.db, fx.units.tanghou.id);
    const res = await upload('tanghou_lead', plan.id, await tinyDocx(), '塘后村预案');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document).toMatchObject({ fileName: '塘后村预案.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  });

  it('refuses a PNG renamed .pdf with 415, and a zip that is not a Word document', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).png().toBuffer();
    const res = await upload('baogai_chief', plan.id, png, '预案.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('PLAN_DOCUMENT_TYPE');
    const JSZip = (await import('jszip')).default;
    const zip = await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' });
    expect((await upload('baogai_chief', plan.id, zip, '预案.docx')).statusCode).toBe(415);
    expect((await chief.get(`/api/plans/${plan.id}`)).json().document).toBeNull();
  });

  it('refuses a document over 20 MB with 413', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const big = Buffer.concat([tinyPdf('big'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]);
    const res = await upload('baogai_chief', plan.id, big, 'big.pdf');
    expect(res.statusCode).toBe(413);
  });

  it('a plan without a document answers 404 on download', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    expect((await chief.get(`/api/plans/${plan.id}/document`)).statusCode).toBe(404);
  });
});

describe('drills', () => {
  it('records drills, lists them newest first and shows the last one on the plan', async () => {
    const plan = await insertPlan(t.db, fx.units.tanghou.id);
    await insertDrill(t.db, plan.id, '2025-07-05');
    const res = await lead.post(`/api/plans/${plan.id}/drills`, { heldOn: '2026-05-20', scenario: '暴雨夜间转移', participantCount: 35, participantNames: '村两委、网格员', evaluation: '转移有序', findings: '照明不足' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ heldOn: '2026-05-20', recordedBy: '蔡金水', participantCount: 35 });
    const list = (await lead.get(`/api/plans/${plan.id}/drills`)).json();
    expect(list.items.map((d: { heldOn: string }) => d.heldOn)).toEqual(['2026-05-20', '2025-07-05']);
    expect((await lead.get(`/api/plans/${plan.id}`)).json().lastDrill).toMatchObject({ heldOn: '2026-05-20', scenario: '暴雨夜间转移' });
    const fixed = await lead.patch(`/api/plans/drills/${res.json().id}`, { findings: '照明不足，已增配应急灯' });
    expect(fixed.json().findings).toBe('照明不足，已增配应急灯');
    expect((await auditOf('plan.drill.updated', plan.id)).length).toBe(1);
  });

  it('refuses a drill dated after today in Beijing', async () => {
    const plan = await insertPlan(t.db, fx.units.tanghou.id);
    const res = await lead.post(`/api/plans/${plan.id}/drills`, { heldOn: '2026-06-02', scenario: '演练', participantCount: 5 });
    expect(res.json().code).toBe('DRILL_IN_FUTURE');
  });
});

describe('scope', () => {
  it('灵秀镇 never sees 宝盖镇’s plans, and the county sees both', async () => {
    const baogaiPlan = await insertPlan(t.db, fx.units.baogai.id);
    const lingxiuPlan = await insertPlan(t.db, fx.units.lingxiu.id);
    expect((await lingxiu.get(`/api/plans/${baogaiPlan.id}`)).statusCode).toBe(404);
    expect((await lingxiu.get(`/api/plans/${baogaiPlan.id}/drills`)).statusCode).toBe(404);
    const seen = (await lingxiu.get('/api/plans?pageSize=200')).json().items.map((p: { id: string; unit: { name: string } }) => p.unit.name);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['灵秀镇']));
    const countyIds = (await county.get('/api/plans?pageSize=200')).json().items.map((p: { id: string }) => p.id);
    expect(countyIds).toEqual(expect.arrayContaining([baogaiPlan.id, lingxiuPlan.id]));
  });

  it('a village lead sees the village’s plans and the township’s are out of reach; a grid worker sees none', async () => {
    const baogaiPlan = await insertPlan(t.db, fx.units.baogai.id);
    const names = (await lead.get('/api/plans?pageSize=200')).json().items.map((p: { unit: { name: string } }) => p.unit.name);
    expect(new Set(names)).toEqual(new Set(['塘后村']));
    expect((await lead.get(`/api/plans/${baogaiPlan.id}`)).statusCode).toBe(404);
    expect((await grid.get('/api/plans')).statusCode).toBe(403);
  });

  it('a duty officer reads but cannot change a plan', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const detail = (await duty.get(`/api/plans/${plan.id}`)).json();
    expect(detail.can.manage).toBe(false);
    expect((await duty.patch(`/api/plans/${plan.id}`, { name: '改名' })).statusCode).toBe(403);
  });
});

describe('regressions', () => {
  it('an empty change of an action answers the plan unchanged (was a 500: nothing to set)', async () => {
    const plan = await insertPlan(t.db, fx.units.baogai.id);
    const action = await insertAction(t.db, plan.id, 'I', 0);
    const res = await chief.patch(`/api/plans/actions/${action.id}`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect((await auditOf('plan.action.updated', plan.id)).length).toBe(0);
  });
});
