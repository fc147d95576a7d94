import { z } from 'zod';
import { StationCompliance, UnitLevel } from './org';
import { AuditEventView } from './audit';

/** What the home page shows: the actor's unit, what lies below it, stations against the standard. */
export const HomeSummary = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel }),
  counts: z.object({
    townships: z.number().int(),
    villages: z.number().int(),
    grids: z.number().int(),
    people: z.number().int(),
    accounts: z.number().int(),
  }),
  stations: z.array(
    z.object({ unitId: z.uuid(), name: z.string(), code: z.string(), level: UnitLevel, compliance: StationCompliance }),
  ),
  recentAudit: z.array(AuditEventView),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
