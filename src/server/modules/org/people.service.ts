import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import type { z } from 'zod';
import type { PersonCreate, PersonListQuery, PersonUpdate, PersonView } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { isUniqueViolation } from '../../platform/db/errors';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { users } from '../../platform/auth/schema';
import { people, posts, type PersonRow } from './schema';
import { personAudited } from './audit-shapes';



export type PersonFilter = z.output<typeof PersonListQuery>;

/** People in the actor's scope, optionally within one unit (or its subtree). */
export async function listPeople(db: Queryable, actor: Actor, f: PersonFilter) {
  const conds: SQL[] = [unitIdInScope(actor, people.unitId)];
  if (f.unitId) {
    const unit = await loadUnitInScope(db, actor, f.unitId);
    conds.push(f.subtree ? sql`${people.unitId} in (select id from units where path <@ ${unit.path}::ltree)` : eq(people.unitId, unit.id));
  }
  if (f.status !== 'all') conds.push(eq(people.status, f.status));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(people.name, like), ilike(people.phone, like), ilike(people.title, like))!);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ person: people, unitName: units.name, unitPath: units.path })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(where)
      .orderBy(asc(units.code), asc(people.name))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { items: await present(db, actor, rows), total, page: f.page, pageSize: f.pageSize };
}

async function present(db: Queryable, actor: Actor, rows: { person: PersonRow; unitName: string; unitPath: string }[]): Promise<PersonView[]> {
  const ids = rows.map((r) => r.person.id);
  const [held, accounts] = ids.length
    ? await Promise.all([
        db.select({ id: posts.id, title: posts.title, employment: posts.employment, personId: posts.personId }).from(posts).where(inArray(posts.personId, ids)),
        db.select({ id: users.id, personId: users.personId }).from(users).where(inArray(users.personId, ids)),
      ])
    : [[], []];
  return rows.map(({ person, unitName, unitPath }) => ({
    id: person.id,
    unitId: person.unitId,
    unitName,
    name: person.name,
    phone: person.phone,
    gender: person.gender,
    title: person.title,
    notes: person.notes,
    status: person.status,
    posts: held.filter((h) => h.personId === person.id).map(({ id, title, employment }) => ({ id, title, employment })),
    accountId: accounts.find((a) => a.personId === person.id)?.id ?? null,
    updatedAt: person.updatedAt.toISOString(),
    can: { update: canAt(actor, 'org.staff.manage', unitPath) },
  }));
}

async function loadPerson(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ person: people, unitName: units.name, unitPath: units.path })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.id, id), unitIdInScope(actor, people.unitId)));
  if (!row) throw notFound();
  return row;
}

export async function getPerson(db: Queryable, actor: Actor, id: string): Promise<PersonView> {
  return (await present(db, actor, [await loadPerson(db, actor, id)]))[0]!;
}

export async function createPerson(ctx: Ctx, input: PersonCreate): Promise<PersonView> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'org.staff.manage', unit.path);
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const id = uuidv7();
  try {
    await auditedTx(ctx, async (tx, now) => {
      const [row] = await tx
        .insert(people)
        .values({ id, unitId: unit.id, name: input.name, phone: input.phone, gender: input.gender ?? null, title: input.title ?? null, notes: input.notes ?? null, createdAt: now, updatedAt: now })
        .returning();
      return { result: row, events: [{ action: 'org.person.created', entityType: 'person', entityId: id, unitId: unit.id, summary: `${unit.name} / ${input.name}`, after: personAudited(row!) }] };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'people_unit_phone_key')) throw new AppError('PERSON_PHONE_TAKEN');
    throw e;
  }
  return getPerson(ctx.db, ctx.actor, id);
}

/** Updates a person; one who leaves also leaves their posts, which become vacant. */
export async function updatePerson(ctx: Ctx, id: string, input: PersonUpdate): Promise<PersonView> {
  try {
    await auditedTx(ctx, async (tx, now) => {
      const { person, unitPath, unitName } = await loadPerson(tx, ctx.actor, id);
      requirePermission(ctx.actor, 'org.staff.manage', unitPath);
      const [after] = await tx.update(people).set({ ...input, updatedAt: now }).where(eq(people.id, person.id)).returning();
      let vacated: string[] = [];
      if (input.status === 'left' && person.status !== 'left') {
        vacated = (await tx.update(posts).set({ personId: null, updatedAt: now }).where(eq(posts.personId, person.id)).returning({ title: posts.title })).map((p) => p.title);
      }
      const changes = diff(personAudited(person), personAudited(after!));
      if (changes && vacated.length) Object.assign(changes.after, { vacatedPosts: vacated });
      return { result: after, events: changes ? [{ action: 'org.person.updated', entityType: 'person', entityId: person.id, unitId: person.unitId, summary: `${unitName} / ${after!.name}`, ...changes }] : [] };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'people_unit_phone_key')) throw new AppError('PERSON_PHONE_TAKEN');
    throw e;
  }
  return getPerson(ctx.db, ctx.actor, id);
}
