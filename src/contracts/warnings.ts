import { z } from 'zod';
import { Page, optionalText, paged, text } from './common';
import { LIMITS } from './limits';
import { UnitLevel } from './org';
import { Role } from './roles';

/**
 * Warnings (预警): received (entered by hand or imported as CAP 1.2), issued downward to the people
 * responsible, and answered (叫应). A warning at or above the answer level must be answered by every
 * recipient; the unanswered are reminded and then escalated up the hierarchy by a set-based sweep.
 * The type and level codes match src/server/modules/warnings/cap/mapping.ts (checked there).
 */
/** 'other': a warning of no type here (an earthquake, a public-security alert) still reaches people. */
export const WARNING_TYPE_CODES = ['typhoon', 'rainstorm', 'lightning', 'gale', 'heat', 'cold_wave', 'fog', 'geological', 'storm_surge', 'forest_fire', 'other'] as const;
export const WarningType = z.enum(WARNING_TYPE_CODES);
export type WarningType = z.infer<typeof WarningType>;

/** Most severe first: 红 Ⅰ, 橙 Ⅱ, 黄 Ⅲ, 蓝 Ⅳ. */
export const WARNING_LEVEL_CODES = ['red', 'orange', 'yellow', 'blue'] as const;
export const WarningLevel = z.enum(WARNING_LEVEL_CODES);
export type WarningLevel = z.infer<typeof WarningLevel>;

export const WARNING_SOURCES = ['manual', 'cap_upload', 'cap_feed'] as const;
export type WarningSource = (typeof WARNING_SOURCES)[number];
export const WARNING_STATUSES = ['active', 'updated', 'cancelled', 'expired'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/** What a recipient answers with one tap. */
export const WARNING_ANSWERS = ['acknowledged', 'on_duty', 'evacuating', 'evacuated', 'need_help'] as const;
export const WarningAnswer = z.enum(WARNING_ANSWERS);
export type WarningAnswer = z.infer<typeof WarningAnswer>;

export const WARNING_LIMITS = { headlineMax: 200, textMax: 8000, areasMax: 200, tiersMax: 6, waitMinutesMax: 24 * 60, repeatsMax: 10, noteMax: 500, capBytesMax: 512 * 1024 } as const;

const Instant = z.iso.datetime({ offset: true });

/** A warning entered by hand (or confirmed from an imported CAP message). */
export const WarningCreate = z
  .object({
    id: z.uuid(),
    type: WarningType,
    level: WarningLevel,
    /** Where it applies, as text (沿海各乡镇) … */
    areaDesc: text(LIMITS.addressMax),
    /** … and as the units it covers (their subtrees). */
    areaUnitIds: z.array(z.uuid()).min(1).max(WARNING_LIMITS.areasMax),
    effective: Instant,
    expires: Instant,
    headline: text(WARNING_LIMITS.headlineMax),
    text: text(WARNING_LIMITS.textMax),
    /** 演练: watermarked everywhere, never sent to real channels, counted apart. */
    exercise: z.boolean().default(false),
  })
  .strict();
export type WarningCreate = z.infer<typeof WarningCreate>;

/** An escalation policy: after each tier's wait, unanswered recipients are reminded or their superior is told. */
export const EscalationTier = z.object({
  waitMinutes: z.number().int().min(1).max(WARNING_LIMITS.waitMinutesMax),
  /** remind: the recipient again; superior: the next person up the chain (grid worker → village lead → township duty officer → township chief → county). */
  action: z.enum(['remind', 'superior']),
});
export const EscalationPolicy = z.object({ tiers: z.array(EscalationTier).min(1).max(WARNING_LIMITS.tiersMax) });
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

export const DEFAULT_ESCALATION: EscalationPolicy = {
  tiers: [
    { waitMinutes: 10, action: 'remind' },
    { waitMinutes: 10, action: 'superior' },
    { waitMinutes: 15, action: 'superior' },
    { waitMinutes: 15, action: 'superior' },
  ],
};

/** 发布: issuing a warning downward to the units chosen and the roles chosen there. */
export const WarningIssueCreate = z
  .object({
    id: z.uuid(),
    /** Targets: these units and everything below them (within the issuer's scope). */
    unitIds: z.array(z.uuid()).min(1).max(WARNING_LIMITS.areasMax),
    /** Who receives it there; every role when empty. */
    roles: z.array(Role).max(20).default([]),
    /** Answers (叫应) required; by default when the level is at or above the configured one. */
    requireAnswer: z.boolean().optional(),
    policy: EscalationPolicy.optional(),
    note: optionalText(WARNING_LIMITS.noteMax),
  })
  .strict();
export type WarningIssueCreate = z.infer<typeof WarningIssueCreate>;

export const WarningAnswerBody = z.object({ answer: WarningAnswer, note: optionalText(WARNING_LIMITS.noteMax) }).strict();

export const WarningUnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });

export const WarningSummary = z.object({
  id: z.uuid(),
  identifier: z.string(),
  type: WarningType,
  level: WarningLevel,
  areaDesc: z.string(),
  effective: z.string(),
  expires: z.string(),
  headline: z.string(),
  status: z.enum(WARNING_STATUSES),
  source: z.enum(WARNING_SOURCES),
  exercise: z.boolean(),
  unit: WarningUnitRef,
  createdAt: z.string(),
  /** Issued downward how many times, to how many people, how many answered. */
  issues: z.number().int(),
  recipients: z.number().int(),
  answered: z.number().int(),
});
export type WarningSummary = z.infer<typeof WarningSummary>;

export const WarningIssueView = z.object({
  id: z.uuid(),
  warningId: z.uuid(),
  unit: WarningUnitRef,
  issuedBy: z.string(),
  issuedAt: z.string(),
  requireAnswer: z.boolean(),
  policy: EscalationPolicy,
  exercise: z.boolean(),
  recipients: z.number().int(),
  answered: z.number().int(),
  escalated: z.number().int(),
  note: z.string().nullable(),
});
export type WarningIssueView = z.infer<typeof WarningIssueView>;

export const WarningDetail = WarningSummary.extend({
  text: z.string(),
  areaUnits: z.array(WarningUnitRef),
  sender: z.string(),
  sentAt: z.string(),
  references: z.array(z.string()),
  issueList: z.array(WarningIssueView),
  can: z.object({ issue: z.boolean(), cancel: z.boolean() }),
});
export type WarningDetail = z.infer<typeof WarningDetail>;

export const WarningListQuery = Page.extend({
  status: z.enum(['active', 'all']).default('active'),
  exercise: z.stringbool().optional(),
});
export const WarningList = paged(WarningSummary);

/** One recipient as the board and the recipient see it. */
export const WarningDelivery = z.object({
  id: z.string(),
  warningId: z.uuid(),
  issueId: z.uuid(),
  recipient: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), role: Role, unit: WarningUnitRef }),
  deliveredAt: z.string(),
  requireAnswer: z.boolean(),
  answer: WarningAnswer.nullable(),
  answeredAt: z.string().nullable(),
  /** How far the escalation went: 0 none; each tier passed adds one. */
  tier: z.number().int(),
  nextEscalationAt: z.string().nullable(),
  escalatedTo: z.array(z.object({ name: z.string(), role: Role, at: z.string() })),
});
export type WarningDelivery = z.infer<typeof WarningDelivery>;

/** My warnings (the phone's inbox): what reached me, with the warning's text, to answer. */
export const MyWarning = z.object({
  delivery: WarningDelivery,
  warning: WarningSummary.extend({ text: z.string() }),
  /** Unanswered recipients below me that were escalated to me. */
  escalatedToMe: z.boolean(),
});
export const MyWarningList = z.object({ items: z.array(MyWarning) });

/** The live board of one issue: per area who answered, who has not, and who was escalated. */
export const WarningBoard = z.object({
  issue: WarningIssueView,
  warning: WarningSummary,
  areas: z.array(
    z.object({
      unit: WarningUnitRef,
      recipients: z.number().int(),
      answered: z.number().int(),
      escalated: z.number().int(),
      unanswered: z.array(WarningDelivery),
      answeredList: z.array(WarningDelivery),
    }),
  ),
});
export type WarningBoard = z.infer<typeof WarningBoard>;

/** The answer page behind a link in an SMS: no sign-in, the token is the key. */
export const WarningLinkInfo = z.object({ headline: z.string(), level: WarningLevel, type: WarningType, recipient: z.string(), answer: WarningAnswer.nullable(), exercise: z.boolean() });
