/**
 * Report deadlines of the duty desk (信息报送): when the 首报, each 续报 and the 终报 of an event
 * are due, which ones came late, what is overdue now, and when each level above must have passed a
 * report on. Pure: the service loads the event and its reports and asks; nothing here reads a clock.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, beijingInstant, minutesUntil, type BeijingDate } from './beijing';

export type Label = { zh: string; en: string };

export const EVENT_TYPES = ['work_safety', 'natural_disaster', 'fire', 'public_health', 'social_security', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, Label> = {
  work_safety: { zh: '安全生产事故', en: 'Work-safety accident' },
  natural_disaster: { zh: '自然灾害', en: 'Natural disaster' },
  fire: { zh: '火灾', en: 'Fire' },
  public_health: { zh: '公共卫生事件', en: 'Public health event' },
  social_security: { zh: '社会安全事件', en: 'Social security event' },
  other: { zh: '其他', en: 'Other' },
};

/** The four grades of the 突发事件应对法 (Ⅳ to Ⅰ), mildest first, so the index orders them. */
export const EVENT_GRADES = ['general', 'larger', 'major', 'especially_major'] as const;
export type EventGrade = (typeof EVENT_GRADES)[number];
export const EVENT_GRADE_LABELS: Record<EventGrade, Label> = {
  general: { zh: '一般', en: 'General' },
  larger: { zh: '较大', en: 'Larger' },
  major: { zh: '重大', en: 'Major' },
  especially_major: { zh: '特别重大', en: 'Especially major' },
};

export const REPORT_KINDS = ['first', 'follow_up', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, Label> = {
  first: { zh: '首报', en: 'First report' },
  follow_up: { zh: '续报', en: 'Follow-up report' },
  final: { zh: '终报', en: 'Final report' },
};

/** The clock of one event type and grade. */
export type ReportRule = {
  /** From the moment the station received the event until the 首报 must reach the county. */
  firstReportMinutes: number;
  /** How long each level above has to pass a report on (acknowledge and forward). */
  passUpMinutes: number;
  /** The longest the levels above may go without news: each 续报 is due this long after the previous report. */
  followUpEveryHours: number;
  /** Days after the event is closed by which the 终报 is due; null: no deadline, only owed. */
  finalReportDays: number | null;
};

/** The key of the rules that apply to every event type without its own. */
export const ANY_EVENT_TYPE = '*';

/**
 * Rules per event type and grade. '*' must cover every grade; a type may override some grades
 * and falls back to '*' for the others. Plain JSON, so a station's choice can live in a column.
 */
export type PresetRules = { [ANY_EVENT_TYPE]: Record<EventGrade, ReportRule> } & { [T in EventType]?: Partial<Record<EventGrade, ReportRule>> };

export type DeadlinePreset = { key: string; nameZh: string; nameEn: string; rules: PresetRules };

export const DEADLINE_PRESET_KEYS = ['national', 'strict_local'] as const;
export type DeadlinePresetKey = (typeof DEADLINE_PRESET_KEYS)[number];
export const DEFAULT_DEADLINE_PRESET: DeadlinePresetKey = 'national';

/** Bounds a preset's figures must respect (the zod contract can reuse them). */
export const PRESET_LIMITS = {
  minutesMax: 7 * 24 * 60,
  followUpHoursMax: 30 * 24,
  finalReportDaysMax: 365,
  keyMax: 40,
  nameMax: 80,
} as const;

const everyGrade = (mild: ReportRule, severe: ReportRule): Record<EventGrade, ReportRule> => ({
  general: mild,
  larger: mild,
  major: severe,
  especially_major: severe,
});

/*
 * National figures and where they come from:
 * - 生产安全事故报告和调查处理条例 (国务院令第493号) art. 9: the unit reports to the county within
 *   1 hour; art. 11: each level passes it up within 2 hours. Hence work_safety 60/120.
 * - 自然灾害情况统计调查制度 (应急〔2020〕19号): the county reports a disaster within 2 hours and each
 *   level reviews and passes it on within 2 hours; 突发公共卫生事件应急条例 art. 19-20: 2 hours per
 *   step. Hence 120/120 for natural disasters and public health, and for the rest, for want of a
 *   stricter national rule. A fire at a business is a work-safety accident and is typed as one.
 * - 续报: daily for 一般/较大 (the disaster system's 24-hour reporting while a disaster is unsettled),
 *   twice daily for 重大/特别重大, as the issue asks.
 * - 终报: owed once the event is closed, with no fixed national deadline.
 */
const nationalMild: ReportRule = { firstReportMinutes: 120, passUpMinutes: 120, followUpEveryHours: 24, finalReportDays: null };
const nationalSevere: ReportRule = { ...nationalMild, followUpEveryHours: 12 };
const workSafetyMild: ReportRule = { ...nationalMild, firstReportMinutes: 60 };
const workSafetySevere: ReportRule = { ...nationalSevere, firstReportMinutes: 60 };

/** The local tightening many cities apply to 重大 and above: 15 minutes to the county, 30 per level. */
const strictSevere = (national: ReportRule): ReportRule => ({ ...national, firstReportMinutes: 15, passUpMinutes: 30 });

export const DEADLINE_PRESETS: Record<DeadlinePresetKey, DeadlinePreset> = {
  national: {
    key: 'national',
    nameZh: '国家规定时限',
    nameEn: 'National time limits',
    rules: {
      '*': everyGrade(nationalMild, nationalSevere),
      work_safety: everyGrade(workSafetyMild, workSafetySevere),
    },
  },
  strict_local: {
    key: 'strict_local',
    nameZh: '从严时限（重大以上 15/30 分钟）',
    nameEn: 'Strict local limits (15/30 minutes for major and above)',
    rules: {
      '*': everyGrade(nationalMild, strictSevere(nationalSevere)),
      work_safety: everyGrade(workSafetyMild, strictSevere(workSafetySevere)),
    },
  },
};

/** The rule of a type and grade: the type's own if it has one for that grade, else the '*' rule. */
export function resolveRule(preset: DeadlinePreset, type: EventType, grade: EventGrade): ReportRule {
  return preset.rules[type]?.[grade] ?? preset.rules[ANY_EVENT_TYPE][grade];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isIntIn = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const RULE_FIELDS: readonly (keyof ReportRule)[] = ['firstReportMinutes', 'passUpMinutes', 'followUpEveryHours', 'finalReportDays'];

function ruleProblems(path: string, x: unknown): string[] {
  if (!isRecord(x)) return [`${path}: must be an object`];
  const out = Object.keys(x)
    .filter((k) => !(RULE_FIELDS as readonly string[]).includes(k))
    .map((k) => `${path}.${k}: unknown field`);
  const { minutesMax, followUpHoursMax, finalReportDaysMax } = PRESET_LIMITS;
  if (!isIntIn(x.firstReportMinutes, 1, minutesMax)) out.push(`${path}.firstReportMinutes: must be a whole number from 1 to ${minutesMax}`);
  if (!isIntIn(x.passUpMinutes, 1, minutesMax)) out.push(`${path}.passUpMinutes: must be a whole number from 1 to ${minutesMax}`);
  if (!isIntIn(x.followUpEveryHours, 1, followUpHoursMax)) out.push(`${path}.followUpEveryHours: must be a whole number from 1 to ${followUpHoursMax}`);
  if (x.finalReportDays !== null && !isIntIn(x.finalReportDays, 1, finalReportDaysMax)) {
    out.push(`${path}.finalReportDays: must be null or a whole number from 1 to ${finalReportDaysMax}`);
  }
  return out;
}

function nameProblems(x: Record<string, unknown>, field: 'key' | 'nameZh' | 'nameEn', max: number): string[] {
  const v = x[field];
  return typeof v === 'string' && v.trim().length > 0 && v.length <= max ? [] : [`${field}: must be a non-empty text of at most ${max} characters`];
}

/**
 * Every problem of a would-be preset (stored JSON, an admin's edit), as 'path: message' lines;
 * empty when it is a valid `DeadlinePreset`. Unknown types, grades and fields are problems too,
 * because a typo such as 'work_saftey' would otherwise fall back to '*' without anyone noticing.
 */
export function validatePreset(x: unknown): string[] {
  if (!isRecord(x)) return ['preset: must be an object'];
  const out = [...nameProblems(x, 'key', PRESET_LIMITS.keyMax), ...nameProblems(x, 'nameZh', PRESET_LIMITS.nameMax), ...nameProblems(x, 'nameEn', PRESET_LIMITS.nameMax)];
  const rules = x.rules;
  if (!isRecord(rules)) return [...out, 'rules: must be an object'];
  if (!isRecord(rules[ANY_EVENT_TYPE])) out.push(`rules.${ANY_EVENT_TYPE}: required, with a rule for every grade`);
  for (const [type, byGrade] of Object.entries(rules)) {
    if (type !== ANY_EVENT_TYPE && !(EVENT_TYPES as readonly string[]).includes(type)) {
      out.push(`rules.${type}: unknown event type`);
      continue;
    }
    if (!isRecord(byGrade)) {
      out.push(`rules.${type}: must be an object`);
      continue;
    }
    for (const grade of Object.keys(byGrade)) {
      if (!(EVENT_GRADES as readonly string[]).includes(grade)) out.push(`rules.${type}.${grade}: unknown grade`);
      else out.push(...ruleProblems(`rules.${type}.${grade}`, byGrade[grade]));
    }
    if (type === ANY_EVENT_TYPE) {
      for (const grade of EVENT_GRADES) if (!(grade in byGrade)) out.push(`rules.${type}.${grade}: missing`);
    }
  }
  return out;
}

export const isDeadlinePreset = (x: unknown): x is DeadlinePreset => validatePreset(x).length === 0;

export type GradeChange = { grade: EventGrade; at: Date };
export type SubmittedReport = { kind: ReportKind; submittedAt: Date };

export type ReportDeadlinesInput = {
  receivedAt: Date;
  type: EventType;
  /** The grade when the event was received. */
  grade: EventGrade;
  /** Later changes of grade (upgrades or downgrades), in any order. */
  regrades?: readonly GradeChange[];
  preset: DeadlinePreset;
  submittedReports: readonly SubmittedReport[];
  /** When the event was closed (处置完毕): follow-ups stop and the 终报 becomes due. */
  closedAt?: Date | null;
  now: Date;
};

export type SubmittedReportStatus = SubmittedReport & {
  /** The deadline this report answered; null when it answered none (anything after the 终报). */
  dueAt: Date | null;
  late: boolean;
  /** Whole minutes late, rounded up (a report 1 s late is 1 minute late); 0 when on time. */
  minutesLate: number;
};

export type OverdueReport = { kind: ReportKind; dueAt: Date; minutesLate: number };

export type ReportDeadlines = {
  /** The grade as of `now` and its rule. */
  grade: EventGrade;
  rule: ReportRule;
  /** The report owed next; dueAt null for a 终报 without deadline; null once the 终报 is in. */
  next: { kind: ReportKind; dueAt: Date | null } | null;
  /** Countdown to `next.dueAt` in whole minutes, negative when late; null when nothing is timed. */
  minutesLeft: number | null;
  submitted: SubmittedReportStatus[];
  /** What is owed and past due as of `now`, oldest first: one entry per missed 续报 cycle. */
  overdue: OverdueReport[];
};

const byTime = <T>(at: (x: T) => Date) => (a: T, b: T) => at(a).getTime() - at(b).getTime();
const minutesLateOf = (at: Date, due: Date) => Math.max(0, Math.ceil((at.getTime() - due.getTime()) / MINUTE_MS));

/**
 * The deadlines of an event's reports.
 *
 * Each report answers the deadline open when it arrives: the first one answers the 首报 deadline
 * (receivedAt + firstReportMinutes); every later one answers a 续报 deadline, which runs from the
 * previous report's submission (the levels above must never go longer than the cadence without
 * news, so a late report does not shorten the next interval). Once the event is closed (closedAt)
 * follow-ups stop, an unanswered 续报 deadline lapses, and only a report of kind 'final' answers
 * the 终报 deadline (closedAt + finalReportDays, or none). A 'final' submitted before closure ends
 * the reporting at once.
 *
 * A regrade is news the levels above must act on, so it restarts the running deadline from the
 * regrade with the new grade's figures (a 一般 event upgraded to 重大 at 10:00 owes its next 续报 by
 * 22:00, and a 首报 not yet sent is due within the new grade's first-report minutes), but it never
 * pushes a running deadline later: the deadline is the earliest of the original one and those
 * restarted by regrades while it ran. A downgrade therefore only relaxes the deadlines after the
 * next report.
 */
export function reportDeadlines(input: ReportDeadlinesInput): ReportDeadlines {
  const { receivedAt, type, preset, now } = input;
  const closedAt = input.closedAt ?? null;
  const regrades = [...(input.regrades ?? [])].sort(byTime((g) => g.at));
  const reports = [...input.submittedReports].sort(byTime((r) => r.submittedAt));
  const gradeAt = (t: Date): EventGrade => regrades.filter((g) => g.at.getTime() <= t.getTime()).at(-1)?.grade ?? input.grade;
  const ruleAt = (t: Date) => resolveRule(preset, type, gradeAt(t));

  /** A deadline running from `anchor`, pulled earlier by regrades before `end` (exclusive). */
  const running = (anchor: Date, end: Date | null, length: (r: ReportRule) => number): Date => {
    let due = anchor.getTime() + length(ruleAt(anchor));
    for (const g of regrades) {
      if (g.at.getTime() <= anchor.getTime() || (end && g.at.getTime() >= end.getTime())) continue;
      due = Math.min(due, g.at.getTime() + length(resolveRule(preset, type, g.grade)));
    }
    return new Date(due);
  };
  const firstLength = (r: ReportRule) => r.firstReportMinutes * MINUTE_MS;
  const followUpLength = (r: ReportRule) => r.followUpEveryHours * HOUR_MS;
  const finalDue = (closed: Date): Date | null => {
    const days = ruleAt(closed).finalReportDays;
    return days === null ? null : new Date(closed.getTime() + days * DAY_MS);
  };
  const isClosedBy = (t: Date) => closedAt !== null && closedAt.getTime() <= t.getTime();

  type Slot = { kind: 'first' | 'follow_up'; anchor: Date } | { kind: 'final' } | { kind: 'done' };
  let slot: Slot = { kind: 'first', anchor: receivedAt };
  const submitted: SubmittedReportStatus[] = [];
  const answered = (r: SubmittedReport, due: Date | null) =>
    submitted.push({ ...r, dueAt: due, late: due !== null && r.submittedAt.getTime() > due.getTime(), minutesLate: due ? minutesLateOf(r.submittedAt, due) : 0 });

  for (const r of reports) {
    const s: Slot = slot.kind === 'follow_up' && isClosedBy(r.submittedAt) ? { kind: 'final' } : slot;
    if (s.kind === 'done') {
      answered(r, null);
    } else if (s.kind === 'final') {
      // Only the 终报 answers the final deadline; anything else sent after closure is extra news.
      answered(r, r.kind === 'final' && closedAt ? finalDue(closedAt) : null);
      slot = r.kind === 'final' ? { kind: 'done' } : s;
    } else {
      answered(r, running(s.anchor, r.submittedAt, s.kind === 'first' ? firstLength : followUpLength));
      if (r.kind === 'final') slot = { kind: 'done' };
      else slot = isClosedBy(r.submittedAt) ? { kind: 'final' } : { kind: 'follow_up', anchor: r.submittedAt };
    }
  }
  if (slot.kind === 'follow_up' && closedAt) slot = { kind: 'final' };

  const grade = gradeAt(now);
  const rule = resolveRule(preset, type, grade);
  const overdue: OverdueReport[] = [];
  const late = (kind: ReportKind, due: Date) => {
    if (now.getTime() > due.getTime()) overdue.push({ kind, dueAt: due, minutesLate: minutesLateOf(now, due) });
  };
  let next: ReportDeadlines['next'] = null;
  if (slot.kind === 'first') {
    const due = running(slot.anchor, null, firstLength);
    late('first', due);
    next = { kind: 'first', dueAt: due };
  } else if (slot.kind === 'follow_up') {
    const due = running(slot.anchor, null, followUpLength);
    // Every cadence that has passed without a report is a missed 续报 of its own.
    for (let t = due.getTime(); t < now.getTime(); t += followUpLength(rule)) late('follow_up', new Date(t));
    next = { kind: 'follow_up', dueAt: due };
  } else if (slot.kind === 'final' && closedAt) {
    const due = finalDue(closedAt);
    if (due) late('final', due);
    next = { kind: 'final', dueAt: due };
  }
  const minutesLeft = next?.dueAt ? minutesUntil(next.dueAt, now) : null;
  return { grade, rule, next, minutesLeft, submitted, overdue };
}

export type PassUpInput = {
  /** When the station submitted the report (the moment the first level above could see it). */
  submittedAt: Date;
  /** How many levels must pass it on: 2 for a township's report read by the county and the city. */
  levelsAbove: number;
  type: EventType;
  grade: EventGrade;
  preset: DeadlinePreset;
  /** When each level (index 0 = the first level above) acknowledged or forwarded it, if it has. */
  forwardedAt?: readonly (Date | null | undefined)[];
  now?: Date;
};

export type PassUpStep = {
  /** 1 = the level directly above the submitter (the county for a township). */
  level: number;
  dueAt: Date;
  forwardedAt: Date | null;
  /** Forwarded after dueAt, or not forwarded and `now` is past dueAt. */
  late: boolean;
  minutesLate: number;
};

/**
 * When each level above must have passed a report on. Every level sees the same record at once,
 * but the regulation gives each level its own time after the level below has done its part: a
 * level's clock starts when the level below forwarded it (the submission, for the first level),
 * or, while the level below has not, at that level's deadline. So a county that is late does not
 * make the city late, and a city never owes a report before the county could have sent it.
 */
export function passUpDeadline(input: PassUpInput): PassUpStep[] {
  const { levelsAbove, now } = input;
  if (!Number.isInteger(levelsAbove) || levelsAbove < 0) throw new RangeError(`levelsAbove must be a whole number ≥ 0, got ${levelsAbove}`);
  const step = resolveRule(input.preset, input.type, input.grade).passUpMinutes * MINUTE_MS;
  const out: PassUpStep[] = [];
  let start = input.submittedAt.getTime();
  for (let level = 1; level <= levelsAbove; level++) {
    const dueAt = new Date(start + step);
    const forwardedAt = input.forwardedAt?.[level - 1] ?? null;
    const doneOrNow = forwardedAt ?? now ?? null;
    const late = doneOrNow !== null && doneOrNow.getTime() > dueAt.getTime();
    out.push({ level, dueAt, forwardedAt, late, minutesLate: late && doneOrNow ? minutesLateOf(doneOrNow, dueAt) : 0 });
    start = (forwardedAt ?? dueAt).getTime();
  }
  return out;
}

/** Bounds of the hour by which a day's zero report is due. */
export const ZERO_REPORT_HOUR = { min: 0, max: 23, default: 9 } as const;

/**
 * When the zero report (零报告/报平安) for a Beijing day is due: `dueHour`:00 that day. A township
 * reports by that hour that nothing happened in the day before it (the service decides which
 * period a day's report covers; the deadline is all this computes).
 */
export function zeroReportDue(day: BeijingDate, dueHour: number): Date {
  if (!Number.isInteger(dueHour) || dueHour < ZERO_REPORT_HOUR.min || dueHour > ZERO_REPORT_HOUR.max) {
    throw new RangeError(`dueHour must be a whole hour from ${ZERO_REPORT_HOUR.min} to ${ZERO_REPORT_HOUR.max}, got ${dueHour}`);
  }
  return beijingInstant(day, dueHour);
}

export type ZeroReportInput = {
  day: BeijingDate;
  dueHour: number;
  now: Date;
  /** When the day's zero report was sent, if it was. */
  submittedAt: Date | null;
  /** The township reported an event for that day instead: a zero report would be untrue. */
  hadEventReport?: boolean;
};

export const ZERO_REPORT_STATUSES = ['not_required', 'pending', 'on_time', 'late', 'missing'] as const;
export type ZeroReportStatus = (typeof ZERO_REPORT_STATUSES)[number];

/** Where a township's zero report for a day stands; the deadline itself is still on time. */
export function zeroReportStatus({ day, dueHour, now, submittedAt, hadEventReport }: ZeroReportInput): ZeroReportStatus {
  const due = zeroReportDue(day, dueHour).getTime();
  if (submittedAt) return submittedAt.getTime() > due ? 'late' : 'on_time';
  if (hadEventReport) return 'not_required';
  return now.getTime() > due ? 'missing' : 'pending';
}

/** The county's flag: the day's zero report is past due and neither it nor an event report came. */
export const isZeroReportMissing = (input: ZeroReportInput) => zeroReportStatus(input) === 'missing';
