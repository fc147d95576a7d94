import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db, Queryable } from '../db/client';
import { units } from '../hierarchy/schema';
import type { Actor, Grant } from '../access/actor';
import { minimalPaths } from '../access/rules';
import { roleGrants, sessions } from './schema';

export const SESSION_COOKIE = 'lm_session';
/** Writing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

const digest = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Queryable,
  config: Config,
  userId: string,
  now: Date,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: digest(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.session.maxHours * 3600_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, digest(token)));
}

/** Ends every session of a user, except `keepSessionId` when given. */
export async function deleteSessionsOfUser(db: Queryable, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

export async function loadGrants(db: Queryable, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, path: units.path })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(eq(roleGrants.userId, userId), eq(units.status, 'active')));
  return rows;
}

export type ResolvedSession = { actor: Actor } | { expired: true } | null;

type SessionRow = {
  last_seen_at: Date;
  expires_at: Date;
  id: string;
  username: string;
  display_name: string;
  locale: 'zh-CN' | 'en';
  unit_id: string;
  status: string;
  must_change_password: boolean;
  grants: Grant[];
};

/** Sent as a prepared statement: every API request runs it, so it is planned once per connection. */
const RESOLVE_SESSION = `
  select s.last_seen_at, s.expires_at, u.id, u.username, u.display_name, u.locale, u.unit_id, u.status, u.must_change_password,
    coalesce((
      select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'path', gu.path::text))
      from role_grants g join units gu on gu.id = g.unit_id
      where g.user_id = u.id and gu.status = 'active'
    ), '[]'::json) as grants
  from sessions s join users u on u.id = s.user_id
  where s.id = $1`;

/**
 * Turns a cookie token into the actor, enforcing the idle timeout and the absolute lifetime. Every
 * API request passes here, so the session, the user and their grants come in one query.
 */
export async function resolveSession(db: Db, config: Config, token: string, now: Date): Promise<ResolvedSession> {
  const id = digest(token);
  const result = await db.$client.query<SessionRow>({ name: 'auth.resolve_session.v1', text: RESOLVE_SESSION, values: [id] });
  const row = result.rows[0];
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  const idleLimit = lastSeen.getTime() + config.session.idleMinutes * 60_000;
  if (now.getTime() > idleLimit || now >= new Date(row.expires_at) || row.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (now.getTime() - lastSeen.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(sql`${sessions.id} = ${id} and ${sessions.lastSeenAt} < ${now}`);
  }
  return {
    actor: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      locale: row.locale,
      unitId: row.unit_id,
      mustChangePassword: row.must_change_password,
      grants: row.grants,
      scopePaths: minimalPaths(row.grants.map((g) => g.path)),
      sessionId: id,
    },
  };
}
