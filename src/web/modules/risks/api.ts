import {
  RiskCheckList,
  RiskCheckView as RiskCheckViewSchema,
  RiskList,
  RiskMap,
  RiskPointDetail as RiskPointDetailSchema,
  type Paged,
  type RiskCheckCreate,
  type RiskCheckView,
  type RiskCreate,
  type RiskLevel,
  type RiskMapPoint,
  type RiskPointDetail,
  type RiskPointView,
  type RiskType,
  type RiskUpdate,
} from '../../../contracts';
import { api } from '../../app/api';

export type RiskQuery = {
  unitId?: string;
  level?: RiskLevel;
  type?: RiskType;
  q?: string;
  overdueCheck?: boolean;
  status?: 'active' | 'retired' | 'all';
  page?: number;
  pageSize?: number;
};

export const risksApi = {
  list: (query: RiskQuery, signal?: AbortSignal) => api.get<Paged<RiskPointView>>('/risks', { query, signal, schema: RiskList }),
  get: (id: string, signal?: AbortSignal) => api.get<RiskPointDetail>(`/risks/${id}`, { signal, schema: RiskPointDetailSchema }),
  create: (body: RiskCreate) => api.post<RiskPointDetail>('/risks', body, { schema: RiskPointDetailSchema }),
  update: (id: string, body: RiskUpdate) => api.patch<RiskPointDetail>(`/risks/${id}`, body, { schema: RiskPointDetailSchema }),
  retire: (id: string, reason: string) => api.post<RiskPointDetail>(`/risks/${id}/retire`, { reason }, { schema: RiskPointDetailSchema }),
  checks: (id: string, page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<Paged<RiskCheckView>>(`/risks/${id}/checks`, { query: { page, pageSize }, signal, schema: RiskCheckList }),
  addCheck: (id: string, body: RiskCheckCreate) => api.post<RiskCheckView>(`/risks/${id}/checks`, body, { schema: RiskCheckViewSchema }),
  map: (unitId?: string, signal?: AbortSignal) => api.get<{ items: RiskMapPoint[]; truncated: boolean }>('/risks/map', { query: { unitId }, signal, schema: RiskMap }),
};

/**
 * A random (version 4) UUID for a new check. `crypto.randomUUID` exists only on secure origins,
 * and a township may well serve the app over plain http on its own network.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
