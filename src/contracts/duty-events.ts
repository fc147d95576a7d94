import { z } from 'zod';
import { Page, Phone, optionalText, paged, text } from './common';
import { Latitude, Longitude } from './hazards';
import { LIMITS } from './limits';
import { UnitLevel } from './org';

/**
 * The duty desk's events (事件) and their reports (信息报送: 首报, 续报, 终报). A station records a
 * call or message in under a minute (接报); the event gets a timeline; its reports go up the
 * hierarchy as one record that the county and the city read, acknowledge or send back (退回补充).
 * The enumerations match src/server/modules/duty/rules/deadlines.ts (checked at compile time there).
 */
export const DUTY_EVENT_TYPES = ['work_safety', 'natural_disaster', 'fire', 'public_health', 'social_security', 'other'] as const;
export const DutyEventType = z.enum(DUTY_EVENT_TYPES);
export type DutyEventType = z.infer<typeof DutyEventType>;

/** 一般, 较大, 重大, 特别重大 (Ⅳ to Ⅰ), mildest first. */
export const DUTY_EVENT_GRADES = ['general', 'larger', 'major', 'especially_major'] as const;
export const DutyEventGrade = z.enum(DUTY_EVENT_GRADES);
export type DutyEventGrade = z.infer<typeof DutyEventGrade>;

export const DUTY_REPORT_KINDS = ['first', 'follow_up', 'final'] as const;
export const DutyReportKind = z.enum(DUTY_REPORT_KINDS);
export type DutyReportKind = z.infer<typeof DutyReportKind>;

/** How the station learned of it. */
export const DUTY_EVENT_SOURCES = ['phone', 'message', 'superior', 'patrol', 'public', 'other'] as const;
export const DutyEventSource = z.enum(DUTY_EVENT_SOURCES);
export type DutyEventSource = z.infer<typeof DutyEventSource>;

export const DUTY_EVENT_STATUSES = ['open', 'closed', 'merged'] as const;
export type DutyEventStatus = (typeof DUTY_EVENT_STATUSES)[number];

/** draft → submitted → (returned → submitted …); acknowledgements per level are kept beside it. */
export const DUTY_REPORT_STATES = ['draft', 'submitted', 'returned'] as const;
export type DutyReportState = (typeof DUTY_REPORT_STATES)[number];

export const DUTY_DEADLINE_PRESETS = ['national', 'strict_local'] as const;
export const DutyDeadlinePreset = z.enum(DUTY_DEADLINE_PRESETS);
export type DutyDeadlinePreset = z.infer<typeof DutyDeadlinePreset>;

export const DUTY_LIMITS = { descriptionMax: 4000, sectionMax: 4000, titleMax: 120, casualtiesMax: 100000, noteMax: 1000 } as const;

const Count = z.number().int().min(0).max(DUTY_LIMITS.casualtiesMax).nullable();
const Instant = z.iso.datetime({ offset: true });

/** 接报: the few things a duty officer types while on the phone. */
export const DutyEventCreate = z
  .object({
    /** Made by the client: a retried submission is stored once. */
    id: z.uuid(),
    /** The desk (township, county or city) receiving it; defaults to the caller's unit. */
    unitId: z.uuid().optional(),
    /** When the call or message came in; defaults to now; never in the future. */
    receivedAt: Instant.optional(),
    occurredAt: Instant.optional(),
    source: DutyEventSource,
    callerName: optionalText(LIMITS.nameMax),
    callerPhone: Phone.nullable().optional(),
    address: text(LIMITS.addressMax),
    lat: Latitude.nullable().optional(),
    lng: Longitude.nullable().optional(),
    type: DutyEventType,
    grade: DutyEventGrade.default('general'),
    /** null: not known yet. */
    dead: Count.optional(),
    injured: Count.optional(),
    missing: Count.optional(),
    description: text(DUTY_LIMITS.descriptionMax),
  })
  .strict();
export type DutyEventCreate = z.infer<typeof DutyEventCreate>;

export const DutyEventAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('regrade'), grade: DutyEventGrade, note: text(DUTY_LIMITS.noteMax) }).strict(),
  z.object({ action: z.literal('note'), text: text(DUTY_LIMITS.noteMax) }).strict(),
  z.object({ action: z.literal('casualties'), dead: Count, injured: Count, missing: Count, note: optionalText(DUTY_LIMITS.noteMax) }).strict(),
  z.object({ action: z.literal('close'), note: text(DUTY_LIMITS.noteMax) }).strict(),
  /** County or city: this event is the same as another one (two stations reported it). */
  z.object({ action: z.literal('merge'), intoId: z.uuid(), note: optionalText(DUTY_LIMITS.noteMax) }).strict(),
]);
export type DutyEventAction = z.infer<typeof DutyEventAction>;

export const DutyUnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });
export type DutyUnitRef = z.infer<typeof DutyUnitRef>;

export const DutyDeadline = z.object({
  kind: DutyReportKind,
  dueAt: z.string().nullable(),
  /** Whole minutes; negative when late; null when nothing is timed. */
  minutesLeft: z.number().int().nullable(),
});
export type DutyDeadline = z.infer<typeof DutyDeadline>;

export const DutyEventSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  unit: DutyUnitRef,
  receivedAt: z.string(),
  occurredAt: z.string().nullable(),
  source: DutyEventSource,
  type: DutyEventType,
  grade: DutyEventGrade,
  status: z.enum(DUTY_EVENT_STATUSES),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  dead: z.number().nullable(),
  injured: z.number().nullable(),
  missing: z.number().nullable(),
  description: z.string(),
  reports: z.number().int(),
  /** The report owed next and its countdown; null once the 终报 is in. */
  next: DutyDeadline.nullable(),
  /** Reports owed and past due now. */
  overdue: z.number().int(),
});
export type DutyEventSummary = z.infer<typeof DutyEventSummary>;

export const DutyAck = z.object({ unit: DutyUnitRef, by: z.string(), at: z.string() });

export const DutyPassUp = z.object({ level: z.number().int(), unit: DutyUnitRef.nullable(), dueAt: z.string(), acknowledgedAt: z.string().nullable(), late: z.boolean(), minutesLate: z.number().int() });

const ReportFields = {
  title: text(DUTY_LIMITS.titleMax),
  occurredAt: Instant,
  location: text(LIMITS.addressMax),
  eventType: DutyEventType,
  dead: Count,
  injured: Count,
  missing: Count,
  /** 事件经过 */
  narrative: text(DUTY_LIMITS.sectionMax),
  /** 已采取措施 */
  measures: text(DUTY_LIMITS.sectionMax),
  /** 下步打算 */
  nextSteps: text(DUTY_LIMITS.sectionMax),
  reporterName: text(LIMITS.nameMax),
  reporterPhone: Phone.nullable(),
  /** 签发人 */
  issuer: text(LIMITS.nameMax),
};
export const DUTY_REPORT_REQUIRED = ['title', 'occurredAt', 'location', 'eventType', 'narrative', 'measures', 'nextSteps', 'reporterName', 'issuer'] as const;

/** A report being written: every field may still be missing; submitting checks they are all there. */
export const DutyReportDraft = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    kind: DutyReportKind,
    title: ReportFields.title.nullable().optional(),
    occurredAt: Instant.nullable().optional(),
    location: ReportFields.location.nullable().optional(),
    eventType: DutyEventType.nullable().optional(),
    dead: Count.optional(),
    injured: Count.optional(),
    missing: Count.optional(),
    narrative: ReportFields.narrative.nullable().optional(),
    measures: ReportFields.measures.nullable().optional(),
    nextSteps: ReportFields.nextSteps.nullable().optional(),
    reporterName: ReportFields.reporterName.nullable().optional(),
    reporterPhone: Phone.nullable().optional(),
    issuer: ReportFields.issuer.nullable().optional(),
    /** Submit at once (all required fields present) instead of keeping a draft. */
    submit: z.boolean().default(false),
  })
  .strict();
export type DutyReportDraft = z.infer<typeof DutyReportDraft>;

export const DutyReportUpdate = DutyReportDraft.omit({ id: true, eventId: true, kind: true });
export type DutyReportUpdate = z.infer<typeof DutyReportUpdate>;

export const DutyReportReturn = z.object({ reason: text(DUTY_LIMITS.noteMax) }).strict();

export const DutyReport = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventCode: z.string(),
  unit: DutyUnitRef,
  kind: DutyReportKind,
  /** 续报 number (1, 2, …); 0 for the 首报 and 终报. */
  sequence: z.number().int(),
  state: z.enum(DUTY_REPORT_STATES),
  title: z.string().nullable(),
  occurredAt: z.string().nullable(),
  location: z.string().nullable(),
  eventType: DutyEventType.nullable(),
  dead: z.number().nullable(),
  injured: z.number().nullable(),
  missing: z.number().nullable(),
  narrative: z.string().nullable(),
  measures: z.string().nullable(),
  nextSteps: z.string().nullable(),
  reporterName: z.string().nullable(),
  reporterPhone: z.string().nullable(),
  issuer: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** The deadline it answered, and whether it came late. */
  dueAt: z.string().nullable(),
  late: z.boolean(),
  minutesLate: z.number().int(),
  returnReason: z.string().nullable(),
  acks: z.array(DutyAck),
  /** Each level above: by when it should acknowledge, and when it did. */
  passUp: z.array(DutyPassUp),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), acknowledge: z.boolean(), return: z.boolean() }),
});
export type DutyReport = z.infer<typeof DutyReport>;

export const DutyTimelineEntry = z.object({ id: z.string(), at: z.string(), kind: z.string(), actor: z.string(), text: z.string(), reportId: z.string().nullable() });
export type DutyTimelineEntry = z.infer<typeof DutyTimelineEntry>;

export const DutyEventDetail = DutyEventSummary.extend({
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  closedAt: z.string().nullable(),
  mergedInto: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  preset: DutyDeadlinePreset,
  deadlines: z.object({
    submitted: z.array(z.object({ reportId: z.string(), kind: DutyReportKind, submittedAt: z.string(), dueAt: z.string().nullable(), late: z.boolean(), minutesLate: z.number().int() })),
    overdue: z.array(z.object({ kind: DutyReportKind, dueAt: z.string(), minutesLate: z.number().int() })),
  }),
  reportList: z.array(DutyReport),
  timeline: z.array(DutyTimelineEntry),
  can: z.object({ write: z.boolean(), review: z.boolean() }),
});
export type DutyEventDetail = z.infer<typeof DutyEventDetail>;

export const DutyEventListQuery = Page.extend({
  status: z.enum(['open', 'closed', 'merged', 'all']).default('open'),
  unitId: z.uuid().optional(),
  type: DutyEventType.optional(),
  q: z.string().trim().max(LIMITS.nameMax).optional(),
});
export const DutyEventList = paged(DutyEventSummary);

/** inbox: from the units below, not yet acknowledged by my level; outbox: my unit's own; late: came late or overdue. */
export const DutyReportListQuery = Page.extend({
  box: z.enum(['inbox', 'outbox', 'all']).default('all'),
  unitId: z.uuid().optional(),
  lateOnly: z.stringbool().optional(),
});
export const DutyReportList = paged(DutyReport);

export const DutySettings = z.object({ unitId: z.uuid(), preset: DutyDeadlinePreset, inheritedFrom: DutyUnitRef.nullable() });
export const DutySettingsUpdate = z.object({ preset: DutyDeadlinePreset }).strict();
export const DutyPresetInfo = z.object({
  items: z.array(
    z.object({
      key: DutyDeadlinePreset,
      nameZh: z.string(),
      nameEn: z.string(),
      rows: z.array(z.object({ type: z.string(), grade: DutyEventGrade, firstReportMinutes: z.number(), passUpMinutes: z.number(), followUpEveryHours: z.number(), finalReportDays: z.number().nullable() })),
    }),
  ),
});

/** The live console: what needs the duty officer now. */
export const DutyConsole = z.object({
  unit: DutyUnitRef,
  now: z.string(),
  /** Open events of the desk and below, newest first. */
  openEvents: z.array(DutyEventSummary),
  /** Reports owed within the next two hours, or already late. */
  due: z.array(z.object({ event: DutyEventSummary, kind: DutyReportKind, dueAt: z.string(), minutesLeft: z.number().int() })),
  /** Submitted from below and not acknowledged by my level yet. */
  unanswered: z.array(DutyReport),
  /** What the levels above said about my reports in the last 24 hours. */
  answers: z.array(z.object({ report: DutyReport, kind: z.enum(['acknowledged', 'returned']), at: z.string(), by: z.string() })),
});
export type DutyConsole = z.infer<typeof DutyConsole>;
