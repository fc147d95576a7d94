/**
 * Warning identifiers in the GB/T 35965.1 style (应急信息交互协议 第1部分：预警信息, Annex A.1.1),
 * used as the CAP <identifier>. Exactly 31 characters:
 *
 *   ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N
 *   │     │  │  │  │             └ N: sequence 0–9 among warnings of the same issuer and second, from 0
 *   │     │  │  │  └ YYYYMMDDhhmmss: time of entry, Beijing time (UTC+8, no daylight saving)
 *   │     │  │  └ XX: 2-digit extension code, default "00"
 *   │     │  └ UUU: 3-digit internal unit code of the issuer, default "000"
 *   │     └ DDD: 3-digit organisation/industry code (GB/T 4657)
 *   └ ZZZZZZ: 6-digit administrative region code (GB/T 2260), e.g. 350581 石狮市
 *
 * ZZZZZZDDDUUUXX together is the issuer code (预警信息发布单位代码). `orgCode` is DDD alone (UUU and
 * XX then take their defaults) or all of DDDUUUXX (8 digits).
 */

const BEIJING_OFFSET_MS = 8 * 3600_000;
const LAYOUT = /^(\d{6})(\d{3})(\d{3})(\d{2})_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_(\d)$/;

export interface WarningIdentifierInput {
  regionCode: string;
  orgCode: string;
  issuedAt: Date;
  sequence: number;
}

export interface WarningIdentifierParts {
  /** ZZZZZZ */
  regionCode: string;
  /** DDDUUUXX */
  orgCode: string;
  departmentCode: string;
  unitCode: string;
  extensionCode: string;
  /** ZZZZZZDDDUUUXX */
  issuerCode: string;
  /** The instant, read as Beijing time, to the second. */
  issuedAt: Date;
  sequence: number;
}

export function makeWarningIdentifier(input: WarningIdentifierInput): string {
  if (!/^\d{6}$/.test(input.regionCode)) throw new RangeError(`regionCode must be 6 digits (GB/T 2260), got "${input.regionCode}"`);
  const org = /^\d{3}$/.test(input.orgCode) ? `${input.orgCode}00000` : input.orgCode;
  if (!/^\d{8}$/.test(org)) throw new RangeError(`orgCode must be 3 digits (DDD) or 8 digits (DDDUUUXX), got "${input.orgCode}"`);
  if (!Number.isInteger(input.sequence) || input.sequence < 0 || input.sequence > 9) {
    throw new RangeError(`sequence must be an integer 0–9, got ${input.sequence}`);
  }
  const time = input.issuedAt.getTime();
  if (!Number.isFinite(time)) throw new RangeError('issuedAt is not a valid date');
  return `${input.regionCode}${org}_${beijingCompact(input.issuedAt)}_${input.sequence}`;
}

export function parseWarningIdentifier(id: string): WarningIdentifierParts | null {
  const m = LAYOUT.exec(id);
  if (!m) return null;
  const [, region, dept, unit, ext, y, mo, d, h, mi, s, seq] = m as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
  // Reject dates that Date.UTC would roll over (20240230 → 1 March) and hours past 23.
  if (beijingCompact(new Date(utc)) !== `${y}${mo}${d}${h}${mi}${s}`) return null;
  return {
    regionCode: region!,
    orgCode: `${dept}${unit}${ext}`,
    departmentCode: dept!,
    unitCode: unit!,
    extensionCode: ext!,
    issuerCode: `${region}${dept}${unit}${ext}`,
    issuedAt: new Date(utc),
    sequence: Number(seq),
  };
}

/** YYYYMMDDhhmmss in Beijing time. */
function beijingCompact(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS)
    .toISOString()
    .slice(0, 19)
    .replace(/[-:T]/g, '');
}
