import type { UnitRow } from '../../platform/hierarchy/schema';
import type { PersonRow } from './schema';

/**
 * The fields of units and people that the audit log keeps, for changes made in the forms and by
 * Excel import alike, so an imported change reads like any other.
 */
export const unitAudited = (u: Pick<UnitRow, 'name' | 'code' | 'kind' | 'status' | 'parentId' | 'address' | 'phone' | 'lat' | 'lng'>) => ({
  name: u.name,
  code: u.code,
  kind: u.kind,
  status: u.status,
  parentId: u.parentId,
  address: u.address,
  phone: u.phone,
  lat: u.lat,
  lng: u.lng,
});

export const personAudited = (p: Pick<PersonRow, 'name' | 'phone' | 'gender' | 'title' | 'notes' | 'status'>) => ({
  name: p.name,
  phone: p.phone,
  gender: p.gender,
  title: p.title,
  notes: p.notes,
  status: p.status,
});
