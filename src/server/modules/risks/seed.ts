import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RiskCheckResult, RiskLevel, RiskType } from '../../../contracts';
import type { Tx } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { units } from '../../platform/hierarchy/schema';
import { users } from '../../platform/auth/schema';
import { people } from '../org/schema';
import { riskChecks, riskPoints } from './schema';

type DemoCheck = { daysAgo: number; result: RiskCheckResult; note?: string; by?: string };
type DemoPoint = {
  unit: string;
  name: string;
  type: RiskType;
  level: RiskLevel;
  lat: number;
  lng: number;
  address: string;
  measures: string;
  cycle: number;
  /** Checks, oldest first; the last one is the point's last check. */
  checks: DemoCheck[];
};

/**
 * Illustrative risk points of 石狮市 (places and coordinates are made up, near the real towns):
 * some checked on time, some overdue, one with an abnormal finding.
 */
const POINTS: DemoPoint[] = [
  {
    unit: '塘后村第一网格',
    name: '塘后村后山边坡',
    type: 'geological',
    level: 'large',
    lat: 24.7682,
    lng: 118.6421,
    address: '宝盖镇塘后村后山路北侧',
    measures: '设置警示牌和截水沟；汛期及强降雨前后加密巡查；坡下 6 户列入转移名单。',
    cycle: 7,
    checks: [
      { daysAgo: 10, result: 'normal', by: 'tanghou_grid' },
      { daysAgo: 3, result: 'normal', by: 'tanghou_grid' },
    ],
  },
  {
    unit: '塘后村第二网格',
    name: '塘后村老街低洼路段',
    type: 'waterlogging',
    level: 'general',
    lat: 24.7631,
    lng: 118.6368,
    address: '宝盖镇塘后村老街 12 号至 40 号',
    measures: '暴雨预警时设置围挡，配备抽水泵 2 台、沙袋 200 袋；沿街商户提前转移物品。',
    cycle: 7,
    checks: [{ daysAgo: 12, result: 'normal' }],
  },
  {
    unit: '宝盖镇',
    name: '宝盖工业区危化品仓库',
    type: 'hazardous_enterprise',
    level: 'major',
    lat: 24.7524,
    lng: 118.6553,
    address: '宝盖镇工业区纵三路 8 号',
    measures: '企业落实双人双锁和 24 小时值守；每周执法检查；周边 500 米内禁止明火；应急预案每半年演练一次。',
    cycle: 7,
    checks: [
      { daysAgo: 9, result: 'normal', by: 'baogai_enforcer' },
      { daysAgo: 2, result: 'abnormal', note: '东侧围墙消防通道被货车占用，已责令企业当日清理，明日复查。', by: 'baogai_enforcer' },
    ],
  },
  {
    unit: '后垵村',
    name: '后垵村旧厂房',
    type: 'dangerous_building',
    level: 'large',
    lat: 24.7571,
    lng: 118.6507,
    address: '宝盖镇后垵村工业路 3 号',
    measures: '已鉴定为 C 级危房，停止使用并设置隔离带；台风前加固屋面彩钢板。',
    cycle: 30,
    checks: [{ daysAgo: 20, result: 'normal', by: 'tanghou_lead' }],
  },
  {
    unit: '玉浦村',
    name: '宝盖山林区（玉浦村段）',
    type: 'forest_fire',
    level: 'large',
    lat: 24.7753,
    lng: 118.6602,
    address: '宝盖镇玉浦村宝盖山南麓',
    measures: '清明、冬春防火期设卡劝导，禁止带火种上山；护林员每日巡山；配备风力灭火机 4 台。',
    cycle: 30,
    checks: [{ daysAgo: 45, result: 'normal' }],
  },
  {
    unit: '坑东村',
    name: '坑东村农贸市场',
    type: 'crowded_place',
    level: 'general',
    lat: 24.7598,
    lng: 118.6284,
    address: '宝盖镇坑东村市场路 1 号',
    measures: '保持疏散通道畅通，消防器材每月检查；节假日高峰安排专人疏导。',
    cycle: 30,
    checks: [{ daysAgo: 6, result: 'normal' }],
  },
  {
    unit: '钞坑村第一网格',
    name: '钞坑村溪边低洼地',
    type: 'waterlogging',
    level: 'general',
    lat: 24.7423,
    lng: 118.6121,
    address: '灵秀镇钞坑村溪边片区',
    measures: '汛前清淤疏通排水沟；强降雨时提前转移低洼处 3 户群众。',
    cycle: 7,
    checks: [{ daysAgo: 4, result: 'normal', by: 'lingxiu_grid' }],
  },
  {
    unit: '古厝村',
    name: '古厝村危旧民房群',
    type: 'dangerous_building',
    level: 'large',
    lat: 24.7376,
    lng: 118.6048,
    address: '灵秀镇古厝村老宅片区',
    measures: '逐户建档，台风前动员住户转移至村避灾点；无人居住的房屋贴封。',
    cycle: 30,
    checks: [],
  },
  {
    unit: '灵秀镇',
    name: '灵秀镇服装城',
    type: 'crowded_place',
    level: 'low',
    lat: 24.7461,
    lng: 118.6183,
    address: '灵秀镇服装城路 66 号',
    measures: '商户消防安全责任书全覆盖；每季度组织一次疏散演练。',
    cycle: 90,
    checks: [{ daysAgo: 30, result: 'normal', by: 'lingxiu_chief' }],
  },
  {
    unit: '祥渔村',
    name: '祥芝中心渔港',
    type: 'marine',
    level: 'major',
    lat: 24.7935,
    lng: 118.7452,
    address: '祥芝镇祥渔村渔港路',
    measures: '台风预警时落实船只回港、人员上岸；港内渔船实行网格化管理，船长联系表每月更新。',
    cycle: 7,
    checks: [{ daysAgo: 1, result: 'normal' }],
  },
  {
    unit: '石湖村',
    name: '石湖港码头岸段',
    type: 'marine',
    level: 'large',
    lat: 24.7978,
    lng: 118.6905,
    address: '蚶江镇石湖村港区',
    measures: '大风、风暴潮预警时封闭岸段，禁止人员滞留；防浪墙每月巡查。',
    cycle: 7,
    checks: [{ daysAgo: 15, result: 'normal' }],
  },
  {
    unit: '沙美村',
    name: '沙美村滨海岸段',
    type: 'marine',
    level: 'general',
    lat: 24.7224,
    lng: 118.7148,
    address: '永宁镇沙美村沿海',
    measures: '设置防溺水警示牌和救生圈；夏季节假日安排志愿者值守。',
    cycle: 30,
    checks: [{ daysAgo: 8, result: 'normal' }],
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Adds the demo risk points and their checks. Runs inside the demo seed's transaction, after the
 * hierarchy, people and accounts exist; each point's responsible person works at its unit or the nearest unit above.
 */
export async function seedRiskPoints(tx: Tx, now: Date = new Date()): Promise<void> {
  const unitRows = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.name, [...new Set(POINTS.map((p) => p.unit))]));
  const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
  const accountRows = await tx.select({ id: users.id, username: users.username, name: users.displayName }).from(users);
  const account = new Map(accountRows.map((a) => [a.username, a]));

  const points: (typeof riskPoints.$inferInsert)[] = [];
  const checks: (typeof riskChecks.$inferInsert)[] = [];
  for (const [i, p] of POINTS.entries()) {
    const uid = unitId.get(p.unit);
    if (!uid) throw new Error(`demo risk point ${p.name}: no unit ${p.unit}`);
    // The responsible person works at the point's unit or, where it has no staff, the nearest unit above.
    const [person] = await tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(sql`${units.path} @> (select path from units where id = ${uid})`)
      .orderBy(desc(sql`nlevel(${units.path})`), asc(people.name))
      .limit(1);
    if (!person) throw new Error(`demo risk point ${p.name}: nobody at or above ${p.unit}`);
    // Registered a few months ago, a minute apart so the list order is stable.
    const createdAt = new Date(now.getTime() - 120 * DAY_MS + i * 60_000);
    const id = uuidv7(createdAt.getTime());
    const last = p.checks.at(-1);
    points.push({
      id,
      unitId: uid,
      name: p.name,
      type: p.type,
      level: p.level,
      lat: p.lat,
      lng: p.lng,
      address: p.address,
      responsiblePersonId: person.id,
      controlMeasures: p.measures,
      checkCycleDays: p.cycle,
      lastCheckAt: last ? new Date(now.getTime() - last.daysAgo * DAY_MS) : null,
      lastCheckResult: last?.result ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    for (const c of p.checks) {
      const at = new Date(now.getTime() - c.daysAgo * DAY_MS);
      const by = c.by ? account.get(c.by) : undefined;
      checks.push({ id: uuidv7(at.getTime()), riskPointId: id, at, checkerId: by?.id ?? null, checkerName: by?.name ?? person.name, result: c.result, note: c.note ?? null, photoIds: [], createdAt: at });
    }
  }
  await tx.insert(riskPoints).values(points);
  if (checks.length) await tx.insert(riskChecks).values(checks);
}
