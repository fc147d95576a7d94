import { z } from 'zod';
import { Page, Phone, paged, text } from './common';
import { FILE_LIMITS, FileId, StoredFile } from './files';
import { LIMITS } from './limits';
import { UnitLevel } from './org';

/**
 * The closed loop (隐患排查 → 整改 → 销号) as states:
 *  reported 上报 → verified 已核实 → (major: awaiting_approval 待审批 →) graded 已定级 →
 *  rectifying 整改中 → accepting 待验收 → closed 已销号;  rejected 不属实, merged 已合并 end early.
 */
export const HAZARD_STATES = ['reported', 'verified', 'awaiting_approval', 'graded', 'rectifying', 'accepting', 'closed', 'rejected', 'merged'] as const;
export const HazardState = z.enum(HAZARD_STATES);
export type HazardState = z.infer<typeof HazardState>;

/** The states in words (audit summaries, exports). */
export const HAZARD_STATE_ZH: Record<HazardState, string> = {
  reported: '待核实',
  verified: '已核实',
  awaiting_approval: '待审批',
  graded: '已定级',
  rectifying: '整改中',
  accepting: '待验收',
  closed: '已销号',
  rejected: '不属实',
  merged: '已合并',
};

/** States in which a hazard still needs work. */
export const OPEN_HAZARD_STATES = ['reported', 'verified', 'awaiting_approval', 'graded', 'rectifying', 'accepting'] as const satisfies readonly HazardState[];

export const HAZARD_LEVELS = ['general', 'major'] as const;
export const HazardLevel = z.enum(HAZARD_LEVELS);
export type HazardLevel = z.infer<typeof HazardLevel>;

export const HAZARD_SOURCES = ['app', 'patrol', 'public'] as const;
export const HazardSource = z.enum(HAZARD_SOURCES);
export type HazardSource = z.infer<typeof HazardSource>;

export const HAZARD_LIMITS = {
  descriptionMax: 1000,
  noteMax: 1000,
  measuresMax: 2000,
  categoryCodeMax: 32,
} as const;

export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);

export const CategoryCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'category_code' })
  .max(HAZARD_LIMITS.categoryCodeMax);

export const HazardCategory = z.object({
  code: CategoryCode,
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type HazardCategory = z.infer<typeof HazardCategory>;
export const HazardCategoryList = z.object({ items: z.array(HazardCategory) });
export const HazardCategoryCreate = z.object({
  code: CategoryCode,
  nameZh: text(LIMITS.nameMax),
  nameEn: text(LIMITS.nameMax),
  sortOrder: z.number().int().min(0).max(9999).optional(),
}).strict();
export const HazardCategoryUpdate = HazardCategoryCreate.omit({ code: true }).partial().extend({ active: z.boolean().optional() }).strict();
export const CategoryParams = z.object({ code: CategoryCode });

const photoIds = z.array(FileId).max(FILE_LIMITS.photosPerReport).default([]);

/**
 * A report from the app. `id` is made by the phone when the report is filed (offline too), so a
 * retry or a replay of the queue stores it once.
 */
export const HazardSubmit = z
  .object({
    id: z.uuid(),
    /** Where it was found: a grid or village in the reporter's scope; defaults to the reporter's unit. */
    unitId: z.uuid().optional(),
    categoryCode: CategoryCode,
    description: text(HAZARD_LIMITS.descriptionMax),
    lat: Latitude,
    lng: Longitude,
    accuracy: z.number().min(0).max(100000).optional(),
    address: text(LIMITS.addressMax).optional(),
    suggestedLevel: HazardLevel.default('general'),
    photoIds,
    /** When the reporter filed it on the phone (may be long before it reached the server). */
    reportedAt: z.iso.datetime({ offset: true }),
    patrolId: z.uuid().optional(),
    riskPointId: z.uuid().optional(),
  })
  .strict();
export type HazardSubmit = z.infer<typeof HazardSubmit>;

/** 五到位: measures, funds, deadline, responsible person, contingency plan. */
export const FiveInPlace = z.object({
  measures: text(HAZARD_LIMITS.measuresMax),
  funds: text(LIMITS.nameMax),
  deadline: z.iso.datetime({ offset: true }),
  responsibleUnitId: z.uuid(),
  responsiblePersonId: z.uuid(),
  contingencyPlan: text(HAZARD_LIMITS.measuresMax),
});

const note = text(HAZARD_LIMITS.noteMax);
/** Each action may carry a client id, so a replayed action from an offline phone applies once. */
const eventId = z.uuid().optional();

export const HazardAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('verify'), eventId, note: note.optional() }).strict(),
  z.object({ action: z.literal('reject'), eventId, reason: note }).strict(),
  z.object({ action: z.literal('merge'), eventId, intoId: z.uuid(), reason: note.optional() }).strict(),
  z.object({ action: z.literal('grade'), eventId, level: HazardLevel, note: note.optional() }).strict(),
  z.object({ action: z.literal('approve'), eventId, note: note.optional() }).strict(),
  z.object({ action: z.literal('deny'), eventId, reason: note }).strict(),
  z.object({ action: z.literal('assign'), eventId, note: note.optional() }).extend(FiveInPlace.shape).strict(),
  z.object({ action: z.literal('progress'), eventId, note, photoIds }).strict(),
  z.object({ action: z.literal('submit'), eventId, note, photoIds }).strict(),
  z.object({ action: z.literal('accept'), eventId, note: note.optional(), photoIds }).strict(),
  z.object({ action: z.literal('fail'), eventId, reason: note, photoIds }).strict(),
  z.object({ action: z.literal('reopen'), eventId, reason: note }).strict(),
]);
export type HazardAction = z.infer<typeof HazardAction>;
export type HazardActionName = HazardAction['action'];
export const HAZARD_ACTIONS = ['verify', 'reject', 'merge', 'grade', 'approve', 'deny', 'assign', 'progress', 'submit', 'accept', 'fail', 'reopen'] as const satisfies readonly HazardActionName[];

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });
const PersonRef = z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() });
const ActorRef = z.object({ id: z.uuid().nullable(), name: z.string() });

export const HazardEventView = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.enum(['report', ...HAZARD_ACTIONS, 'escalate']),
  fromState: HazardState.nullable(),
  toState: HazardState,
  actor: ActorRef,
  note: z.string().nullable(),
  photos: z.array(StoredFile),
});
export type HazardEventView = z.infer<typeof HazardEventView>;

export const HazardSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  state: HazardState,
  level: HazardLevel.nullable(),
  suggestedLevel: HazardLevel,
  supervised: z.boolean(),
  category: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  description: z.string(),
  lat: z.number(),
  lng: z.number(),
  address: z.string().nullable(),
  unit: UnitRef,
  source: HazardSource,
  reporter: z.object({ name: z.string(), phone: z.string().nullable() }),
  reportedAt: z.string(),
  receivedAt: z.string(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  escalatedTo: UnitRef.nullable(),
  thumbUrl: z.string().nullable(),
});
export type HazardSummary = z.infer<typeof HazardSummary>;

export const HazardDetail = HazardSummary.extend({
  photos: z.array(StoredFile),
  accuracy: z.number().nullable(),
  mergedInto: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  riskPointId: z.uuid().nullable(),
  patrolId: z.uuid().nullable(),
  assignment: z
    .object({
      responsibleUnit: UnitRef,
      responsiblePerson: PersonRef,
      deadline: z.string(),
      measures: z.string(),
      funds: z.string(),
      contingencyPlan: z.string(),
    })
    .nullable(),
  events: z.array(HazardEventView),
  /** The actions the caller may take now. */
  can: z.array(z.enum(HAZARD_ACTIONS)),
});
export type HazardDetail = z.infer<typeof HazardDetail>;

export const HazardListQuery = Page.extend({
  unitId: z.uuid().optional(),
  state: z.union([HazardState, z.enum(['open', 'all'])]).default('open'),
  level: HazardLevel.optional(),
  categoryCode: CategoryCode.optional(),
  source: HazardSource.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  /** Only the hazards the caller reported (the phone's "my reports"). */
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only the hazards whose rectification is assigned to the caller (the phone's "my tasks"). */
  assignedToMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const HazardList = paged(HazardSummary);

/** Counts for the menu badges and the review queue: by state, and how many are overdue. */
export const HazardCounts = z.object({
  byState: z.record(HazardState, z.number().int()),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type HazardCounts = z.infer<typeof HazardCounts>;

/* ---------- public report (群众上报, QR poster) ---------- */

export const PublicReportInfo = z.object({
  village: z.string(),
  township: z.string(),
  categories: z.array(HazardCategory.pick({ code: true, nameZh: true, nameEn: true })),
  photoBytesMax: z.number().int(),
});
export const PublicReportFields = z.object({
  categoryCode: CategoryCode,
  description: text(HAZARD_LIMITS.descriptionMax),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  phone: Phone.optional(),
});
export const PublicReportReceipt = z.object({ code: z.string(), receivedAt: z.string() });
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
