import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client';
import { uuidv7 } from '../../../platform/db/ids';
import { people } from '../../org/schema';
import { dutyCommsEquipment, type CommsEquipmentRow } from './schema';

let serial = 0;

/** Inserts active equipment straight into the database (setup for tests that edit, retire or test one). */
export async function insertEquipment(db: Db, unitId: string, over: Partial<typeof dutyCommsEquipment.$inferInsert> = {}): Promise<CommsEquipmentRow> {
  const [keeper] = await db.select({ id: people.id }).from(people).where(eq(people.unitId, unitId)).orderBy(asc(people.name)).limit(1);
  const createdAt = over.createdAt ?? new Date('2026-05-30T02:00:00Z');
  const [row] = await db
    .insert(dutyCommsEquipment)
    .values({
      id: uuidv7(),
      unitId,
      kind: 'satellite_phone',
      model: '天通一号 T900',
      identifier: `17400${String(100000 + ++serial).slice(-6)}`,
      place: '值班室',
      keeperId: keeper!.id,
      testIntervalDays: 7,
      createdAt,
      updatedAt: createdAt,
      ...over,
    })
    .returning();
  return row!;
}
