import { and, eq, inArray, sql } from 'drizzle-orm';
import type { WarningIssueCreate, WarningIssueView, WarningLevel } from '../../../contracts/warnings';
import { DEFAULT_ESCALATION, WARNING_LEVEL_CODES } from '../../../contracts/warnings';
import { pathsWithPermission } from '../../platform/access/rules';
import { loadUnitInScope, requirePermission } from '../../platform/access/scope';
import type { Ctx } from '../../platform/context';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { WARNING_LEVELS, WARNING_TYPES } from './cap';
import { warningIssues, type WarningRow } from './schema';
import { loadWarning, presentIssues } from './warnings.service';
import { pgArrayLiteral } from '../../platform/db/arrays';

/** Warnings at or above this level need every recipient's answer (叫应) unless the issuer says otherwise. */
export const ANSWER_LEVEL: WarningLevel = 'orange';
export const needsAnswer = (level: WarningLevel) => WARNING_LEVEL_CODES.indexOf(level) <= WARNING_LEVEL_CODES.indexOf(ANSWER_LEVEL);

/** The text a channel adapter sends (SMS, broadcast): short, with the answer link. */
export const warningMessage = (w: Pick<WarningRow, 'type' | 'level' | 'headline' | 'exercise'>) =>
  `${w.exercise ? '【演练】' : ''}【${WARNING_TYPES[w.type].zh}${WARNING_LEVELS[w.level].zh}预警】${w.headline}`;

/**
 * 发布: issues a warning to everyone holding a role on the target units and below. The issue, all
 * its deliveries (one per person, with a one-tap answer token), the channel outbox rows (none for an
 * exercise) and the audit entry are ONE statement: 100,000 recipients are one INSERT … SELECT, not
 * 100,000 round trips, and either all of it is recorded or none of it.
 */
export async function issueWarning(ctx: Ctx, warningId: string, input: WarningIssueCreate): Promise<WarningIssueView> {
  const { warning: w } = await loadWarning(ctx.db, ctx.actor, warningId);
  if (w.status !== 'active') throw new AppError('WARNING_NOT_ACTIVE');
  const issuer = await loadUnitInScope(ctx.db, ctx.actor, ctx.actor.unitId);
  requirePermission(ctx.actor, 'warnings.issue', issuer.path);
  // Targets must lie where the actor may issue.
  const allowed = pathsWithPermission(ctx.actor.grants, 'warnings.issue');
  const targets = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, input.unitIds), sql`${units.path} <@ ${pgArrayLiteral(allowed)}::ltree[]`));
  if (targets.length !== new Set(input.unitIds).size) throw notFound();
  const now = ctx.clock.now();
  const requireAnswer = input.requireAnswer ?? needsAnswer(w.level);
  const policy = input.policy ?? DEFAULT_ESCALATION;
  const firstWait = policy.tiers[0]!.waitMinutes;
  const result = await ctx.db.$client.query<{ recipients: number; created: boolean }>(
    `with targets as (select path from units where id = any($7::uuid[])),
     recipients as (
       -- One delivery per person: their grant nearest the ground decides the role and the unit.
       select distinct on (g.user_id) g.user_id, g.role, g.unit_id
       from role_grants g
       join units gu on gu.id = g.unit_id and gu.status = 'active'
       join users u on u.id = g.user_id and u.status = 'active'
       where gu.path <@ array(select path from targets)
         and (cardinality($8::text[]) = 0 or g.role = any($8::text[]))
       order by g.user_id, nlevel(gu.path) desc
     ),
     issue as (
       -- (A sibling statement cannot update this row later in the same statement: the count goes in now.)
       insert into warning_issues (id, warning_id, unit_id, issued_by, issued_by_name, issued_at, target_unit_ids, roles, require_answer, policy, exercise, note, recipients)
       values ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::text[], $9, $10::jsonb, $11, $12, (select count(*) from recipients))
       on conflict (id) do nothing
       returning id
     ),
     delivered as (
       insert into warning_deliveries (issue_id, warning_id, recipient_user_id, recipient_unit_id, role, delivered_at, require_answer, next_escalation_at, token)
       select issue.id, $2, r.user_id, r.unit_id, r.role, $6, $9, case when $9 then $6::timestamptz + make_interval(mins => $13) end,
              replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
       from issue cross join recipients r
       returning id, recipient_user_id, token
     ),
     outbox as (
       insert into warning_channel_sends (issue_id, delivery_id, kind, to_user_id, phone, body, created_at)
       -- With a public address configured, the message carries the one-tap answer link.
       select $1, d.id, 'warning', d.recipient_user_id, p.phone, $14 || coalesce(' 点击回复：' || $18::text || '/w/' || d.token, ''), $6
       from delivered d join users u on u.id = d.recipient_user_id left join people p on p.id = u.person_id
       where not $11
     ),
     audit as (
       insert into audit_events (id, at, actor_id, actor_username, actor_name, action, entity_type, entity_id, unit_id, summary, after, request_id, ip)
       select $15, $6, $4, $16, $5, 'warning.issued', 'warning', $2::text, $3, $17 || '，发送 ' || (select count(*) from delivered) || ' 人',
              jsonb_build_object('issueId', $1::text, 'targets', $7::uuid[], 'roles', $8::text[], 'requireAnswer', $9, 'exercise', $11, 'recipients', (select count(*) from delivered)),
              $19, $20
       from issue
     )
     select (select count(*) from delivered)::int as recipients, exists (select 1 from issue) as created`,
    [
      input.id,
      w.id,
      issuer.id,
      ctx.actor.id,
      ctx.actor.displayName,
      now,
      input.unitIds,
      input.roles,
      requireAnswer,
      JSON.stringify(policy),
      w.exercise,
      input.note ?? null,
      firstWait,
      warningMessage(w),
      uuidv7(now.getTime()),
      ctx.actor.username,
      `${w.exercise ? '【演练】' : ''}发布${WARNING_TYPES[w.type].zh}${WARNING_LEVELS[w.level].zh}预警 ${w.identifier}`,
      ctx.config.publicBaseUrl ?? null,
      ctx.requestId,
      ctx.ip,
    ],
  );
  const [row] = await ctx.db.select().from(warningIssues).where(eq(warningIssues.id, input.id));
  if (!row || row.warningId !== w.id) throw new AppError('WARNING_ID_TAKEN');
  if (result.rows[0]?.created) {
    ctx.announcer.soon({ type: 'warning.issued', unitPath: issuer.path, data: { warningId: w.id, issueId: row.id, recipients: row.recipients, exercise: w.exercise } });
    // Each target subtree hears of it too (their desks and phones refresh their inboxes).
    const paths = await ctx.db.select({ path: units.path }).from(units).where(inArray(units.id, input.unitIds));
    for (const p of paths) ctx.announcer.soon({ type: 'warning.delivered', unitPath: p.path, data: { warningId: w.id, issueId: row.id, level: w.level, exercise: w.exercise } });
  }
  const [view] = await presentIssues(ctx.db, [row]);
  return view!;
}
