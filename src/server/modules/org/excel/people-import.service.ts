import { and, eq, inArray } from 'drizzle-orm';
import type { ImportPreview, ImportResult } from '../../../../contracts/org';
import { auditedTx } from '../../../platform/audit/with-audit';
import { diff, type AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable, Tx } from '../../../platform/db/client';
import { isUniqueViolation } from '../../../platform/db/errors';
import { uuidv7 } from '../../../platform/db/ids';
import { AppError } from '../../../platform/errors/app-error';
import { units } from '../../../platform/hierarchy/schema';
import { people, posts } from '../schema';
import { importSummary } from './import-audit';
import { personAudited } from '../audit-shapes';
import { planPeople, personKey, type PeopleWorld, type PersonCreatePlan, type PersonUpdatePlan } from './people-plan';
import { readPeopleSheet, type ParsedPersonRow } from './people-sheet';
import { hasErrors, toPreview } from './row-errors';

const INSERT_CHUNK = 500;

/** What importing the sheet would do, row by row. Writes nothing. */
export async function previewPeopleImport(ctx: Ctx, file: Buffer): Promise<ImportPreview> {
  const rows = await readPeopleSheet(file);
  return toPreview('people', planPeople(rows, await loadWorld(ctx.db, rows, false), ctx.actor, uuidv7).rows);
}

/**
 * Imports the sheet: plans it again inside the transaction (with the people it names locked) and
 * applies every create and update, or nothing when any row has an error.
 */
export async function commitPeopleImport(ctx: Ctx, file: Buffer, fileName: string): Promise<ImportResult> {
  const rows = await readPeopleSheet(file);
  try {
    return await auditedTx(ctx, async (tx, now) => {
      const plan = planPeople(rows, await loadWorld(tx, rows, true), ctx.actor, uuidv7);
      if (plan.rows.some((r) => r.action === 'error')) throw hasErrors(plan.rows);
      const events = [...(await insertPeople(tx, plan.creates, now)), ...(await updatePeople(tx, plan.updates, now))];
      const preview = toPreview('people', plan.rows);
      events.push(importSummary('people', ctx.actor, preview.counts, fileName));
      return { result: { ...preview, applied: true }, events };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'people_unit_phone_key')) throw new AppError('PERSON_PHONE_TAKEN');
    throw e;
  }
}

/** The units the sheet names and, in them, the people with the sheet's phones. */
async function loadWorld(db: Queryable, rows: ParsedPersonRow[], lock: boolean): Promise<PeopleWorld> {
  const world: PeopleWorld = { unitsByCode: new Map(), people: new Map() };
  const codes = [...new Set(rows.map((r) => r.unitCode))].filter((c) => c !== '' && c.length <= 15);
  const phones = [...new Set(rows.map((r) => r.phone))].filter((p) => p !== '');
  if (codes.length === 0) return world;
  const found = await db
    .select({ id: units.id, code: units.code, name: units.name, path: units.path, status: units.status })
    .from(units)
    .where(inArray(units.code, codes));
  for (const u of found) world.unitsByCode.set(u.code, u);
  if (found.length === 0 || phones.length === 0) return world;
  const unitIds = found.map((u) => u.id);
  const query = db
    .select()
    .from(people)
    .where(and(inArray(people.unitId, unitIds), inArray(people.phone, phones)));
  for (const p of lock ? await query.for('update') : await query) world.people.set(personKey(p.unitId, p.phone), p);
  return world;
}

async function insertPeople(tx: Tx, creates: PersonCreatePlan[], now: Date): Promise<AuditEvent[]> {
  for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
    await tx.insert(people).values(
      creates.slice(i, i + INSERT_CHUNK).map((c) => ({
        id: c.id,
        unitId: c.unitId,
        name: c.name,
        phone: c.phone,
        gender: c.gender,
        title: c.title,
        notes: c.notes,
        status: c.status,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  return creates.map((c) => ({
    action: 'org.person.created',
    entityType: 'person',
    entityId: c.id,
    unitId: c.unitId,
    summary: `${c.unitName} / ${c.name}`,
    after: personAudited(c),
  }));
}

/** Like the person form: one who leaves also leaves their posts, which become vacant. */
async function updatePeople(tx: Tx, updates: PersonUpdatePlan[], now: Date): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (const { before, after, unitName } of updates) {
    await tx
      .update(people)
      .set({ ...after, updatedAt: now })
      .where(eq(people.id, before.id));
    const changes = diff(personAudited(before), personAudited({ ...before, ...after }));
    if (changes && after.status === 'left' && before.status !== 'left') {
      const vacated = await tx.update(posts).set({ personId: null, updatedAt: now }).where(eq(posts.personId, before.id)).returning({ title: posts.title });
      if (vacated.length > 0) Object.assign(changes.after, { vacatedPosts: vacated.map((p) => p.title) });
    }
    events.push({ action: 'org.person.updated', entityType: 'person', entityId: before.id, unitId: before.unitId, summary: `${unitName} / ${after.name}`, ...changes });
  }
  return events;
}
