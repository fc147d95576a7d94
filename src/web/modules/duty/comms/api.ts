import {
  CommsEquipmentDetail as CommsEquipmentDetailSchema,
  CommsList,
  CommsTestList,
  CommsTestView as CommsTestViewSchema,
  ZeroReportDay as ZeroReportDaySchema,
  ZeroReportRow as ZeroReportRowSchema,
  ZeroReportSettings as ZeroReportSettingsSchema,
  type CommsCreate,
  type CommsEquipmentDetail,
  type CommsEquipmentView,
  type CommsKind,
  type CommsTestCreate,
  type CommsTestView,
  type CommsUpdate,
  type Paged,
  type ZeroReportCreate,
  type ZeroReportDay,
  type ZeroReportRow,
  type ZeroReportSettings,
  type ZeroReportSettingsUpdate,
} from '../../../../contracts';
import { api } from '../../../app/api';

export type CommsQuery = {
  unitId?: string;
  kind?: CommsKind;
  q?: string;
  overdue?: boolean;
  failed?: boolean;
  status?: 'active' | 'retired' | 'all';
  page?: number;
  pageSize?: number;
};

const EQUIPMENT = '/duty/comms/equipment';

export const commsApi = {
  list: (query: CommsQuery, signal?: AbortSignal) => api.get<Paged<CommsEquipmentView>>(EQUIPMENT, { query, signal, schema: CommsList }),
  get: (id: string, signal?: AbortSignal) => api.get<CommsEquipmentDetail>(`${EQUIPMENT}/${id}`, { signal, schema: CommsEquipmentDetailSchema }),
  create: (body: CommsCreate) => api.post<CommsEquipmentDetail>(EQUIPMENT, body, { schema: CommsEquipmentDetailSchema }),
  update: (id: string, body: CommsUpdate) => api.patch<CommsEquipmentDetail>(`${EQUIPMENT}/${id}`, body, { schema: CommsEquipmentDetailSchema }),
  retire: (id: string, reason: string) => api.post<CommsEquipmentDetail>(`${EQUIPMENT}/${id}/retire`, { reason }, { schema: CommsEquipmentDetailSchema }),
  tests: (id: string, page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<Paged<CommsTestView>>(`${EQUIPMENT}/${id}/tests`, { query: { page, pageSize }, signal, schema: CommsTestList }),
  addTest: (id: string, body: CommsTestCreate) => api.post<CommsTestView>(`${EQUIPMENT}/${id}/tests`, body, { schema: CommsTestViewSchema }),
};

export const zeroReportsApi = {
  day: (query: { day?: string; unitId?: string }, signal?: AbortSignal) => api.get<ZeroReportDay>('/duty/zero-reports', { query, signal, schema: ZeroReportDaySchema }),
  send: (body: ZeroReportCreate) => api.post<ZeroReportRow>('/duty/zero-reports', body, { schema: ZeroReportRowSchema }),
  settings: (unitId: string, signal?: AbortSignal) => api.get<ZeroReportSettings>('/duty/zero-reports/settings', { query: { unitId }, signal, schema: ZeroReportSettingsSchema }),
  updateSettings: (body: ZeroReportSettingsUpdate) => api.put<ZeroReportSettings>('/duty/zero-reports/settings', body, { schema: ZeroReportSettingsSchema }),
};
