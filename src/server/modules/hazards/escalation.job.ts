import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';

/** Any constant: one sweep at a time across every app node. */
const SWEEP_LOCK = 5_350_583;

/**
 * The overdue sweep: every open hazard whose due date has passed and that is not flagged yet is
 * flagged overdue and escalated one level up — to the unit above the one in charge (the
 * responsible unit once assigned, before that the township that must verify it). One set-based
 * statement writes the flags, the timeline events, the audit entries and the roll-up deltas together; a second node
 * running the same sweep at the same moment skips it (advisory lock), and a hazard is escalated
 * once per due date because the flag is part of the condition.
 */
export async function sweepOverdueHazards(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`);
    if (!lock.rows[0]?.ok) return 0;
    const result = await tx.execute<{ n: number }>(sql`
      with due as (
        select h.id, h.code, h.state, h.unit_id,
          -- the unit in charge: the responsible unit, else the township above (or at) the place found
          coalesce(h.responsible_unit_id,
            (select t.id from units t join units f on f.id = h.unit_id
              where t.level = 'township' and f.path <@ t.path)) as owner_id
        from hazards h
        where h.due_at < ${now} and not h.overdue
          and h.state in ('reported','verified','awaiting_approval','graded','rectifying','accepting')
        for update of h skip locked
      ),
      target as (
        select due.*, o.parent_id as up_id, up.name as up_name
        from due join units o on o.id = due.owner_id left join units up on up.id = o.parent_id
      ),
      flagged as (
        update hazards h
        set overdue = true, escalation_level = h.escalation_level + 1,
            escalated_to_unit_id = coalesce(target.up_id, target.owner_id), updated_at = ${now}
        from target where h.id = target.id
        returning h.id, h.code, h.state, h.unit_id, h.reported_at, h.category_code, target.up_name, h.escalated_to_unit_id
      ),
      events as (
        insert into hazard_events (id, hazard_id, at, action, from_state, to_state, actor_id, actor_name, note, photo_ids)
        select gen_random_uuid(), f.id, ${now}, 'escalate', f.state, f.state, null, '系统',
               '逾期，已上提至' || coalesce(f.up_name, '上级'), '{}'
        from flagged f
        returning 1
      ),
      audit as (
        insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, before, after)
        select gen_random_uuid(), ${now}, null, null, '系统', 'hazard.escalated', 'hazard', f.id::text, f.unit_id,
               f.code || ' 逾期，上提至' || coalesce(f.up_name, '上级'),
               jsonb_build_object('overdue', false), jsonb_build_object('overdue', true, 'escalatedToUnitId', f.escalated_to_unit_id)
        from flagged f
        returning 1
      ),
      counted as (
        -- each one is now an open overdue hazard in the roll-ups
        insert into hazard_rollup_deltas (unit_id, month, category_code, overdue)
        select f.unit_id, date_trunc('month', f.reported_at at time zone 'Asia/Shanghai')::date, f.category_code, count(*)
        from flagged f group by 1, 2, 3
        returning 1
      )
      select (select count(*) from flagged)::int as n`);
    return result.rows[0]?.n ?? 0;
  });
}
