import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { WarningAnswerBody, WarningBoard, WarningDelivery } from '../../../contracts/warnings';
import { canAt, unitIdInScope } from '../../platform/access/scope';
import { users } from '../../platform/auth/schema';
import type { BuiltDeps, Ctx } from '../../platform/context';
import type { Db, Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { warningDeliveries, warningEscalations, warningIssues, warnings, type WarningDeliveryRow } from './schema';
import { presentIssues, presentSummaries } from './warnings.service';
import { pgArrayLiteral } from '../../platform/db/arrays';

type Answer = z.infer<typeof WarningAnswerBody>;

type AnsweredRow = {
  id: string;
  warning_id: string;
  issue_id: string;
  recipient_user_id: string;
  recipient_unit_id: string;
  role: WarningDelivery['recipient']['role'];
  delivered_at: Date;
  require_answer: boolean;
  answer: WarningDelivery['answer'];
  answered_at: Date | null;
  tier: number;
  next_escalation_at: Date | null;
  unit_path: string;
  unit_name: string;
  unit_code: string;
  unit_level: WarningDelivery['recipient']['unit']['level'];
  recipient_name: string;
  phone: string | null;
  escalated_to: { name: string; at: string; role: WarningDelivery['recipient']['role'] | null }[];
};

const answeredView = (r: AnsweredRow): WarningDelivery => ({
  id: String(r.id),
  warningId: r.warning_id,
  issueId: r.issue_id,
  recipient: { id: r.recipient_user_id, name: r.recipient_name, phone: r.phone, role: r.role, unit: { id: r.recipient_unit_id, name: r.unit_name, code: r.unit_code, level: r.unit_level } },
  deliveredAt: r.delivered_at.toISOString(),
  requireAnswer: r.require_answer,
  answer: r.answer,
  answeredAt: r.answered_at?.toISOString() ?? null,
  tier: r.tier,
  nextEscalationAt: r.next_escalation_at?.toISOString() ?? null,
  escalatedTo: r.escalated_to.map((e) => ({ name: e.name, role: e.role ?? 'village_lead', at: new Date(e.at).toISOString() })),
});

/**
 * 叫应: a recipient answers with one tap, in the app or through the link of the SMS. One
 * statement: the delivery (the first answer's time stays; a later answer such as 已转移 replaces
 * the word), its audit entry, and the end of its escalation. Anyone else's delivery is "not found".
 */
async function recordAnswer(db: Db, where: { id?: number; userId?: string; token?: string }, answer: Answer, via: 'app' | 'link', now: Date, requestId: string | null, ip: string | null) {
  const result = await db.$client.query<AnsweredRow>({
    name: 'warnings.answer.v2',
    text: `
      with answered as (
        update warning_deliveries d
        set answer = $1, answer_note = $2, answered_via = $3, answered_at = coalesce(d.answered_at, $4), next_escalation_at = null
        where (($5::bigint is not null and d.id = $5 and d.recipient_user_id = $6::uuid) or ($7::text is not null and d.token = $7))
        returning d.*
      ),
      audit as (
        insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, after, request_id, ip)
        select $8, $4, a.recipient_user_id, u.username, u.display_name, 'warning.answered', 'warning', a.warning_id::text, a.recipient_unit_id,
               u.display_name || ' 回复：' || $1, jsonb_build_object('deliveryId', a.id, 'answer', $1::text, 'via', $3::text), $9, $10
        from answered a join users u on u.id = a.recipient_user_id
      )
      -- Everything the answer's view needs, so nothing is read back afterwards.
      select a.id, a.warning_id, a.issue_id, a.recipient_user_id, a.recipient_unit_id, a.role, a.delivered_at, a.require_answer, a.answer,
             a.answered_at, a.tier, a.next_escalation_at, un.path::text as unit_path, un.name as unit_name, un.code as unit_code, un.level as unit_level,
             ru.display_name as recipient_name, p.phone,
             coalesce((select json_agg(json_build_object('name', tu.display_name, 'at', e.at,
                               'role', (select g.role from role_grants g where g.user_id = e.to_user_id order by g.role limit 1)) order by e.at)
                       from warning_escalations e join users tu on tu.id = e.to_user_id
                       where e.delivery_id = a.id and e.action = 'superior'), '[]'::json) as escalated_to
      from answered a join units un on un.id = a.recipient_unit_id
      join users ru on ru.id = a.recipient_user_id left join people p on p.id = ru.person_id`,
    values: [answer.answer, answer.note ?? null, via, now, where.id ?? null, where.userId ?? null, where.token ?? null, uuidv7(now.getTime()), requestId, ip],
  });
  return result.rows[0] ?? null;
}

export async function answerDelivery(ctx: Ctx, id: number, answer: Answer): Promise<WarningDelivery> {
  const row = await recordAnswer(ctx.db, { id, userId: ctx.actor.id }, answer, 'app', ctx.clock.now(), ctx.requestId, ctx.ip);
  if (!row) {
    // Someone else's delivery within my scope is forbidden; anything else does not exist for me.
    const [other] = await ctx.db.select({ id: warningDeliveries.id }).from(warningDeliveries).where(and(eq(warningDeliveries.id, id), unitIdInScope(ctx.actor, warningDeliveries.recipientUnitId)));
    throw other ? new AppError('FORBIDDEN') : notFound();
  }
  ctx.announcer.soon({ type: 'warning.answer', unitPath: row.unit_path, data: { deliveryId: Number(row.id), warningId: row.warning_id, issueId: row.issue_id, answer: answer.answer } });
  return answeredView(row);
}

/** The link in an SMS: the token alone identifies the delivery (no sign-in on a basic phone). */
export async function answerByToken(deps: BuiltDeps, token: string, answer: Answer, meta: { requestId: string; ip: string | null }) {
  const row = await recordAnswer(deps.db, { token }, answer, 'link', deps.clock.now(), meta.requestId, meta.ip);
  if (!row) throw new AppError('WARNING_LINK_UNKNOWN');
  deps.announcer.soon({ type: 'warning.answer', unitPath: row.unit_path, data: { deliveryId: Number(row.id), warningId: row.warning_id, issueId: row.issue_id, answer: answer.answer } });
  return linkInfo(deps.db, token);
}

export async function linkInfo(db: Queryable, token: string) {
  const [row] = await db
    .select({ headline: warnings.headline, level: warnings.level, type: warnings.type, exercise: warnings.exercise, recipient: users.displayName, answer: warningDeliveries.answer })
    .from(warningDeliveries)
    .innerJoin(warnings, eq(warnings.id, warningDeliveries.warningId))
    .innerJoin(users, eq(users.id, warningDeliveries.recipientUserId))
    .where(eq(warningDeliveries.token, token));
  if (!row) throw new AppError('WARNING_LINK_UNKNOWN');
  return row;
}

/** Deliveries with their people, units and escalations, for the board and the inbox. */
export async function presentDeliveries(db: Queryable, rows: WarningDeliveryRow[]): Promise<WarningDelivery[]> {
  if (!rows.length) return [];
  const userIds = [...new Set(rows.map((r) => r.recipientUserId))];
  const unitIds = [...new Set(rows.map((r) => r.recipientUnitId))];
  const [who, where, escalations] = await Promise.all([
    db.select({ id: users.id, name: users.displayName, phone: people.phone }).from(users).leftJoin(people, eq(people.id, users.personId)).where(inArray(users.id, userIds)),
    db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(inArray(units.id, unitIds)),
    db
      .select({ deliveryId: warningEscalations.deliveryId, at: warningEscalations.at, action: warningEscalations.action, name: users.displayName, toUserId: warningEscalations.toUserId })
      .from(warningEscalations)
      .innerJoin(users, eq(users.id, warningEscalations.toUserId))
      .where(and(inArray(warningEscalations.deliveryId, rows.map((r) => r.id)), eq(warningEscalations.action, 'superior'))),
  ]);
  const whoById = new Map(who.map((u) => [u.id, u]));
  const unitById = new Map(where.map((u) => [u.id, u]));
  const roleOf = await db.execute<{ user_id: string; role: string }>(sql`select distinct on (user_id) user_id, role from role_grants where user_id in (${sql.join(escalations.length ? escalations.map((e) => sql`${e.toUserId}::uuid`) : [sql`null::uuid`], sql`, `)})`);
  const roleByUser = new Map(roleOf.rows.map((r) => [r.user_id, r.role]));
  return rows.map((r) => ({
    id: String(r.id),
    warningId: r.warningId,
    issueId: r.issueId,
    recipient: { id: r.recipientUserId, name: whoById.get(r.recipientUserId)?.name ?? '', phone: whoById.get(r.recipientUserId)?.phone ?? null, role: r.role, unit: unitById.get(r.recipientUnitId)! },
    deliveredAt: r.deliveredAt.toISOString(),
    requireAnswer: r.requireAnswer,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    tier: r.tier,
    nextEscalationAt: r.nextEscalationAt?.toISOString() ?? null,
    escalatedTo: escalations
      .filter((e) => e.deliveryId === r.id)
      .map((e) => ({ name: e.name, role: (roleByUser.get(e.toUserId) ?? 'village_lead') as WarningDelivery['recipient']['role'], at: e.at.toISOString() })),
  }));
}

const BOARD_LIST_MAX = 200;

/**
 * The live board of an issue: per area (each target's child units: the townships of a county,
 * the villages of a township), how many were reached and answered, and by name who has not and
 * who was escalated. Lists stop at 200 names per area; the counts are exact.
 */
export async function issueBoard(ctx: Ctx, issueId: string): Promise<WarningBoard> {
  const [issue] = await ctx.db.select().from(warningIssues).where(eq(warningIssues.id, issueId));
  if (!issue) throw notFound();
  const [issuer] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, issue.unitId));
  if (!issuer || !ctx.actor.scopePaths.some((p) => issuer.path === p || issuer.path.startsWith(`${p}.`))) throw notFound();
  if (!canAt(ctx.actor, 'warnings.issue', issuer.path)) throw new AppError('FORBIDDEN');
  const [w] = await ctx.db.select().from(warnings).where(eq(warnings.id, issue.warningId));
  // Areas: the children of the issuer's unit, or the targets themselves when they lie deeper.
  const targetRows = await ctx.db.select({ id: units.id, name: units.name, code: units.code, level: units.level, path: units.path }).from(units).where(inArray(units.id, issue.targetUnitIds));
  const areas: { id: string; name: string; code: string; level: (typeof targetRows)[number]['level']; path: string }[] = [];
  for (const t of targetRows) {
    if (t.path === issuer.path) {
      const children = await ctx.db.select({ id: units.id, name: units.name, code: units.code, level: units.level, path: units.path }).from(units).where(and(eq(units.parentId, t.id), eq(units.status, 'active')));
      areas.push(...(children.length ? children : [t]));
    } else areas.push(t);
  }
  const counts = await ctx.db.execute<{ area: string; recipients: number; answered: number; escalated: number }>(sql`
    select a.id as area, count(d.id)::int as recipients, count(d.answered_at)::int as answered, count(*) filter (where d.tier > 0)::int as escalated
    from unnest(${pgArrayLiteral(areas.map((a) => a.id))}::uuid[], ${pgArrayLiteral(areas.map((a) => a.path))}::ltree[]) as a(id, path)
    join units u on u.path <@ a.path
    join warning_deliveries d on d.recipient_unit_id = u.id and d.issue_id = ${issue.id}
    group by a.id`);
  const countOf = new Map(counts.rows.map((c) => [c.area, c]));
  const lists = await Promise.all(
    areas.map(async (a) => {
      const inArea = sql`${warningDeliveries.recipientUnitId} in (select id from units where path <@ ${a.path}::ltree)`;
      const [open, done] = await Promise.all([
        ctx.db.select().from(warningDeliveries).where(and(eq(warningDeliveries.issueId, issue.id), inArea, sql`${warningDeliveries.answeredAt} is null`)).orderBy(desc(warningDeliveries.tier)).limit(BOARD_LIST_MAX),
        ctx.db.select().from(warningDeliveries).where(and(eq(warningDeliveries.issueId, issue.id), inArea, sql`${warningDeliveries.answeredAt} is not null`)).orderBy(desc(warningDeliveries.answeredAt)).limit(BOARD_LIST_MAX),
      ]);
      return { open: await presentDeliveries(ctx.db, open), done: await presentDeliveries(ctx.db, done) };
    }),
  );
  const [[summary], [view]] = await Promise.all([presentSummaries(ctx.db, [w!]), presentIssues(ctx.db, [issue])]);
  return {
    issue: view!,
    warning: summary!,
    areas: areas.map((a, i) => ({
      unit: { id: a.id, name: a.name, code: a.code, level: a.level },
      recipients: countOf.get(a.id)?.recipients ?? 0,
      answered: countOf.get(a.id)?.answered ?? 0,
      escalated: countOf.get(a.id)?.escalated ?? 0,
      unanswered: lists[i]!.open,
      answeredList: lists[i]!.done,
    })),
  };
}

/**
 * My inbox (the phone and the desktop): warnings delivered to me, newest first, and the ones whose
 * unanswered recipients were escalated to me.
 */
export async function myWarnings(ctx: Ctx) {
  const mine = await ctx.db.select().from(warningDeliveries).where(eq(warningDeliveries.recipientUserId, ctx.actor.id)).orderBy(desc(warningDeliveries.deliveredAt)).limit(50);
  const escalatedRows = await ctx.db
    .select({ delivery: warningDeliveries })
    .from(warningEscalations)
    .innerJoin(warningDeliveries, eq(warningDeliveries.id, warningEscalations.deliveryId))
    .where(and(eq(warningEscalations.toUserId, ctx.actor.id), eq(warningEscalations.action, 'superior')))
    .orderBy(desc(warningEscalations.at))
    .limit(50);
  const escalated = escalatedRows.map((r) => r.delivery).filter((d) => !mine.some((m) => m.id === d.id));
  const all = [...mine, ...escalated];
  const warningIds = [...new Set(all.map((d) => d.warningId))];
  const ws = warningIds.length ? await ctx.db.select().from(warnings).where(inArray(warnings.id, warningIds)) : [];
  const [views, summaries] = await Promise.all([presentDeliveries(ctx.db, all), presentSummaries(ctx.db, ws)]);
  const summaryOf = new Map(summaries.map((s, i) => [s.id, { ...s, text: ws[i]!.text }]));
  return {
    items: views.map((d, i) => ({ delivery: d, warning: summaryOf.get(d.warningId)!, escalatedToMe: i >= mine.length })),
  };
}
