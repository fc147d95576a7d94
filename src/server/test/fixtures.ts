import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client';
import { units } from '../platform/hierarchy/schema';
import { users } from '../platform/auth/schema';
import { auditEvents } from '../platform/audit/schema';
import { people, posts } from '../modules/org/schema';

/** Named records of the demo data, looked up once per test file. */
export async function demoFixtures(db: Db) {
  const unit = async (name: string) => {
    const [u] = await db.select().from(units).where(eq(units.name, name));
    if (!u) throw new Error(`no demo unit ${name}`);
    return u;
  };
  const account = async (username: string) => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    if (!u) throw new Error(`no demo account ${username}`);
    return u;
  };
  const firstPerson = async (unitId: string) => {
    const [p] = await db.select().from(people).where(eq(people.unitId, unitId)).orderBy(asc(people.name)).limit(1);
    return p!;
  };
  const firstPost = async (unitId: string) => {
    const [p] = await db.select().from(posts).where(eq(posts.unitId, unitId)).orderBy(asc(posts.sortOrder)).limit(1);
    return p!;
  };
  const [city, county, baogai, lingxiu, hubin, tanghou, houan, chaokeng, tanghouGrid1, tanghouGrid2, chaokengGrid1] = await Promise.all([
    unit('泉州市'),
    unit('石狮市'),
    unit('宝盖镇'),
    unit('灵秀镇'),
    unit('湖滨街道'),
    unit('塘后村'),
    unit('后垵村'),
    unit('钞坑村'),
    unit('塘后村第一网格'),
    unit('塘后村第二网格'),
    unit('钞坑村第一网格'),
  ]);
  return {
    units: { city: city!, county: county!, baogai: baogai!, lingxiu: lingxiu!, hubin: hubin!, tanghou: tanghou!, houan: houan!, chaokeng: chaokeng!, tanghouGrid1: tanghouGrid1!, tanghouGrid2: tanghouGrid2!, chaokengGrid1: chaokengGrid1! },
    people: {
      baogai: await firstPerson(baogai!.id),
      tanghou: await firstPerson(tanghou!.id),
      tanghouGrid1: await firstPerson(tanghouGrid1!.id),
      lingxiu: await firstPerson(lingxiu!.id),
    },
    posts: { baogai: await firstPost(baogai!.id), tanghou: await firstPost(tanghou!.id), lingxiu: await firstPost(lingxiu!.id) },
    accounts: {
      baogaiDuty: await account('baogai_duty'),
      tanghouGrid: await account('tanghou_grid'),
      tanghouLead: await account('tanghou_lead'),
      lingxiuGrid: await account('lingxiu_grid'),
      countyOfficer: await account('county_officer'),
    },
  };
}
export type DemoFixtures = Awaited<ReturnType<typeof demoFixtures>>;

/** The newest audit event placed in a unit (the tests create one where they need it). */
export async function latestAuditIn(db: Db, unitId: string, action?: string) {
  const [e] = await db
    .select()
    .from(auditEvents)
    .where(action ? and(eq(auditEvents.unitId, unitId), eq(auditEvents.action, action)) : eq(auditEvents.unitId, unitId))
    .orderBy(asc(auditEvents.at))
    .limit(1);
  return e;
}
