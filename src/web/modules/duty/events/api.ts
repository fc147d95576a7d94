import {
  DutyConsole as DutyConsoleSchema,
  DutyEventDetail as DutyEventDetailSchema,
  DutyEventList,
  DutyReport as DutyReportSchema,
  DutyReportList,
  DutySettings as DutySettingsSchema,
  type DutyConsole,
  type DutyDeadlinePreset,
  type DutyEventAction,
  type DutyEventCreate,
  type DutyEventDetail,
  type DutyEventSummary,
  type DutyEventType,
  type DutyReport,
  type DutyReportDraft,
  type DutyReportUpdate,
  type Paged,
} from '../../../../contracts';
import { api } from '../../../app/api';

export type EventQuery = { status?: 'open' | 'closed' | 'merged' | 'all'; unitId?: string; type?: DutyEventType; q?: string; page?: number; pageSize?: number };
export type ReportQuery = { box?: 'inbox' | 'outbox' | 'all'; unitId?: string; lateOnly?: boolean; page?: number; pageSize?: number };
export type DutySettingsView = { unitId: string; preset: DutyDeadlinePreset; inheritedFrom: { id: string; name: string } | null };

export const dutyApi = {
  console: (signal?: AbortSignal) => api.get<DutyConsole>('/duty/console', { signal, schema: DutyConsoleSchema }),
  events: (query: EventQuery, signal?: AbortSignal) => api.get<Paged<DutyEventSummary>>('/duty/events', { query, signal, schema: DutyEventList }),
  event: (id: string, signal?: AbortSignal) => api.get<DutyEventDetail>(`/duty/events/${id}`, { signal, schema: DutyEventDetailSchema }),
  receive: (body: DutyEventCreate) => api.post<DutyEventDetail>('/duty/events', body, { schema: DutyEventDetailSchema }),
  act: (id: string, action: DutyEventAction) => api.post<DutyEventDetail>(`/duty/events/${id}/actions`, action, { schema: DutyEventDetailSchema }),
  reports: (query: ReportQuery, signal?: AbortSignal) => api.get<Paged<DutyReport>>('/duty/reports', { query, signal, schema: DutyReportList }),
  createReport: (body: DutyReportDraft) => api.post<DutyReport>('/duty/reports', body, { schema: DutyReportSchema }),
  updateReport: (id: string, body: DutyReportUpdate) => api.patch<DutyReport>(`/duty/reports/${id}`, body, { schema: DutyReportSchema }),
  acknowledge: (id: string) => api.post<DutyReport>(`/duty/reports/${id}/acknowledge`, {}, { schema: DutyReportSchema }),
  returnReport: (id: string, reason: string) => api.post<DutyReport>(`/duty/reports/${id}/return`, { reason }, { schema: DutyReportSchema }),
  settings: (unitId: string) => api.get<DutySettingsView>(`/duty/settings/${unitId}`, { schema: DutySettingsSchema }),
  changeSettings: (unitId: string, preset: DutyDeadlinePreset) => api.put<DutySettingsView>(`/duty/settings/${unitId}`, { preset }, { schema: DutySettingsSchema }),
  reportDocxUrl: (id: string) => `/api/duty/reports/${id}/docx`,
  timelineDocxUrl: (id: string) => `/api/duty/events/${id}/timeline.docx`,
};
