import { z } from 'zod';
import { Page, paged, text } from './common';
import { LIMITS } from './limits';
import { Latitude, Longitude } from './hazards';

/** A patrol (巡查): started, check-ins at places (GPS), findings, ended. Ids come from the phone. */
export const PATROL_LIMITS = { noteMax: 500, checkinsPerPatrolMax: 2000 } as const;

export const PatrolStart = z
  .object({
    id: z.uuid(),
    /** The grid patrolled; defaults to the walker's own grid. */
    unitId: z.uuid().optional(),
    startedAt: z.iso.datetime({ offset: true }),
    lat: Latitude.optional(),
    lng: Longitude.optional(),
  })
  .strict();
export type PatrolStart = z.infer<typeof PatrolStart>;

export const CheckinKind = z.enum(['checkin', 'track']);
export const PatrolCheckin = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    kind: CheckinKind.default('checkin'),
    lat: Latitude,
    lng: Longitude,
    accuracy: z.number().min(0).max(100000).optional(),
    place: text(LIMITS.nameMax).optional(),
    /** What was found: 'normal' (无异常) or 'issue' (with a note, or a hazard filed alongside). */
    finding: z.enum(['normal', 'issue']).default('normal'),
    note: text(PATROL_LIMITS.noteMax).optional(),
    hazardId: z.uuid().optional(),
  })
  .strict();
export type PatrolCheckin = z.infer<typeof PatrolCheckin>;

export const PatrolEnd = z.object({ endedAt: z.iso.datetime({ offset: true }), summary: text(PATROL_LIMITS.noteMax).optional() }).strict();

export const PatrolCheckinView = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: CheckinKind,
  lat: z.number(),
  lng: z.number(),
  accuracy: z.number().nullable(),
  place: z.string().nullable(),
  finding: z.enum(['normal', 'issue']),
  note: z.string().nullable(),
  hazardId: z.uuid().nullable(),
});
export const PatrolSummary = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  walker: z.object({ id: z.uuid(), name: z.string() }),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  checkins: z.number().int(),
  issues: z.number().int(),
  summary: z.string().nullable(),
});
export type PatrolSummary = z.infer<typeof PatrolSummary>;
export const PatrolDetail = PatrolSummary.extend({ points: z.array(PatrolCheckinView) });
export type PatrolDetail = z.infer<typeof PatrolDetail>;

export const PatrolListQuery = Page.extend({
  unitId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const PatrolList = paged(PatrolSummary);
