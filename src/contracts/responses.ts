import { z } from 'zod';
import { Page, optionalText, paged, text } from './common';
import { UnitLevel } from './org';
import { PlanActionView, ResponseLevel } from './plans';
import { WarningLevel, WarningType } from './warnings';

/**
 * Emergency responses (应急响应): a plan's response level started for a warning. Starting it turns
 * the level's checklist into tasks (owner, due time = start + time limit); the tasks are ticked as
 * they are done; the response ends with a summary that joins the township's event timeline.
 * A response may be an exercise (演练): the flag comes from the warning or is chosen at start.
 */
export const RESPONSE_STATUSES = ['running', 'ended'] as const;
export const ResponseStatus = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

export const RESPONSE_LIMITS = { summaryMax: 4000, noteMax: 500 } as const;

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });

/** The warning a response answers, as lists and pages show it. */
export const ResponseWarningRef = z.object({ id: z.uuid(), identifier: z.string(), type: WarningType, level: WarningLevel, headline: z.string(), exercise: z.boolean() });

/** One plan the warning should start, at which level, with the tasks that level would create. */
export const ResponseProposalItem = z.object({
  plan: z.object({ id: z.uuid(), name: z.string(), unit: UnitRef }),
  level: ResponseLevel,
  /** Where the plan's unit is relative to the warned unit it was matched for. */
  relation: z.enum(['same', 'above', 'below']),
  distance: z.number().int(),
  /** The warned unit (an area or an issue's target, or the actor's unit inside one). */
  place: UnitRef,
  checklist: z.array(PlanActionView),
  /** The actor holds warnings.respond at the plan's unit. */
  canStart: z.boolean(),
  /** A response of this plan to this warning is already running. */
  runningId: z.uuid().nullable(),
});
export type ResponseProposalItem = z.infer<typeof ResponseProposalItem>;

export const ResponseProposalQuery = z.object({ warningId: z.uuid() });
export const ResponseProposal = z.object({ warning: ResponseWarningRef, items: z.array(ResponseProposalItem) });
export type ResponseProposal = z.infer<typeof ResponseProposal>;

/** 启动响应. The id is the client's: a retried start is stored once. */
export const ResponseStart = z
  .object({
    id: z.uuid(),
    warningId: z.uuid(),
    planId: z.uuid(),
    level: ResponseLevel,
    /** 演练. An exercise warning always starts an exercise; otherwise false by default. */
    exercise: z.boolean().optional(),
  })
  .strict();
export type ResponseStart = z.infer<typeof ResponseStart>;

export const ResponseTaskView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  action: z.string(),
  ownerPost: z.string(),
  ownerPerson: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }).nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  /** Not done and past its due time (for an ended response: at the end). */
  overdue: z.boolean(),
  can: z.object({ tick: z.boolean() }),
});
export type ResponseTaskView = z.infer<typeof ResponseTaskView>;

export const ResponseProgress = z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() });
export type ResponseProgress = z.infer<typeof ResponseProgress>;

export const ResponseSummary = z.object({
  id: z.uuid(),
  warning: ResponseWarningRef,
  plan: z.object({ id: z.uuid(), name: z.string() }),
  unit: UnitRef,
  level: ResponseLevel,
  exercise: z.boolean(),
  status: ResponseStatus,
  startedAt: z.string(),
  startedBy: z.string(),
  endedAt: z.string().nullable(),
  progress: ResponseProgress,
});
export type ResponseSummary = z.infer<typeof ResponseSummary>;

export const ResponseDetail = ResponseSummary.extend({
  endedBy: z.string().nullable(),
  summary: z.string().nullable(),
  /** The duty event (事件) whose timeline received the summary; null while running or for an exercise. */
  dutyEventId: z.uuid().nullable(),
  tasks: z.array(ResponseTaskView),
  can: z.object({ end: z.boolean() }),
});
export type ResponseDetail = z.infer<typeof ResponseDetail>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ResponseListQuery = Page.extend({
  status: z.enum(['running', 'ended', 'all']).default('all'),
  /** true: exercises only; false: real responses only; absent: both. */
  exercise: bool.optional(),
  warningId: z.uuid().optional(),
});
export const ResponseList = paged(ResponseSummary).extend({
  /** Within the status and warning filters, real responses and exercises counted apart. */
  counts: z.object({ real: z.number().int(), exercise: z.number().int() }),
});
export type ResponseList = z.infer<typeof ResponseList>;

/** Tick a task done, or undo the tick, with an optional note. */
export const ResponseTaskTick = z.object({ done: z.boolean(), note: optionalText(RESPONSE_LIMITS.noteMax) }).strict();
export type ResponseTaskTick = z.input<typeof ResponseTaskTick>;

export const ResponseEnd = z.object({ summary: text(RESPONSE_LIMITS.summaryMax) }).strict();
export type ResponseEnd = z.input<typeof ResponseEnd>;
