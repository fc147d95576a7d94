import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Queryable } from '../db/client';
import { units } from '../hierarchy/schema';
import type { Actor, Grant } from '../access/actor';
import { minimalPaths } from '../access/rules';
import { roleGrants, sessions, users } from './schema';

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

/** Turns a cookie token into the actor, enforcing the idle timeout and the absolute lifetime. */
export async function resolveSession(db: Queryable, config: Config, token: string, now: Date): Promise<ResolvedSession> {
  const id = digest(token);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        locale: users.locale,
        unitId: users.unitId,
        status: users.status,
        mustChangePassword: users.mustChangePassword,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + config.session.idleMinutes * 60_000;
  if (now.getTime() > idleLimit || now >= row.expiresAt || row.user.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(sql`${sessions.id} = ${id} and ${sessions.lastSeenAt} < ${now}`);
  }
  const grants = await loadGrants(db, row.user.id);
  const { status: _status, ...user } = row.user;
  return {
    actor: { ...user, grants, scopePaths: minimalPaths(grants.map((g) => g.path)), sessionId: id },
  };
}
