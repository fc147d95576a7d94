import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { dutyEvents, dutyReports, type DutyEventRow, type DutyReportRow } from './schema';

/** An open event at a desk, straight into the table (for tests that need one to act on). */
export async function insertDutyEvent(db: Db, unitId: string, at = new Date('2026-06-01T01:00:00Z'), extra: Partial<DutyEventRow> = {}): Promise<DutyEventRow> {
  const [row] = await db
    .insert(dutyEvents)
    .values({
      id: crypto.randomUUID(),
      code: sql`'SJT' || nextval('duty_event_code_seq')`,
      unitId,
      receivedAt: at,
      source: 'phone',
      address: '塘后村工业区',
      type: 'fire',
      initialGrade: 'general',
      grade: 'general',
      description: '厂房起火，已疏散人员',
      updatedAt: at,
      ...extra,
    })
    .returning();
  return row!;
}

/** A complete report on an event, submitted (or a draft with `submitted: false`). */
export async function insertDutyReport(db: Db, event: DutyEventRow, opts: { submitted?: boolean; kind?: DutyReportRow['kind'] } = {}): Promise<DutyReportRow> {
  const at = new Date(event.receivedAt.getTime() + 30 * 60_000);
  const submitted = opts.submitted ?? true;
  const [row] = await db
    .insert(dutyReports)
    .values({
      id: crypto.randomUUID(),
      eventId: event.id,
      unitId: event.unitId,
      kind: opts.kind ?? 'first',
      state: submitted ? 'submitted' : 'draft',
      title: '关于塘后村厂房火灾的首报',
      occurredAt: event.receivedAt,
      location: event.address,
      eventType: event.type,
      dead: 0,
      injured: 0,
      missing: 0,
      narrative: '厂房起火',
      measures: '消防到场',
      nextSteps: '继续监测',
      reporterName: '陈值班',
      reporterPhone: '13800000000',
      issuer: '林镇长',
      createdAt: at,
      submittedAt: submitted ? at : null,
      submittedBy: submitted ? '陈值班' : null,
      updatedAt: at,
    })
    .returning();
  return row!;
}
