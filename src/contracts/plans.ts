import { z } from 'zod';
import { Page, optionalText, paged, text } from './common';
import { LIMITS } from './limits';
import { UnitLevel } from './org';

/**
 * Emergency plans (预案) and drills (演练). A plan belongs to a unit (city to village), covers some
 * hazards, has four response levels (Ⅰ most severe) each with a checklist of actions, and rules
 * saying which warning (type + colour) starts which level.
 */
export const PLAN_KINDS = ['comprehensive', 'special'] as const; // 综合 / 专项
export const PlanKind = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof PlanKind>;

export const PLAN_SETTINGS = ['coastal', 'mountain', 'general'] as const; // 沿海 / 山区 / 通用
export const PlanSetting = z.enum(PLAN_SETTINGS);
export type PlanSetting = z.infer<typeof PlanSetting>;

export const PLAN_STATUSES = ['draft', 'active', 'retired'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

/**
 * The warning types a plan can answer: the same keys as WARNING_TYPES in
 * server/modules/warnings/cap/mapping.ts (a unit test keeps the two lists equal).
 */
export const PLAN_WARNING_TYPES = ['typhoon', 'rainstorm', 'lightning', 'gale', 'heat', 'cold_wave', 'fog', 'geological', 'storm_surge', 'forest_fire', 'other'] as const;
export const PlanWarningType = z.enum(PLAN_WARNING_TYPES);
export type PlanWarningType = z.infer<typeof PlanWarningType>;

/** What a plan covers: the warning types, plus 'other' (e.g. a fire or an accident). */
export const PLAN_HAZARDS = PLAN_WARNING_TYPES;
export const PlanHazard = z.enum(PLAN_HAZARDS);
export type PlanHazard = z.infer<typeof PlanHazard>;

/** Warning colours, most severe first (红/橙/黄/蓝), as in WARNING_LEVELS of the CAP mapping. */
export const PLAN_WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export const PlanWarningLevel = z.enum(PLAN_WARNING_LEVELS);
export type PlanWarningLevel = z.infer<typeof PlanWarningLevel>;

/** Response levels, most severe first: Ⅰ级, Ⅱ级, Ⅲ级, Ⅳ级. */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export const ResponseLevel = z.enum(RESPONSE_LEVELS);
export type ResponseLevel = z.infer<typeof ResponseLevel>;
export const RESPONSE_LEVEL_ROMAN = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' } as const satisfies Record<ResponseLevel, string>;

/** Plans sit on every level but the grid. */
export const PLAN_UNIT_LEVELS = ['city', 'county', 'township', 'village'] as const satisfies readonly UnitLevel[];

export const PLAN_DOCUMENT_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export type PlanDocumentType = (typeof PLAN_DOCUMENT_TYPES)[number];

export const PLAN_LIMITS = {
  versionMax: 30,
  summaryMax: 2000,
  actionMax: 500,
  ownerPostMax: 60,
  /** A week: the longest time limit an action can have. */
  timeLimitMinutesMax: 7 * 24 * 60,
  actionsPerLevelMax: 60,
  documentBytesMax: 20 * 1024 * 1024,
  documentNameMax: 120,
  scenarioMax: 1000,
  participantNamesMax: 2000,
  participantCountMax: 100000,
  evaluationMax: 4000,
  findingsMax: 4000,
  /** Days before the revision date when a plan is shown as "revision due soon". */
  revisionSoonDays: 30,
} as const;

/** A calendar date, 'YYYY-MM-DD' (Beijing). */
const Day = z.iso.date();

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });

export const PlanDocumentView = z.object({ fileName: z.string(), mime: z.enum(PLAN_DOCUMENT_TYPES), size: z.number().int(), uploadedAt: z.string(), url: z.string() });
export type PlanDocumentView = z.infer<typeof PlanDocumentView>;

export const PlanView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  name: z.string(),
  kind: PlanKind,
  setting: PlanSetting,
  hazards: z.array(PlanHazard),
  status: PlanStatus,
  version: z.string(),
  approvedOn: Day.nullable(),
  revisionDue: Day.nullable(),
  /** The revision date has passed (active and draft plans only). */
  revisionOverdue: z.boolean(),
  summary: z.string().nullable(),
  document: PlanDocumentView.nullable(),
  lastDrill: z.object({ id: z.uuid(), heldOn: Day, scenario: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ manage: z.boolean() }),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanActionView = z.object({
  id: z.uuid(),
  level: ResponseLevel,
  position: z.number().int(),
  action: z.string(),
  ownerPost: z.string(),
  ownerPerson: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }).nullable(),
  timeLimitMinutes: z.number().int().nullable(),
});
export type PlanActionView = z.infer<typeof PlanActionView>;

export const PlanRule = z
  .object({ warningType: PlanWarningType, warningLevel: PlanWarningLevel, responseLevel: ResponseLevel })
  .strict();
export type PlanRule = z.infer<typeof PlanRule>;

export const PlanDetail = PlanView.extend({
  /** All four levels, Ⅰ first, each with its actions in order (possibly none). */
  levels: z.array(z.object({ level: ResponseLevel, actions: z.array(PlanActionView) })),
  rules: z.array(PlanRule),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const PlanListQuery = Page.extend({
  /** The unit and everything below it; default the whole scope. */
  unitId: z.uuid().optional(),
  kind: PlanKind.optional(),
  status: PlanStatus.optional(),
  hazard: PlanHazard.optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  /** true: only plans whose revision date has passed. */
  revisionOverdue: bool.optional(),
});
export const PlanList = paged(PlanView);

const Hazards = z
  .array(PlanHazard)
  .min(1)
  .max(PLAN_HAZARDS.length)
  .refine((h) => new Set(h).size === h.length, { message: 'duplicate' });

export const PlanCreate = z
  .object({
    unitId: z.uuid(),
    name: text(LIMITS.nameMax),
    kind: PlanKind,
    setting: PlanSetting,
    hazards: Hazards,
    status: PlanStatus.exclude(['retired']).default('draft'),
    version: text(PLAN_LIMITS.versionMax),
    approvedOn: Day.nullable().optional(),
    revisionDue: Day.nullable().optional(),
    summary: optionalText(PLAN_LIMITS.summaryMax),
  })
  .strict();
export type PlanCreate = z.input<typeof PlanCreate>;

export const PlanUpdate = z
  .object({
    name: text(LIMITS.nameMax),
    kind: PlanKind,
    setting: PlanSetting,
    hazards: Hazards,
    status: PlanStatus,
    version: text(PLAN_LIMITS.versionMax),
    approvedOn: Day.nullable(),
    revisionDue: Day.nullable(),
    summary: optionalText(PLAN_LIMITS.summaryMax),
  })
  .partial()
  .strict();
export type PlanUpdate = z.input<typeof PlanUpdate>;

const TimeLimit = z.number().int().min(1).max(PLAN_LIMITS.timeLimitMinutesMax);

export const PlanActionCreate = z
  .object({
    level: ResponseLevel,
    action: text(PLAN_LIMITS.actionMax),
    ownerPost: text(PLAN_LIMITS.ownerPostMax),
    ownerPersonId: z.uuid().nullable().optional(),
    timeLimitMinutes: TimeLimit.nullable().optional(),
  })
  .strict();
export type PlanActionCreate = z.input<typeof PlanActionCreate>;

export const PlanActionUpdate = PlanActionCreate.omit({ level: true }).partial().strict();
export type PlanActionUpdate = z.input<typeof PlanActionUpdate>;

/** The new order of one level's actions: every action of the level, each once. */
export const PlanActionOrder = z
  .object({ level: ResponseLevel, actionIds: z.array(z.uuid()).max(PLAN_LIMITS.actionsPerLevelMax) })
  .strict();
export type PlanActionOrder = z.input<typeof PlanActionOrder>;

/** The whole set of activation rules of a plan (replaces the previous set). */
export const PlanRulesPut = z
  .object({ rules: z.array(PlanRule).max(PLAN_WARNING_TYPES.length * PLAN_WARNING_LEVELS.length) })
  .strict();
export type PlanRulesPut = z.input<typeof PlanRulesPut>;

export const DrillView = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  heldOn: Day,
  scenario: z.string(),
  participantCount: z.number().int(),
  participantNames: z.string().nullable(),
  evaluation: z.string().nullable(),
  findings: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DrillView = z.infer<typeof DrillView>;

export const DrillCreate = z
  .object({
    heldOn: Day,
    scenario: text(PLAN_LIMITS.scenarioMax),
    participantCount: z.number().int().min(1).max(PLAN_LIMITS.participantCountMax),
    participantNames: optionalText(PLAN_LIMITS.participantNamesMax),
    evaluation: optionalText(PLAN_LIMITS.evaluationMax),
    findings: optionalText(PLAN_LIMITS.findingsMax),
  })
  .strict();
export type DrillCreate = z.input<typeof DrillCreate>;

export const DrillUpdate = DrillCreate.partial().strict();
export type DrillUpdate = z.input<typeof DrillUpdate>;

export const DrillListQuery = Page;
export const DrillList = paged(DrillView);
