import { z } from 'zod';
import type { UnitLevel } from './org';

export const ROLES = [
  'city_admin',
  'county_officer',
  'township_chief',
  'duty_officer',
  'enforcement_officer',
  'warehouse_keeper',
  'rescue_captain',
  'village_lead',
  'grid_worker',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The level of node each role is granted on. */
export const ROLE_LEVEL: Record<Role, UnitLevel> = {
  city_admin: 'city',
  county_officer: 'county',
  township_chief: 'township',
  duty_officer: 'township',
  enforcement_officer: 'township',
  warehouse_keeper: 'township',
  rescue_captain: 'township',
  village_lead: 'village',
  grid_worker: 'grid',
};

export const PERMISSIONS = [
  'org.read',
  'org.units.manage',
  'org.staff.manage',
  'accounts.manage',
  'audit.read',
  /** Report a hazard (隐患上报) and record patrols: everyone on the ground. */
  'hazards.report',
  /** Run the closed loop: verify, grade, assign, accept, reopen. */
  'hazards.manage',
  /** Approve a 重大 hazard (挂牌督办): county and city only. */
  'hazards.approve',
  /** The hazard category catalog. */
  'hazards.catalog',
  /** Grids' households, vulnerable people and boundaries (网格管理体系). */
  'grids.manage',
  /** The risk point registry (风险点). */
  'risks.manage',
  /** Record a periodic check of a risk point. */
  'risks.check',
  /** See the duty desk: rosters, the duty log, events and their reports, comms equipment. */
  'duty.read',
  /** Stand duty: hand over, keep the log, take calls (接报), write and submit reports, test equipment, send the zero report. */
  'duty.write',
  /** Run the desk: rosters and swaps, the equipment registry, the deadline and zero-report settings. */
  'duty.manage',
  /** Receive reports from below: acknowledge, send back for more (退回补充), merge duplicates. County and city. */
  'duty.review',
  /** See emergency plans (预案), their response checklists and drills. */
  'plans.read',
  /** Keep plans: create and revise them, their checklists, activation rules, documents and drills. */
  'plans.manage',
  /** Hold warnings (预警): enter them, import CAP, cancel. */
  'warnings.manage',
  /** Issue a warning downward and watch who answered (叫应). */
  'warnings.issue',
  /** Start and run a plan's response to a warning (启动响应). */
  'warnings.respond',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const LOOP = ['hazards.report', 'hazards.manage'] as const;
const DESK = ['duty.read', 'duty.write', 'duty.manage'] as const;
const WARN = ['warnings.manage', 'warnings.issue', 'warnings.respond'] as const;

/** What each role may do within its node and below. Reading the org is open to every role. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  city_admin: ['org.read', 'org.units.manage', 'org.staff.manage', 'accounts.manage', 'audit.read', ...LOOP, 'hazards.approve', 'hazards.catalog', 'grids.manage', 'risks.manage', 'risks.check', ...DESK, 'duty.review', 'plans.read', 'plans.manage', ...WARN],
  county_officer: ['org.read', 'org.units.manage', 'org.staff.manage', 'accounts.manage', 'audit.read', ...LOOP, 'hazards.approve', 'grids.manage', 'risks.manage', 'risks.check', ...DESK, 'duty.review', 'plans.read', 'plans.manage', ...WARN],
  township_chief: ['org.read', 'org.staff.manage', 'accounts.manage', 'audit.read', ...LOOP, 'grids.manage', 'risks.manage', 'risks.check', ...DESK, 'plans.read', 'plans.manage', ...WARN],
  duty_officer: ['org.read', ...LOOP, 'risks.check', 'duty.read', 'duty.write', 'plans.read', 'warnings.manage', 'warnings.issue'],
  enforcement_officer: ['org.read', ...LOOP, 'risks.manage', 'risks.check', 'duty.read', 'plans.read'],
  warehouse_keeper: ['org.read', 'hazards.report', 'duty.read', 'plans.read'],
  rescue_captain: ['org.read', 'hazards.report', 'duty.read', 'plans.read'],
  village_lead: ['org.read', 'org.staff.manage', 'hazards.report', 'grids.manage', 'risks.manage', 'risks.check', 'plans.read', 'plans.manage'],
  grid_worker: ['org.read', 'hazards.report', 'grids.manage', 'risks.check'],
};

export const RoleGrant = z.object({ role: Role, unitId: z.uuid() });
export type RoleGrant = z.infer<typeof RoleGrant>;

export const RoleGrantView = RoleGrant.extend({ unitName: z.string(), unitCode: z.string(), unitLevel: z.string() });
export type RoleGrantView = z.infer<typeof RoleGrantView>;

export const RoleCatalog = z.object({
  items: z.array(z.object({ role: Role, level: z.string(), permissions: z.array(z.string()) })),
});
