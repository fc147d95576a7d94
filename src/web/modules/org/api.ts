import type { z } from 'zod';
import {
  ImportPreview as ImportPreviewSchema,
  ImportResult as ImportResultSchema,
  PersonList,
  PersonView as PersonViewSchema,
  PostList,
  PostView as PostViewSchema,
  UnitDetail as UnitDetailSchema,
  UnitList,
  UnitRootsResponse,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type Paged,
  type PersonCreate,
  type PersonUpdate,
  type PersonView,
  type PostCreate,
  type PostUpdate,
  type PostView,
  type UnitCreate,
  type UnitDetail,
  type UnitLevel,
  type UnitSummary,
  type UnitUpdate,
} from '../../../contracts';
import { api, withQuery } from '../../app/api';

export type PostListResponse = z.infer<typeof PostList>;

export type UnitQuery = {
  parentId?: string;
  q?: string;
  level?: UnitLevel;
  status?: 'active' | 'retired' | 'all';
  page?: number;
  pageSize?: number;
};

export type PeopleQuery = {
  unitId?: string;
  subtree?: boolean;
  q?: string;
  status?: 'active' | 'left' | 'all';
  page?: number;
  pageSize?: number;
};

export const orgApi = {
  roots: (signal?: AbortSignal) => api.get<{ items: UnitSummary[] }>('/org/units/roots', { signal, schema: UnitRootsResponse }),
  units: (query: UnitQuery, signal?: AbortSignal) => api.get<Paged<UnitSummary>>('/org/units', { query, signal, schema: UnitList }),
  unit: (id: string, signal?: AbortSignal) => api.get<UnitDetail>(`/org/units/${id}`, { signal, schema: UnitDetailSchema }),
  createUnit: (body: UnitCreate) => api.post<UnitDetail>('/org/units', body),
  updateUnit: (id: string, body: UnitUpdate) => api.patch<UnitDetail>(`/org/units/${id}`, body),
  moveUnit: (id: string, parentId: string, code?: string) => api.post<UnitDetail>(`/org/units/${id}/move`, code ? { parentId, code } : { parentId }),
  retireUnit: (id: string, reason: string) => api.post<UnitDetail>(`/org/units/${id}/retire`, { reason }),
  restoreUnit: (id: string) => api.post<UnitDetail>(`/org/units/${id}/restore`),

  posts: (unitId: string, signal?: AbortSignal) => api.get<PostListResponse>(`/org/units/${unitId}/posts`, { signal, schema: PostList }),
  createPost: (unitId: string, body: PostCreate) => api.post<PostView>(`/org/units/${unitId}/posts`, body, { schema: PostViewSchema }),
  updatePost: (id: string, body: PostUpdate) => api.patch<PostView>(`/org/posts/${id}`, body, { schema: PostViewSchema }),
  deletePost: (id: string) => api.delete<{ ok: true }>(`/org/posts/${id}`),

  people: (query: PeopleQuery, signal?: AbortSignal) => api.get<Paged<PersonView>>('/org/people', { query, signal, schema: PersonList }),
  person: (id: string) => api.get<PersonView>(`/org/people/${id}`, { schema: PersonViewSchema }),
  createPerson: (body: PersonCreate) => api.post<PersonView>('/org/people', body, { schema: PersonViewSchema }),
  updatePerson: (id: string, body: PersonUpdate) => api.patch<PersonView>(`/org/people/${id}`, body, { schema: PersonViewSchema }),

  previewImport: (kind: ImportKind, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<ImportPreview>(`/org/import/${kind}/preview`, form, { schema: ImportPreviewSchema });
  },
  commitImport: (kind: ImportKind, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<ImportResult>(`/org/import/${kind}/commit`, form, { schema: ImportResultSchema });
  },
};

/** Download links: the browser fetches them with the session cookie. */
export function exportUrl(kind: ImportKind, unitId?: string): string {
  return withQuery(`/api/org/export/${kind}.xlsx`, { unitId });
}
