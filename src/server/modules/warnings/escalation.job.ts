import type { Db } from '../../platform/db/client';
import { CHANNEL } from '../../platform/realtime/bus';
import { ROLE_ORDER_FOR_ESCALATION } from './chain';

/**
 * The escalation sweep (叫应升级), one statement for every due delivery at once, however many:
 * each unanswered delivery whose time has come passes its policy's next tier — a reminder to the
 * recipient, or a notice to their superior (the next role up the chain that someone holds on a unit
 * above the recipient's; grid worker → village lead → township duty officer → township chief →
 * county) — and gets the time of the tier after, or none. The escalation rows, their outbox rows
 * (none for an exercise), their audit entries and one realtime notification are written in the
 * same statement.
 *
 * Safe on several app nodes and across restarts: a due row is claimed with SKIP LOCKED and its tier
 * moves on in the same statement that records what was sent, so a row is escalated once per tier;
 * an app that dies mid-sweep commits nothing, and the next sweep does the work.
 */
export async function sweepWarningEscalations(db: Db, now: Date): Promise<number> {
  const result = await db.$client.query<{ n: number }>({
    name: 'warnings.escalation_sweep.v4',
    text: `
      with due as (
        select d.id, d.tier, d.role, d.recipient_user_id, d.recipient_unit_id, d.warning_id, d.issue_id, i.policy, i.exercise
        from warning_deliveries d
        join warning_issues i on i.id = d.issue_id
        join warnings w on w.id = d.warning_id and w.status = 'active'
        where d.answered_at is null and d.next_escalation_at is not null and d.next_escalation_at <= $1
        for update of d skip locked
      ),
      advanced as (
        update warning_deliveries d
        set tier = d.tier + 1,
            next_escalation_at = case when jsonb_array_length(due.policy->'tiers') > due.tier + 1
              then $1::timestamptz + make_interval(mins => (due.policy->'tiers'->(due.tier + 1)->>'waitMinutes')::int) end
        from due where d.id = due.id
        returning d.id, d.tier, due.role, due.recipient_user_id, due.recipient_unit_id, due.warning_id, due.issue_id, due.exercise,
          due.policy->'tiers'->(d.tier - 1)->>'action' as action,
          -- how many superior steps up the chain this tier is
          (select count(*) from jsonb_array_elements(due.policy->'tiers') with ordinality as t(tier, n) where t.n <= d.tier and t.tier->>'action' = 'superior')::int as step
      ),
      -- Superiors are looked up once per (recipient unit, role, step), not per delivery: 100,000
      -- grid workers sit on ~10,000 grids. Ancestors come from the path's labels (unit ids), so the
      -- grants are found through their unit index.
      needed as (
        select distinct a.recipient_unit_id, a.role, a.step from advanced a where a.action = 'superior'
      ),
      found as (
        select n.recipient_unit_id, n.role, n.step, s.user_id
        from needed n
        join units ru on ru.id = n.recipient_unit_id
        join lateral (
          select ranked.user_id from (
            select g.user_id, dense_rank() over (order by array_position($2::text[], g.role)) as rank_up
            from role_grants g
            join units gu on gu.id = g.unit_id and gu.status = 'active'
            join users u on u.id = g.user_id and u.status = 'active'
            where g.unit_id = any(string_to_array(ru.path::text, '.')::uuid[])
              and array_position($2::text[], g.role) > coalesce(array_position($2::text[], n.role), 0)
          ) ranked where ranked.rank_up = n.step
        ) s on true
      ),
      -- Each delivery finds its superiors in one object keyed by unit, role and step. (A join of two
      -- CTEs here is planned from their row estimates, which are far too small after an UPDATE:
      -- the planner picked a nested loop of 100,000 × 10,000.)
      found_by_key as (
        select coalesce(jsonb_object_agg(k.key, k.users), '{}'::jsonb) as m
        from (select recipient_unit_id::text || '|' || role || '|' || step as key, jsonb_agg(user_id) as users from found group by 1) k
      ),
      superiors as (
        select a.id as delivery_id, a.tier, s.user_id::uuid as user_id
        from advanced a
        cross join found_by_key f
        cross join lateral jsonb_array_elements_text(f.m -> (a.recipient_unit_id::text || '|' || a.role || '|' || a.step)) as s(user_id)
        where a.action = 'superior' and s.user_id::uuid <> a.recipient_user_id
      ),
      escalated as (
        insert into warning_escalations (delivery_id, tier, action, to_user_id, at)
        select id, tier, 'remind', recipient_user_id, $1 from advanced where action = 'remind'
        union all
        select delivery_id, tier, 'superior', user_id, $1 from superiors
        returning id, delivery_id, tier, action, to_user_id
      ),
      outbox as (
        insert into warning_channel_sends (issue_id, delivery_id, kind, to_user_id, phone, body, created_at)
        select a.issue_id, e.delivery_id, case e.action when 'remind' then 'reminder' else 'escalation' end, e.to_user_id, p.phone,
               case e.action when 'remind' then '【请回复】您尚未回复预警：' else '【叫应升级】' || ru.display_name || ' 未回复预警：' end || w.headline, $1
        from escalated e
        join advanced a on a.id = e.delivery_id
        join warnings w on w.id = a.warning_id
        join users ru on ru.id = a.recipient_user_id
        join users tu on tu.id = e.to_user_id left join people p on p.id = tu.person_id
        where not a.exercise
      ),
      audit as (
        insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, after)
        select gen_random_uuid(), $1, null, null, '系统', 'warning.escalated', 'warning', a.warning_id::text, a.recipient_unit_id,
               ru.display_name || ' 未回复，第 ' || e.tier || ' 级：' || case e.action when 'remind' then '再次提醒' else '通知 ' || tu.display_name end,
               jsonb_build_object('deliveryId', e.delivery_id, 'tier', e.tier, 'action', e.action, 'toUserId', e.to_user_id)
        from escalated e join advanced a on a.id = e.delivery_id
        join users ru on ru.id = a.recipient_user_id join users tu on tu.id = e.to_user_id
      ),
      -- One notification for the whole sweep (part of its transaction): the issuers' boards refresh.
      -- At most 30 issues are named, which keeps the payload under NOTIFY's 8,000 bytes; boards
      -- also poll, so an issue left out is seen a little later.
      notified as (
        select pg_notify($3, json_agg(json_build_object(
                 'type', 'warning.escalated', 'unitPath', iu.path::text,
                 'data', json_build_object('issueId', x.issue_id, 'warningId', x.warning_id, 'escalated', x.n)))::text)
        from (select issue_id, warning_id, count(*) as n from advanced group by 1, 2 order by 1 limit 30) x
        join warning_issues i on i.id = x.issue_id join units iu on iu.id = i.unit_id
        having count(*) > 0
      )
      select (select count(*) from advanced)::int as n, (select count(*) from notified)::int as notified`,
    values: [now, ROLE_ORDER_FOR_ESCALATION, CHANNEL],
  });
  return result.rows[0]?.n ?? 0;
}
