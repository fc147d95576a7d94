import type { Role } from '../../../contracts/roles';

/**
 * Who answers for whom when a recipient stays silent (叫应升级): each role's superior is the next
 * role in this list that someone holds on a unit above (or at) the recipient's unit. Roles not in
 * the list (enforcement, warehouse, rescue) escalate to the first role above them that exists.
 */
export const ROLE_ORDER_FOR_ESCALATION: readonly Role[] = ['grid_worker', 'village_lead', 'duty_officer', 'township_chief', 'county_officer', 'city_admin'];
