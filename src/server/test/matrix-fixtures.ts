import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { uuidv7 } from '../platform/db/ids';
import { childPath } from '../platform/hierarchy/paths';
import { units, type UnitRow } from '../platform/hierarchy/schema';
import { roleGrants, users } from '../platform/auth/schema';
import { posts } from '../modules/org/schema';

let serial = 0;
/** A fresh number per call, for codes, phones and usernames that must not collide. */
export const next = () => ++serial;

/** Inserts a grid straight into the database (setup for tests that move or retire one). */
export async function insertGrid(db: Db, village: UnitRow, opts: { retired?: boolean } = {}): Promise<UnitRow> {
  const id = uuidv7();
  const n = next();
  const [row] = await db
    .insert(units)
    .values({
      id,
      parentId: village.id,
      level: 'grid',
      kind: 'grid',
      code: village.code + String(100 + n).padStart(3, '0'),
      name: `测试网格${n}`,
      path: childPath(village.path, id),
      status: opts.retired ? 'retired' : 'active',
      retiredAt: opts.retired ? new Date() : null,
    })
    .returning();
  return row!;
}

export async function insertPost(db: Db, unitId: string) {
  const [row] = await db.insert(posts).values({ id: uuidv7(), unitId, title: `测试岗位${next()}`, employment: 'part_time', duties: ['other'] }).returning();
  return row!;
}

/** An account (password irrelevant) holding one role, for tests that change accounts. */
export async function insertAccount(db: Db, unitId: string, role: 'grid_worker' | 'village_lead' = 'grid_worker') {
  const [u] = await db.select({ hash: users.passwordHash }).from(users).limit(1);
  const id = uuidv7();
  await db.insert(users).values({ id, username: `t_user_${next()}`, displayName: '测试账号', unitId, passwordHash: u!.hash });
  await db.insert(roleGrants).values({ id: uuidv7(), userId: id, role, unitId });
  return id;
}

export async function unitById(db: Db, id: string) {
  const [u] = await db.select().from(units).where(eq(units.id, id));
  return u!;
}
