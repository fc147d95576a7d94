import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import type { z } from 'zod';
import type { AccountCreate, AccountListQuery, AccountUpdate, AccountView, RoleGrant } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import { hashPassword, isStrongPassword } from '../../platform/auth/passwords';
import { roleGrants, users, type UserRow } from '../../platform/auth/schema';
import { deleteSessionsOfUser } from '../../platform/auth/sessions';
import type { Ctx } from '../../platform/context';
import type { Queryable, Tx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { canManageAccount, roleFitsUnit } from './rules';

type GrantRow = { userId: string; role: RoleGrant['role']; unitId: string; unitName: string; unitCode: string; unitLevel: string; unitPath: string };

async function grantsOf(db: Queryable, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId, unitName: units.name, unitCode: units.code, unitLevel: units.level, unitPath: units.path })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(units.code), asc(roleGrants.role));
}

type Row = { user: UserRow; unit: { id: string; name: string; code: string; path: string } };

const rowColumns = { user: users, unit: { id: units.id, name: units.name, code: units.code, path: units.path } };

async function present(db: Queryable, actor: Actor, rows: Row[], now: Date): Promise<AccountView[]> {
  const grants = await grantsOf(db, rows.map((r) => r.user.id));
  return rows.map(({ user, unit }) => {
    const mine = grants.filter((g) => g.userId === user.id);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      unit: { id: unit.id, name: unit.name, code: unit.code },
      personId: user.personId,
      status: user.status,
      locked: !!user.lockedUntil && user.lockedUntil > now,
      mustChangePassword: user.mustChangePassword,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      roles: mine.map(({ role, unitId, unitName, unitCode, unitLevel }) => ({ role, unitId, unitName, unitCode, unitLevel })),
      createdAt: user.createdAt.toISOString(),
      can: { update: user.id !== actor.id && canManageAccount(actor.grants, { unitPath: unit.path, grantPaths: mine.map((g) => g.unitPath) }) },
    };
  });
}

export type AccountFilter = z.output<typeof AccountListQuery>;

/** Accounts whose home unit lies in the actor's scope. */
export async function listAccounts(ctx: Ctx, f: AccountFilter) {
  const conds: SQL[] = [unitIdInScope(ctx.actor, users.unitId)];
  if (f.unitId) {
    const unit = await loadUnitInScope(ctx.db, ctx.actor, f.unitId);
    conds.push(sql`${users.unitId} in (select id from units where path <@ ${unit.path}::ltree)`);
  }
  if (f.status !== 'all') conds.push(eq(users.status, f.status));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(users.username, like), ilike(users.displayName, like))!);
  }
  const where = and(...conds);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    ctx.db.select(rowColumns).from(users).innerJoin(units, eq(units.id, users.unitId)).where(where).orderBy(asc(units.code), asc(users.username)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: await present(ctx.db, ctx.actor, rows, ctx.clock.now()), total, page: f.page, pageSize: f.pageSize };
}

async function loadAccount(db: Queryable, actor: Actor, id: string): Promise<Row> {
  const [row] = await db.select(rowColumns).from(users).innerJoin(units, eq(units.id, users.unitId)).where(and(eq(users.id, id), unitIdInScope(actor, users.unitId)));
  if (!row) throw notFound();
  return row;
}

export async function getAccount(ctx: Ctx, id: string): Promise<AccountView> {
  return (await present(ctx.db, ctx.actor, [await loadAccount(ctx.db, ctx.actor, id)], ctx.clock.now()))[0]!;
}

/** Loads an account for a change: visible, manageable by the actor, and not the actor themself. */
async function loadForChange(tx: Tx, actor: Actor, id: string, opts: { selfAllowed?: boolean } = {}): Promise<Row> {
  const row = await loadAccount(tx, actor, id);
  const grants = await grantsOf(tx, [id]);
  if (!canManageAccount(actor.grants, { unitPath: row.unit.path, grantPaths: grants.map((g) => g.unitPath) })) throw new AppError('FORBIDDEN');
  if (!opts.selfAllowed && id === actor.id) throw new AppError('CANNOT_CHANGE_SELF');
  await tx.execute(sql`select 1 from users where id = ${id} for update`);
  return row;
}

/** Checks each grant: its unit is visible, of the role's level, and inside the actor's account reach. */
async function checkGrants(db: Queryable, actor: Actor, grants: RoleGrant[]) {
  const unique = [...new Map(grants.map((g) => [`${g.role}/${g.unitId}`, g])).values()];
  for (const g of unique) {
    const unit = await loadUnitInScope(db, actor, g.unitId);
    requirePermission(actor, 'accounts.manage', unit.path);
    if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
    if (!roleFitsUnit(g.role, unit.level)) throw new AppError('ROLE_LEVEL_MISMATCH');
  }
  return unique;
}

async function checkPerson(db: Queryable, actor: Actor, personId: string | null | undefined) {
  if (!personId) return;
  const [p] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, personId), unitIdInScope(actor, people.unitId)));
  if (!p) throw new AppError('VALIDATION_FAILED', [{ path: 'body.personId', code: 'not_found', zh: '人员不存在', en: 'No such person' }]);
}

export async function createAccount(ctx: Ctx, input: AccountCreate): Promise<AccountView> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, input.unitId);
  requirePermission(ctx.actor, 'accounts.manage', unit.path);
  const username = input.username.toLowerCase();
  if (!isStrongPassword(input.password, username)) throw new AppError('WEAK_PASSWORD');
  const grants = await checkGrants(ctx.db, ctx.actor, input.roles);
  await checkPerson(ctx.db, ctx.actor, input.personId);
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  try {
    await auditedTx(ctx, async (tx, now) => {
      await tx.insert(users).values({ id, username, displayName: input.displayName, unitId: unit.id, personId: input.personId ?? null, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now, passwordChangedAt: now });
      if (grants.length) await tx.insert(roleGrants).values(grants.map((g) => ({ id: uuidv7(), userId: id, role: g.role, unitId: g.unitId, createdAt: now })));
      return {
        result: null,
        events: [{ action: 'account.created', entityType: 'account', entityId: id, unitId: unit.id, summary: `${username} (${input.displayName})`, after: { username, displayName: input.displayName, unitId: unit.id, roles: grants } }],
      };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'users_username_key')) throw new AppError('USERNAME_TAKEN');
    throw e;
  }
  return getAccount(ctx, id);
}

export async function updateAccount(ctx: Ctx, id: string, input: AccountUpdate): Promise<AccountView> {
  await checkPerson(ctx.db, ctx.actor, input.personId);
  await auditedTx(ctx, async (tx, now) => {
    const { user } = await loadForChange(tx, ctx.actor, id, { selfAllowed: input.status === undefined });
    const [after] = await tx.update(users).set({ ...input, updatedAt: now }).where(eq(users.id, id)).returning();
    if (input.status === 'disabled') await deleteSessionsOfUser(tx, id);
    const pick = (u: UserRow) => ({ displayName: u.displayName, status: u.status, personId: u.personId });
    const changes = diff(pick(user), pick(after!));
    return { result: null, events: changes ? [{ action: 'account.updated', entityType: 'account', entityId: id, unitId: user.unitId, summary: user.username, ...changes }] : [] };
  });
  return getAccount(ctx, id);
}

/** Replaces an account's role grants with the given set. */
export async function setRoles(ctx: Ctx, id: string, roles: RoleGrant[]): Promise<AccountView> {
  const grants = await checkGrants(ctx.db, ctx.actor, roles);
  await auditedTx(ctx, async (tx, now) => {
    const { user } = await loadForChange(tx, ctx.actor, id);
    const before = (await grantsOf(tx, [id])).map(({ role, unitId, unitName }) => ({ role, unitId, unitName }));
    await tx.delete(roleGrants).where(eq(roleGrants.userId, id));
    if (grants.length) await tx.insert(roleGrants).values(grants.map((g) => ({ id: uuidv7(), userId: id, role: g.role, unitId: g.unitId, createdAt: now })));
    const after = (await grantsOf(tx, [id])).map(({ role, unitId, unitName }) => ({ role, unitId, unitName }));
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    return { result: null, events: changed ? [{ action: 'account.roles_changed', entityType: 'account', entityId: id, unitId: user.unitId, summary: user.username, before: { roles: before }, after: { roles: after } }] : [] };
  });
  return getAccount(ctx, id);
}

/** Sets a temporary password the user must change at next sign-in; their sessions end. */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<AccountView> {
  const hash = await hashPassword(password);
  await auditedTx(ctx, async (tx, now) => {
    const { user } = await loadForChange(tx, ctx.actor, id);
    if (!isStrongPassword(password, user.username)) throw new AppError('WEAK_PASSWORD');
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, id));
    await deleteSessionsOfUser(tx, id);
    return { result: null, events: [{ action: 'account.password_reset', entityType: 'account', entityId: id, unitId: user.unitId, summary: user.username }] };
  });
  return getAccount(ctx, id);
}

export async function unlockAccount(ctx: Ctx, id: string): Promise<AccountView> {
  await auditedTx(ctx, async (tx, now) => {
    const { user } = await loadForChange(tx, ctx.actor, id);
    await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, id));
    return { result: null, events: [{ action: 'account.unlocked', entityType: 'account', entityId: id, unitId: user.unitId, summary: user.username, before: { lockedUntil: user.lockedUntil?.toISOString() ?? null }, after: { lockedUntil: null } }] };
  });
  return getAccount(ctx, id);
}

