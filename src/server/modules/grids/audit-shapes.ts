import type { HouseholdRow, VulnerableRow } from './schema';

/**
 * The fields of households and vulnerable people that the audit log keeps, for the forms and the
 * Excel import alike. A vulnerable person's household and responsible person are kept by what a
 * reader recognises (address, name and phone) rather than by id.
 */
export const householdAudited = (h: Pick<HouseholdRow, 'address' | 'headName' | 'phone' | 'members' | 'notes' | 'status'>) => ({
  address: h.address,
  headName: h.headName,
  phone: h.phone,
  members: h.members,
  notes: h.notes,
  status: h.status,
});

export type VulnerableAuditInput = Pick<VulnerableRow, 'name' | 'category' | 'phone' | 'notes' | 'status'> & {
  householdAddress: string | null;
  responsible: { name: string; phone: string } | null;
};

export const vulnerableAudited = (v: VulnerableAuditInput) => ({
  name: v.name,
  category: v.category,
  phone: v.phone,
  notes: v.notes,
  status: v.status,
  household: v.householdAddress,
  responsible: v.responsible ? `${v.responsible.name} ${v.responsible.phone}` : null,
});
