import type { MessageKey } from './zh';
import type { Translate } from './index';

/** The form label of a field the server named in an error (`body.categoryCode` → 隐患类别). */
const FIELD_LABELS: Record<string, MessageKey> = {
  categoryCode: 'report.category',
  description: 'report.description',
  lat: 'report.location',
  lng: 'report.location',
  accuracy: 'report.location',
  photoIds: 'report.photos',
  suggestedLevel: 'report.level',
  note: 'task.note',
  place: 'patrol.place',
  summary: 'patrol.summary',
};

export function fieldLabel(path: string, t: Translate): string {
  const name = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  const key = FIELD_LABELS[name];
  return key ? t(key) : path;
}
