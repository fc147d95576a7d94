/**
 * OASIS Common Alerting Protocol 1.2 as typed data.
 *
 * Element names, cardinalities and enumerations follow the CAP 1.2 data dictionary and schema
 * (namespace urn:oasis:names:tc:emergency:cap:1.2). The typed model keeps what the XML says:
 * date-times stay strings with their own offset (a 宁德 feed says +08:00, a NOAA one -07:00), and
 * repeatable elements are always arrays (empty when absent) so two alerts compare by deep equality.
 * Text values are stored trimmed of XML whitespace at both ends; inner whitespace is kept.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CAP_STATUSES)[number];
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
export type CapScope = (typeof CAP_SCOPES)[number];
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** eventCode, parameter and geocode: a system-specific name and its value. */
export interface CapValuePair {
  valueName: string;
  value: string;
}

/** One entry of <references>: the extended identifier "sender,identifier,sent" of an earlier message. */
export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

/** A WGS 84 coordinate pair, written "lat,lon" in CAP. */
export interface CapPoint {
  lat: number;
  lon: number;
}

/** <circle>: "lat,lon radius" with the radius in kilometres. */
export interface CapCircle {
  center: CapPoint;
  radiusKm: number;
}

export interface CapArea {
  areaDesc: string;
  /** Each polygon has at least 4 points and its first and last points are the same. */
  polygons: CapPoint[][];
  circles: CapCircle[];
  geocodes: CapValuePair[];
  /** Feet above mean sea level (CAP's unit). */
  altitude?: number;
  /** Feet; only allowed together with altitude. */
  ceiling?: number;
}

export interface CapResource {
  resourceDesc: string;
  mimeType: string;
  /** Bytes. */
  size?: number;
  uri?: string;
  /** Base64 of the resource itself. */
  derefUri?: string;
  /** SHA-1 of the resource. */
  digest?: string;
}

export interface CapInfo {
  /** RFC 3066 tag; CAP's default when absent is en-US (not filled in here, to keep round-trips exact). */
  language?: string;
  categories: CapCategory[];
  event: string;
  responseTypes: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  audience?: string;
  eventCodes: CapValuePair[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameters: CapValuePair[];
  resources: CapResource[];
  areas: CapArea[];
}

export interface CapAlert {
  identifier: string;
  sender: string;
  /** CAP date-time: YYYY-MM-DDThh:mm:ss±hh:mm, no fractional seconds, no "Z". */
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  /** <addresses>: a space-delimited group; multi-word entries are quoted in the XML. */
  addresses: string[];
  codes: string[];
  note?: string;
  references: CapReference[];
  /** <incidents>: a space-delimited group like <addresses>. */
  incidents: string[];
  infos: CapInfo[];
}

/** One problem found in a CAP message, with the XPath-like place (1-based indexes) and both languages. */
export interface CapIssue {
  path: string;
  code: CapIssueCode;
  zh: string;
  en: string;
}

type Params = Record<string, string | number>;

const ISSUE_TEXT = {
  xml_invalid: (p: Params) => ({
    zh: `XML 格式错误（第 ${p.line} 行第 ${p.col} 列）：${p.detail}`,
    en: `Invalid XML (line ${p.line}, column ${p.col}): ${p.detail}`,
  }),
  unbound_prefix: (p: Params) => ({ zh: `命名空间前缀 ${p.prefix} 未声明`, en: `Namespace prefix ${p.prefix} is not declared` }),
  doctype_forbidden: () => ({ zh: 'CAP 消息不得包含 DOCTYPE 声明', en: 'A CAP message must not contain a DOCTYPE declaration' }),
  not_cap_alert: (p: Params) => ({ zh: `根元素应为 <alert>，实为 <${p.element}>`, en: `The root element must be <alert>, found <${p.element}>` }),
  wrong_namespace: (p: Params) => ({
    zh: `命名空间应为 ${CAP_NAMESPACE}，实为 ${p.found || '（无）'}`,
    en: `The namespace must be ${CAP_NAMESPACE}, found ${p.found || '(none)'}`,
  }),
  required: (p: Params) => ({ zh: `缺少必填元素 <${p.element}>`, en: `Required element <${p.element}> is missing` }),
  empty: (p: Params) => ({ zh: `元素 <${p.element}> 不能为空`, en: `Element <${p.element}> must not be empty` }),
  too_many: (p: Params) => ({ zh: `元素 <${p.element}> 最多出现 ${p.max} 次`, en: `Element <${p.element}> may occur at most ${p.max} time(s)` }),
  out_of_order: (p: Params) => ({
    zh: `元素 <${p.element}> 应位于 <${p.follower}> 之前`,
    en: `Element <${p.element}> must come before <${p.follower}>`,
  }),
  unknown_element: (p: Params) => ({ zh: `不允许的元素 <${p.element}>`, en: `Element <${p.element}> is not allowed here` }),
  unexpected_text: () => ({ zh: '此处不允许出现文本', en: 'Text is not allowed here' }),
  unexpected_attribute: (p: Params) => ({ zh: `不允许的属性 ${p.name}`, en: `Attribute ${p.name} is not allowed` }),
  bad_enum: (p: Params) => ({
    zh: `取值“${p.value}”无效，应为：${p.allowed}`,
    en: `Value "${p.value}" is not valid; expected one of: ${p.allowed}`,
  }),
  bad_datetime: (p: Params) => ({
    zh: `时间“${p.value}”格式无效，应为 YYYY-MM-DDThh:mm:ss±hh:mm（不含小数秒和 Z）`,
    en: `Date-time "${p.value}" is not valid; expected YYYY-MM-DDThh:mm:ss±hh:mm (no fractional seconds, no Z)`,
  }),
  bad_polygon: (p: Params) => ({ zh: `多边形无效：${p.zh}`, en: `Invalid polygon: ${p.en}` }),
  bad_circle: (p: Params) => ({ zh: `圆形区域无效：${p.zh}`, en: `Invalid circle: ${p.en}` }),
  bad_number: (p: Params) => ({ zh: `“${p.value}”不是有效的数值`, en: `"${p.value}" is not a valid decimal number` }),
  bad_integer: (p: Params) => ({ zh: `“${p.value}”不是有效的非负整数`, en: `"${p.value}" is not a valid non-negative integer` }),
  forbidden_chars: (p: Params) => ({
    zh: `“${p.value}”不得包含空白、逗号、< 或 &`,
    en: `"${p.value}" must not contain whitespace, commas, < or &`,
  }),
  bad_language: (p: Params) => ({ zh: `语言代码“${p.value}”无效`, en: `Language tag "${p.value}" is not valid` }),
  bad_group: (p: Params) => ({
    zh: `列表项“${p.value}”无效（不能为空或包含双引号）`,
    en: `List entry "${p.value}" is not valid (must be non-empty and contain no double quote)`,
  }),
  bad_references: (p: Params) => ({
    zh: `引用“${p.value}”无效，应为 sender,identifier,sent`,
    en: `Reference "${p.value}" is not valid; expected sender,identifier,sent`,
  }),
  references_required: (p: Params) => ({
    zh: `${p.msgType} 消息必须用 <references> 指明所针对的原消息`,
    en: `A ${p.msgType} message must name the message(s) it refers to in <references>`,
  }),
  addresses_required: () => ({ zh: 'scope 为 Private 时必须填写 <addresses>', en: '<addresses> is required when <scope> is Private' }),
  restriction_required: () => ({
    zh: 'scope 为 Restricted 时必须填写 <restriction>',
    en: '<restriction> is required when <scope> is Restricted',
  }),
  ceiling_without_altitude: () => ({ zh: '<ceiling> 只能与 <altitude> 同时使用', en: '<ceiling> may only be used together with <altitude>' }),
  bad_character: () => ({ zh: '包含 XML 不允许的字符', en: 'Contains a character that XML does not allow' }),
} satisfies Record<string, (p: Params) => { zh: string; en: string }>;

export type CapIssueCode = keyof typeof ISSUE_TEXT;

export function capIssue(path: string, code: CapIssueCode, params: Params = {}): CapIssue {
  return { path, code, ...ISSUE_TEXT[code](params) };
}
