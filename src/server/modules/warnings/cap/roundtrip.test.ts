import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAP_CATEGORIES,
  CAP_CERTAINTIES,
  CAP_MSG_TYPES,
  CAP_RESPONSE_TYPES,
  CAP_SCOPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  CAP_URGENCIES,
  CapExportError,
  exportCap,
  parseCap,
  validateCapAlert,
  type CapAlert,
  type CapArea,
  type CapInfo,
  type CapPoint,
} from '.';

const fixtureDir = new URL('./fixtures/', import.meta.url);

function reimport(alert: CapAlert): CapAlert {
  const r = parseCap(exportCap(alert));
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.alert;
}

describe('export → import round-trips', () => {
  for (const name of readdirSync(fixtureDir).filter((f) => f.endsWith('.xml'))) {
    it(`${name} exports to valid CAP that imports to the same alert`, () => {
      const r = parseCap(readFileSync(new URL(name, fixtureDir), 'utf8'));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(reimport(r.alert)).toEqual(r.alert);
    });
  }

  it('escapes markup characters and keeps carriage returns', () => {
    const r = parseCap(readFileSync(new URL('shishi-typhoon-alert.xml', fixtureDir), 'utf8'));
    if (!r.ok) throw new Error('fixture');
    const tricky = '<b>台风</b> & "雨" ]]> \'x\'\r\n第二行';
    const alert: CapAlert = { ...r.alert, infos: [{ ...r.alert.infos[0]!, description: tricky }] };
    const xml = exportCap(alert);
    expect(xml).toContain('&lt;b&gt;台风&lt;/b&gt; &amp; "雨" ]]&gt;');
    expect(xml).toContain('&#13;');
    expect(reimport(alert).infos[0]!.description).toBe(tricky);
  });

  it('refuses to export an alert that would not import, listing why', () => {
    const r = parseCap(readFileSync(new URL('spec-a2-thunderstorm.xml', fixtureDir), 'utf8'));
    if (!r.ok) throw new Error('fixture');
    const open: CapPoint[] = [
      { lat: 1, lon: 1 },
      { lat: 2, lon: 2 },
      { lat: 3, lon: 1 },
      { lat: 1, lon: 2 },
    ];
    const bad: CapAlert = {
      ...r.alert,
      identifier: 'has space',
      sent: '2003-06-17T14:57:00Z',
      msgType: 'Cancel',
      infos: [{ ...r.alert.infos[0]!, event: '', areas: [{ areaDesc: 'x', polygons: [open], circles: [], geocodes: [] }] }],
    };
    expect(() => exportCap(bad)).toThrow(CapExportError);
    expect(validateCapAlert(bad).map((i) => `${i.code} ${i.path}`)).toEqual([
      'forbidden_chars /alert/identifier',
      'bad_datetime /alert/sent',
      'empty /alert/info[1]/event',
      'bad_polygon /alert/info[1]/area[1]/polygon[1]',
      'references_required /alert/references',
    ]);
  });
});

// ---- generators of valid alerts ----

const XML_WS = /^[ \t\n\r]+|[ \t\n\r]+$/g;
const char = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']]>', '&amp;', '\n', '\r', '\t', '，', '。', 'é', '😀', '\u3000') },
);
/** Non-empty text without XML whitespace at either end (import trims it). */
const text = fc
  .array(char, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').replace(XML_WS, ''))
  .filter((s) => s.length > 0);
const token = fc.stringMatching(/^[A-Za-z0-9@._:\-台风预警]{1,24}$/);
const groupEntry = text.map((s) => s.replace(/"/g, '')).filter((s) => s.trim().length > 0 && s === s.trim());

const dateTime = fc
  .record({
    y: fc.integer({ min: 1970, max: 2099 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    sign: fc.constantFrom('+', '-'),
    oh: fc.integer({ min: 0, max: 14 }),
    om: fc.constantFrom(0, 30, 45),
  })
  .map(({ y, mo, d, h, mi, s, sign, oh, om }) => {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${sign}${p(oh)}:${p(om)}`;
  });

const coordinate = (max: number) => fc.integer({ min: -max * 10_000, max: max * 10_000 }).map((n) => (n === 0 ? 0 : n / 10_000));
const point: fc.Arbitrary<CapPoint> = fc.record({ lat: coordinate(90), lon: coordinate(180) });
const polygon = fc.array(point, { minLength: 3, maxLength: 8 }).map((ps) => [...ps, ps[0]!]);
const pair = fc.record({ valueName: text, value: text });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const area: fc.Arbitrary<CapArea> = fc
  .record({
    areaDesc: text,
    polygons: fc.array(polygon, { maxLength: 2 }),
    circles: fc.array(fc.record({ center: point, radiusKm: fc.integer({ min: 0, max: 500_000 }).map((n) => n / 100) }), { maxLength: 2 }),
    geocodes: fc.array(pair, { maxLength: 3 }),
    altitude: opt(fc.integer({ min: -5000, max: 60_000 })),
    ceiling: opt(fc.integer({ min: 0, max: 90_000 }).map((n) => n / 10)),
  })
  // <ceiling> only with <altitude>.
  .map((a) => (a.altitude === undefined ? { ...a, ceiling: undefined } : a));

const info: fc.Arbitrary<CapInfo> = fc.record({
  language: opt(fc.constantFrom('zh-CN', 'en-US', 'es-US', 'zh-Hans-CN')),
  categories: fc.uniqueArray(fc.constantFrom(...CAP_CATEGORIES), { minLength: 1, maxLength: 3 }),
  event: text,
  responseTypes: fc.uniqueArray(fc.constantFrom(...CAP_RESPONSE_TYPES), { maxLength: 3 }),
  urgency: fc.constantFrom(...CAP_URGENCIES),
  severity: fc.constantFrom(...CAP_SEVERITIES),
  certainty: fc.constantFrom(...CAP_CERTAINTIES),
  audience: opt(text),
  eventCodes: fc.array(pair, { maxLength: 2 }),
  effective: opt(dateTime),
  onset: opt(dateTime),
  expires: opt(dateTime),
  senderName: opt(text),
  headline: opt(text),
  description: opt(text),
  instruction: opt(text),
  web: opt(fc.webUrl()),
  contact: opt(text),
  parameters: fc.array(pair, { maxLength: 3 }),
  resources: fc.array(
    fc.record({
      resourceDesc: text,
      mimeType: fc.constantFrom('image/png', 'application/pdf', 'text/plain'),
      size: opt(fc.nat()),
      uri: opt(fc.webUrl()),
      derefUri: opt(fc.base64String({ minLength: 4, maxLength: 40 })),
      digest: opt(fc.stringMatching(/^[0-9a-f]{40}$/)),
    }),
    { maxLength: 2 },
  ),
  areas: fc.array(area, { maxLength: 3 }),
});

const alert: fc.Arbitrary<CapAlert> = fc
  .record({
    identifier: token,
    sender: token,
    sent: dateTime,
    status: fc.constantFrom(...CAP_STATUSES),
    msgType: fc.constantFrom(...CAP_MSG_TYPES),
    source: opt(text),
    scope: fc.constantFrom(...CAP_SCOPES),
    restriction: opt(text),
    addresses: fc.array(groupEntry, { maxLength: 4 }),
    codes: fc.array(token, { maxLength: 3 }),
    note: opt(text),
    references: fc.array(fc.record({ sender: token, identifier: token, sent: dateTime }), { maxLength: 3 }),
    incidents: fc.array(groupEntry, { maxLength: 3 }),
    infos: fc.array(info, { maxLength: 3 }),
    fallbackRestriction: text,
    fallbackAddress: groupEntry,
    fallbackReference: fc.record({ sender: token, identifier: token, sent: dateTime }),
  })
  // Fill in what the cross-element rules demand.
  .map(({ fallbackRestriction, fallbackAddress, fallbackReference, ...a }) => ({
    ...a,
    restriction: a.scope === 'Restricted' ? (a.restriction ?? fallbackRestriction) : a.restriction,
    addresses: a.scope === 'Private' && a.addresses.length === 0 ? [fallbackAddress] : a.addresses,
    references: a.msgType !== 'Alert' && a.references.length === 0 ? [fallbackReference] : a.references,
  }));

describe('property: any valid alert survives export → import unchanged', () => {
  it('generated alerts are valid and round-trip by deep equality', () => {
    fc.assert(
      fc.property(alert, (a) => {
        expect(validateCapAlert(a)).toEqual([]);
        expect(reimport(a)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});
