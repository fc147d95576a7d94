import type { ImportKind, ImportPreview } from '../../../../contracts/org';
import type { Actor } from '../../../platform/access/actor';
import type { AuditEvent } from '../../../platform/audit/write';
import type { UnitRow } from '../../../platform/hierarchy/schema';
import type { PersonRow } from '../schema';

/**
 * The record shapes the audit log keeps, the same as units.service.ts and people.service.ts write
 * for changes made in the forms, so an imported change reads like any other.
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

const KIND_WORD: Record<ImportKind, string> = { units: '单位', people: '人员' };
const FILE_NAME_MAX = 200;

/** One event per import, beside the events of the records it changed; placed at the importer's unit. */
export function importSummary(kind: ImportKind, actor: Actor, counts: ImportPreview['counts'], fileName: string): AuditEvent {
  return {
    action: kind === 'units' ? 'org.import.units' : 'org.import.people',
    entityType: 'import',
    entityId: null,
    unitId: actor.unitId,
    summary: `导入${KIND_WORD[kind]}：新增 ${counts.create}，修改 ${counts.update}，未变 ${counts.unchanged}`,
    after: { file: fileName.slice(0, FILE_NAME_MAX), create: counts.create, update: counts.update, unchanged: counts.unchanged },
  };
}
