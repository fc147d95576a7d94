import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ResponseDetail, ResponseList, ResponseListQuery, ResponseProgress, ResponseSummary, ResponseTaskView } from '../../../contracts/responses';
import type { Actor } from '../../platform/access/actor';
import { canAt, unitIdInScope, unitIdWithPermission } from '../../platform/access/scope';
import { users } from '../../platform/auth/schema';
import type { Queryable } from '../../platform/db/client';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { plans } from '../plans/schema';
import { warnings } from '../warnings/schema';
import { responses, responseTasks, type ResponseRow, type ResponseTaskRow } from './schema';

export type ReadCtx = { db: Queryable; actor: Actor; clock: { now: () => Date } };

/** Who may read a response: plans.read (every station role) or warnings.respond at its unit. */
const readable = (actor: Actor, unitPath: string) => canAt(actor, 'plans.read', unitPath) || canAt(actor, 'warnings.respond', unitPath);

/** The responses the actor may read, in SQL (the same rule as `readable`). */
const readableWhere = (actor: Actor): SQL => sql`(${unitIdWithPermission(actor, 'plans.read', responses.unitId)} or ${unitIdWithPermission(actor, 'warnings.respond', responses.unitId)})`;

/** A response the actor can see, with its unit's path; outside the scope "not found", without a reading role "forbidden". */
export async function loadResponse(db: Queryable, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<{ response: ResponseRow; unitPath: string }> {
  const query = db
    .select({ response: responses, unitPath: units.path })
    .from(responses)
    .innerJoin(units, eq(units.id, responses.unitId))
    .where(and(eq(responses.id, id), unitIdInScope(actor, responses.unitId)));
  const [row] = opts.lock ? await query.for('update', { of: responses }) : await query;
  if (!row) throw notFound();
  if (!readable(actor, row.unitPath)) throw new AppError('FORBIDDEN');
  return row;
}

/** The person record behind the actor's account (task owners are people), or null. */
export async function personOf(db: Queryable, actor: Actor): Promise<string | null> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, actor.id));
  return row?.personId ?? null;
}

/** Not done and past its due time; an ended response is judged at its end. */
export const isOverdue = (t: Pick<ResponseTaskRow, 'doneAt' | 'dueAt'>, r: Pick<ResponseRow, 'endedAt'>, now: Date) =>
  t.doneAt === null && t.dueAt !== null && t.dueAt.getTime() < (r.endedAt ?? now).getTime();

/** Total, done and overdue tasks per response, in one query. */
async function progressOf(db: Queryable, ids: string[], now: Date): Promise<Map<string, ResponseProgress>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      responseId: responseTasks.responseId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${responseTasks.doneAt} is not null)::int`,
      overdue: sql<number>`count(*) filter (where ${responseTasks.doneAt} is null and ${responseTasks.dueAt} < coalesce(${responses.endedAt}, ${now}::timestamptz))::int`,
    })
    .from(responseTasks)
    .innerJoin(responses, eq(responses.id, responseTasks.responseId))
    .where(inArray(responseTasks.responseId, ids))
    .groupBy(responseTasks.responseId);
  return new Map(rows.map(({ responseId, ...p }) => [responseId, p]));
}

async function presentSummaries(db: Queryable, rows: ResponseRow[], now: Date): Promise<ResponseSummary[]> {
  if (!rows.length) return [];
  const [warningRows, planRows, unitRows, progress] = await Promise.all([
    db
      .select({ id: warnings.id, identifier: warnings.identifier, type: warnings.type, level: warnings.level, headline: warnings.headline, exercise: warnings.exercise })
      .from(warnings)
      .where(inArray(warnings.id, [...new Set(rows.map((r) => r.warningId))])),
    db
      .select({ id: plans.id, name: plans.name })
      .from(plans)
      .where(inArray(plans.id, [...new Set(rows.map((r) => r.planId))])),
    db
      .select({ id: units.id, name: units.name, code: units.code, level: units.level })
      .from(units)
      .where(inArray(units.id, [...new Set(rows.map((r) => r.unitId))])),
    progressOf(
      db,
      rows.map((r) => r.id),
      now,
    ),
  ]);
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const [w, p, u] = [byId(warningRows), byId(planRows), byId(unitRows)];
  return rows.map((r) => ({
    id: r.id,
    warning: w.get(r.warningId)!,
    plan: p.get(r.planId)!,
    unit: u.get(r.unitId)!,
    level: r.level,
    exercise: r.exercise,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    startedBy: r.startedByName,
    endedAt: r.endedAt?.toISOString() ?? null,
    progress: progress.get(r.id) ?? { total: 0, done: 0, overdue: 0 },
  }));
}

export async function responseDetail(ctx: ReadCtx, id: string): Promise<ResponseDetail> {
  const { response: r, unitPath } = await loadResponse(ctx.db, ctx.actor, id);
  const now = ctx.clock.now();
  const [[summary], tasks, personId] = await Promise.all([
    presentSummaries(ctx.db, [r], now),
    ctx.db
      .select({ t: responseTasks, person: { id: people.id, name: people.name, phone: people.phone } })
      .from(responseTasks)
      .leftJoin(people, eq(people.id, responseTasks.ownerPersonId))
      .where(eq(responseTasks.responseId, r.id))
      .orderBy(asc(responseTasks.position), asc(responseTasks.id)),
    personOf(ctx.db, ctx.actor),
  ]);
  const running = r.status === 'running';
  const responder = canAt(ctx.actor, 'warnings.respond', unitPath);
  return {
    ...summary!,
    endedBy: r.endedByName,
    summary: r.summary,
    dutyEventId: r.dutyEventId,
    tasks: tasks.map(({ t, person }): ResponseTaskView => ({
      id: t.id,
      position: t.position,
      action: t.action,
      ownerPost: t.ownerPost,
      ownerPerson: person?.id ? person : null,
      timeLimitMinutes: t.timeLimitMinutes,
      dueAt: t.dueAt?.toISOString() ?? null,
      doneAt: t.doneAt?.toISOString() ?? null,
      doneBy: t.doneByName,
      note: t.note,
      overdue: isOverdue(t, r, now),
      can: { tick: running && (responder || (personId !== null && t.ownerPersonId === personId)) },
    })),
    can: { end: running && responder },
  };
}

/** Responses the actor may read, newest first; real responses and exercises counted apart. */
export async function listResponses(ctx: ReadCtx, q: z.output<typeof ResponseListQuery>): Promise<ResponseList> {
  const base = and(readableWhere(ctx.actor), q.status === 'all' ? undefined : eq(responses.status, q.status), q.warningId ? eq(responses.warningId, q.warningId) : undefined);
  const where = and(base, q.exercise === undefined ? undefined : eq(responses.exercise, q.exercise));
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select()
      .from(responses)
      .where(where)
      .orderBy(sql`${responses.status} = 'running' desc`, desc(responses.startedAt), desc(responses.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({
        real: sql<number>`count(*) filter (where not ${responses.exercise})::int`,
        exercise: sql<number>`count(*) filter (where ${responses.exercise})::int`,
      })
      .from(responses)
      .where(base),
  ]);
  const counts = { real: counted?.real ?? 0, exercise: counted?.exercise ?? 0 };
  const total = q.exercise === undefined ? counts.real + counts.exercise : q.exercise ? counts.exercise : counts.real;
  return { items: await presentSummaries(ctx.db, rows, ctx.clock.now()), total, page: q.page, pageSize: q.pageSize, counts };
}
