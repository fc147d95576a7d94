import { eq, sql } from 'drizzle-orm';
import type { ZeroReportCreate, ZeroReportRow, ZeroReportSettings, ZeroReportSettingsUpdate } from '../../../../contracts';
import { loadUnitInScope, requirePermission } from '../../../platform/access/scope';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError } from '../../../platform/errors/app-error';
import { beijingDateOf } from '../rules/beijing';
import { setsZeroReportHour } from './rules';
import { dutyZeroReports, dutyZeroReportSettings } from './schema';
import { loadDayRows, presentDayRow, zeroReportSettings } from './zero-reports.queries';

/**
 * Sends today's zero report (零报告: 今日无突发事件) of a township. Today is the Beijing day of
 * the server's clock. One report per township and day: sending again (a retry, a second officer)
 * answers the stored report and writes nothing; `created` tells the two apart (201 or 200).
 * A report after the hour is accepted and shows as late.
 */
export async function sendZeroReport(ctx: Ctx, input: ZeroReportCreate): Promise<{ row: ZeroReportRow; created: boolean }> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'duty.write', unit.path);
  if (unit.level !== 'township') throw new AppError('ZERO_REPORT_UNIT_LEVEL');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const { created, row } = await auditedTx(ctx, async (tx, now) => {
    const day = beijingDateOf(now);
    const [inserted] = await tx
      .insert(dutyZeroReports)
      .values({ id: uuidv7(now.getTime()), unitId: unit.id, day, note: input.note ?? null, submittedAt: now, submitterId: ctx.actor.id, submitterName: ctx.actor.displayName })
      .onConflictDoNothing({ target: [dutyZeroReports.unitId, dutyZeroReports.day] })
      .returning();
    const [stored] = await loadDayRows(tx, ctx.actor, day, sql`t.id = ${unit.id}`);
    const row = presentDayRow(ctx.actor, stored!, day, now);
    const events: AuditEvent[] = inserted
      ? [
          {
            action: 'duty.zero_report.sent',
            entityType: 'zero_report',
            entityId: inserted.id,
            unitId: unit.id,
            summary: `${unit.name} ${day} 零报告（${row.status === 'late' ? '迟报' : '按时'}）`,
            after: { day, note: inserted.note, zeroReportStatus: row.status },
          },
        ]
      : [];
    return { result: { created: Boolean(inserted), row }, events };
  });
  if (created) ctx.announcer.soon({ type: 'duty.zero_report', unitPath: unit.path, data: { unitId: unit.id, unitName: unit.name, day: row.report!.day, status: row.status } });
  return { row, created };
}

/** Sets (or clears, with null) a unit's own zero-report hour. */
export async function updateZeroReportSettings(ctx: Ctx, input: ZeroReportSettingsUpdate): Promise<ZeroReportSettings> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'duty.manage', unit.path);
  if (!setsZeroReportHour(unit.level)) throw new AppError('ZERO_REPORT_SETTING_LEVEL');
  await auditedTx(ctx, async (tx, now) => {
    // The row lock (or the insert's unique key) serializes two managers saving at once.
    const [before] = await tx.select().from(dutyZeroReportSettings).where(eq(dutyZeroReportSettings.unitId, unit.id)).for('update');
    const was = before?.dueHour ?? null;
    if (was === input.dueHour) return { result: null, events: [] };
    if (input.dueHour === null) {
      await tx.delete(dutyZeroReportSettings).where(eq(dutyZeroReportSettings.unitId, unit.id));
    } else {
      await tx
        .insert(dutyZeroReportSettings)
        .values({ unitId: unit.id, dueHour: input.dueHour, updatedBy: ctx.actor.id, updatedAt: now })
        .onConflictDoUpdate({ target: dutyZeroReportSettings.unitId, set: { dueHour: input.dueHour, updatedBy: ctx.actor.id, updatedAt: now } });
    }
    return {
      result: null,
      events: [
        {
          action: 'duty.zero_report.settings',
          entityType: 'unit',
          entityId: unit.id,
          unitId: unit.id,
          summary: `${unit.name} 零报告时限：${input.dueHour === null ? '沿用上级' : `每日 ${input.dueHour}:00 前`}`,
          before: { zeroReportDueHour: was },
          after: { zeroReportDueHour: input.dueHour },
        },
      ],
    };
  });
  return zeroReportSettings(ctx, unit.id);
}
