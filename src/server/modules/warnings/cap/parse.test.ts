import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCap, type CapAlert, type CapIssue } from '.';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function parsed(xml: string): CapAlert {
  const r = parseCap(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.alert;
}

function errors(xml: string): CapIssue[] {
  const r = parseCap(xml);
  if (r.ok) throw new Error('expected the message to be refused');
  return r.errors;
}

const codesAt = (list: CapIssue[]) => list.map((e) => `${e.code} ${e.path}`);

/** A minimal valid message with one info; `alert` and `info` replace parts of it. */
function message({ alert, info, area }: { alert?: string; info?: string; area?: string } = {}): string {
  const head = alert ?? `<identifier>X1</identifier><sender>s@example.cn</sender><sent>2025-08-01T08:30:00+08:00</sent>
    <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>`;
  const body = info ?? `<category>Met</category><event>台风</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>`;
  const areaXml = area === undefined ? '' : `<area>${area}</area>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">${head}<info>${body}${areaXml}</info></alert>`;
}

describe('the CAP 1.2 specification examples (Appendix A) import', () => {
  it('A.1 Homeland Security Advisory System alert', () => {
    const a = parsed(fixture('spec-a1-homeland-security.xml'));
    expect(a).toMatchObject({ identifier: '43b080713727', sender: 'hsas@dhs.gov', sent: '2003-04-02T14:39:01-05:00', status: 'Actual', msgType: 'Alert', scope: 'Public' });
    const info = a.infos[0]!;
    expect(info.categories).toEqual(['Security']);
    expect(info.instruction).toMatch(/^A High Condition/);
    expect(info.parameters).toEqual([{ valueName: 'HSAS', value: 'ORANGE' }]);
    expect(info.resources).toEqual([{ resourceDesc: 'Image file (GIF)', mimeType: 'image/gif', uri: 'http://www.dhs.gov/dhspublic/getAdvisoryImage' }]);
    expect(info.areas).toEqual([{ areaDesc: 'U.S. nationwide and interests worldwide', polygons: [], circles: [], geocodes: [] }]);
  });

  it('A.2 severe thunderstorm warning with a polygon and SAME geocodes', () => {
    const info = parsed(fixture('spec-a2-thunderstorm.xml')).infos[0]!;
    expect(info.responseTypes).toEqual(['Shelter']);
    expect(info.eventCodes).toEqual([{ valueName: 'SAME', value: 'SVR' }]);
    expect(info.expires).toBe('2003-06-17T16:00:00-07:00');
    const area = info.areas[0]!;
    expect(area.polygons[0]).toEqual([
      { lat: 38.47, lon: -120.14 },
      { lat: 38.34, lon: -119.95 },
      { lat: 38.52, lon: -119.74 },
      { lat: 38.62, lon: -119.89 },
      { lat: 38.47, lon: -120.14 },
    ]);
    expect(area.geocodes.map((g) => g.value)).toEqual(['006109', '006009', '006003']);
  });

  it('A.3 earthquake Update refers to the original report', () => {
    const a = parsed(fixture('spec-a3-earthquake-update.xml'));
    expect(a.msgType).toBe('Update');
    expect(a.references).toEqual([{ sender: 'trinet@caltech.edu', identifier: 'TRI13970876.1', sent: '2003-06-11T20:30:00-07:00' }]);
    expect(a.infos[0]!.parameters).toHaveLength(5);
    expect(a.infos[0]!.areas[0]!.circles).toEqual([{ center: { lat: 32.9525, lon: -115.5527 }, radiusKm: 0 }]);
  });

  it('A.4 multilingual Amber alert keeps both languages', () => {
    const a = parsed(fixture('spec-a4-amber-alert.xml'));
    expect(a.source).toBe('SW');
    expect(a.infos.map((i) => [i.language, i.event])).toEqual([
      ['en-US', 'Child Abduction'],
      ['es-US', 'Abducción de Niño'],
    ]);
    expect(a.infos[0]!.description).toContain(`3'0", 40 LBS.`);
  });
});

describe('a Chinese Alert → Update → Cancel chain', () => {
  const original = parsed(fixture('shishi-typhoon-alert.xml'));
  const update = parsed(fixture('shishi-typhoon-update.xml'));
  const cancel = parsed(fixture('shishi-typhoon-cancel.xml'));
  const key = (a: CapAlert) => ({ sender: a.sender, identifier: a.identifier, sent: a.sent });

  it('reads Chinese text, CDATA and entities', () => {
    const info = original.infos[0]!;
    expect(info.event).toBe('台风橙色预警');
    expect(info.instruction).toBe('1. 渔船回港避风，沿海养殖人员撤离上岸；2. 停止露天集体活动 & 高空作业。');
    expect(info.areas.map((a) => a.areaDesc)).toEqual(['石狮市宝盖镇、灵秀镇沿海村居', '祥芝渔港周边 5 千米']);
  });

  it('the Update (written with a cap: prefix) points at the original', () => {
    expect(update.msgType).toBe('Update');
    expect(update.references).toEqual([key(original)]);
  });

  it('the Cancel points at the original and the update', () => {
    expect(cancel.msgType).toBe('Cancel');
    expect(cancel.references).toEqual([key(original), key(update)]);
  });
});

describe('strict import lists every problem', () => {
  it('a message missing identifier, sender and info/event gets exactly those 3 errors', () => {
    const xml = message({
      alert: '<sent>2025-08-01T08:30:00+08:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>',
      info: '<category>Met</category><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>',
    });
    const list = errors(xml);
    expect(codesAt(list)).toEqual(['required /alert/identifier', 'required /alert/sender', 'required /alert/info[1]/event']);
    expect(list[0]!.zh).toBe('缺少必填元素 <identifier>');
    expect(list[0]!.en).toBe('Required element <identifier> is missing');
  });

  it('not well-formed XML gives one error with the parser position', () => {
    const list = errors('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">\n  <identifier>X</sender>\n</alert>');
    expect(list).toHaveLength(1);
    expect(list[0]!.code).toBe('xml_invalid');
    expect(list[0]!.en).toMatch(/line 2, column \d+/);
    expect(errors('')[0]!.code).toBe('xml_invalid');
    expect(errors('<a/><b/>')[0]!.code).toBe('xml_invalid');
  });

  it('refuses unknown entities, forbidden characters and DOCTYPE', () => {
    expect(errors(message({ info: '<category>Met</category><event>&nbsp;</event>' }))[0]!.en).toMatch(/entity reference &nbsp;/);
    expect(errors(message({ info: '<category>Met</category><event>&#0;</event>' }))[0]!.code).toBe('xml_invalid');
    expect(errors(message().replace('台风', 'a\u0001b'))[0]!.code).toBe('xml_invalid');
    const doctype = message().replace('<alert', '<!DOCTYPE alert [<!ENTITY x "y">]>\n<alert');
    expect(codesAt(errors(doctype))).toEqual(['doctype_forbidden /']);
  });

  it('wrong root or namespace', () => {
    expect(codesAt(errors(message().replace(':cap:1.2', ':cap:1.1')))).toEqual(['wrong_namespace /alert']);
    expect(codesAt(errors(message().replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', '')))).toEqual(['wrong_namespace /alert']);
    expect(codesAt(errors('<feed xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>'))).toEqual(['not_cap_alert /']);
    expect(codesAt(errors('<c:alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>'))).toEqual(['unbound_prefix /']);
  });

  it('bad enumerations and date-times, all at once', () => {
    const xml = message({
      alert: `<identifier>X1</identifier><sender>s@example.cn</sender><sent>2025-08-01T08:30:00Z</sent>
        <status>Real</status><msgType>Alert</msgType><scope>Everyone</scope>`,
      info: `<category>Weather</category><event>台风</event><urgency>Now</urgency><severity>Severe</severity><certainty>Likely</certainty>
        <effective>2025-02-30T08:00:00+08:00</effective><onset>2025-08-01T08:30:00.5+08:00</onset><expires>2025-08-01 20:00:00+08:00</expires>`,
    });
    expect(codesAt(errors(xml))).toEqual([
      'bad_datetime /alert/sent',
      'bad_enum /alert/status',
      'bad_enum /alert/scope',
      'bad_enum /alert/info[1]/category[1]',
      'bad_enum /alert/info[1]/urgency',
      'bad_datetime /alert/info[1]/effective',
      'bad_datetime /alert/info[1]/onset',
      'bad_datetime /alert/info[1]/expires',
    ]);
  });

  it('polygons need at least 4 points and must close; circles need a radius', () => {
    const list = errors(
      message({
        area: `<areaDesc>宝盖镇</areaDesc>
          <polygon>24.1,118.1 24.2,118.2 24.1,118.1</polygon>
          <polygon>24.1,118.1 24.2,118.2 24.3,118.1 24.2,118.0</polygon>
          <polygon>24.1,118.1 24.2 24.3,118.1 24.1,118.1</polygon>
          <polygon>95,118.1 24.2,118.2 24.3,118.1 95,118.1</polygon>
          <circle>24.1,118.1</circle>`,
      }),
    );
    expect(codesAt(list)).toEqual([
      'bad_polygon /alert/info[1]/area[1]/polygon[1]',
      'bad_polygon /alert/info[1]/area[1]/polygon[2]',
      'bad_polygon /alert/info[1]/area[1]/polygon[3]',
      'bad_polygon /alert/info[1]/area[1]/polygon[4]',
      'bad_circle /alert/info[1]/area[1]/circle[1]',
    ]);
    expect(list[0]!.zh).toContain('至少需要 4 个坐标点');
    expect(list[1]!.en).toContain('first and last');
  });

  it('follows the schema: order, cardinality, unknown elements, text and attributes', () => {
    const xml = message({
      alert: `<sender>s@example.cn</sender><identifier>X1</identifier><sent>2025-08-01T08:30:00+08:00</sent>
        <status>Actual</status><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><priority>1</priority>`,
      info: `<category lang="x">Met</category><event>台风<b>!</b></event>stray<urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>`,
    });
    expect(codesAt(errors(xml))).toEqual([
      'out_of_order /alert/identifier',
      'too_many /alert/status',
      'unknown_element /alert/priority',
      'unexpected_text /alert/info[1]',
      'unexpected_attribute /alert/info[1]/category[1]',
      'unknown_element /alert/info[1]/event/b',
    ]);
  });

  it('allows foreign-namespace extensions and xsi attributes on <alert> only', () => {
    const ok = message().replace('<info>', '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/><info>');
    expect(parseCap(ok).ok).toBe(true);
    const bad = message({ info: '<category>Met</category><x:y xmlns:x="urn:x"/><event>e</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>' });
    expect(codesAt(errors(bad))).toEqual(['unknown_element /alert/info[1]/x:y']);
  });

  it('identifier and sender must not hold spaces, commas, < or &', () => {
    const xml = message({
      alert: `<identifier>A 1</identifier><sender>a,b&amp;c</sender><sent>2025-08-01T08:30:00+08:00</sent>
        <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>`,
    });
    expect(codesAt(errors(xml))).toEqual(['forbidden_chars /alert/identifier', 'forbidden_chars /alert/sender']);
  });

  it('Update, Cancel, Private and Restricted messages need their companions', () => {
    const head = (msgType: string, scope: string, extra = '') =>
      `<identifier>X2</identifier><sender>s@example.cn</sender><sent>2025-08-01T08:30:00+08:00</sent><status>Actual</status>
       <msgType>${msgType}</msgType><scope>${scope}</scope>${extra}`;
    expect(codesAt(errors(message({ alert: head('Cancel', 'Public') })))).toEqual(['references_required /alert/references']);
    expect(codesAt(errors(message({ alert: head('Update', 'Private') })))).toEqual([
      'addresses_required /alert/addresses',
      'references_required /alert/references',
    ]);
    expect(codesAt(errors(message({ alert: head('Alert', 'Restricted') })))).toEqual(['restriction_required /alert/restriction']);
    expect(codesAt(errors(message({ alert: head('Update', 'Public', '<references>s@example.cn,X1</references>') })))).toEqual([
      'bad_references /alert/references',
    ]);
    const addresses = parsed(message({ alert: head('Alert', 'Private', '<addresses>350581 "宝盖镇 应急站" lingxiu</addresses>') }));
    expect(addresses.addresses).toEqual(['350581', '宝盖镇 应急站', 'lingxiu']);
  });

  it('numbers: altitude is a decimal, ceiling needs altitude, size a non-negative integer', () => {
    const xml = message({
      info: `<category>Met</category><event>e</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>
        <resource><resourceDesc>图</resourceDesc><mimeType>image/png</mimeType><size>-3</size></resource>`,
      area: '<areaDesc>a</areaDesc><altitude>1e3</altitude><ceiling>100</ceiling>',
    });
    expect(codesAt(errors(xml))).toEqual([
      'bad_integer /alert/info[1]/resource[1]/size',
      'bad_number /alert/info[1]/area[1]/altitude',
      'ceiling_without_altitude /alert/info[1]/area[1]/ceiling',
    ]);
  });

  it('a blank required element is reported as empty', () => {
    const xml = message({ info: '<category>Met</category><event>  </event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>' });
    expect(codesAt(errors(xml))).toEqual(['empty /alert/info[1]/event']);
  });
});
