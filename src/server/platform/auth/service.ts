import { eq, inArray, sql } from 'drizzle-orm';
import type { Me } from '../../../contracts/auth';
import { ROLE_LEVEL } from '../../../contracts/roles';
import type { Config } from '../../config';
import type { Actor } from '../access/actor';
import { permissionsOf } from '../access/rules';
import type { Clock } from '../clock';
import type { Ctx } from '../context';
import type { Db } from '../db/client';
import { auditedTx } from '../audit/with-audit';
import { writeAudit } from '../audit/write';
import { AppError } from '../errors/app-error';
import { units } from '../hierarchy/schema';
import { burnPasswordCheck, hashPassword, isStrongPassword, verifyPassword } from './passwords';
import { createSession, deleteSessionsOfUser, loadGrants } from './sessions';
import { users } from './schema';

type LoginDeps = { db: Db; config: Config; clock: Clock };
type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

/**
 * Signs a user in. Failures count towards the lockout atomically (one UPDATE … RETURNING), so
 * parallel guesses cannot slip past the limit; each failure and the lock itself are audited.
 */
export async function login(deps: LoginDeps, username: string, password: string, meta: RequestMeta): Promise<{ token: string; userId: string }> {
  const now = deps.clock.now();
  const [user] = await deps.db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  if (!user) {
    await burnPasswordCheck(password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const who = { actor: { id: user.id, username: user.username, displayName: user.displayName }, requestId: meta.requestId, ip: meta.ip, at: now };
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);

  if (!(await verifyPassword(user.passwordHash, password))) {
    const lockUntil = new Date(now.getTime() + deps.config.login.lockMinutes * 60_000);
    const locked = await deps.db.transaction(async (tx) => {
      const [after] = await tx
        .update(users)
        .set({
          failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${deps.config.login.maxFailures} then 0 else ${users.failedLoginCount} + 1 end`,
          lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${deps.config.login.maxFailures} then ${lockUntil}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, user.id))
        .returning({ lockedUntil: users.lockedUntil });
      const nowLocked = !!after?.lockedUntil && after.lockedUntil > now;
      await writeAudit(tx, who, {
        action: nowLocked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'account',
        entityId: user.id,
        unitId: user.unitId,
        summary: nowLocked ? `${deps.config.login.maxFailures} failed sign-ins` : null,
      });
      return nowLocked ? after!.lockedUntil! : null;
    });
    if (locked) throw lockedError(locked, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  return deps.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const token = await createSession(tx, deps.config, user.id, now, meta);
    await writeAudit(tx, who, { action: 'auth.login', entityType: 'account', entityId: user.id, unitId: user.unitId });
    return { token, userId: user.id };
  });
}

function lockedError(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('ACCOUNT_LOCKED', undefined, { 'retry-after': String(seconds) });
}

export async function logout(ctx: Ctx): Promise<void> {
  await auditedTx(ctx, async (tx) => {
    await tx.execute(sql`delete from sessions where id = ${ctx.actor.sessionId}`);
    return { result: undefined, events: [{ action: 'auth.logout', entityType: 'account', entityId: ctx.actor.id, unitId: ctx.actor.unitId }] };
  });
}

export async function describeMe(db: Db, config: Config, userId: string): Promise<Me> {
  const [user] = await db
    .select({ user: users, unit: { id: units.id, name: units.name, code: units.code, level: units.level } })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  if (!user) throw new AppError('AUTH_REQUIRED');
  const grants = await loadGrants(db, userId);
  const grantUnits = grants.length
    ? await db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(inArray(units.id, grants.map((g) => g.unitId)))
    : [];
  const byId = new Map(grantUnits.map((u) => [u.id, u]));
  return {
    id: user.user.id,
    username: user.user.username,
    displayName: user.user.displayName,
    locale: user.user.locale,
    unit: user.unit,
    roles: grants.map((g) => ({
      role: g.role,
      unitId: g.unitId,
      unitName: byId.get(g.unitId)?.name ?? '',
      unitCode: byId.get(g.unitId)?.code ?? '',
      unitLevel: ROLE_LEVEL[g.role],
    })),
    permissions: permissionsOf(grants),
    mustChangePassword: user.user.mustChangePassword,
    idleTimeoutMinutes: config.session.idleMinutes,
  };
}

/** Changes the actor's own password; their other sessions end, this one goes on. */
export async function changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  const actor: Actor = ctx.actor;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw new AppError('WRONG_CURRENT_PASSWORD');
  if (newPassword === currentPassword) throw new AppError('PASSWORD_REUSED');
  if (!isStrongPassword(newPassword, user.username)) throw new AppError('WEAK_PASSWORD');
  const passwordHash = await hashPassword(newPassword);
  await auditedTx(ctx, async (tx, now) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, actor.id));
    await deleteSessionsOfUser(tx, actor.id, actor.sessionId);
    return { result: undefined, events: [{ action: 'auth.password_changed', entityType: 'account', entityId: actor.id, unitId: actor.unitId }] };
  });
}

export async function setLocale(ctx: Ctx, locale: 'zh-CN' | 'en'): Promise<void> {
  await ctx.db.update(users).set({ locale }).where(eq(users.id, ctx.actor.id));
}
