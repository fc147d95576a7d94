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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do within its node and below. Reading the org is open to every role. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  city_admin: ['org.read', 'org.units.manage', 'org.staff.manage', 'accounts.manage', 'audit.read'],
  county_officer: ['org.read', 'org.units.manage', 'org.staff.manage', 'accounts.manage', 'audit.read'],
  township_chief: ['org.read', 'org.staff.manage', 'accounts.manage', 'audit.read'],
  duty_officer: ['org.read'],
  enforcement_officer: ['org.read'],
  warehouse_keeper: ['org.read'],
  rescue_captain: ['org.read'],
  village_lead: ['org.read', 'org.staff.manage'],
  grid_worker: ['org.read'],
};

export const RoleGrant = z.object({ role: Role, unitId: z.uuid() });
export type RoleGrant = z.infer<typeof RoleGrant>;

export const RoleGrantView = RoleGrant.extend({ unitName: z.string(), unitCode: z.string(), unitLevel: z.string() });
export type RoleGrantView = z.infer<typeof RoleGrantView>;

export const RoleCatalog = z.object({
  items: z.array(z.object({ role: Role, level: z.string(), permissions: z.array(z.string()) })),
});
