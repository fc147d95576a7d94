import type { CapAlert, CapArea, CapCategory, CapInfo, CapMsgType, CapReference, CapSeverity, CapStatus, CapUrgency } from './cap';
import { capDateTimeToDate, formatCapDateTime } from './rules';

/**
 * Between CAP and our warnings: the warning types a township station receives, the four colour
 * levels (红/橙/黄/蓝 = Ⅰ/Ⅱ/Ⅲ/Ⅳ) and CAP severity, and a best-effort reading of an imported alert
 * into a warning draft that a person confirms.
 */

export const WARNING_TYPES = {
  typhoon: { zh: '台风', en: 'Typhoon', category: 'Met' },
  rainstorm: { zh: '暴雨', en: 'Rainstorm', category: 'Met' },
  lightning: { zh: '雷电', en: 'Lightning', category: 'Met' },
  gale: { zh: '大风', en: 'Gale', category: 'Met' },
  heat: { zh: '高温', en: 'Heat', category: 'Met' },
  cold_wave: { zh: '寒潮', en: 'Cold wave', category: 'Met' },
  fog: { zh: '大雾', en: 'Fog', category: 'Met' },
  geological: { zh: '地质灾害', en: 'Geological hazard', category: 'Geo' },
  storm_surge: { zh: '风暴潮', en: 'Storm surge', category: 'Met' },
  forest_fire: { zh: '森林火险', en: 'Forest fire danger', category: 'Fire' },
  other: { zh: '其他', en: 'Other', category: 'Other' },
} as const satisfies Record<string, { zh: string; en: string; category: CapCategory }>;
export type WarningType = keyof typeof WARNING_TYPES;

/** Colour levels, most severe first; CAP severity is the level's standard counterpart. */
export const WARNING_LEVELS = {
  red: { zh: '红色', en: 'Red', roman: 'Ⅰ', severity: 'Extreme' },
  orange: { zh: '橙色', en: 'Orange', roman: 'Ⅱ', severity: 'Severe' },
  yellow: { zh: '黄色', en: 'Yellow', roman: 'Ⅲ', severity: 'Moderate' },
  blue: { zh: '蓝色', en: 'Blue', roman: 'Ⅳ', severity: 'Minor' },
} as const satisfies Record<string, { zh: string; en: string; roman: string; severity: CapSeverity }>;
export type WarningLevel = keyof typeof WARNING_LEVELS;

export function levelToSeverity(level: WarningLevel): CapSeverity {
  return WARNING_LEVELS[level].severity;
}

/** Unknown severity has no level. */
export function severityToLevel(severity: CapSeverity): WarningLevel | null {
  const found = (Object.keys(WARNING_LEVELS) as WarningLevel[]).find((l) => WARNING_LEVELS[l].severity === severity);
  return found ?? null;
}

/**
 * Words that name each type in Chinese and English feeds, most specific first: "雷雨大风" is a gale
 * warning in the Chinese scheme, so 大风 is tried before 雷. SAME codes are the US EAS event codes
 * that have a counterpart here.
 */
const TYPE_WORDS: [WarningType, RegExp][] = [
  ['storm_surge', /风暴潮|storm\s*surge|\bSSW\b|\bSSA\b/i],
  ['typhoon', /台风|热带风暴|热带气旋|typhoon|tropical\s*(storm|cyclone)|hurricane|\bHUW\b|\bTRW\b/i],
  ['forest_fire', /森林火险|森林火灾|草原火险|forest\s*fire|wild\s*fire|\bFRW\b|fire\s*(weather|danger)/i],
  ['geological', /地质灾害|滑坡|泥石流|崩塌|geolog|landslide|debris\s*flow|mud\s*slide/i],
  ['cold_wave', /寒潮|cold\s*wave|\bCWW\b/i],
  ['heat', /高温|heat|high\s*temperature|\bEHW\b/i],
  ['fog', /大雾|雾|\bfog\b/i],
  ['rainstorm', /暴雨|rain\s*storm|heavy\s*rain/i],
  ['gale', /大风|gale|high\s*wind|strong\s*wind|\bHWW\b/i],
  ['lightning', /雷电|雷暴|雷|lightning|thunder|\bSVR\b/i],
];

export function detectWarningType(info: Pick<CapInfo, 'event' | 'eventCodes' | 'headline'>): WarningType | null {
  // Our own export names the type exactly.
  const own = info.eventCodes.find((c) => c.valueName === OWN_TYPE_CODE)?.value;
  if (own && own in WARNING_TYPES) return own as WarningType;
  for (const text of [info.event, ...info.eventCodes.map((c) => c.value), info.headline ?? '']) {
    const hit = TYPE_WORDS.find(([, re]) => re.test(text));
    if (hit) return hit[0];
  }
  return null;
}

const LEVEL_WORDS: [WarningLevel, RegExp][] = [
  ['red', /红色|Ⅰ级|\bred\b/i],
  ['orange', /橙色|Ⅱ级|\borange\b/i],
  ['yellow', /黄色|Ⅲ级|\byellow\b/i],
  ['blue', /蓝色|Ⅳ级|\bblue\b/i],
];

function detectLevel(info: CapInfo): WarningLevel | null {
  const own = info.parameters.find((p) => p.valueName === OWN_LEVEL_PARAMETER)?.value;
  if (own && own in WARNING_LEVELS) return own as WarningLevel;
  const bySeverity = severityToLevel(info.severity);
  if (bySeverity) return bySeverity;
  for (const text of [info.event, info.headline ?? '']) {
    const hit = LEVEL_WORDS.find(([, re]) => re.test(text));
    if (hit) return hit[0];
  }
  return null;
}

export interface WarningDraft {
  type: WarningType | null;
  level: WarningLevel | null;
  areas: CapArea[];
  effective: Date | null;
  expires: Date | null;
  headline: string;
  text: string;
  msgType: CapMsgType;
  /** Identifiers of the messages an Update or Cancel refers to. */
  referencesIds: string[];
}

/** The info block to read: the first in Chinese, else the first. */
function chooseInfo(alert: CapAlert): CapInfo | undefined {
  return alert.infos.find((i) => /^zh\b/i.test(i.language ?? '')) ?? alert.infos[0];
}

export function capToWarningDraft(alert: CapAlert): WarningDraft {
  const info = chooseInfo(alert);
  const effective = info?.effective ?? info?.onset ?? alert.sent;
  return {
    type: info ? detectWarningType(info) : null,
    level: info ? detectLevel(info) : null,
    areas: info?.areas ?? [],
    effective: capDateTimeToDate(effective),
    expires: info?.expires ? capDateTimeToDate(info.expires) : null,
    headline: info?.headline ?? info?.event ?? '',
    text: [info?.description, info?.instruction].filter((t): t is string => !!t).join('\n\n'),
    msgType: alert.msgType,
    referencesIds: alert.references.map((r) => r.identifier),
  };
}

/** eventCode valueNames our export writes, so our own messages read back exactly. */
export const OWN_TYPE_CODE = 'LastMeter:warningType';
export const OWN_LEVEL_PARAMETER = 'LastMeter:warningLevel';

export interface CapEnvelope {
  identifier: string;
  sender: string;
  sent: Date;
  /** 'Exercise' for 演练. */
  status: CapStatus;
  senderName?: string;
  /** The earlier messages an Update or Cancel refers to. */
  references?: CapReference[];
}

export interface WarningForCap extends Omit<WarningDraft, 'type' | 'level' | 'referencesIds'> {
  type: WarningType;
  level: WarningLevel;
}

/** A warning as a Chinese-language CAP alert; date-times in Beijing time. */
export function warningToCap(warning: WarningForCap, envelope: CapEnvelope): CapAlert {
  const type = WARNING_TYPES[warning.type];
  const level = WARNING_LEVELS[warning.level];
  const urgency: CapUrgency = warning.msgType === 'Cancel' ? 'Past' : warning.level === 'red' || warning.level === 'orange' ? 'Immediate' : 'Expected';
  const info: CapInfo = {
    language: 'zh-CN',
    categories: [type.category],
    event: `${type.zh}预警`,
    responseTypes: [],
    urgency,
    severity: level.severity,
    certainty: 'Likely',
    eventCodes: [{ valueName: OWN_TYPE_CODE, value: warning.type }],
    parameters: [{ valueName: OWN_LEVEL_PARAMETER, value: warning.level }],
    resources: [],
    areas: warning.areas,
  };
  if (warning.effective) info.effective = formatCapDateTime(warning.effective);
  if (warning.expires) info.expires = formatCapDateTime(warning.expires);
  if (envelope.senderName) info.senderName = envelope.senderName;
  if (warning.headline.trim()) info.headline = warning.headline;
  if (warning.text.trim()) info.description = warning.text;
  return {
    identifier: envelope.identifier,
    sender: envelope.sender,
    sent: formatCapDateTime(envelope.sent),
    status: envelope.status,
    msgType: warning.msgType,
    scope: 'Public',
    addresses: [],
    codes: [],
    references: envelope.references ?? [],
    incidents: [],
    infos: [info],
  };
}
