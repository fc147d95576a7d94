import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { shanghaiMonth } from './rules';

export type RollupDelta = { found?: number; closed?: number; closeDays?: number; overdue?: number };

/**
 * Records a change to the monthly counts of the unit where a hazard was found, in the caller's
 * transaction. The month is the month the hazard was reported (Beijing time), so closing an old
 * hazard counts towards the month it was found in. It is a new row, so concurrent writers never
 * wait on each other; `foldRollupDeltas` carries it to the unit and every unit above.
 */
export async function bumpRollups(tx: Queryable, unitId: string, reportedAt: Date, categoryCode: string, d: RollupDelta) {
  await tx.execute(sql`
    insert into hazard_rollup_deltas (unit_id, month, category_code, found, closed, close_days_sum, overdue)
    values (${unitId}, ${shanghaiMonth(reportedAt)}::date, ${categoryCode}, ${d.found ?? 0}, ${d.closed ?? 0}, ${d.closeDays ?? 0}, ${d.overdue ?? 0})`);
}

/**
 * Adds every committed delta to the roll-ups of its unit and all units above it (the labels of a
 * unit's path are the ids along it), in one statement. Two folds at once are safe without a lock:
 * a delta row is deleted, and so counted, by exactly one of them (the other skips a row it finds
 * deleted when its lock is released). The upserts go in key order, so two folds never deadlock.
 */
export async function foldRollupDeltas(db: Queryable): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    with taken as (
      delete from hazard_rollup_deltas
      returning unit_id, month, category_code, found, closed, close_days_sum, overdue
    ),
    per_unit as (
      select unit_id, month, category_code, sum(found) as found, sum(closed) as closed, sum(close_days_sum) as close_days_sum, sum(overdue) as overdue, count(*) as n
      from taken group by 1, 2, 3
    ),
    spread as (
      select anc.label::uuid as unit_id, p.month, p.category_code,
             sum(p.found)::int as found, sum(p.closed)::int as closed, sum(p.close_days_sum) as close_days_sum, sum(p.overdue)::int as overdue
      from per_unit p
      join units u on u.id = p.unit_id
      cross join lateral unnest(string_to_array(u.path::text, '.')) as anc(label)
      group by 1, 2, 3
    ),
    applied as (
      insert into hazard_rollups (unit_id, month, category_code, found, closed, close_days_sum, overdue)
      select * from spread order by 1, 2, 3
      on conflict (unit_id, month, category_code) do update set
        found = hazard_rollups.found + excluded.found,
        closed = hazard_rollups.closed + excluded.closed,
        close_days_sum = hazard_rollups.close_days_sum + excluded.close_days_sum,
        overdue = hazard_rollups.overdue + excluded.overdue
      returning 1
    )
    select coalesce((select sum(n) from per_unit), 0)::int as n, (select count(*) from applied) as rows`);
  return result.rows[0]?.n ?? 0;
}
