import { z } from 'zod';
import { ZERO_REPORT_HOUR, ZERO_REPORT_STATUSES } from '../server/modules/duty/rules/deadlines';
import { Page, optionalText, paged, text } from './common';
import { LIMITS } from './limits';
import { UnitLevel } from './org';

/**
 * The duty desk's communications equipment (通讯设备) with its periodic connectivity tests
 * (联通测试), and the daily zero report (零报告/报平安) of each township.
 */
export const COMMS_KINDS = [
  'satellite_phone', // 卫星电话
  'video_conference', // 视频会议系统
  'emergency_broadcast', // 应急广播
  'radio', // 对讲机
  'other',
] as const;
export const CommsKind = z.enum(COMMS_KINDS);
export type CommsKind = z.infer<typeof CommsKind>;

export const COMMS_STATUSES = ['active', 'retired'] as const;
export const CommsStatus = z.enum(COMMS_STATUSES);
export type CommsStatus = z.infer<typeof CommsStatus>;

export const COMMS_TEST_RESULTS = ['ok', 'failed'] as const;
export const CommsTestResult = z.enum(COMMS_TEST_RESULTS);
export type CommsTestResult = z.infer<typeof CommsTestResult>;

/** Stations (city, county, township) keep equipment; villages may have a broadcast system too. */
export const COMMS_UNIT_LEVELS = ['city', 'county', 'township', 'village'] as const satisfies readonly UnitLevel[];

export const COMMS_LIMITS = {
  modelMax: 80,
  identifierMax: 80,
  placeMax: 120,
  noteMax: 1000,
  intervalDaysMin: 1,
  intervalDaysMax: 365,
  /** Weekly, as the plan asks, unless the station says otherwise. */
  intervalDaysDefault: 7,
  /** A phone's clock may run a little fast; a test further in the future than this is refused. */
  testFutureSkewMinutes: 10,
  /** Tests shown with an item; older ones are paged through GET …/tests. */
  recentTests: 10,
  /** The most items the overdue list answers with (it says when it cut the list). */
  overdueMax: 500,
} as const;

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });

export const CommsTestView = z.object({
  id: z.uuid(),
  equipmentId: z.uuid(),
  at: z.string(),
  result: CommsTestResult,
  note: z.string().nullable(),
  tester: z.object({ id: z.uuid().nullable(), name: z.string() }),
  createdAt: z.string(),
});
export type CommsTestView = z.infer<typeof CommsTestView>;

export const CommsEquipmentView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  kind: CommsKind,
  model: z.string(),
  identifier: z.string(),
  place: z.string().nullable(),
  keeper: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }),
  testIntervalDays: z.number().int(),
  status: CommsStatus,
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  lastTest: z.object({ at: z.string(), result: CommsTestResult }).nullable(),
  /** The last test (or the registration, before any test) plus the interval. */
  nextTestDue: z.string(),
  testOverdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), retire: z.boolean(), test: z.boolean() }),
});
export type CommsEquipmentView = z.infer<typeof CommsEquipmentView>;

export const CommsEquipmentDetail = CommsEquipmentView.extend({ recentTests: z.array(CommsTestView) });
export type CommsEquipmentDetail = z.infer<typeof CommsEquipmentDetail>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CommsListQuery = Page.extend({
  /** The unit and everything below it; default the whole scope. */
  unitId: z.uuid().optional(),
  kind: CommsKind.optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  /** true: only items whose test is overdue; false: only those that are not. */
  overdue: bool.optional(),
  /** true: only items whose last test failed. */
  failed: bool.optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export const CommsList = paged(CommsEquipmentView);

/** For the live console: equipment in a unit's subtree whose connectivity test is overdue. */
export const CommsOverdueQuery = z.object({ unitId: z.uuid().optional() });
export const CommsOverdueItem = z.object({
  id: z.uuid(),
  unit: UnitRef,
  kind: CommsKind,
  model: z.string(),
  identifier: z.string(),
  keeper: z.object({ name: z.string(), phone: z.string() }),
  lastTest: z.object({ at: z.string(), result: CommsTestResult }).nullable(),
  nextTestDue: z.string(),
});
export type CommsOverdueItem = z.infer<typeof CommsOverdueItem>;
export const CommsOverdueList = z.object({ items: z.array(CommsOverdueItem), truncated: z.boolean() });

const IntervalDays = z.number().int().min(COMMS_LIMITS.intervalDaysMin).max(COMMS_LIMITS.intervalDaysMax);

export const CommsCreate = z
  .object({
    unitId: z.uuid(),
    kind: CommsKind,
    model: text(COMMS_LIMITS.modelMax),
    /** The number (卫星电话号码), the conference terminal's id, the broadcast station's code … */
    identifier: text(COMMS_LIMITS.identifierMax),
    place: optionalText(COMMS_LIMITS.placeMax),
    keeperId: z.uuid(),
    testIntervalDays: IntervalDays.default(COMMS_LIMITS.intervalDaysDefault),
  })
  .strict();
export type CommsCreate = z.infer<typeof CommsCreate>;

export const CommsUpdate = z
  .object({
    kind: CommsKind,
    model: text(COMMS_LIMITS.modelMax),
    identifier: text(COMMS_LIMITS.identifierMax),
    place: optionalText(COMMS_LIMITS.placeMax),
    keeperId: z.uuid(),
    testIntervalDays: IntervalDays,
  })
  .partial()
  .strict();
export type CommsUpdate = z.infer<typeof CommsUpdate>;

export const CommsRetire = z.object({ reason: text(LIMITS.reasonMax) }).strict();

/**
 * A connectivity test. `id` is made by the device when the test is recorded, so a retry or a
 * replay of a phone's queue stores it once. A failed test needs a note saying what failed.
 */
export const CommsTestCreate = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    result: CommsTestResult,
    note: text(COMMS_LIMITS.noteMax).optional(),
  })
  .strict()
  .refine((c) => c.result === 'ok' || c.note !== undefined, { path: ['note'], message: 'note_required' });
export type CommsTestCreate = z.infer<typeof CommsTestCreate>;

export const CommsTestListQuery = Page;
export const CommsTestList = paged(CommsTestView);

/* ---------- the daily zero report (零报告/报平安) ---------- */

export { ZERO_REPORT_HOUR, ZERO_REPORT_STATUSES };
export const ZeroReportStatus = z.enum(ZERO_REPORT_STATUSES);
export type ZeroReportStatus = z.infer<typeof ZeroReportStatus>;

export const ZERO_REPORT_LIMITS = { noteMax: 500 } as const;

/** The statement a zero report makes; a note may add to it. */
export const ZERO_REPORT_TEXT = { zh: '今日无突发事件', en: 'No emergencies today' } as const;

/** A Beijing calendar date, 'YYYY-MM-DD'. */
export const BeijingDay = z.iso.date();

export const ZeroReportView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  day: z.string(),
  note: z.string().nullable(),
  submittedAt: z.string(),
  submitter: z.object({ id: z.uuid().nullable(), name: z.string() }),
});
export type ZeroReportView = z.infer<typeof ZeroReportView>;

/** Send today's zero report of a township. Sending again the same day answers the stored one. */
export const ZeroReportCreate = z
  .object({
    unitId: z.uuid(),
    note: optionalText(ZERO_REPORT_LIMITS.noteMax),
  })
  .strict();
export type ZeroReportCreate = z.infer<typeof ZeroReportCreate>;

export const ZeroReportDayQuery = z.object({
  /** Default: today in Beijing. */
  day: BeijingDay.optional(),
  /** The townships at or below this unit; default the whole scope. */
  unitId: z.uuid().optional(),
});

export const ZeroReportRow = z.object({
  unit: UnitRef,
  /** Its parent (the county of a township), for grouping at the city level. */
  parentName: z.string().nullable(),
  dueHour: z.number().int(),
  dueAt: z.string(),
  status: ZeroReportStatus,
  report: ZeroReportView.nullable(),
  /** When the missing flag went to the county (the sweep), if it did. */
  missingFlaggedAt: z.string().nullable(),
  can: z.object({ send: z.boolean() }),
});
export type ZeroReportRow = z.infer<typeof ZeroReportRow>;

export const ZeroReportDay = z.object({
  day: z.string(),
  /** The Beijing day of the server's now, so screens know whether `day` is today. */
  today: z.string(),
  counts: z.record(ZeroReportStatus, z.number().int()),
  items: z.array(ZeroReportRow),
});
export type ZeroReportDay = z.infer<typeof ZeroReportDay>;

export const ZeroReportSettingsQuery = z.object({ unitId: z.uuid() });

const DueHour = z.number().int().min(ZERO_REPORT_HOUR.min).max(ZERO_REPORT_HOUR.max);

/**
 * The hour by which a day's zero report is due. A township, county or city may set it; a township
 * follows its own setting, else the nearest unit above that has one, else the default.
 */
export const ZeroReportSettings = z.object({
  unitId: z.uuid(),
  /** The hour in force for this unit. */
  dueHour: z.number().int(),
  /** The unit whose setting is in force: this one, one above it, or null for the default. */
  source: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** This unit's own setting, if it has one. */
  ownDueHour: z.number().int().nullable(),
  can: z.object({ update: z.boolean() }),
});
export type ZeroReportSettings = z.infer<typeof ZeroReportSettings>;

/** Set a unit's own hour, or clear it (null) to follow the unit above. */
export const ZeroReportSettingsUpdate = z.object({ unitId: z.uuid(), dueHour: DueHour.nullable() }).strict();
export type ZeroReportSettingsUpdate = z.infer<typeof ZeroReportSettingsUpdate>;

/** Units that may set the hour: the stations and the bureaus above them. */
export const ZERO_REPORT_SETTING_LEVELS = ['city', 'county', 'township'] as const satisfies readonly UnitLevel[];
