import type { ImportKind, ImportPreview } from '../../../../contracts/org';
import type { Actor } from '../../../platform/access/actor';
import type { AuditEvent } from '../../../platform/audit/write';

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
