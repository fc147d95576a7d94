import type { z } from 'zod';
import {
  AccountList,
  AccountView as AccountViewSchema,
  RoleCatalog as RoleCatalogSchema,
  type AccountCreate,
  type AccountUpdate,
  type AccountView,
  type Paged,
  type RoleGrant,
} from '../../../contracts';
import { api } from '../../app/api';

export type RoleCatalog = z.infer<typeof RoleCatalogSchema>;

export type AccountQuery = {
  unitId?: string;
  q?: string;
  status?: 'active' | 'disabled' | 'all';
  page?: number;
  pageSize?: number;
};

export const accountsApi = {
  roles: () => api.get<RoleCatalog>('/roles', { schema: RoleCatalogSchema }),
  list: (query: AccountQuery, signal?: AbortSignal) => api.get<Paged<AccountView>>('/accounts', { query, signal, schema: AccountList }),
  get: (id: string) => api.get<AccountView>(`/accounts/${id}`, { schema: AccountViewSchema }),
  create: (body: AccountCreate) => api.post<AccountView>('/accounts', body, { schema: AccountViewSchema }),
  update: (id: string, body: AccountUpdate) => api.patch<AccountView>(`/accounts/${id}`, body, { schema: AccountViewSchema }),
  setRoles: (id: string, roles: RoleGrant[]) => api.put<unknown>(`/accounts/${id}/roles`, { roles }),
  resetPassword: (id: string, password: string) => api.post<{ ok: true }>(`/accounts/${id}/reset-password`, { password }),
  unlock: (id: string) => api.post<{ ok: true }>(`/accounts/${id}/unlock`),
};
