import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { HomeSummary } from '../../../contracts';
import type { Actor } from '../../platform/access/actor';
import { unitIdInScope, unitPathInScope } from '../../platform/access/scope';
import { permissionsOf } from '../../platform/access/rules';
import { users } from '../../platform/auth/schema';
import type { Queryable } from '../../platform/db/client';
import { units } from '../../platform/hierarchy/schema';
import { people, posts } from '../org/schema';
import { stationCompliance } from '../org/rules';
import { listAudit } from '../audit/service';

/** The home page: my unit, what lies below it, the stations against the standard, recent changes. */
export async function homeSummary(db: Queryable, actor: Actor): Promise<HomeSummary> {
  const [unit] = await db.select({ id: units.id, name: units.name, code: units.code, level: units.level }).from(units).where(eq(units.id, actor.unitId));
  const [levelCounts, [peopleCount], [accountCount], stations] = await Promise.all([
    db
      .select({ level: units.level, n: sql<number>`count(*)::int` })
      .from(units)
      .where(and(unitPathInScope(actor), eq(units.status, 'active')))
      .groupBy(units.level),
    db.select({ n: sql<number>`count(*)::int` }).from(people).where(and(unitIdInScope(actor, people.unitId), eq(people.status, 'active'))),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(unitIdInScope(actor, users.unitId)),
    db
      .select({ unitId: units.id, name: units.name, code: units.code, level: units.level })
      .from(units)
      .where(and(unitPathInScope(actor), eq(units.level, 'township'), eq(units.status, 'active')))
      .orderBy(asc(units.code)),
  ]);
  const stationPosts = stations.length
    ? await db.select({ unitId: posts.unitId, employment: posts.employment, personId: posts.personId }).from(posts).where(inArray(posts.unitId, stations.map((s) => s.unitId)))
    : [];
  const count = (level: string) => levelCounts.find((c) => c.level === level)?.n ?? 0;
  const recentAudit = permissionsOf(actor.grants).includes('audit.read') ? (await listAudit(db, actor, { page: 1, pageSize: 8 })).items : [];
  return {
    unit: unit!,
    counts: { townships: count('township'), villages: count('village'), grids: count('grid'), people: peopleCount?.n ?? 0, accounts: accountCount?.n ?? 0 },
    stations: stations.map((s) => ({ ...s, compliance: stationCompliance(stationPosts.filter((p) => p.unitId === s.unitId)) })),
    recentAudit,
  };
}
