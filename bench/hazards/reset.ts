import type pg from 'pg';
import { OPEN_STATES_SQL } from '../generate/sql';

/**
 * Puts a reused dataset back to what the generator made: everything a previous run added
 * (received or written after the dataset's "now") is deleted, and the hazard roll-ups of the
 * months those reports fell in are re-aggregated from the rows that remain — so every run starts
 * from the same 1M hazards and the burst's "exactly 10,000 added" check stays exact.
 */
export async function resetToGenerated(db: pg.Pool, generatedAt: string): Promise<{ removed: number }> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query(`delete from hazard_events where at > $1 or hazard_id in (select id from hazards where received_at > $1)`, [generatedAt]);
    const gone = await client.query<{ first: string | null; n: number }>(
      `with gone as (delete from hazards where received_at > $1 returning reported_at)
       select to_char(min(reported_at) at time zone 'Asia/Shanghai', 'YYYY-MM-01') as first, count(*)::int as n from gone`,
      [generatedAt],
    );
    const { first, n } = gone.rows[0]!;
    if (first) {
      await client.query(`delete from hazard_rollups where month >= $1::date`, [first]);
      await client.query(
        `insert into hazard_rollups (unit_id, month, category_code, found, closed, close_days_sum, overdue)
         select a.id, date_trunc('month', h.reported_at at time zone 'Asia/Shanghai')::date, h.category_code,
                count(*), count(*) filter (where h.state = 'closed'),
                coalesce(sum(extract(epoch from h.closed_at - h.reported_at) / 86400) filter (where h.state = 'closed'), 0),
                count(*) filter (where h.overdue and h.state in ${OPEN_STATES_SQL})
         from hazards h join units u on u.id = h.unit_id join units a on a.path @> u.path
         where h.reported_at >= ($1::date)::timestamp at time zone 'Asia/Shanghai'
         group by 1, 2, 3`,
        [first],
      );
    }
    await client.query(`delete from hazard_rollup_deltas`);
    await client.query(`delete from audit_events where at > $1`, [generatedAt]);
    await client.query(`delete from stored_files`);
    await client.query(`delete from sessions`);
    await client.query(`update users set last_login_at = null where username like 'bench\\_%'`);
    await client.query('commit');
    return { removed: n };
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}
