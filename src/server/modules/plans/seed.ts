import { eq, inArray } from 'drizzle-orm';
import type { PlanHazard, PlanKind, PlanRule, PlanSetting, PlanStatus, ResponseLevel } from '../../../contracts';
import type { Tx } from '../../platform/db/client';
import { uuidv7 } from '../../platform/db/ids';
import { units } from '../../platform/hierarchy/schema';
import { people } from '../org/schema';
import { planActions, planDrills, planRules, plans } from './schema';

/** [what to do, the owner's post, minutes after the start or null]; the person is whoever holds the post. */
type DemoAction = [string, string, number | null];
type DemoDrill = { heldOn: string; scenario: string; count: number; names: string; evaluation: string; findings: string };
type DemoPlan = {
  unit: string;
  name: string;
  kind: PlanKind;
  setting: PlanSetting;
  hazards: PlanHazard[];
  status: PlanStatus;
  version: string;
  approvedOn: string;
  revisionDue: string;
  summary: string;
  levels: Partial<Record<ResponseLevel, DemoAction[]>>;
  rules: PlanRule[];
  drills: DemoDrill[];
};

const colours = ['red', 'orange', 'yellow', 'blue'] as const;
const LEVELS = ['I', 'II', 'III', 'IV'] as const;
/** 红→Ⅰ, 橙→Ⅱ, 黄→Ⅲ, 蓝→Ⅳ for each type (the usual one-to-one mapping). */
const oneToOne = (type: PlanRule['warningType'], upTo = 4): PlanRule[] => colours.slice(0, upTo).map((warningLevel, i) => ({ warningType: type, warningLevel, responseLevel: LEVELS[i]! }));

/** Illustrative plans of 宝盖镇 and 塘后村 (the contents follow the usual township templates). */
const PLANS: DemoPlan[] = [
  {
    unit: '宝盖镇',
    name: '宝盖镇防御台风应急预案',
    kind: 'special',
    setting: 'coastal',
    hazards: ['typhoon', 'storm_surge', 'rainstorm', 'gale'],
    status: 'active',
    version: '2025 年修订版',
    approvedOn: '2025-05-20',
    revisionDue: '2027-05-20',
    summary: '适用于宝盖镇辖区台风及其引发的风暴潮、暴雨、大风灾害的防御与应急处置。镇防汛防台指挥部统一指挥，应急管理站负责日常工作。',
    levels: {
      I: [
        ['镇党委书记、镇长进驻指挥部坐镇指挥，全员取消休假、进岗到位', '站长', 30],
        ['组织沿海危险区域、危旧房、低洼地人员全部转移至避灾点，做到应转尽转', '管理点负责人（村支书）', 180],
        ['渔船全部回港避风、人员上岸，海上养殖人员全部撤离', '综合执法员', 120],
        ['每小时向市防指报送一次灾情和转移情况', '应急值班员', 60],
        ['抢险队伍集结待命，冲锋舟、发电机等物资前置到各村', '物资仓库管理员', 90],
      ],
      II: [
        ['镇长在岗指挥，班子成员分片下沉到挂钩村', '站长', 60],
        ['转移危旧房、工棚和地质灾害隐患点人员', '管理点负责人（村支书）', 240],
        ['渔船回港避风，停止海上作业和滨海旅游活动', '综合执法员', 180],
        ['每 2 小时报送一次工作动态', '应急值班员', 120],
      ],
      III: [
        ['分管领导在岗指挥，24 小时值班并加强会商', '站长', 120],
        ['巡查危旧房、地质灾害隐患点和易涝点，提醒群众做好防御', '专职安全员', 360],
        ['通过应急广播、微信群发布防御提示', '应急值班员', 60],
      ],
      IV: [
        ['加强值班，密切关注台风动态', '应急值班员', null],
        ['检查排水设施和应急物资储备', '物资仓库管理员', 1440],
      ],
    },
    rules: [...oneToOne('typhoon'), ...oneToOne('storm_surge', 2), { warningType: 'rainstorm', warningLevel: 'red', responseLevel: 'II' }],
    drills: [
      {
        heldOn: '2025-06-18',
        scenario: '超强台风正面登陆，沿海片区 3 个村需在 6 小时内完成 1,200 人转移',
        count: 86,
        names: '镇防指成员单位、应急管理站全体、塘后村、后垵村两委及网格员、镇应急救援队',
        evaluation: '指挥调度顺畅，转移在 5 小时 20 分内完成；信息报送及时。',
        findings: '部分避灾点物资清单与实物不符；2 名独居老人转移时联系不上，需补充联系人。',
      },
    ],
  },
  {
    unit: '宝盖镇',
    name: '宝盖镇突发事件总体应急预案',
    kind: 'comprehensive',
    setting: 'general',
    hazards: ['typhoon', 'rainstorm', 'lightning', 'gale', 'heat', 'cold_wave', 'fog', 'geological', 'storm_surge', 'forest_fire', 'other'],
    status: 'active',
    version: '2023 版',
    approvedOn: '2023-03-15',
    revisionDue: '2026-03-15',
    summary: '宝盖镇应对各类突发事件的总纲，明确组织体系、监测预警、应急响应、恢复重建和保障措施。',
    levels: {
      I: [
        ['启动镇级Ⅰ级响应，成立现场指挥部', '站长', 30],
        ['立即向市委、市政府和市应急管理局报告', '应急值班员', 30],
      ],
      II: [['镇主要领导赶赴现场，组织先期处置', '站长', 60]],
      III: [['分管领导赶赴现场，协调有关部门处置', '专职安全员', 120]],
      IV: [['应急管理站派员核实情况并跟踪处置', '应急值班员', 240]],
    },
    rules: [...oneToOne('geological', 3), { warningType: 'forest_fire', warningLevel: 'red', responseLevel: 'II' }, { warningType: 'forest_fire', warningLevel: 'orange', responseLevel: 'III' }],
    drills: [],
  },
  {
    unit: '塘后村',
    name: '塘后村防台风暴雨转移避险预案',
    kind: 'special',
    setting: 'coastal',
    hazards: ['typhoon', 'rainstorm', 'geological'],
    status: 'active',
    version: '2025 版',
    approvedOn: '2025-04-28',
    revisionDue: '2026-04-28',
    summary: '明确本村危险区域、转移对象、转移路线和避灾点（村委会、塘后小学），做到"一户一卡"。',
    levels: {
      I: [
        ['村两委全员到岗，逐户通知并组织后山边坡 6 户、老街低洼户全部转移', '管理点负责人（村支书）', 120],
        ['网格员核对转移名单，重点人员一对一落实帮扶人', '网格长', 90],
        ['避灾点开放，清点人数并上报镇应急管理站', '灾害信息员', 180],
      ],
      II: [
        ['村两委到岗，通知危险区域群众做好转移准备', '管理点负责人（村支书）', 120],
        ['巡查后山边坡和老街排水情况', '网格长', 180],
      ],
      III: [['通过村广播和微信群发布防御提示', '灾害信息员', 60]],
    },
    rules: [...oneToOne('typhoon', 3), ...oneToOne('rainstorm', 2), { warningType: 'geological', warningLevel: 'red', responseLevel: 'I' }],
    drills: [
      {
        heldOn: '2025-07-05',
        scenario: '台风红色预警下后山边坡群众夜间转移',
        count: 42,
        names: '村两委、网格员、后山片区群众代表',
        evaluation: '转移路线清楚，40 分钟完成。',
        findings: '夜间照明不足，需增配手电和应急灯。',
      },
    ],
  },
];

/** Seeds the demo plans with their checklists, activation rules and drills. */
export async function seedPlans(tx: Tx) {
  const names = [...new Set(PLANS.map((p) => p.unit))];
  const unitRows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, names));
  const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
  for (const p of PLANS) {
    const uid = unitId.get(p.unit);
    if (!uid) continue;
    const staff = await tx.select({ id: people.id, title: people.title }).from(people).where(eq(people.unitId, uid));
    const holder = (post: string) => staff.find((s) => s.title === post)?.id ?? null;
    const id = uuidv7();
    await tx.insert(plans).values({
      id,
      unitId: uid,
      name: p.name,
      kind: p.kind,
      setting: p.setting,
      hazards: p.hazards,
      status: p.status,
      version: p.version,
      approvedOn: p.approvedOn,
      revisionDue: p.revisionDue,
      summary: p.summary,
    });
    const actions = LEVELS.flatMap((level) =>
      (p.levels[level] ?? []).map(([action, ownerPost, minutes], position) => ({ id: uuidv7(), planId: id, level, position, action, ownerPost, ownerPersonId: holder(ownerPost), timeLimitMinutes: minutes })),
    );
    if (actions.length) await tx.insert(planActions).values(actions);
    if (p.rules.length) await tx.insert(planRules).values(p.rules.map((r) => ({ planId: id, ...r })));
    for (const d of p.drills) {
      await tx.insert(planDrills).values({ id: uuidv7(), planId: id, heldOn: d.heldOn, scenario: d.scenario, participantCount: d.count, participantNames: d.names, evaluation: d.evaluation, findings: d.findings, recordedByName: '演示数据' });
    }
  }
}
