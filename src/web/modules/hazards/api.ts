import {
  GridFeatureCollection as GridFeatureCollectionSchema,
  HazardCategoryList,
  HazardCounts as HazardCountsSchema,
  HazardDetail as HazardDetailSchema,
  HazardList,
  HazardStats as HazardStatsSchema,
  RiskMap,
  StoredFile as StoredFileSchema,
  type GridFeatureCollection,
  type HazardAction,
  type HazardCategory,
  type HazardCounts,
  type HazardDetail,
  type HazardLevel,
  type HazardSource,
  type HazardState,
  type HazardStats,
  type HazardSummary,
  type Paged,
  type RiskMapPoint,
  type StoredFile,
} from '../../../contracts';
import { api, withQuery } from '../../app/api';

export type HazardQuery = {
  unitId?: string;
  state?: HazardState | 'open' | 'all';
  level?: HazardLevel;
  categoryCode?: string;
  source?: HazardSource;
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
  assignedToMe?: boolean;
  page?: number;
  pageSize?: number;
};

export type StatsQuery = { unitId?: string; from?: string; to?: string };

/** Fired after a hazard changed here, so the menu badge and open lists refresh at once. */
export const HAZARDS_CHANGED = 'lastmeter:hazards-changed';
export const announceHazardChange = () => window.dispatchEvent(new Event(HAZARDS_CHANGED));

export const hazardsApi = {
  categories: (signal?: AbortSignal) => api.get<{ items: HazardCategory[] }>('/hazards/categories', { signal, schema: HazardCategoryList }),
  list: (query: HazardQuery, signal?: AbortSignal) => api.get<Paged<HazardSummary>>('/hazards', { query, signal, schema: HazardList }),
  counts: (unitId?: string, signal?: AbortSignal) => api.get<HazardCounts>('/hazards/counts', { query: { unitId }, signal, schema: HazardCountsSchema }),
  get: (id: string, signal?: AbortSignal) => api.get<HazardDetail>(`/hazards/${id}`, { signal, schema: HazardDetailSchema }),
  act: async (id: string, action: HazardAction) => {
    const detail = await api.post<HazardDetail>(`/hazards/${id}/actions`, action, { schema: HazardDetailSchema });
    announceHazardChange();
    return detail;
  },
  uploadPhoto: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<StoredFile>('/files', form, { schema: StoredFileSchema });
  },
  stats: (query: StatsQuery, signal?: AbortSignal) => api.get<HazardStats>('/hazards/stats', { query, signal, schema: HazardStatsSchema }),
  statsExportUrl: (query: StatsQuery) => withQuery('/api/hazards/stats.xlsx', query),
  riskMap: (unitId?: string, signal?: AbortSignal) => api.get<{ items: RiskMapPoint[]; truncated: boolean }>('/risks/map', { query: { unitId }, signal, schema: RiskMap }),
  boundaries: (unitId?: string, signal?: AbortSignal) =>
    api.get<GridFeatureCollection>('/grids/boundaries', { query: { unitId }, signal, schema: GridFeatureCollectionSchema }),
};

/**
 * A random (version 4) UUID for an action's event id. `crypto.randomUUID` exists only on secure
 * origins, and a township may well serve the app over plain http on its own network.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
