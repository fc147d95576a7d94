import { z } from 'zod';
import { Page, optionalText, paged, text } from './common';
import { LIMITS } from './limits';
import { UnitLevel } from './org';

/**
 * The duty desk's rosters (排班), swaps (换班/替班), handovers (交接班) and duty log (值班日志).
 * The lists below repeat those of the pure rules in src/server/modules/duty/rules/roster.ts (the
 * web cannot import server code); a unit test keeps the two equal.
 */
export const SHIFT_PATTERN_KINDS = ['24h', 'day_night'] as const;
export const ShiftPatternKind = z.enum(SHIFT_PATTERN_KINDS);
export type ShiftPatternKind = z.infer<typeof ShiftPatternKind>;

export const SHIFT_SLOTS = ['full', 'day', 'night'] as const;
export const ShiftSlot = z.enum(SHIFT_SLOTS);
export type ShiftSlot = z.infer<typeof ShiftSlot>;

export const DUTY_ROLES = ['leader', 'officer'] as const;
export const DutyRole = z.enum(DUTY_ROLES);
export type DutyRole = z.infer<typeof DutyRole>;

export const HANDOVER_ITEM_KEYS = ['comms_tested', 'open_events', 'reports_due', 'instructions', 'warnings', 'duty_log', 'supplies'] as const;
export const HandoverItemKey = z.enum(HANDOVER_ITEM_KEYS);
export type HandoverItemKey = z.infer<typeof HandoverItemKey>;

/** A duty desk sits at a township station, a county bureau or the city bureau. */
export const DUTY_DESK_LEVELS = ['township', 'county', 'city'] as const satisfies readonly UnitLevel[];

export const ROSTER_STATUSES = ['draft', 'published'] as const;
export const RosterStatus = z.enum(ROSTER_STATUSES);
export type RosterStatus = z.infer<typeof RosterStatus>;

export const SWAP_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const SwapStatus = z.enum(SWAP_STATUSES);
export type SwapStatus = z.infer<typeof SwapStatus>;

export const HANDOVER_STATUSES = ['open', 'accepted', 'refused'] as const;
export const HandoverStatus = z.enum(HANDOVER_STATUSES);
export type HandoverStatus = z.infer<typeof HandoverStatus>;

/** 来电, 来文, 指令, 巡查, 其他. */
export const DUTY_LOG_KINDS = ['call', 'document', 'instruction', 'patrol', 'other'] as const;
export const DutyLogKind = z.enum(DUTY_LOG_KINDS);
export type DutyLogKind = z.infer<typeof DutyLogKind>;

export const ROSTER_LIMITS = {
  /** People in one role's rotation. */
  rotationMax: 60,
  unavailableMax: 500,
  handoverNoteMax: 2000,
  remarkMax: 200,
  logTextMax: 2000,
  /** A device's clock may run a little fast; a log entry further in the future is refused. */
  logFutureSkewMinutes: 10,
} as const;

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};

/** A Beijing calendar month, 'YYYY-MM'. */
export const DutyMonth = z.string().regex(MONTH_RE, { message: 'month' });
/** A Beijing calendar date, 'YYYY-MM-DD'. */
export const DutyDate = z.string().regex(DATE_RE, { message: 'date' }).refine(isRealDate, { message: 'date' });
/** A shift's stable key: '2026-06-01/full', '2026-06-01/night'. */
export const ShiftKey = z
  .string()
  .max(20)
  .refine((s) => {
    const [date, slot, ...rest] = s.split('/');
    return rest.length === 0 && DATE_RE.test(date ?? '') && isRealDate(date!) && (SHIFT_SLOTS as readonly string[]).includes(slot ?? '');
  }, { message: 'shift_key' });

const UnitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel });
export const DutyPersonRef = z.object({ id: z.uuid(), name: z.string(), phone: z.string() });
export type DutyPersonRef = z.infer<typeof DutyPersonRef>;
const ActorRef = z.object({ id: z.uuid().nullable(), name: z.string() });

export const ShiftView = z.object({
  key: z.string(),
  date: z.string(),
  slot: ShiftSlot,
  startsAt: z.string(),
  endsAt: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
});
export type ShiftView = z.infer<typeof ShiftView>;

export const RosterShiftView = ShiftView.extend({
  leader: DutyPersonRef.nullable(),
  officer: DutyPersonRef.nullable(),
  /** The roles nobody holds on this shift (a gap, highlighted). */
  missing: z.array(DutyRole),
});
export type RosterShiftView = z.infer<typeof RosterShiftView>;

/** One desk's month. Before anything is generated, `status` is null and `shifts` is empty. */
export const RosterView = z.object({
  id: z.uuid().nullable(),
  unit: UnitRef,
  month: z.string(),
  status: RosterStatus.nullable(),
  pattern: ShiftPatternKind,
  startHour: z.number().int(),
  leaders: z.array(DutyPersonRef),
  officers: z.array(DutyPersonRef),
  unavailable: z.array(z.object({ personId: z.uuid(), date: z.string() })),
  shifts: z.array(RosterShiftView),
  gapCount: z.number().int(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The caller's own person record, so the page can mark their shifts and offer a swap. */
  myPersonId: z.uuid().nullable(),
  can: z.object({ manage: z.boolean(), requestSwap: z.boolean() }),
});
export type RosterView = z.infer<typeof RosterView>;

export const RosterQuery = z.object({ unitId: z.uuid(), month: DutyMonth });

export const RosterGenerate = z
  .object({
    unitId: z.uuid(),
    month: DutyMonth,
    pattern: ShiftPatternKind,
    startHour: z.number().int().min(0).max(23).default(8),
    /** In rotation order. */
    leaders: z.array(z.uuid()).min(1).max(ROSTER_LIMITS.rotationMax),
    officers: z.array(z.uuid()).min(1).max(ROSTER_LIMITS.rotationMax),
    unavailable: z.array(z.object({ personId: z.uuid(), date: DutyDate }).strict()).max(ROSTER_LIMITS.unavailableMax).default([]),
  })
  .strict();
export type RosterGenerate = z.input<typeof RosterGenerate>;

/** One shift's holder of one role; null leaves it empty. */
export const RosterShiftEdit = z.object({ shiftKey: ShiftKey, role: DutyRole, personId: z.uuid().nullable() }).strict();
export type RosterShiftEdit = z.infer<typeof RosterShiftEdit>;

export const RosterPublish = z.object({}).strict();

export const OnDutyQuery = z.object({ unitId: z.uuid() });
/** Who is on duty at a desk now; the people are null when no published roster names them. */
export const OnDutyView = z.object({
  unit: UnitRef,
  shift: ShiftView,
  rostered: z.boolean(),
  leader: DutyPersonRef.nullable(),
  officer: DutyPersonRef.nullable(),
  next: z.object({ shift: ShiftView, leader: DutyPersonRef.nullable(), officer: DutyPersonRef.nullable() }),
});
export type OnDutyView = z.infer<typeof OnDutyView>;

/* ---------- swaps ---------- */

export const SwapCreate = z
  .object({
    rosterId: z.uuid(),
    shiftKey: ShiftKey,
    role: DutyRole,
    /** Who is on the shift now: the requester themself, or anyone when a manager files it. */
    fromPersonId: z.uuid(),
    toPersonId: z.uuid(),
    reason: text(LIMITS.reasonMax),
  })
  .strict();
export type SwapCreate = z.infer<typeof SwapCreate>;

export const SwapDecision = z.object({ note: optionalText(LIMITS.reasonMax) }).strict();
export const SwapRejection = z.object({ reason: text(LIMITS.reasonMax) }).strict();

export const SwapView = z.object({
  id: z.uuid(),
  rosterId: z.uuid(),
  unit: UnitRef,
  month: z.string(),
  shift: ShiftView,
  role: DutyRole,
  from: DutyPersonRef,
  to: DutyPersonRef,
  reason: z.string(),
  status: SwapStatus,
  requestedBy: ActorRef,
  requestedAt: z.string(),
  decidedBy: ActorRef.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export type SwapView = z.infer<typeof SwapView>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const SwapListQuery = Page.extend({
  unitId: z.uuid().optional(),
  status: SwapStatus.optional(),
  /** Only the requests I made. */
  mine: bool.optional(),
});
export const SwapList = paged(SwapView);

/* ---------- handover (交接班) ---------- */

export const HandoverItem = z.object({ key: HandoverItemKey, checked: z.boolean(), remark: optionalText(ROSTER_LIMITS.remarkMax) }).strict();
export type HandoverItem = z.input<typeof HandoverItem>;

export const HandoverCreate = z
  .object({
    unitId: z.uuid(),
    note: text(ROSTER_LIMITS.handoverNoteMax),
    /** Every item of the checklist, once each. */
    checklist: z.array(HandoverItem).length(HANDOVER_ITEM_KEYS.length),
  })
  .strict()
  .refine((h) => new Set(h.checklist.map((i) => i.key)).size === HANDOVER_ITEM_KEYS.length, { path: ['checklist'], message: 'checklist_items' });
export type HandoverCreate = z.input<typeof HandoverCreate>;

export const HandoverAccept = z.object({ note: optionalText(ROSTER_LIMITS.remarkMax) }).strict();
export const HandoverRefuse = z.object({ reason: text(LIMITS.reasonMax) }).strict();

export const DutyLogView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  shiftKey: z.string(),
  at: z.string(),
  kind: DutyLogKind,
  text: z.string(),
  author: ActorRef,
  createdAt: z.string(),
});
export type DutyLogView = z.infer<typeof DutyLogView>;

export const HandoverView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  shift: ShiftView,
  status: HandoverStatus,
  note: z.string(),
  checklist: z.array(z.object({ key: HandoverItemKey, checked: z.boolean(), remark: z.string().nullable() })),
  openedBy: ActorRef,
  openedAt: z.string(),
  answeredBy: ActorRef.nullable(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  can: z.object({ accept: z.boolean(), refuse: z.boolean() }),
});
export type HandoverView = z.infer<typeof HandoverView>;

/** A handover with the duty log of its shift. */
export const HandoverDetail = HandoverView.extend({ log: z.array(DutyLogView) });
export type HandoverDetail = z.infer<typeof HandoverDetail>;

export const HandoverListQuery = Page.extend({ unitId: z.uuid().optional(), status: HandoverStatus.optional() });
export const HandoverList = paged(HandoverView);

/* ---------- duty log (值班日志) ---------- */

/** `id` is made by the client, so a retry stores the entry once (201 new, 200 replay). */
export const DutyLogCreate = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    /** When it happened; now when left out. */
    at: z.iso.datetime({ offset: true }).optional(),
    kind: DutyLogKind,
    text: text(ROSTER_LIMITS.logTextMax),
  })
  .strict();
export type DutyLogCreate = z.infer<typeof DutyLogCreate>;

export const DutyLogQuery = Page.extend({
  unitId: z.uuid(),
  /** The duty day (the Beijing date its shifts start on). */
  date: DutyDate.optional(),
  shiftKey: ShiftKey.optional(),
  kind: DutyLogKind.optional(),
  q: z.string().trim().max(LIMITS.searchMax).optional(),
});
export const DutyLogList = paged(DutyLogView);

export const DutyDeskList = z.object({ items: z.array(UnitRef.extend({ can: z.object({ write: z.boolean(), manage: z.boolean() }) })) });
export type DutyDeskList = z.infer<typeof DutyDeskList>;
