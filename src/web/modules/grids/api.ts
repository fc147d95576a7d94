import {
  BoundaryView as BoundaryViewSchema,
  GridFeatureCollection as GridFeatureCollectionSchema,
  GridImportPreview as GridImportPreviewSchema,
  GridImportResult as GridImportResultSchema,
  HouseholdList,
  HouseholdView as HouseholdViewSchema,
  ResponsibleList,
  VulnerableList,
  VulnerableView as VulnerableViewSchema,
  type BoundaryPut,
  type BoundaryView,
  type GridFeatureCollection,
  type GridImportKind,
  type GridImportPreview,
  type GridImportResult,
  type HouseholdCreate,
  type HouseholdUpdate,
  type HouseholdView,
  type Paged,
  type ResponsiblePerson,
  type VulnerableCategory,
  type VulnerableCreate,
  type VulnerableUpdate,
  type VulnerableView,
} from '../../../contracts';
import { api, withQuery } from '../../app/api';

export type HouseholdQuery = { unitId?: string; q?: string; status?: 'active' | 'moved_out' | 'all'; page?: number; pageSize?: number };
export type VulnerableQuery = {
  unitId?: string;
  q?: string;
  category?: VulnerableCategory;
  status?: 'active' | 'removed' | 'all';
  householdId?: string;
  unassigned?: boolean;
  page?: number;
  pageSize?: number;
};

const upload = <T,>(path: string, file: File, schema: Parameters<typeof api.upload>[2]) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<T>(path, form, schema);
};

export const gridsApi = {
  boundaries: (unitId: string, signal?: AbortSignal) =>
    api.get<GridFeatureCollection>('/grids/boundaries', { query: { unitId }, signal, schema: GridFeatureCollectionSchema }),
  boundary: (unitId: string, signal?: AbortSignal) => api.get<BoundaryView>(`/grids/${unitId}/boundary`, { signal, schema: BoundaryViewSchema }),
  putBoundary: (unitId: string, body: BoundaryPut) => api.put<BoundaryView>(`/grids/${unitId}/boundary`, body, { schema: BoundaryViewSchema }),
  responsibles: (gridId: string, q: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: ResponsiblePerson[] }>(`/grids/${gridId}/responsibles`, { query: { q }, signal, schema: ResponsibleList }),

  households: (query: HouseholdQuery, signal?: AbortSignal) => api.get<Paged<HouseholdView>>('/grids/households', { query, signal, schema: HouseholdList }),
  createHousehold: (body: HouseholdCreate) => api.post<HouseholdView>('/grids/households', body, { schema: HouseholdViewSchema }),
  updateHousehold: (id: string, body: HouseholdUpdate) => api.patch<HouseholdView>(`/grids/households/${id}`, body, { schema: HouseholdViewSchema }),

  vulnerable: (query: VulnerableQuery, signal?: AbortSignal) => api.get<Paged<VulnerableView>>('/grids/vulnerable', { query, signal, schema: VulnerableList }),
  createVulnerable: (body: VulnerableCreate) => api.post<VulnerableView>('/grids/vulnerable', body, { schema: VulnerableViewSchema }),
  updateVulnerable: (id: string, body: VulnerableUpdate) => api.patch<VulnerableView>(`/grids/vulnerable/${id}`, body, { schema: VulnerableViewSchema }),

  previewImport: (kind: GridImportKind, file: File) => upload<GridImportPreview>(`/grids/import/${kind}/preview`, file, { schema: GridImportPreviewSchema }),
  commitImport: (kind: GridImportKind, file: File) => upload<GridImportResult>(`/grids/import/${kind}/commit`, file, { schema: GridImportResultSchema }),
};

/** Download links: the browser fetches them with the session cookie. */
export function exportUrl(kind: GridImportKind, unitId?: string): string {
  return withQuery(`/api/grids/export/${kind}.xlsx`, { unitId });
}
