import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WARNING_LEVELS,
  WARNING_TYPES,
  capToWarningDraft,
  detectWarningType,
  exportCap,
  levelToSeverity,
  parseCap,
  severityToLevel,
  warningToCap,
  type CapAlert,
  type WarningLevel,
  type WarningType,
} from '.';

const load = (name: string): CapAlert => {
  const r = parseCap(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.alert;
};

describe('warning levels and CAP severity', () => {
  it('红/橙/黄/蓝 = Ⅰ/Ⅱ/Ⅲ/Ⅳ = Extreme/Severe/Moderate/Minor, both ways', () => {
    expect(Object.entries(WARNING_LEVELS).map(([k, v]) => [k, v.zh, v.roman, v.severity])).toEqual([
      ['red', '红色', 'Ⅰ', 'Extreme'],
      ['orange', '橙色', 'Ⅱ', 'Severe'],
      ['yellow', '黄色', 'Ⅲ', 'Moderate'],
      ['blue', '蓝色', 'Ⅳ', 'Minor'],
    ]);
    for (const level of Object.keys(WARNING_LEVELS) as WarningLevel[]) expect(severityToLevel(levelToSeverity(level))).toBe(level);
    expect(severityToLevel('Unknown')).toBeNull();
  });
});

describe('warning type detection', () => {
  const detect = (event: string, codes: string[] = []) =>
    detectWarningType({ event, eventCodes: codes.map((value) => ({ valueName: 'x', value })) });

  it('reads Chinese and English names', () => {
    const cases: [string, WarningType][] = [
      ['台风橙色预警', 'typhoon'],
      ['Tropical Storm Warning', 'typhoon'],
      ['暴雨红色预警信号', 'rainstorm'],
      ['Heavy Rain Warning', 'rainstorm'],
      ['雷电黄色预警', 'lightning'],
      ['雷雨大风黄色预警', 'gale'],
      ['Gale warning', 'gale'],
      ['高温橙色预警', 'heat'],
      ['Extreme Heat Warning', 'heat'],
      ['寒潮蓝色预警', 'cold_wave'],
      ['大雾黄色预警', 'fog'],
      ['Dense Fog Advisory', 'fog'],
      ['地质灾害气象风险预警', 'geological'],
      ['Landslide warning', 'geological'],
      ['风暴潮橙色预警', 'storm_surge'],
      ['Storm Surge Warning', 'storm_surge'],
      ['森林火险红色预警', 'forest_fire'],
      ['Wildfire warning', 'forest_fire'],
    ];
    for (const [event, type] of cases) expect([event, detect(event)]).toEqual([event, type]);
  });

  it('falls back to event codes, and admits when it cannot tell', () => {
    expect(detect('Weather statement', ['SVR'])).toBe('lightning');
    expect(detect('Child Abduction', ['CAE'])).toBeNull();
    expect(detect('Earthquake')).toBeNull();
  });
});

describe('CAP → warning draft', () => {
  it('the Chinese typhoon chain becomes drafts that link by identifier', () => {
    const alert = capToWarningDraft(load('shishi-typhoon-alert.xml'));
    expect(alert).toMatchObject({
      type: 'typhoon',
      level: 'orange',
      msgType: 'Alert',
      headline: '石狮市气象台发布台风橙色预警信号',
      effective: new Date('2025-08-01T00:30:00Z'),
      expires: new Date('2025-08-02T12:00:00Z'),
      referencesIds: [],
    });
    expect(alert.areas).toHaveLength(2);
    expect(alert.text).toContain('竹节草');
    expect(alert.text).toContain('渔船回港避风');

    expect(capToWarningDraft(load('shishi-typhoon-update.xml'))).toMatchObject({
      level: 'red',
      msgType: 'Update',
      referencesIds: ['35058104100000_20250801083000_0'],
    });
    expect(capToWarningDraft(load('shishi-typhoon-cancel.xml'))).toMatchObject({
      msgType: 'Cancel',
      referencesIds: ['35058104100000_20250801083000_0', '35058104100000_20250801163000_0'],
    });
  });

  it('spec examples: the thunderstorm reads as lightning, the Amber alert has no type', () => {
    const draft = capToWarningDraft(load('spec-a2-thunderstorm.xml'));
    expect(draft).toMatchObject({ type: 'lightning', level: 'orange', effective: new Date('2003-06-17T21:57:00Z') });
    expect(capToWarningDraft(load('spec-a4-amber-alert.xml')).type).toBeNull();
  });
});

describe('warning → CAP', () => {
  it('writes a zh-CN alert in Beijing time that exports, imports and reads back as the same warning', () => {
    const areas = [{ areaDesc: '宝盖镇', polygons: [], circles: [], geocodes: [{ valueName: 'GB/T 2260', value: '350581' }] }];
    for (const type of Object.keys(WARNING_TYPES) as WarningType[]) {
      for (const level of Object.keys(WARNING_LEVELS) as WarningLevel[]) {
        const warning = {
          type,
          level,
          areas,
          effective: new Date('2025-08-01T00:30:00Z'),
          expires: new Date('2025-08-02T12:00:00Z'),
          headline: `${WARNING_TYPES[type].zh}${WARNING_LEVELS[level].zh}预警`,
          text: '请做好防范。',
          msgType: 'Alert' as const,
        };
        const cap = warningToCap(warning, { identifier: '35058104100000_20250801083000_0', sender: '350581@lastmeter', sent: new Date('2025-08-01T00:30:00Z'), status: 'Exercise' });
        expect(cap.sent).toBe('2025-08-01T08:30:00+08:00');
        expect(cap.infos[0]!.severity).toBe(WARNING_LEVELS[level].severity);
        const back = parseCap(exportCap(cap));
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(capToWarningDraft(back.alert)).toEqual({ ...warning, referencesIds: [] });
      }
    }
  });

  it('a Cancel carries its references', () => {
    const original = load('shishi-typhoon-alert.xml');
    const cap = warningToCap(
      { type: 'typhoon', level: 'orange', areas: [], effective: null, expires: null, headline: '解除', text: '', msgType: 'Cancel' },
      {
        identifier: '35058104100000_20250802180000_0',
        sender: original.sender,
        sent: new Date('2025-08-02T10:00:00Z'),
        status: 'Actual',
        references: [{ sender: original.sender, identifier: original.identifier, sent: original.sent }],
      },
    );
    const back = parseCap(exportCap(cap));
    expect(back.ok && back.alert.references[0]!.identifier).toBe(original.identifier);
  });
});
