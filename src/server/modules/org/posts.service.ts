import { and, asc, eq, sql } from 'drizzle-orm';
import type { PostCreate, PostUpdate, PostView } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { canAt, loadUnitInScope, requirePermission, unitIdInScope } from '../../platform/access/scope';
import { auditedTx } from '../../platform/audit/with-audit';
import { diff } from '../../platform/audit/write';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { AppError, notFound } from '../../platform/errors/app-error';
import { units } from '../../platform/hierarchy/schema';
import { people, posts, type PostRow } from './schema';
import { holdsPosts, stationCompliance } from './rules';

const audited = (p: PostRow) => ({ title: p.title, employment: p.employment, duties: p.duties, phone: p.phone, personId: p.personId, sortOrder: p.sortOrder });

async function postViews(db: Queryable, actor: Actor, unitId: string, unitPath: string): Promise<PostView[]> {
  const rows = await db
    .select({ post: posts, person: { id: people.id, name: people.name, phone: people.phone } })
    .from(posts)
    .leftJoin(people, eq(people.id, posts.personId))
    .where(and(eq(posts.unitId, unitId), unitIdInScope(actor, posts.unitId)))
    .orderBy(asc(posts.sortOrder), asc(posts.createdAt));
  const can = canAt(actor, 'org.staff.manage', unitPath);
  return rows.map(({ post, person }) => ({
    id: post.id,
    unitId: post.unitId,
    title: post.title,
    employment: post.employment,
    duties: post.duties,
    phone: post.phone,
    person: person?.id ? person : null,
    sortOrder: post.sortOrder,
    can: { update: can, delete: can },
  }));
}

export async function listPosts(db: Queryable, actor: Actor, unitId: string) {
  const unit = await loadUnitInScope(db, actor, unitId);
  const items = await postViews(db, actor, unit.id, unit.path);
  return {
    items,
    compliance: unit.level === 'township' ? stationCompliance(items.map((p) => ({ employment: p.employment, personId: p.person?.id ?? null }))) : null,
  };
}

/** A post's holder must be an active person of the same unit. */
async function checkPerson(db: Queryable, unitId: string, personId: string | null | undefined) {
  if (!personId) return;
  const [p] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, personId), eq(people.unitId, unitId), eq(people.status, 'active')));
  if (!p) throw new AppError('PERSON_NOT_IN_UNIT');
}

async function loadPost(db: Queryable, actor: Actor, postId: string) {
  const [row] = await db
    .select({ post: posts, unitPath: units.path, unitName: units.name })
    .from(posts)
    .innerJoin(units, eq(units.id, posts.unitId))
    .where(and(eq(posts.id, postId), unitIdInScope(actor, posts.unitId)));
  if (!row) throw notFound();
  return row;
}

async function viewOne(db: Queryable, actor: Actor, postId: string): Promise<PostView> {
  const { post, unitPath } = await loadPost(db, actor, postId);
  return (await postViews(db, actor, post.unitId, unitPath)).find((p) => p.id === postId)!;
}

export async function createPost(ctx: Ctx, unitId: string, input: PostCreate): Promise<PostView> {
  const unit = await loadUnitInScope(ctx.db, ctx.actor, unitId);
  requirePermission(ctx.actor, 'org.staff.manage', unit.path);
  if (!holdsPosts(unit.level)) throw new AppError('POSTS_ONLY_AT_STATIONS');
  if (unit.status !== 'active') throw new AppError('UNIT_RETIRED');
  const id = uuidv7();
  await auditedTx(ctx, async (tx, now) => {
    await checkPerson(tx, unit.id, input.personId);
    const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(sort_order) + 1, 0)::int` }).from(posts).where(eq(posts.unitId, unit.id));
    const [row] = await tx
      .insert(posts)
      .values({
        id,
        unitId: unit.id,
        title: input.title,
        employment: input.employment,
        duties: [...new Set(input.duties)],
        phone: input.phone ?? null,
        personId: input.personId ?? null,
        sortOrder: input.sortOrder ?? next,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { result: row, events: [{ action: 'org.post.created', entityType: 'post', entityId: id, unitId: unit.id, summary: `${unit.name} / ${input.title}`, after: audited(row!) }] };
  });
  return viewOne(ctx.db, ctx.actor, id);
}

export async function updatePost(ctx: Ctx, postId: string, input: PostUpdate): Promise<PostView> {
  await auditedTx(ctx, async (tx, now) => {
    const { post, unitPath, unitName } = await loadPost(tx, ctx.actor, postId);
    requirePermission(ctx.actor, 'org.staff.manage', unitPath);
    await checkPerson(tx, post.unitId, input.personId);
    const [after] = await tx
      .update(posts)
      .set({ ...input, ...(input.duties ? { duties: [...new Set(input.duties)] } : {}), updatedAt: now })
      .where(eq(posts.id, post.id))
      .returning();
    const changes = diff(audited(post), audited(after!));
    return { result: after, events: changes ? [{ action: 'org.post.updated', entityType: 'post', entityId: post.id, unitId: post.unitId, summary: `${unitName} / ${after!.title}`, ...changes }] : [] };
  });
  return viewOne(ctx.db, ctx.actor, postId);
}

export async function deletePost(ctx: Ctx, postId: string): Promise<void> {
  await auditedTx(ctx, async (tx) => {
    const { post, unitPath, unitName } = await loadPost(tx, ctx.actor, postId);
    requirePermission(ctx.actor, 'org.staff.manage', unitPath);
    await tx.delete(posts).where(eq(posts.id, post.id));
    return { result: null, events: [{ action: 'org.post.deleted', entityType: 'post', entityId: post.id, unitId: post.unitId, summary: `${unitName} / ${post.title}`, before: audited(post) }] };
  });
}
