import { AuditEventView as AuditEventSchema, AuditList, type AuditEventView, type Paged } from '../../../contracts';
import { api } from '../../app/api';

export type AuditQuery = {
  unitId?: string;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<Paged<AuditEventView>>('/audit', { query, signal, schema: AuditList }),
  get: (id: string, signal?: AbortSignal) => api.get<AuditEventView>(`/audit/${id}`, { signal, schema: AuditEventSchema }),
};
