import crypto from 'node:crypto';
import type { Db } from '../../platform/db/client';
import { DEFAULT_ESCALATION } from '../../../contracts/warnings';
import { warningDeliveries, warningIssues, warnings, type WarningDeliveryRow, type WarningRow } from './schema';

/** An active red typhoon warning held by a unit, straight into the table. */
export async function insertWarning(db: Db, unitId: string, extra: Partial<WarningRow> = {}): Promise<WarningRow> {
  const now = new Date('2026-06-01T02:00:00Z');
  const [row] = await db
    .insert(warnings)
    .values({
      id: crypto.randomUUID(),
      identifier: `350581000000000_20260601100000_${crypto.randomInt(0, 1e9)}`,
      sender: 'test',
      sentAt: now,
      source: 'manual',
      type: 'typhoon',
      level: 'red',
      areaDesc: '沿海各镇',
      areaUnitIds: [unitId],
      effective: now,
      expires: new Date(now.getTime() + 3 * 86400_000),
      headline: '台风红色预警',
      text: '预计未来24小时内台风将在福建沿海登陆。',
      unitId,
      createdAt: now,
      updatedAt: now,
      ...extra,
    })
    .returning();
  return row!;
}

/** A delivery of a warning to one person (with its issue), answerable with the returned token. */
export async function insertDelivery(db: Db, warning: WarningRow, recipient: { userId: string; unitId: string; role: WarningDeliveryRow['role'] }): Promise<WarningDeliveryRow> {
  const now = new Date('2026-06-01T02:00:00Z');
  const [issue] = await db
    .insert(warningIssues)
    .values({ id: crypto.randomUUID(), warningId: warning.id, unitId: warning.unitId, issuedByName: '测试', issuedAt: now, targetUnitIds: [recipient.unitId], requireAnswer: true, policy: DEFAULT_ESCALATION, exercise: warning.exercise, recipients: 1 })
    .returning();
  const [row] = await db
    .insert(warningDeliveries)
    .values({
      issueId: issue!.id,
      warningId: warning.id,
      recipientUserId: recipient.userId,
      recipientUnitId: recipient.unitId,
      role: recipient.role,
      deliveredAt: now,
      requireAnswer: true,
      nextEscalationAt: new Date(now.getTime() + 10 * 60_000),
      token: crypto.randomBytes(32).toString('hex'),
    })
    .returning();
  return row!;
}
