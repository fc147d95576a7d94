import { Document, Packer, Paragraph } from 'docx';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { people } from '../org/schema';
import { planActions, planDrills, plans, type PlanRow } from './schema';

let serial = 0;

/** Inserts an active plan straight into the database (setup for tests that read or change one). */
export async function insertPlan(db: Db, unitId: string, over: Partial<typeof plans.$inferInsert> = {}): Promise<PlanRow> {
  const [row] = await db
    .insert(plans)
    .values({ id: uuidv7(), unitId, name: `测试预案${++serial}`, kind: 'special', setting: 'coastal', hazards: ['typhoon', 'rainstorm'], status: 'active', version: 'v1', ...over })
    .returning();
  return row!;
}

/** An action at the end of a level (position given by the caller), owned by the unit's first person when asked. */
export async function insertAction(db: Db, planId: string, level: 'I' | 'II' | 'III' | 'IV', position: number, withPerson = false) {
  const [plan] = await db.select({ unitId: plans.unitId }).from(plans).where(eq(plans.id, planId));
  const [person] = withPerson ? await db.select({ id: people.id }).from(people).where(eq(people.unitId, plan!.unitId)).orderBy(asc(people.name)).limit(1) : [];
  const [row] = await db
    .insert(planActions)
    .values({ id: uuidv7(), planId, level, position, action: `任务${++serial}`, ownerPost: '站长', ownerPersonId: person?.id ?? null, timeLimitMinutes: 60 })
    .returning();
  return row!;
}

export async function insertDrill(db: Db, planId: string, heldOn = '2026-05-10') {
  const [row] = await db.insert(planDrills).values({ id: uuidv7(), planId, heldOn, scenario: '台风转移演练', participantCount: 20, recordedByName: '测试' }).returning();
  return row!;
}

/** A small but real PDF (one empty page). */
export function tinyPdf(tag = ''): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%${tag}\n%%EOF\n`,
    'latin1',
  );
}

/** A real Word document made with the `docx` package. */
export function tinyDocx(text = '宝盖镇防御台风应急预案'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

/** A multipart body with one file in the field `file`. */
export function documentUpload(url: string, bytes: Buffer, fileName: string, contentType = 'application/octet-stream') {
  const boundary = `----lmdoc${++serial}x${bytes.length}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return {
    method: 'POST' as const,
    url,
    body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
