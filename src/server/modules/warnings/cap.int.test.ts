import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARNING_LEVEL_CODES, WARNING_TYPE_CODES } from '../../../contracts/warnings';
import { auditEvents } from '../../platform/audit/schema';
import { apiAs, createTestApp, loginAs, type Api, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { capUpload, typhoonCap } from '../../test/matrix/warnings-cap-cases';
import type { Req } from '../../test/matrix/model';
import { capDateTimeToDate, parseCap, type CapAlert } from './cap';
import { capFeedJobs, pollCapFeed } from './cap-feed.job';
import { warnings } from './schema';

const fixture = (name: string) => readFileSync(new URL(`./cap/fixtures/${name}`, import.meta.url), 'utf8');
const SPEC = ['spec-a1-homeland-security.xml', 'spec-a2-thunderstorm.xml', 'spec-a3-earthquake-update.xml', 'spec-a4-amber-alert.xml'] as const;
const CHAIN = ['shishi-typhoon-alert.xml', 'shishi-typhoon-update.xml', 'shishi-typhoon-cancel.xml'] as const;

let t: TestApp;
let fx: DemoFixtures;
let county: Api;
let chief: Api;
let gridCookie: string;
let countyCookie: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_READS_PER_MINUTE: '100000' });
  fx = await demoFixtures(t.db);
  countyCookie = await loginAs(t.app, 'county_officer');
  county = apiAs(t.app, countyCookie);
  chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  gridCookie = await loginAs(t.app, 'tanghou_grid');
});
afterAll(() => t.close());

const send = (app: TestApp, cookie: string | null, req: Req) =>
  app.app.inject({ method: req.method, url: req.url, headers: { ...(cookie ? { cookie } : {}), ...req.headers }, ...(req.body === undefined ? {} : { payload: req.body as Buffer }) });
const upload = (xml: string, cookie = countyCookie, app = t) => send(app, cookie, capUpload(xml));

/** A CAP document as the API exports it, parsed strictly again. */
async function exported(api: Api, id: string): Promise<{ xml: string; alert: CapAlert }> {
  const res = await api.get(`/api/warnings/${id}/cap.xml`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/cap+xml');
  const parsed = parseCap(res.body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { xml: res.body, alert: parsed.alert };
}

describe('the OASIS CAP 1.2 specification examples', () => {
  it('A.2 (severe thunderstorm) imports as an orange 雷电 warning and re-exports as valid CAP; importing it again answers the stored one', async () => {
    const res = await upload(fixture('spec-a2-thunderstorm.xml'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      created: true,
      msgType: 'Alert',
      areasFrom: 'holder',
      warning: { type: 'lightning', level: 'orange', source: 'cap_upload', sender: 'KSTO@NWS.NOAA.GOV', identifier: 'KSTO1055887203', exercise: false },
    });
    // SAME codes are not GB/T 2260: the importer's own unit holds the area, described as the message does.
    expect(body.warning.areaUnits.map((u: { id: string }) => u.id)).toEqual([fx.units.county.id]);
    expect(body.warning.areaDesc).toContain('TUOLUMNE COUNTY');
    expect(body.warning.sentAt).toBe(capDateTimeToDate('2003-06-17T14:57:00-07:00').toISOString());
    const [row] = await t.db.select().from(warnings).where(eq(warnings.id, body.warning.id));
    expect(row!.capXml).toBe(fixture('spec-a2-thunderstorm.xml'));

    const { alert } = await exported(county, body.warning.id);
    expect(alert).toMatchObject({ identifier: 'KSTO1055887203', sender: 'KSTO@NWS.NOAA.GOV', status: 'Actual', msgType: 'Alert', scope: 'Public' });
    expect(capDateTimeToDate(alert.sent).getTime()).toBe(capDateTimeToDate('2003-06-17T14:57:00-07:00').getTime());
    expect(alert.infos[0]).toMatchObject({ severity: 'Severe', expires: '2003-06-18T07:00:00+08:00' });
    // The message's own area (polygon and SAME geocodes) travels on.
    expect(alert.infos[0]!.areas[0]!.polygons[0]).toHaveLength(5);
    expect(alert.infos[0]!.areas[0]!.geocodes.map((g) => g.value)).toEqual(['006109', '006009', '006003']);

    const again = await upload(fixture('spec-a2-thunderstorm.xml'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, warning: { id: body.warning.id } });
    const [{ n }] = (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from warnings where sender = 'KSTO@NWS.NOAA.GOV'`)).rows as [{ n: number }];
    expect(n).toBe(1);
  });

  it('A.1 (homeland security), A.3 (earthquake update) and A.4 (amber alert, two languages) import as 其他 warnings and re-export as valid CAP', async () => {
    const expected: Record<string, { sender: string; msgType: string; level: string }> = {
      'spec-a1-homeland-security.xml': { sender: 'hsas@dhs.gov', msgType: 'Alert', level: 'orange' },
      'spec-a3-earthquake-update.xml': { sender: 'trinet@caltech.edu', msgType: 'Update', level: 'blue' },
      'spec-a4-amber-alert.xml': { sender: 'KARO@CLETS.DOJ.CA.GOV', msgType: 'Alert', level: 'orange' },
    };
    for (const [name, want] of Object.entries(expected)) {
      const res = await upload(fixture(name));
      expect(res.statusCode, `${name} ${res.body}`).toBe(201);
      const body = res.json();
      expect(body.warning).toMatchObject({ type: 'other', level: want.level, sender: want.sender, source: 'cap_upload' });
      expect(body.msgType).toBe(want.msgType);
      // Re-exported, it is valid CAP 1.2 again (the strict parser accepts it) and keeps its identity.
      const { alert } = await exported(county, body.warning.id);
      expect(alert).toMatchObject({ sender: want.sender, msgType: want.msgType });
    }
    // A.3 updates an earthquake message this platform never received: stored, the reference unresolved.
    const [update] = await t.db.select().from(warnings).where(eq(warnings.sender, 'trinet@caltech.edu'));
    expect(update!.references.length).toBeGreaterThan(0);
  });
});

describe('Update and Cancel chains', () => {
  it('the Chinese typhoon Alert → Update → Cancel link by references: the originals are marked, the export names them', async () => {
    const ids: string[] = [];
    for (const name of CHAIN) {
      const res = await upload(fixture(name));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().warning.id);
    }
    const [alertId, updateId, cancelId] = ids as [string, string, string];
    const detail = async (id: string) => (await county.get(`/api/warnings/${id}`)).json();
    expect(await detail(alertId)).toMatchObject({ status: 'updated', type: 'typhoon', level: 'orange' });
    expect(await detail(updateId)).toMatchObject({ status: 'cancelled', level: 'red', references: ['35058104100000_20250801083000_0'] });
    // A Cancel takes the type and level of what it cancels (its own severity says Minor).
    expect(await detail(cancelId)).toMatchObject({ status: 'cancelled', type: 'typhoon', level: 'red', references: ['35058104100000_20250801083000_0', '35058104100000_20250801163000_0'] });
    // GB/T 2260 code 350581 is 石狮市, in the county officer's scope.
    expect((await detail(alertId)).areaUnits.map((u: { name: string }) => u.name)).toEqual(['石狮市']);

    const { alert: update } = await exported(county, updateId);
    expect(update.msgType).toBe('Update');
    expect(update.references).toEqual([{ sender: '350581@warning.example.cn', identifier: '35058104100000_20250801083000_0', sent: '2025-08-01T08:30:00+08:00' }]);
    const { alert: cancel } = await exported(county, cancelId);
    expect(cancel.msgType).toBe('Cancel');
    expect(cancel.references.map((r) => r.identifier)).toEqual(['35058104100000_20250801083000_0', '35058104100000_20250801163000_0']);

    // The upload answer says what was linked.
    const replay = (await upload(fixture('shishi-typhoon-cancel.xml'))).json();
    expect(replay.linked.map((l: { id: string; status: string }) => [l.id, l.status]).sort()).toEqual(
      [
        [alertId, 'updated'],
        [updateId, 'cancelled'],
      ].sort(),
    );
    expect(replay.unresolvedReferences).toEqual([]);
  });

  it('an Update whose original is unknown is stored and says so; the original arriving later is marked at once', async () => {
    const update = fixture('shishi-typhoon-update.xml').replaceAll('35058104100000_20250801163000_0', '35058104100000_20250901163000_0').replaceAll('35058104100000_20250801083000_0', '35058104100000_20250901083000_0');
    const res = await upload(update);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      msgType: 'Update',
      linked: [],
      unresolvedReferences: [{ sender: '350581@warning.example.cn', identifier: '35058104100000_20250901083000_0', sent: '2025-08-01T08:30:00+08:00' }],
      warning: { status: 'active', level: 'red' },
    });
    const original = await upload(fixture('shishi-typhoon-alert.xml').replaceAll('35058104100000_20250801083000_0', '35058104100000_20250901083000_0'));
    expect(original.statusCode).toBe(201);
    expect(original.json().warning.status).toBe('updated');
  });

  it('a CAP message never touches another unit’s warnings; the same message held elsewhere is a conflict', async () => {
    // 宝盖镇 holds an alert; a 灵秀镇 Cancel naming it changes nothing.
    const lingxiu = await loginAs(t.app, 'lingxiu_chief');
    const identifier = `35058110100000_20260601100000_${crypto.randomInt(0, 1e6)}`;
    const held = await upload(typhoonCap({ identifier }), await loginAs(t.app, 'baogai_chief'));
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json().warning.areaUnits.map((u: { name: string }) => u.name)).toEqual(['宝盖镇']);
    const cancel = fixture('shishi-typhoon-cancel.xml')
      .replace('35058104100000_20250802180000_0', `x${identifier}`)
      .replace(/<references>.*<\/references>/, `<references>350581@warning.example.cn,${identifier},2026-06-01T10:00:00+08:00</references>`);
    const res = await upload(cancel, lingxiu);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ linked: [], unresolvedReferences: [{ identifier }] });
    expect((await chief.get(`/api/warnings/${held.json().warning.id}`)).json().status).toBe('active');
    // The (sender, identifier) pair is stored once for the platform: 灵秀镇 cannot take in 宝盖镇's message.
    expect((await upload(typhoonCap({ identifier }), lingxiu)).json().code).toBe('WARNING_DUPLICATE');
  });
});

describe('strict import', () => {
  it('invalid XML is 400 with the line and column', async () => {
    const res = await upload('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier>');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CAP_INVALID', fields: [{ path: '/', code: 'xml_invalid', zh: expect.stringContaining('XML'), en: expect.stringContaining('line') }] });
  });

  it('a message missing required elements is 400 listing every one of them', async () => {
    const xml = typhoonCap()
      .replace(/<sender>.*<\/sender>/, '')
      .replace(/<scope>.*<\/scope>/, '')
      .replace(/<urgency>.*<\/urgency>/, '')
      .replace('<severity>Severe</severity>', '<severity>Bad</severity>');
    const res = await upload(xml);
    expect(res.statusCode).toBe(400);
    const err = res.json();
    expect(err.code).toBe('CAP_INVALID');
    expect(err.fields.map((f: { path: string; code: string }) => `${f.code} ${f.path}`).sort()).toEqual(
      ['bad_enum /alert/info[1]/severity', 'required /alert/info[1]/urgency', 'required /alert/scope', 'required /alert/sender'].sort(),
    );
  });

  it('bytes that are not UTF-8, no file, and a Test message are refused with their reason', async () => {
    const latin1 = Buffer.from(typhoonCap(), 'utf8');
    const bad = Buffer.concat([latin1.subarray(0, 60), Buffer.from([0xff, 0xfe]), latin1.subarray(60)]);
    const req = capUpload('');
    const boundary = /boundary=(.*)$/.exec(req.headers!['content-type']!)![1]!;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xml"\r\n\r\n`;
    const res = await send(t, countyCookie, { ...req, body: Buffer.concat([Buffer.from(head), bad, Buffer.from(`\r\n--${boundary}--\r\n`)]) });
    expect(res.json()).toMatchObject({ code: 'CAP_INVALID', fields: [{ code: 'not_utf8' }] });
    const none = await send(t, countyCookie, { ...req, body: Buffer.from(`--${boundary}--\r\n`) });
    expect(none.statusCode).toBe(400);
    const test = await upload(typhoonCap({ status: 'Test' }));
    expect(test.statusCode).toBe(422);
    expect(test.json().fields).toEqual([expect.objectContaining({ path: '/alert/status', code: 'status_not_taken' })]);
    // No level anywhere (severity Unknown, no colour in event or headline): refused, saying why (a
    // type of no kind here would only make it 其他).
    const vague = typhoonCap()
      .replace('<severity>Severe</severity>', '<severity>Unknown</severity>')
      .replace('<event>台风橙色预警</event>', '<event>天气提示</event>')
      .replace(/<headline>.*<\/headline>/, '<headline>请关注天气变化</headline>');
    const unmapped = await upload(vague);
    expect(unmapped.statusCode).toBe(422);
    expect(unmapped.json().fields.map((f: { code: string; path: string }) => `${f.code} ${f.path}`)).toEqual(['level_unknown /alert/info[1]/severity']);
  });

  it('a message larger than the limit is 413; a grid worker may not import', async () => {
    const big = typhoonCap().replace('<description>', `<description>${'台'.repeat(200_000)}`);
    expect((await upload(big)).statusCode).toBe(413);
    expect((await send(t, null, capUpload(typhoonCap()))).statusCode).toBe(401);
    expect((await send(t, gridCookie, capUpload(typhoonCap()))).statusCode).toBe(403);
  });
});

describe('publishing', () => {
  const manual = (extra: Record<string, unknown> = {}) => ({
    id: crypto.randomUUID(),
    type: 'rainstorm',
    level: 'yellow',
    areaDesc: '宝盖镇全域',
    areaUnitIds: [fx.units.baogai.id],
    effective: t.clock.now().toISOString(),
    expires: new Date(t.clock.now().getTime() + 86400_000).toISOString(),
    headline: '宝盖镇暴雨黄色预警',
    text: '预计未来6小时降雨量将达50毫米以上。',
    ...extra,
  });

  it('the public Atom feed lists real warnings with links to their CAP documents; exercises and restricted messages never appear', async () => {
    const real = (await chief.post('/api/warnings', manual())).json();
    const drill = (await chief.post('/api/warnings', manual({ exercise: true, headline: '【演练】暴雨黄色预警' }))).json();
    const restricted = await upload(typhoonCap().replace('<scope>Public</scope>', '<scope>Restricted</scope><restriction>仅限应急管理部门</restriction>'));
    expect(restricted.statusCode, restricted.body).toBe(201);
    const drillCap = await upload(typhoonCap({ status: 'Exercise' }));
    expect(drillCap.json().warning.exercise).toBe(true);

    const feed = await t.app.inject({ method: 'GET', url: '/api/public/cap/feed.xml' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.body).toContain(`/api/public/cap/${real.id}.xml`);
    for (const hidden of [drill.id, restricted.json().warning.id, drillCap.json().warning.id]) expect(feed.body).not.toContain(hidden);
    expect(feed.body).not.toContain('演练');

    const href = new RegExp(`href="http://[^"]+(/api/public/cap/${real.id}\\.xml)"`).exec(feed.body)![1]!;
    const doc = await t.app.inject({ method: 'GET', url: href });
    expect(doc.statusCode).toBe(200);
    const parsed = parseCap(doc.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.alert).toMatchObject({ identifier: real.identifier, status: 'Actual', scope: 'Public' });
    expect(parsed.alert.infos[0]!.areas[0]!.geocodes).toEqual([{ valueName: 'GB/T 2260', value: '350581101' }]);
    // Nothing of the platform's inside (issues, recipients, the holder's records) is in it.
    expect(doc.body).not.toMatch(/recipient|issue|created/i);

    for (const hidden of [drill.id, restricted.json().warning.id, drillCap.json().warning.id, crypto.randomUUID()]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/cap/${hidden}.xml` });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // Signed-in users in scope still export the exercise, marked as one.
    expect((await exported(chief, drill.id)).alert.status).toBe('Exercise');
    // Text XML cannot carry (a control character typed in by hand) is left out rather than failing the export.
    const bell = (await chief.post('/api/warnings', manual({ text: '警报\u0007响起' }))).json();
    expect((await exported(chief, bell.id)).alert.infos[0]!.description).toBe('警报响起');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/cap/not-a-uuid.xml' })).statusCode).toBe(400);
  });

  it('property: a warning entered through the API, exported, imported on another server and exported again is the same', async () => {
    const other = await createTestApp();
    try {
      const otherCookie = await loginAs(other.app, 'county_officer');
      const otherApi = apiAs(other.app, otherCookie);
      const chars = [...'台风暴雨雷电宝盖镇灵秀沿海村居请做好防御准备。，！：“”abcXYZ019 &<>"\'-'];
      const words = (max: number) =>
        fc
          .array(fc.constantFrom(...chars), { minLength: 1, maxLength: max })
          .map((a) => a.join(''))
          .filter((s) => s.trim() !== '');
      const areaUnits = [fx.units.county.id, fx.units.baogai.id, fx.units.lingxiu.id, fx.units.tanghou.id, fx.units.tanghouGrid1.id];
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            type: fc.constantFrom(...WARNING_TYPE_CODES),
            level: fc.constantFrom(...WARNING_LEVEL_CODES),
            areaDesc: words(60),
            areaUnitIds: fc.subarray(areaUnits, { minLength: 1 }),
            startSeconds: fc.integer({ min: -86400, max: 86400 }),
            hours: fc.integer({ min: 1, max: 96 }),
            headline: words(80),
            text: fc.array(words(60), { minLength: 1, maxLength: 3 }).map((p) => p.join('\n')),
            exercise: fc.boolean(),
          }),
          async (w) => {
            // One identifier per issuer and second (sequence 0–9): each run is a new second.
            t.clock.advance(1000);
            const effective = new Date(t.clock.now().getTime() + w.startSeconds * 1000);
            const created = await county.post('/api/warnings', {
              id: crypto.randomUUID(),
              type: w.type,
              level: w.level,
              areaDesc: w.areaDesc,
              areaUnitIds: w.areaUnitIds,
              effective: effective.toISOString(),
              expires: new Date(effective.getTime() + w.hours * 3600_000).toISOString(),
              headline: w.headline,
              text: w.text,
              exercise: w.exercise,
            });
            expect(created.statusCode, created.body).toBe(201);
            const original = created.json();
            const first = await exported(county, original.id);
            const imported = await upload(first.xml, otherCookie, other);
            expect(imported.statusCode, imported.body).toBe(201);
            const copy = imported.json().warning;
            for (const key of ['identifier', 'sender', 'sentAt', 'type', 'level', 'areaDesc', 'effective', 'expires', 'headline', 'text', 'exercise'] as const) {
              expect(copy[key], key).toEqual(original[key]);
            }
            expect(copy.areaUnits.map((u: { id: string }) => u.id).sort()).toEqual([...new Set(w.areaUnitIds)].sort());
            expect(copy.source).toBe('cap_upload');
            const second = await exported(otherApi, copy.id);
            expect(second.xml).toBe(first.xml);
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await other.close();
    }
  });
});

describe('the CAP feed job', () => {
  let tf: TestApp;
  let server: http.Server;
  let base: string;
  const hits = new Map<string, number>();
  let hang = false;

  const atom = (entries: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">
  <id>urn:test:feed</id><title>石狮市预警</title><updated>2025-08-02T10:00:00Z</updated>
  ${entries.join('\n  ')}
</feed>`;
  const linked = (href: string) => `<entry><id>${href}</id><title>CAP</title><updated>2025-08-02T10:00:00Z</updated><link rel="alternate" type="application/cap+xml" href="${href}"/></entry>`;
  // The Alert travels inside the feed, written with the feed's cap: prefix.
  const embedded = () =>
    `<entry><id>urn:alert</id><title>台风</title><updated>2025-08-01T00:30:00Z</updated><content type="application/cap+xml">${fixture('shishi-typhoon-alert.xml')
      .replace(/<\?xml[^>]*\?>/, '')
      .replace(/<!--.*?-->/, '')
      .replace('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">', '<cap:alert>')
      .replace('</alert>', '</cap:alert>')
      .replace(/<(\/?)(?!cap:)([a-zA-Z]+)>/g, '<$1cap:$2>')}</content></entry>`;

  beforeAll(async () => {
    tf = await createTestApp();
    const docs: Record<string, string> = {
      // Newest first, as feeds are: the job still takes the Alert in before its Update and Cancel.
      '/feed.xml': atom([linked('cancel.xml'), linked('/docs/update.xml'), embedded(), ...SPEC.map((s) => linked(s))]),
      '/cancel.xml': fixture('shishi-typhoon-cancel.xml'),
      '/docs/update.xml': fixture('shishi-typhoon-update.xml'),
      '/single.xml': typhoonCap({ geocode: '350581100' }),
      '/rss.xml': `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>预警</title>
        <item><title>台风</title><link>${'/rss-link.xml'}</link></item>
        <item><title>大雾</title><enclosure url="/rss-enclosure.xml" type="application/cap+xml" length="1"/></item>
      </channel></rss>`,
      '/rss-link.xml': typhoonCap({ geocode: '350581001' }),
      '/rss-enclosure.xml': typhoonCap({ geocode: '350581001' }).replace('台风橙色预警', '大雾橙色预警'),
      ...Object.fromEntries(SPEC.map((s) => [`/${s}`, fixture(s)])),
    };
    server = http.createServer((req, res) => {
      hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
      if (hang) return;
      const body = docs[req.url!];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await tf.close();
  });

  it('takes in the spec examples it can and the Chinese chain in order, held by the configured unit; a second poll stores nothing new', async () => {
    const report = await pollCapFeed(tf.db, tf.config, tf.clock.now(), { url: `${base}/feed.xml`, unitCode: '350581000000' });
    // Every spec example and the three messages of the chain: the ones of no type here come in as 其他.
    expect(report).toMatchObject({ created: 7, stored: 0, failed: [], refused: [] });
    const rows = await tf.db.select().from(warnings).where(eq(warnings.source, 'cap_feed'));
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.type === 'other')).toHaveLength(3);
    const byId = new Map(rows.map((r) => [r.identifier, r]));
    expect(byId.get('35058104100000_20250801083000_0')).toMatchObject({ status: 'updated', msgType: 'Alert', unitId: fx.units.county.id, createdBy: null });
    expect(byId.get('35058104100000_20250801163000_0')).toMatchObject({ status: 'cancelled', msgType: 'Update' });
    expect(byId.get('35058104100000_20250802180000_0')).toMatchObject({ status: 'cancelled', msgType: 'Cancel' });
    expect(byId.get('KSTO1055887203')).toMatchObject({ type: 'lightning', level: 'orange' });
    // The embedded Alert was written back as a document of its own and parses again.
    expect(parseCap(byId.get('35058104100000_20250801083000_0')!.capXml!).ok).toBe(true);
    const audits = await tf.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'warning.received'), eq(auditEvents.actorUsername, 'system:cap-feed')));
    expect(audits).toHaveLength(7);

    const second = await pollCapFeed(tf.db, tf.config, tf.clock.now(), { url: `${base}/feed.xml`, unitCode: '350581000000' });
    expect(second).toMatchObject({ created: 0, stored: 7 });
    expect(await tf.db.select().from(warnings).where(eq(warnings.source, 'cap_feed'))).toHaveLength(7);
  });

  it('the job polls the configured feed; documents it has seen are not fetched again; a single CAP document is a feed too', async () => {
    const config = { ...tf.config, capFeed: { url: `${base}/feed.xml`, unitCode: '350581000000' } };
    const logs: string[] = [];
    const [job] = capFeedJobs(config, (l) => logs.push(l));
    expect(job!.everySeconds).toBe(60);
    expect(await job!.run(tf.db, tf.clock.now())).toBe(0);
    expect(logs.filter((l) => l.includes('refused'))).toHaveLength(0);
    const before = hits.get('/cancel.xml');
    expect(await job!.run(tf.db, tf.clock.now())).toBe(0);
    expect(hits.get('/cancel.xml')).toBe(before);
    expect(logs.filter((l) => l.includes('refused'))).toHaveLength(0);
    expect(capFeedJobs(tf.config, () => undefined)).toEqual([]);

    const single = await pollCapFeed(tf.db, tf.config, tf.clock.now(), { url: `${base}/single.xml`, unitCode: '350581000000' });
    expect(single.created).toBe(1);
    const [row] = await tf.db.select().from(warnings).where(and(eq(warnings.source, 'cap_feed'), eq(warnings.type, 'typhoon'), eq(warnings.msgType, 'Alert'), eq(warnings.level, 'orange'), sql`${warnings.areaUnitIds} = array[${fx.units.lingxiu.id}::uuid]`));
    expect(row).toBeDefined();
  });

  it('an RSS feed links its CAP documents by <link> or <enclosure>', async () => {
    const report = await pollCapFeed(tf.db, tf.config, tf.clock.now(), { url: `${base}/rss.xml`, unitCode: '350581000000' });
    expect(report).toMatchObject({ created: 2, refused: [], failed: [] });
    const rows = await tf.db.select({ type: warnings.type }).from(warnings).where(sql`${warnings.areaUnitIds} = array[${fx.units.hubin.id}::uuid]`);
    expect(rows.map((r) => r.type).sort()).toEqual(['fog', 'typhoon']);
  });

  it('a feed that does not answer in time fails the poll (the job logs it and tries again next minute); an unknown unit code is refused', async () => {
    await expect(pollCapFeed(tf.db, tf.config, tf.clock.now(), { url: `${base}/single.xml`, unitCode: '350581999000' })).rejects.toThrow(/CAP_FEED_UNIT_CODE/);
    hang = true;
    try {
      await expect(pollCapFeed(tf.db, tf.config, tf.clock.now(), { url: `${base}/feed.xml`, unitCode: '350581000000', timeoutMs: 200 })).rejects.toThrow();
    } finally {
      hang = false;
      server.closeAllConnections();
    }
  });
});
