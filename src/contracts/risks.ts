import { z } from 'zod';
import { Page, optionalText, paged, text } from './common';
import { FILE_LIMITS, FileId } from './files';
import { Latitude, Longitude } from './hazards';
import { LIMITS } from './limits';
import { UnitLevel } from './org';

/**
 * The risk point registry (风险点): places that need watching before anything happens — a slope,
 * a low street that floods, a dangerous building, a chemical works, a fishing harbour — each with
 * a responsible person, control measures and a periodic check.
 */
export const RISK_TYPES = [
  'geological', // 地质灾害点
  'waterlogging', // 易涝点
  'dangerous_building', // 危房
  'hazardous_enterprise', // 危化品/企业
  'forest_fire', // 森林火险区
  'marine', // 海上/渔港
  'crowded_place', // 人员密集场所
  'other', // 其他
] as const;
export const RiskType = z.enum(RISK_TYPES);
export type RiskType = z.infer<typeof RiskType>;

/** Four colours, highest first: 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RISK_LEVELS = ['major', 'large', 'general', 'low'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const RISK_LEVEL_COLOURS = { major: 'red', large: 'orange', general: 'yellow', low: 'blue' } as const satisfies Record<RiskLevel, string>;

export const RISK_STATUSES = ['active', 'retired'] as const;
export const RiskStatus = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatus>;

export const RISK_CHECK_RESULTS = ['normal', 'abnormal'] as const;
export const RiskCheckResult = z.enum(RISK_CHECK_RESULTS);
export type RiskCheckResult = z.infer<typeof RiskCheckResult>;

/** Risk points sit on townships, villages and grids, never on the city or county itself. */
export const RISK_UNIT_LEVELS = ['township', 'village', 'grid'] as const satisfies readonly UnitLevel[];

export const RISK_LIMITS = {
  measuresMax: 2000,
  checkNoteMax: 1000,
  cycleDaysMin: 1,
  cycleDaysMax: 365,
  /** The cycles the forms offer first (weekly, monthly, quarterly); any other in range is allowed. */
  cyclePresets: [7, 30, 90],
  /** A phone's clock may run a little fast; a check further in the future than this is refused. */
  checkFutureSkewMinutes: 10,
  /** Checks shown with a risk point; older ones are paged through GET /api/risks/:id/checks. */
  recentChecks: 10,
  /** The most points the map endpoint answers with (it says when it cut the list). */
  mapMax: 5000,
} as const;

const CycleDays = z.number().int().min(RISK_LIMITS.cycleDaysMin).max(RISK_LIMITS.cycleDaysMax);

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });

export const RiskCheckView = z.object({
  id: z.uuid(),
  riskPointId: z.uuid(),
  at: z.string(),
  checker: z.object({ id: z.uuid().nullable(), name: z.string() }),
  result: RiskCheckResult,
  note: z.string().nullable(),
  photoIds: z.array(FileId),
  createdAt: z.string(),
});
export type RiskCheckView = z.infer<typeof RiskCheckView>;

export const RiskPointView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  name: z.string(),
  type: RiskType,
  level: RiskLevel,
  lat: z.number(),
  lng: z.number(),
  address: z.string().nullable(),
  responsiblePerson: z.object({ id: z.uuid(), name: z.string(), phone: z.string(), unitName: z.string() }),
  controlMeasures: z.string(),
  checkCycleDays: z.number().int(),
  status: RiskStatus,
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  lastCheck: z.object({ at: z.string(), result: RiskCheckResult }).nullable(),
  /** The last check (or the registration, before any check) plus the cycle. */
  nextCheckDue: z.string(),
  checkOverdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), retire: z.boolean(), check: z.boolean() }),
});
export type RiskPointView = z.infer<typeof RiskPointView>;

export const RiskPointDetail = RiskPointView.extend({ recentChecks: z.array(RiskCheckView) });
export type RiskPointDetail = z.infer<typeof RiskPointDetail>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const RiskListQuery = Page.extend({
  /** The unit and everything below it; default the whole scope. */
  unitId: z.uuid().optional(),
  level: RiskLevel.optional(),
  type: RiskType.optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  /** true: only points whose check is overdue; false: only those that are not. */
  overdueCheck: bool.optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});
export const RiskList = paged(RiskPointView);

export const RiskMapQuery = z.object({ unitId: z.uuid().optional() });
export const RiskMapPoint = z.object({
  id: z.uuid(),
  name: z.string(),
  level: RiskLevel,
  type: RiskType,
  lat: z.number(),
  lng: z.number(),
  checkOverdue: z.boolean(),
});
export type RiskMapPoint = z.infer<typeof RiskMapPoint>;
export const RiskMap = z.object({ items: z.array(RiskMapPoint), truncated: z.boolean() });

export const RiskCreate = z
  .object({
    unitId: z.uuid(),
    name: text(LIMITS.nameMax),
    type: RiskType,
    level: RiskLevel,
    lat: Latitude,
    lng: Longitude,
    address: optionalText(LIMITS.addressMax),
    responsiblePersonId: z.uuid(),
    controlMeasures: text(RISK_LIMITS.measuresMax),
    checkCycleDays: CycleDays,
  })
  .strict();
export type RiskCreate = z.infer<typeof RiskCreate>;

export const RiskUpdate = RiskCreate.omit({ unitId: true }).partial().strict();
export type RiskUpdate = z.infer<typeof RiskUpdate>;

export const RiskRetire = z.object({ reason: text(LIMITS.reasonMax) }).strict();

/**
 * A periodic check. `id` is made by the phone when the check is recorded (offline too), so a retry
 * or a replay of the queue stores it once. An abnormal finding needs a note saying what was found.
 */
export const RiskCheckCreate = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    result: RiskCheckResult,
    note: text(RISK_LIMITS.checkNoteMax).optional(),
    photoIds: z.array(FileId).max(FILE_LIMITS.photosPerReport).default([]),
  })
  .strict()
  .refine((c) => c.result === 'normal' || c.note !== undefined, { path: ['note'], message: 'note_required' });
export type RiskCheckCreate = z.infer<typeof RiskCheckCreate>;

export const RiskCheckListQuery = Page;
export const RiskCheckList = paged(RiskCheckView);
