import { sql, type SQL } from 'drizzle-orm';
import { ZERO_REPORT_HOUR, ZERO_REPORT_STATUSES, type ZeroReportDay, type ZeroReportRow, type ZeroReportSettings, type ZeroReportStatus } from '../../../../contracts';
import type { Actor } from '../../../platform/access/actor';
import { alias } from 'drizzle-orm/pg-core';
import { canAt, loadUnitInScope, requirePermission, requirePermissionSomewhere, unitIdWithPermission } from '../../../platform/access/scope';
import { units } from '../../../platform/hierarchy/schema';
import type { Queryable } from '../../../platform/db/client';
import { beijingDateOf, type BeijingDate } from '../rules/beijing';
import { zeroReportDue, zeroReportStatus } from '../rules/deadlines';
import type { ReadCtx } from './equipment.queries';

/**
 * The zero-report hour in force for the township whose path is `path`: the setting of the deepest
 * unit at or above it that has one, else the default. Used by the day view and the sweep alike.
 */
export const dueHourSql = (path: SQL): SQL => sql`coalesce((
    select s.due_hour from duty_zero_report_settings s join units a on a.id = s.unit_id
    where ${path} <@ a.path
    order by nlevel(a.path) desc limit 1), ${ZERO_REPORT_HOUR.default}::int)`;

type DayRow = {
  id: string;
  name: string;
  code: string;
  path: string;
  parent_name: string | null;
  due_hour: number;
  report_id: string | null;
  note: string | null;
  submitted_at: Date | string | null;
  submitter_id: string | null;
  submitter_name: string | null;
  flagged_at: Date | string | null;
  had_event_report: boolean;
};

/**
 * The township sent an event report (首报/续报/终报) during the Beijing day: it has something to
 * report, so it owes no zero report that day.
 */
export const hadEventReportSql = (unitId: SQL, day: BeijingDate): SQL => sql`exists (
    select 1 from duty_reports dr where dr.unit_id = ${unitId} and dr.submitted_at is not null
      and dr.submitted_at >= (${day}::date)::timestamp at time zone 'Asia/Shanghai'
      and dr.submitted_at < (${day}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The townships of the day view; `t` in the SQL below. */
const t = alias(units, 't');

/** One township's row for `day`, the way every view shows it. */
export function presentDayRow(actor: Actor, r: DayRow, day: BeijingDate, now: Date): ZeroReportRow {
  const submittedAt = r.submitted_at === null ? null : new Date(r.submitted_at);
  return {
    unit: { id: r.id, name: r.name, code: r.code, level: 'township' },
    parentName: r.parent_name,
    dueHour: r.due_hour,
    dueAt: zeroReportDue(day, r.due_hour).toISOString(),
    // A township that reported an event that day (信息报送) owes no zero report.
    status: zeroReportStatus({ day, dueHour: r.due_hour, now, submittedAt, hadEventReport: r.had_event_report }),
    report:
      r.report_id && submittedAt
        ? { id: r.report_id, unitId: r.id, day, note: r.note, submittedAt: submittedAt.toISOString(), submitter: { id: r.submitter_id, name: r.submitter_name ?? '' } }
        : null,
    missingFlaggedAt: iso(r.flagged_at),
    can: { send: canAt(actor, 'duty.write', r.path) && day === beijingDateOf(now) && submittedAt === null },
  };
}

/** Townships (active, where the actor reads the desk) with their report and flag of `day`. */
export async function loadDayRows(db: Queryable, actor: Actor, day: BeijingDate, where: SQL): Promise<DayRow[]> {
  const res = await db.execute<DayRow>(sql`
    select t.id, t.name, t.code, t.path::text as path, p.name as parent_name, ${dueHourSql(sql`t.path`)} as due_hour,
           r.id as report_id, r.note, r.submitted_at, r.submitter_id, r.submitter_name, f.flagged_at,
           ${hadEventReportSql(sql`t.id`, day)} as had_event_report
    from units t
    left join units p on p.id = t.parent_id
    left join duty_zero_reports r on r.unit_id = t.id and r.day = ${day}::date
    left join duty_zero_report_flags f on f.unit_id = t.id and f.day = ${day}::date
    where t.level = 'township' and t.status = 'active' and ${unitIdWithPermission(actor, 'duty.read', t.id)} and ${where}
    order by t.code`);
  return res.rows;
}

/** The county's (or a township's own) view of a day: every township below with its status. */
export async function zeroReportDay(ctx: ReadCtx, q: { day?: string; unitId?: string }): Promise<ZeroReportDay> {
  requirePermissionSomewhere(ctx.actor, 'duty.read');
  const now = ctx.clock.now();
  const today = beijingDateOf(now);
  const day = q.day ?? today;
  let where: SQL = sql`true`;
  if (q.unitId) {
    const unit = await loadUnitInScope(ctx.db, ctx.actor, q.unitId);
    where = sql`t.path <@ ${unit.path}::ltree`;
  }
  const rows = await loadDayRows(ctx.db, ctx.actor, day, where);
  const items = rows.map((r) => presentDayRow(ctx.actor, r, day, now));
  const counts = Object.fromEntries(ZERO_REPORT_STATUSES.map((s) => [s, 0])) as Record<ZeroReportStatus, number>;
  for (const item of items) counts[item.status] += 1;
  return { day, today, counts, items };
}

/** The hour in force for a unit, where it comes from, and the unit's own setting. */
export async function zeroReportSettings(ctx: ReadCtx, unitId: string): Promise<ZeroReportSettings> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, unitId);
  requirePermission(ctx.actor, 'duty.read', unit.path);
  const res = await ctx.db.execute<{ id: string; name: string; due_hour: number; own: boolean }>(sql`
    select a.id, a.name, s.due_hour, a.id = ${unit.id} as own
    from duty_zero_report_settings s join units a on a.id = s.unit_id
    where ${unit.path}::ltree <@ a.path
    order by nlevel(a.path) desc limit 1`);
  const source = res.rows[0];
  return {
    unitId: unit.id,
    dueHour: source?.due_hour ?? ZERO_REPORT_HOUR.default,
    source: source ? { id: source.id, name: source.name } : null,
    ownDueHour: source?.own ? source.due_hour : null,
    can: { update: canAt(ctx.actor, 'duty.manage', unit.path) },
  };
}
