import { sql } from 'drizzle-orm';
import type { Role } from '../../../../contracts/roles';
import type { Db, Tx } from '../../../platform/db/client';
import { uuidv7 } from '../../../platform/db/ids';
import { childPath } from '../../../platform/hierarchy/paths';
import { units } from '../../../platform/hierarchy/schema';
import { roleGrants, users } from '../../../platform/auth/schema';
import { hashPassword } from '../../../platform/auth/passwords';
import { people, posts } from '../schema';
import { seedRiskPoints } from '../../risks/seed';
import { seedGrids } from '../../grids/seed';
import { seedPlans } from '../../plans/seed';
import { ACCOUNTS, CITY, COUNTY, DEMO_PASSWORD, GRID_NAMES, GRIDS_PER_VILLAGE, STATION_POSTS, TOWNSHIPS, VILLAGE_POSTS, demoPerson } from './shishi-data';

type UnitInsert = typeof units.$inferInsert;
type PersonInsert = typeof people.$inferInsert;
type PostInsert = typeof posts.$inferInsert;

const SEED_LOCK = 5_350_582;

/** The post each demo role holds at its station, so accounts, people and posts line up. */
const ROLE_POST: Partial<Record<Role, string>> = {
  township_chief: '站长',
  duty_officer: '应急值班员',
  enforcement_officer: '综合执法员',
  warehouse_keeper: '物资仓库管理员',
  village_lead: '管理点负责人（村支书）',
};

/**
 * Fills an empty database with the 石狮市 demo data. Safe when several app nodes start at once:
 * the first takes the lock and seeds, the others find units present and do nothing.
 */
export async function seedDemoIfEmpty(db: Db, opts: { mustChangePassword: boolean }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(units);
    if (n > 0) return false;
    await seedDemo(tx, opts);
    return true;
  });
}

async function seedDemo(tx: Tx, opts: { mustChangePassword: boolean }) {
  const unitRows: UnitInsert[] = [];
  const byKey = new Map<string, { id: string; path: string }>();
  const add = (key: string, parentKey: string | null, u: Omit<UnitInsert, 'id' | 'path' | 'parentId'>) => {
    const id = uuidv7();
    const parent = parentKey ? byKey.get(parentKey)! : null;
    const path = childPath(parent?.path ?? null, id);
    unitRows.push({ ...u, id, parentId: parent?.id ?? null, path });
    byKey.set(key, { id, path });
    return id;
  };

  add('city', null, { level: 'city', kind: 'city', code: CITY.code, name: CITY.name });
  add('county', 'city', { level: 'county', kind: 'county_city', code: COUNTY.code, name: COUNTY.name, phone: '0595-88888110' });
  for (const t of TOWNSHIPS) {
    add(t.key, 'county', { level: 'township', kind: t.kind, code: t.code, name: t.name });
    t.villages.forEach((v, vi) => {
      const vCode = t.code.slice(0, 9) + String((v.kind === 'village' ? 200 : 1) + vi).padStart(3, '0');
      const vKey = `${t.key}/${v.name}`;
      add(vKey, t.key, { level: 'village', kind: v.kind, code: vCode, name: v.name });
      for (let g = 0; g < GRIDS_PER_VILLAGE; g++) {
        add(`${vKey}/${GRID_NAMES[g]}`, vKey, { level: 'grid', kind: 'grid', code: vCode + String(g + 1).padStart(3, '0'), name: `${v.name}${GRID_NAMES[g]}` });
      }
    });
  }
  await tx.insert(units).values(unitRows);

  const personRows: PersonInsert[] = [];
  const postRows: PostInsert[] = [];
  let n = 0;
  const newPerson = (unitId: string, fixed?: { name: string; title: string | null }) => {
    const p = demoPerson(n++);
    const id = uuidv7();
    personRows.push({ id, unitId, name: fixed?.name ?? p.name, phone: p.phone, title: fixed?.title ?? null });
    return id;
  };

  // People for the demo accounts, placed on the post their role holds.
  const accountPerson = new Map<string, string>();
  const personForPost = new Map<string, string>();
  for (const a of ACCOUNTS) {
    const unitId = byKey.get(a.at)!.id;
    const postTitle = ROLE_POST[a.role];
    const personId = newPerson(unitId, { name: a.displayName, title: postTitle ?? null });
    accountPerson.set(a.username, personId);
    if (postTitle) personForPost.set(`${unitId}/${postTitle}`, personId);
  }

  const addPosts = (unitId: string, list: typeof STATION_POSTS, staffed: number) => {
    list.forEach((p, i) => {
      const personId = i < staffed ? (personForPost.get(`${unitId}/${p.title}`) ?? newPerson(unitId, { name: demoPerson(n).name, title: p.title })) : null;
      postRows.push({ id: uuidv7(), unitId, title: p.title, employment: p.employment, duties: p.duties, personId, sortOrder: i, phone: null });
    });
  };
  for (const t of TOWNSHIPS) {
    const id = byKey.get(t.key)!.id;
    // 2024 stations are built (all posts staffed); 2025 stations are under way; the rest have a few.
    if (t.campaign === 2024) addPosts(id, STATION_POSTS, STATION_POSTS.length);
    else if (t.campaign === 2025) addPosts(id, STATION_POSTS.slice(0, 5), 4);
    else addPosts(id, STATION_POSTS.slice(0, 3), 3);
    // Each 2024 station extends to its first village point.
    if (t.campaign === 2024) addPosts(byKey.get(`${t.key}/${t.villages[0]!.name}`)!.id, VILLAGE_POSTS, VILLAGE_POSTS.length);
    for (const v of t.villages) {
      for (let g = 0; g < GRIDS_PER_VILLAGE; g++) {
        const gridKey = `${t.key}/${v.name}/${GRID_NAMES[g]}`;
        if (!ACCOUNTS.some((a) => a.at === gridKey)) newPerson(byKey.get(gridKey)!.id, { name: demoPerson(n).name, title: '网格员' });
      }
    }
  }
  await tx.insert(people).values(personRows);
  await tx.insert(posts).values(postRows);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userRows = ACCOUNTS.map((a) => ({
    id: uuidv7(),
    username: a.username,
    displayName: a.displayName,
    unitId: byKey.get(a.at)!.id,
    personId: accountPerson.get(a.username)!,
    passwordHash,
    mustChangePassword: opts.mustChangePassword,
  }));
  await tx.insert(users).values(userRows);
  await tx.insert(roleGrants).values(
    ACCOUNTS.map((a, i) => ({ id: uuidv7(), userId: userRows[i]!.id, role: a.role, unitId: byKey.get(a.at)!.id })),
  );
  await seedRiskPoints(tx);
  await seedGrids(tx);
  await seedPlans(tx);
}
