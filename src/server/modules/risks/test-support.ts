import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { people } from '../org/schema';
import { riskPoints, type RiskPointRow } from './schema';

let serial = 0;

/** Inserts an active risk point straight into the database (setup for tests that edit, retire or check one). */
export async function insertRiskPoint(db: Db, unitId: string, over: Partial<typeof riskPoints.$inferInsert> = {}): Promise<RiskPointRow> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.unitId, unitId)).orderBy(asc(people.name)).limit(1);
  const createdAt = over.createdAt ?? new Date('2026-05-01T02:00:00Z');
  const [row] = await db
    .insert(riskPoints)
    .values({
      id: uuidv7(),
      unitId,
      name: `测试风险点${++serial}`,
      type: 'geological',
      level: 'general',
      lat: 24.76,
      lng: 118.64,
      responsiblePersonId: person!.id,
      controlMeasures: '设置警示牌，定期巡查',
      checkCycleDays: 30,
      createdAt,
      updatedAt: createdAt,
      ...over,
    })
    .returning();
  return row!;
}
