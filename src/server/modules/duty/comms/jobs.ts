import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import type { Job } from '../../../platform/jobs/runner';
import { announce } from '../../../platform/realtime/bus';
import { beijingDateOf } from '../rules/beijing';
import { dueHourSql, hadEventReportSql } from './zero-reports.queries';

/** Any constants: one run of each sweep at a time across every app node. */
const COMMS_SWEEP_LOCK = 5_350_601;
const ZERO_SWEEP_LOCK = 5_350_602;

/**
 * Flags equipment whose connectivity test has fallen overdue and announces each to the consoles
 * that cover its unit. One set-based statement: `overdue_flagged_due` records the due time that
 * was announced, so an item is flagged once per due date (a new test sets a new due date, which
 * may fall overdue in its turn). Rows another node is sweeping are skipped (advisory lock, SKIP
 * LOCKED). The announcements are NOTIFYs inside the transaction: they go out when it commits.
 */
export async function sweepOverdueComms(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${COMMS_SWEEP_LOCK}) as ok`);
    if (!lock.rows[0]?.ok) return 0;
    const res = await tx.execute<{ id: string; unit_id: string; unit_name: string; unit_path: string; kind: string; model: string; identifier: string; due: Date | string }>(sql`
      with due as (
        select e.id, coalesce(e.last_test_at, e.created_at) + e.test_interval_days * interval '24 hours' as due
        from duty_comms_equipment e
        where e.status = 'active'
          and coalesce(e.last_test_at, e.created_at) + e.test_interval_days * interval '24 hours' < ${now}
          and e.overdue_flagged_due is distinct from coalesce(e.last_test_at, e.created_at) + e.test_interval_days * interval '24 hours'
        for update of e skip locked
      ),
      flagged as (
        update duty_comms_equipment e set overdue_flagged_due = due.due
        from due where e.id = due.id
        returning e.id, e.unit_id, e.kind, e.model, e.identifier, e.overdue_flagged_due as due
      ),
      placed as (
        select f.*, u.name as unit_name, u.path::text as unit_path from flagged f join units u on u.id = f.unit_id
      ),
      audit as (
        insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, before, after)
        select gen_random_uuid(), ${now}, null, null, '系统', 'duty.comms.overdue', 'comms_equipment', p.id::text, p.unit_id,
               p.unit_name || ' / ' || p.identifier || ' 联通测试逾期',
               null, jsonb_build_object('testOverdue', true, 'dueAt', p.due)
        from placed p
        returning 1
      )
      select id, unit_id, unit_name, unit_path, kind, model, identifier, due from placed`);
    for (const r of res.rows) {
      await announce(tx, {
        type: 'duty.comms_overdue',
        unitPath: r.unit_path,
        data: { id: r.id, unitId: r.unit_id, unitName: r.unit_name, kind: r.kind, model: r.model, identifier: r.identifier, dueAt: new Date(r.due).toISOString() },
      });
    }
    return res.rows.length;
  });
}

/**
 * Flags each active township that has not sent today's zero report once its hour has passed, and
 * announces it with the township's path, so the county (and the township itself) see it live.
 * The flag's key (township, day) makes it once per day, on any number of nodes. Only today is
 * swept: a day the sweep never saw (every node down past midnight) still shows as missing in the
 * day view, without an announcement.
 */
export async function sweepMissingZeroReports(db: Db, now: Date): Promise<number> {
  const day = beijingDateOf(now);
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${ZERO_SWEEP_LOCK}) as ok`);
    if (!lock.rows[0]?.ok) return 0;
    const res = await tx.execute<{ id: string; name: string; path: string; due_at: Date | string }>(sql`
      with towns as (
        select t.id, t.name, t.path, (${day}::date + make_interval(hours => ${dueHourSql(sql`t.path`)})) at time zone 'Asia/Shanghai' as due_at
        from units t
        where t.level = 'township' and t.status = 'active'
      ),
      missing as (
        select w.* from towns w
        where w.due_at < ${now}
          and not exists (select 1 from duty_zero_reports r where r.unit_id = w.id and r.day = ${day}::date)
          and not ${hadEventReportSql(sql`w.id`, day)}
      ),
      flagged as (
        insert into duty_zero_report_flags (unit_id, day, flagged_at)
        select id, ${day}::date, ${now} from missing
        on conflict do nothing
        returning unit_id
      ),
      placed as (
        select m.id, m.name, m.path::text as path, m.due_at from flagged f join missing m on m.id = f.unit_id
      ),
      audit as (
        insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, before, after)
        select gen_random_uuid(), ${now}, null, null, '系统', 'duty.zero_report.missing', 'zero_report', null, p.id,
               p.name || ' ' || ${day} || ' 零报告未按时报送，已提示上级',
               null, jsonb_build_object('day', ${day}::text, 'dueAt', p.due_at)
        from placed p
        returning 1
      )
      select id, name, path, due_at from placed`);
    for (const r of res.rows) {
      await announce(tx, { type: 'duty.zero_missing', unitPath: r.path, data: { unitId: r.id, unitName: r.name, day, dueAt: new Date(r.due_at).toISOString() } });
    }
    return res.rows.length;
  });
}

export const dutyCommsJobs: Job[] = [
  { name: 'comms equipment tests overdue', everySeconds: 60, run: sweepOverdueComms },
  { name: 'zero reports missing', everySeconds: 60, run: sweepMissingZeroReports },
];
