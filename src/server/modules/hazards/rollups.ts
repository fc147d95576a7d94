import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { unitAndAncestors } from '../../platform/hierarchy/paths';
import { shanghaiMonth } from './rules';

type Delta = { found?: number; closed?: number; closeDays?: number };

/**
 * Adds to the monthly counts of the unit at `unitPath` and every unit above it, in the caller's
 * transaction. The month is the month the hazard was reported (Beijing time), so closing an old
 * hazard counts towards the month it was found in.
 */
export async function bumpRollups(tx: Queryable, unitPath: string, reportedAt: Date, categoryCode: string, d: Delta) {
  // One statement for all levels.
  await tx.execute(sql`
    insert into hazard_rollups (unit_id, month, category_code, found, closed, close_days_sum)
    select u, ${shanghaiMonth(reportedAt)}::date, ${categoryCode}, ${d.found ?? 0}, ${d.closed ?? 0}, ${d.closeDays ?? 0}
    from ${unitAndAncestors(unitPath)} as u
    on conflict (unit_id, month, category_code) do update set
      found = hazard_rollups.found + excluded.found,
      closed = hazard_rollups.closed + excluded.closed,
      close_days_sum = hazard_rollups.close_days_sum + excluded.close_days_sum`);
}
