import type { Permission } from '../../../contracts/roles';
import type { DemoFixtures } from '../fixtures';
import type { TestApp } from '../harness';

/**
 * The access matrix's model. Each persona says by hand which of the target places it can see and
 * where it holds which permission; each route's case says where its target lies and what it
 * needs. Outside the scope the answer is 404, inside without the permission 403.
 */
export type Place = 'county' | 'baogai' | 'tanghou' | 'grid1' | 'lingxiu';
export type Persona = { sees: Place[]; perms: Partial<Record<Permission, Place[]>> };

const ALL: Place[] = ['county', 'baogai', 'tanghou', 'grid1', 'lingxiu'];
const BAOGAI: Place[] = ['baogai', 'tanghou', 'grid1'];
const TANGHOU: Place[] = ['tanghou', 'grid1'];
const LOOP = { 'hazards.report': BAOGAI, 'hazards.manage': BAOGAI } as const;
/** Plans (预案): read by every role on a township or above and by village leads; kept by chiefs, leads, county and city. */
const PLANS = (read: Place[], manage: Place[] = []) => ({ 'plans.read': read, ...(manage.length ? { 'plans.manage': manage } : {}) });
/** The duty desk: read, stand duty, run it (duty.review is county and city only). */
const DESK = (places: Place[]) => ({ 'duty.read': places, 'duty.write': places, 'duty.manage': places });
/** Warnings: hold and issue (duty officers too); start responses (chiefs, county, city). */
const WARN = (places: Place[], respond = true) => ({ 'warnings.manage': places, 'warnings.issue': places, ...(respond ? { 'warnings.respond': places } : {}) });
const reporter: Persona = { sees: BAOGAI, perms: { ...PLANS(BAOGAI), 'hazards.report': BAOGAI, 'duty.read': BAOGAI } };
const countyWide = (extra: Partial<Record<Permission, Place[]>>): Persona => ({
  sees: ALL,
  perms: {
    ...PLANS(ALL, ALL),
    'org.units.manage': ALL,
    'org.staff.manage': ALL,
    'accounts.manage': ALL,
    'audit.read': ALL,
    'hazards.report': ALL,
    'hazards.manage': ALL,
    'hazards.approve': ALL,
    'grids.manage': ALL,
    'risks.manage': ALL,
    'risks.check': ALL,
    ...DESK(ALL),
    'duty.review': ALL,
    ...WARN(ALL),
    ...extra,
  },
});

export const PERSONAS: Record<string, Persona | null> = {
  city_admin: countyWide({ 'hazards.catalog': ALL }),
  county_officer: countyWide({}),
  baogai_chief: {
    sees: BAOGAI,
    perms: { ...PLANS(BAOGAI, BAOGAI), 'org.staff.manage': BAOGAI, 'accounts.manage': BAOGAI, 'audit.read': BAOGAI, ...LOOP, 'grids.manage': BAOGAI, 'risks.manage': BAOGAI, 'risks.check': BAOGAI, ...DESK(BAOGAI), ...WARN(BAOGAI) },
  },
  baogai_duty: { sees: BAOGAI, perms: { ...PLANS(BAOGAI), ...LOOP, 'risks.check': BAOGAI, 'duty.read': BAOGAI, 'duty.write': BAOGAI, ...WARN(BAOGAI, false) } },
  baogai_enforcer: { sees: BAOGAI, perms: { ...PLANS(BAOGAI), ...LOOP, 'risks.manage': BAOGAI, 'risks.check': BAOGAI, 'duty.read': BAOGAI } },
  baogai_keeper: reporter,
  baogai_rescue: reporter,
  tanghou_lead: {
    sees: TANGHOU,
    perms: { ...PLANS(TANGHOU, TANGHOU), 'org.staff.manage': TANGHOU, 'hazards.report': TANGHOU, 'grids.manage': TANGHOU, 'risks.manage': TANGHOU, 'risks.check': TANGHOU },
  },
  tanghou_grid: { sees: ['grid1'], perms: { 'hazards.report': ['grid1'], 'grids.manage': ['grid1'], 'risks.check': ['grid1'] } },
  lingxiu_chief: {
    sees: ['lingxiu'],
    perms: {
      ...PLANS(['lingxiu'], ['lingxiu']),
      'org.staff.manage': ['lingxiu'],
      'accounts.manage': ['lingxiu'],
      'audit.read': ['lingxiu'],
      'hazards.report': ['lingxiu'],
      'hazards.manage': ['lingxiu'],
      'grids.manage': ['lingxiu'],
      'risks.manage': ['lingxiu'],
      'risks.check': ['lingxiu'],
      ...DESK(['lingxiu']),
      ...WARN(['lingxiu']),
    },
  },
  /** A grid worker of 灵秀镇 (钞坑村第一网格): none of the places above is theirs. */
  lingxiu_grid: { sees: [], perms: {} },
  public: null,
};

export type Rule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'read'; at: Place }
  /** `perm` as a list: any one of them will do. */
  | { kind: 'write'; at: Place; perm: Permission | Permission[] }
  /** Needs the permission somewhere (403 otherwise), then the target in scope (404 otherwise). */
  | { kind: 'reader'; perm: Permission; at?: Place }
  /** Only the named personas (the record's owner) may; others who see it get 403. */
  | { kind: 'owner'; at: Place; who: string[] };

export function expected(rule: Rule, persona: Persona | null, ok: number, name = ''): number {
  if (rule.kind === 'public') return ok;
  if (!persona) return 401;
  switch (rule.kind) {
    case 'user':
      return ok;
    case 'read':
      return persona.sees.includes(rule.at) ? ok : 404;
    case 'write':
      if (!persona.sees.includes(rule.at)) return 404;
      return (Array.isArray(rule.perm) ? rule.perm : [rule.perm]).some((p) => persona.perms[p]?.includes(rule.at)) ? ok : 403;
    case 'reader':
      if (!persona.perms[rule.perm]?.length) return 403;
      return !rule.at || persona.sees.includes(rule.at) ? ok : 404;
    case 'owner':
      if (!persona.sees.includes(rule.at)) return 404;
      return rule.who.includes(name) ? ok : 403;
  }
}

export type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; headers?: Record<string, string> };

/**
 * One route's case. `req` is called once per persona (so writes can use fresh targets);
 * `ok` is the status of success (default 200).
 */
export type Case = { rule: Rule; ok?: number; req: (fx: DemoFixtures, t: TestApp) => Promise<Req> | Req };

/** Cases keyed by "METHOD url" exactly as the route is registered. */
export type Cases = Record<string, Case>;
