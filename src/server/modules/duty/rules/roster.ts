/**
 * Rosters of the 四合一 duty (排班): the shifts of a month, a fair rotation of leaders (带班领导) and
 * officers (值班员) over them, the gaps, substitutions, and which shift is on duty at an instant.
 * Pure: people are ids, shifts are computed from the pattern, nothing is stored here.
 */
import { DAY_MS, HOUR_MS, beijingClock, beijingDateOf, beijingInstant, datesOfMonth, parseBeijingDate, type BeijingDate, type BeijingMonth } from './beijing';
import type { Label } from './deadlines';

export const SHIFT_PATTERN_KINDS = ['24h', 'day_night'] as const;
export type ShiftPatternKind = (typeof SHIFT_PATTERN_KINDS)[number];
export const SHIFT_PATTERN_LABELS: Record<ShiftPatternKind, Label> = {
  '24h': { zh: '24 小时值班', en: '24-hour shifts' },
  day_night: { zh: '白班/夜班', en: 'Day and night shifts' },
};

/** Shifts begin at 08:00 unless a station says otherwise: the usual 交班 time of township offices. */
export const DEFAULT_SHIFT_START_HOUR = 8;

export type ShiftPattern = { kind: ShiftPatternKind; startHour: number };
/** A pattern as callers give it: the kind alone means the default start hour. */
export type ShiftPatternInput = ShiftPatternKind | { kind: ShiftPatternKind; startHour?: number };

export function normalizePattern(p: ShiftPatternInput): ShiftPattern {
  const { kind, startHour = DEFAULT_SHIFT_START_HOUR } = typeof p === 'string' ? { kind: p } : p;
  if (!Number.isInteger(startHour) || startHour < 0 || startHour > 23) throw new RangeError(`startHour must be a whole hour from 0 to 23, got ${startHour}`);
  return { kind, startHour };
}

export const SHIFT_SLOTS = ['full', 'day', 'night'] as const;
export type ShiftSlot = (typeof SHIFT_SLOTS)[number];
const SLOT_NAMES: Record<ShiftSlot, Label> = {
  full: { zh: '全天', en: 'Full day' },
  day: { zh: '白班', en: 'Day' },
  night: { zh: '夜班', en: 'Night' },
};

/**
 * One shift. `date` is the duty day it belongs to, the Beijing date on which the duty day starts,
 * so the night shift from 20:00 to 08:00 belongs to the evening's date, not the morning's.
 * The interval is half-open: [startsAt, endsAt).
 */
export type Shift = { key: string; date: BeijingDate; slot: ShiftSlot; startsAt: Date; endsAt: Date; label: Label };

/** The stable id of a shift ('2024-02-29/night'); assignments and swaps refer to shifts by it. */
export const shiftKey = (date: BeijingDate, slot: ShiftSlot) => `${date}/${slot}`;

export function parseShiftKey(key: string): { date: BeijingDate; slot: ShiftSlot } | null {
  const [date, slot, ...rest] = key.split('/');
  if (rest.length > 0 || !date || !(SHIFT_SLOTS as readonly string[]).includes(slot ?? '')) return null;
  try {
    parseBeijingDate(date);
  } catch {
    return null;
  }
  return { date, slot: slot as ShiftSlot };
}

function labelOf(date: BeijingDate, slot: ShiftSlot, startsAt: Date, endsAt: Date): Label {
  const at = (t: Date) => {
    const nextDay = beijingDateOf(t) !== date;
    return { zh: `${nextDay ? '次日' : ''}${beijingClock(t)}`, en: `${beijingClock(t)}${nextDay ? ' (+1 day)' : ''}` };
  };
  const [s, e] = [at(startsAt), at(endsAt)];
  return { zh: `${SLOT_NAMES[slot].zh} ${s.zh}—${e.zh}`, en: `${SLOT_NAMES[slot].en} ${s.en}–${e.en}` };
}

function makeShift(date: BeijingDate, slot: ShiftSlot, startsAt: Date, endsAt: Date): Shift {
  return { key: shiftKey(date, slot), date, slot, startsAt, endsAt, label: labelOf(date, slot, startsAt, endsAt) };
}

/** The shifts of one duty day, in order; together they cover exactly 24 hours from the start hour. */
export function shiftsOfDay(date: BeijingDate, pattern: ShiftPatternInput): Shift[] {
  const { kind, startHour } = normalizePattern(pattern);
  const start = beijingInstant(date, startHour);
  const end = new Date(start.getTime() + DAY_MS);
  if (kind === '24h') return [makeShift(date, 'full', start, end)];
  const middle = new Date(start.getTime() + 12 * HOUR_MS);
  return [makeShift(date, 'day', start, middle), makeShift(date, 'night', middle, end)];
}

/**
 * The shifts of a month: every shift of every duty day of the month, so they run from the start
 * hour of the 1st to the start hour of the next month's 1st, and the next month picks up exactly
 * where this one ends.
 */
export function shiftsOfMonth(month: BeijingMonth, pattern: ShiftPatternInput): Shift[] {
  return datesOfMonth(month).flatMap((d) => shiftsOfDay(d, pattern));
}

/** The shift on duty at an instant (the one whose [startsAt, endsAt) holds it): 07:59 is still last night's. */
export function shiftAt(instant: Date, pattern: ShiftPatternInput): Shift {
  const p = normalizePattern(pattern);
  const dutyDate = beijingDateOf(new Date(instant.getTime() - p.startHour * HOUR_MS));
  const shifts = shiftsOfDay(dutyDate, p);
  return shifts.find((s) => instant.getTime() < s.endsAt.getTime()) ?? shifts[shifts.length - 1]!;
}

export const DUTY_ROLES = ['leader', 'officer'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export const DUTY_ROLE_LABELS: Record<DutyRole, Label> = {
  leader: { zh: '带班领导', en: 'Duty leader' },
  officer: { zh: '值班员', en: 'Duty officer' },
};

export type PersonId = string;
/** One person in one role on one shift. A shift has at most one leader and one officer. */
export type Assignment = { shiftKey: string; role: DutyRole; personId: PersonId };
/** A person who cannot take duty on the shifts of that duty day (leave, training, a trip). */
export type Unavailability = { personId: PersonId; date: BeijingDate };
export type RotationIndex = Record<DutyRole, number>;

export type GenerateRosterInput = {
  month: BeijingMonth;
  pattern: ShiftPatternInput;
  /** In rotation order. */
  leaders: readonly PersonId[];
  officers: readonly PersonId[];
  /** Who starts the rotation (an index into the list): last month's `nextStartIndex`. */
  startIndex?: Partial<RotationIndex>;
  unavailable?: readonly Unavailability[];
};

export type GeneratedRoster = {
  shifts: Shift[];
  assignments: Assignment[];
  /** Who would be next in each rotation: pass it as next month's `startIndex`. */
  nextStartIndex: RotationIndex;
};

/**
 * A rotation as a queue: the person taking a shift goes to the back. Someone unavailable is passed
 * over but keeps their place at the front, so they take the next shift they can and a day of
 * leave does not cost them a turn (nor give them an extra one later).
 */
class Rotation {
  private readonly queue: PersonId[];

  constructor(
    private readonly people: readonly PersonId[],
    start: number,
  ) {
    const n = people.length;
    const s = n === 0 ? 0 : (((Math.trunc(start) % n) + n) % n);
    this.queue = [...people.slice(s), ...people.slice(0, s)];
  }

  take(canServe: (p: PersonId) => boolean): PersonId | null {
    const i = this.queue.findIndex(canServe);
    if (i < 0) return null;
    const [p] = this.queue.splice(i, 1);
    this.queue.push(p!);
    return p!;
  }

  nextIndex(): number {
    const head = this.queue[0];
    return head === undefined ? 0 : this.people.indexOf(head);
  }
}

/**
 * A month's roster: one leader and one officer per shift, each role rotating round-robin. With
 * nobody unavailable everyone in a role gets the same number of shifts give or take one. A person
 * listed as both leader and officer never holds both roles on the same shift. A slot nobody can
 * take stays empty (no assignment) and shows up in `rosterGaps`.
 */
export function generateRoster(input: GenerateRosterInput): GeneratedRoster {
  const shifts = shiftsOfMonth(input.month, input.pattern);
  const off = new Set((input.unavailable ?? []).map((u) => `${u.personId}\u0000${u.date}`));
  const free = (p: PersonId, date: BeijingDate) => !off.has(`${p}\u0000${date}`);
  const leaders = new Rotation([...new Set(input.leaders)], input.startIndex?.leader ?? 0);
  const officers = new Rotation([...new Set(input.officers)], input.startIndex?.officer ?? 0);
  const assignments: Assignment[] = [];
  for (const shift of shifts) {
    const leader = leaders.take((p) => free(p, shift.date));
    if (leader !== null) assignments.push({ shiftKey: shift.key, role: 'leader', personId: leader });
    const officer = officers.take((p) => p !== leader && free(p, shift.date));
    if (officer !== null) assignments.push({ shiftKey: shift.key, role: 'officer', personId: officer });
  }
  return { shifts, assignments, nextStartIndex: { leader: leaders.nextIndex(), officer: officers.nextIndex() } };
}

export type RosterGap = { shift: Shift; missing: DutyRole[] };

/** The shifts without a leader or without an officer (highlighted on the roster), in shift order. */
export function rosterGaps(shifts: readonly Shift[], assignments: readonly Assignment[]): RosterGap[] {
  const held = new Set(assignments.map((a) => `${a.shiftKey}\u0000${a.role}`));
  return shifts
    .map((shift) => ({ shift, missing: DUTY_ROLES.filter((r) => !held.has(`${shift.key}\u0000${r}`)) }))
    .filter((g) => g.missing.length > 0);
}

export const SWAP_ERRORS = [
  'DUTY_SWAP_SAME_PERSON',
  'DUTY_SWAP_NOT_ON_SHIFT',
  'DUTY_SWAP_ROLE_MISMATCH',
  'DUTY_SWAP_ALREADY_ON_SHIFT',
  'DUTY_SWAP_NOT_ELIGIBLE',
  'DUTY_SWAP_UNAVAILABLE',
] as const;
export type SwapError = (typeof SWAP_ERRORS)[number];
export const SWAP_ERROR_LABELS: Record<SwapError, Label> = {
  DUTY_SWAP_SAME_PERSON: { zh: '替班人与原值班人相同', en: 'The substitute is the person already on duty' },
  DUTY_SWAP_NOT_ON_SHIFT: { zh: '原值班人不在该班次', en: 'That person is not on this shift' },
  DUTY_SWAP_ROLE_MISMATCH: { zh: '原值班人在该班次担任的不是这一职责', en: 'That person holds another duty role on this shift' },
  DUTY_SWAP_ALREADY_ON_SHIFT: { zh: '替班人已在该班次值班', en: 'The substitute is already on this shift' },
  DUTY_SWAP_NOT_ELIGIBLE: { zh: '替班人不能担任这一职责', en: 'The substitute cannot take this duty role' },
  DUTY_SWAP_UNAVAILABLE: { zh: '替班人当天不能值班', en: 'The substitute is unavailable that day' },
};

/** One person handing one role on one shift to another (替班). A two-way 换班 is two of these. */
export type SwapRequest = { shiftKey: string; fromPersonId: PersonId; toPersonId: PersonId; role: DutyRole };

export type SwapContext = {
  /** Who may take each role; when given, the substitute must be listed for the role. */
  eligible?: Partial<Record<DutyRole, readonly PersonId[]>>;
  unavailable?: readonly Unavailability[];
};

export type SwapResult = { ok: true; assignments: Assignment[] } | { ok: false; code: SwapError };

/** The roster after a substitution, or why it cannot happen. The input is left as it was. */
export function applySwap(assignments: readonly Assignment[], req: SwapRequest, ctx: SwapContext = {}): SwapResult {
  const fail = (code: SwapError): SwapResult => ({ ok: false, code });
  if (req.fromPersonId === req.toPersonId) return fail('DUTY_SWAP_SAME_PERSON');
  const onShift = assignments.filter((a) => a.shiftKey === req.shiftKey);
  const index = assignments.findIndex((a) => a.shiftKey === req.shiftKey && a.role === req.role && a.personId === req.fromPersonId);
  if (index < 0) return fail(onShift.some((a) => a.personId === req.fromPersonId) ? 'DUTY_SWAP_ROLE_MISMATCH' : 'DUTY_SWAP_NOT_ON_SHIFT');
  if (onShift.some((a) => a.personId === req.toPersonId)) return fail('DUTY_SWAP_ALREADY_ON_SHIFT');
  const eligible = ctx.eligible?.[req.role];
  if (eligible && !eligible.includes(req.toPersonId)) return fail('DUTY_SWAP_NOT_ELIGIBLE');
  const date = parseShiftKey(req.shiftKey)?.date;
  if (date && ctx.unavailable?.some((u) => u.personId === req.toPersonId && u.date === date)) return fail('DUTY_SWAP_UNAVAILABLE');
  const next = [...assignments];
  next[index] = { ...assignments[index]!, personId: req.toPersonId };
  return { ok: true, assignments: next };
}

/** What the outgoing officer confirms at 交接班; the incoming officer accepts against this list. */
export const HANDOVER_ITEM_KEYS = ['comms_tested', 'open_events', 'reports_due', 'instructions', 'warnings', 'duty_log', 'supplies'] as const;
export type HandoverItemKey = (typeof HANDOVER_ITEM_KEYS)[number];
export const HANDOVER_ITEM_LABELS: Record<HandoverItemKey, Label> = {
  comms_tested: { zh: '通讯设备已测试（卫星电话、视频会议、应急广播）', en: 'Communication equipment tested (satellite phone, video conference, emergency broadcast)' },
  open_events: { zh: '在办事件已交接', en: 'Open events handed over' },
  reports_due: { zh: '待报信息已交接', en: 'Reports due handed over' },
  instructions: { zh: '上级指示和领导批示已交接', en: 'Instructions from above handed over' },
  warnings: { zh: '生效中的预警信息已交接', en: 'Active warnings handed over' },
  duty_log: { zh: '值班日志已填写', en: 'Duty log written up' },
  supplies: { zh: '应急物资装备状况已确认', en: 'Emergency supplies and equipment checked' },
};
/** The default checklist, in the order it is shown. */
export const HANDOVER_CHECKLIST: readonly ({ key: HandoverItemKey } & Label)[] = HANDOVER_ITEM_KEYS.map((key) => ({ key, ...HANDOVER_ITEM_LABELS[key] }));
