import { and, desc, eq, ilike, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ROSTER_LIMITS, type DutyLogCreate, type DutyLogQuery, type DutyLogView } from '../../../../contracts/duty-roster';
import type { Actor } from '../../../platform/access/actor';
import { auditedTx } from '../../../platform/audit/with-audit';
import type { AuditEvent } from '../../../platform/audit/write';
import type { Ctx } from '../../../platform/context';
import type { Queryable } from '../../../platform/db/client';
import { containsPattern } from '../../../platform/db/like';
import { AppError } from '../../../platform/errors/app-error';
import { MINUTE_MS, shiftAt } from '../rules';
import { loadDesk, patternAt } from './desk';
import { dutyLogEntries, type DutyLogRow } from './schema';

type ReadCtx = { db: Queryable; actor: Actor };

const LOG_KIND_ZH = { call: '来电', document: '来文', instruction: '指令', patrol: '巡查', other: '其他' } as const;

export function presentLog(r: DutyLogRow): DutyLogView {
  return { id: r.id, unitId: r.unitId, shiftKey: r.shiftKey, at: r.at.toISOString(), kind: r.kind, text: r.text, author: { id: r.authorId, name: r.authorName }, createdAt: r.createdAt.toISOString() };
}

/** The entry with this id: the caller's own replay, or a refusal when someone else (or another desk) used the id. */
async function findOwn(db: Queryable, actor: Actor, id: string, unitId: string): Promise<DutyLogRow | null> {
  const [row] = await db.select().from(dutyLogEntries).where(eq(dutyLogEntries.id, id));
  if (!row) return null;
  if (row.unitId !== unitId || row.authorId !== actor.id) throw new AppError('DUTY_ID_TAKEN');
  return row;
}

/**
 * Writes a duty log entry into the shift it happened in. The id comes from the client, so a retry
 * stores it once: `created` is false for a replay by the same user (200), and nothing new is written.
 */
export async function addLogEntry(ctx: Ctx, input: DutyLogCreate): Promise<{ entry: DutyLogView; created: boolean }> {
  const unit = await loadDesk(ctx.db, ctx.actor, input.unitId, 'duty.write');
  const replay = await findOwn(ctx.db, ctx.actor, input.id, unit.id);
  if (replay) return { entry: presentLog(replay), created: false };
  const stored = await auditedTx(ctx, async (tx, now): Promise<{ result: { row: DutyLogRow; created: boolean }; events: AuditEvent[] }> => {
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + ROSTER_LIMITS.logFutureSkewMinutes * MINUTE_MS) throw new AppError('DUTY_LOG_IN_FUTURE');
    const shift = shiftAt(at, (await patternAt(tx, unit.id, at)).pattern);
    const [row] = await tx
      .insert(dutyLogEntries)
      .values({ id: input.id, unitId: unit.id, shiftKey: shift.key, at, kind: input.kind, text: input.text, authorId: ctx.actor.id, authorName: ctx.actor.displayName, createdAt: now })
      // Two deliveries of one entry racing: the second finds the first's row.
      .onConflictDoNothing({ target: dutyLogEntries.id })
      .returning();
    if (!row) return { result: { row: (await findOwn(tx, ctx.actor, input.id, unit.id))!, created: false }, events: [] };
    return {
      result: { row, created: true },
      events: [{ action: 'duty.log.created', entityType: 'duty_log', entityId: row.id, unitId: unit.id, summary: `${unit.name} ${LOG_KIND_ZH[row.kind]}：${row.text.slice(0, 60)}`, after: { shiftKey: row.shiftKey, logKind: row.kind, text: row.text } }],
    };
  });
  if (stored.created) ctx.announcer.soon({ type: 'duty.log', unitPath: unit.path, data: { id: stored.row.id, kind: stored.row.kind, shiftKey: stored.row.shiftKey } });
  return { entry: presentLog(stored.row), created: stored.created };
}

/** A desk's log, newest first, by duty day, shift, kind or words. */
export async function listLog(ctx: ReadCtx, f: z.output<typeof DutyLogQuery>) {
  const unit = await loadDesk(ctx.db, ctx.actor, f.unitId);
  const conds: SQL[] = [eq(dutyLogEntries.unitId, unit.id)];
  // A duty day's shifts all have keys starting with its date.
  if (f.date) conds.push(like(dutyLogEntries.shiftKey, `${f.date}/%`));
  if (f.shiftKey) conds.push(eq(dutyLogEntries.shiftKey, f.shiftKey));
  if (f.kind) conds.push(eq(dutyLogEntries.kind, f.kind));
  if (f.q) conds.push(ilike(dutyLogEntries.text, containsPattern(f.q)));
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db
      .select()
      .from(dutyLogEntries)
      .where(where)
      .orderBy(desc(dutyLogEntries.at), desc(dutyLogEntries.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(dutyLogEntries).where(where),
  ]);
  return { items: rows.map(presentLog), total, page: f.page, pageSize: f.pageSize };
}

/** Every entry of one shift, oldest first (shown with its handover). */
export async function logOfShift(db: Queryable, unitId: string, shiftKey: string): Promise<DutyLogView[]> {
  const rows = await db
    .select()
    .from(dutyLogEntries)
    .where(and(eq(dutyLogEntries.unitId, unitId), eq(dutyLogEntries.shiftKey, shiftKey)))
    .orderBy(dutyLogEntries.at, dutyLogEntries.id);
  return rows.map(presentLog);
}
