import {
  DrillList,
  DrillView as DrillViewSchema,
  PlanDetail as PlanDetailSchema,
  PlanList,
  type DrillCreate,
  type DrillUpdate,
  type DrillView,
  type Paged,
  type PlanActionCreate,
  type PlanActionUpdate,
  type PlanCreate,
  type PlanDetail,
  type PlanHazard,
  type PlanKind,
  type PlanRule,
  type PlanStatus,
  type PlanUpdate,
  type PlanView,
  type ResponseLevel,
} from '../../../contracts';
import { api } from '../../app/api';

export type PlanQuery = {
  unitId?: string;
  kind?: PlanKind;
  status?: PlanStatus;
  hazard?: PlanHazard;
  q?: string;
  revisionOverdue?: boolean;
  page?: number;
  pageSize?: number;
};

const detail = { schema: PlanDetailSchema };

export const plansApi = {
  list: (query: PlanQuery, signal?: AbortSignal) => api.get<Paged<PlanView>>('/plans', { query, signal, schema: PlanList }),
  get: (id: string, signal?: AbortSignal) => api.get<PlanDetail>(`/plans/${id}`, { signal, ...detail }),
  create: (body: PlanCreate) => api.post<PlanDetail>('/plans', body, detail),
  update: (id: string, body: PlanUpdate) => api.patch<PlanDetail>(`/plans/${id}`, body, detail),
  putRules: (id: string, rules: PlanRule[]) => api.put<PlanDetail>(`/plans/${id}/rules`, { rules }, detail),
  addAction: (id: string, body: PlanActionCreate) => api.post<PlanDetail>(`/plans/${id}/actions`, body, detail),
  updateAction: (actionId: string, body: PlanActionUpdate) => api.patch<PlanDetail>(`/plans/actions/${actionId}`, body, detail),
  deleteAction: (actionId: string) => api.delete<PlanDetail>(`/plans/actions/${actionId}`, detail),
  reorder: (id: string, level: ResponseLevel, actionIds: string[]) => api.put<PlanDetail>(`/plans/${id}/action-order`, { level, actionIds }, detail),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<PlanDetail>(`/plans/${id}/document`, form, detail);
  },
  drills: (id: string, page: number, pageSize: number, signal?: AbortSignal) => api.get<Paged<DrillView>>(`/plans/${id}/drills`, { query: { page, pageSize }, signal, schema: DrillList }),
  addDrill: (id: string, body: DrillCreate) => api.post<DrillView>(`/plans/${id}/drills`, body, { schema: DrillViewSchema }),
  updateDrill: (drillId: string, body: DrillUpdate) => api.patch<DrillView>(`/plans/drills/${drillId}`, body, { schema: DrillViewSchema }),
};
