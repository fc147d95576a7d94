import {
  DutyDeskList as DutyDeskListSchema,
  DutyLogList,
  DutyLogView as DutyLogViewSchema,
  HandoverDetail as HandoverDetailSchema,
  HandoverList,
  OnDutyView as OnDutyViewSchema,
  RosterView as RosterViewSchema,
  SwapList,
  SwapView as SwapViewSchema,
  type DutyDeskList,
  type DutyLogCreate,
  type DutyLogKind,
  type DutyLogView,
  type HandoverCreate,
  type HandoverDetail,
  type HandoverStatus,
  type HandoverView,
  type OnDutyView,
  type Paged,
  type RosterGenerate,
  type RosterShiftEdit,
  type RosterView,
  type SwapCreate,
  type SwapStatus,
  type SwapView,
} from '../../../../contracts';
import { api, withQuery } from '../../../app/api';

export type LogQuery = { unitId: string; date?: string; shiftKey?: string; kind?: DutyLogKind; q?: string; page?: number; pageSize?: number };

export const rosterApi = {
  desks: (signal?: AbortSignal) => api.get<DutyDeskList>('/duty/desks', { signal, schema: DutyDeskListSchema }),
  roster: (unitId: string, month: string, signal?: AbortSignal) => api.get<RosterView>('/duty/rosters', { query: { unitId, month }, signal, schema: RosterViewSchema }),
  exportUrl: (unitId: string, month: string) => withQuery('/api/duty/rosters/export.xlsx', { unitId, month }),
  generate: (body: RosterGenerate) => api.post<RosterView>('/duty/rosters/generate', body, { schema: RosterViewSchema }),
  editShift: (id: string, body: RosterShiftEdit) => api.patch<RosterView>(`/duty/rosters/${id}/shifts`, body, { schema: RosterViewSchema }),
  publish: (id: string) => api.post<RosterView>(`/duty/rosters/${id}/publish`, {}, { schema: RosterViewSchema }),
  onDuty: (unitId: string, signal?: AbortSignal) => api.get<OnDutyView>('/duty/on-duty', { query: { unitId }, signal, schema: OnDutyViewSchema }),
  swaps: (query: { unitId?: string; status?: SwapStatus; mine?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<Paged<SwapView>>('/duty/swaps', { query, signal, schema: SwapList }),
  requestSwap: (body: SwapCreate) => api.post<SwapView>('/duty/swaps', body, { schema: SwapViewSchema }),
  approveSwap: (id: string, note?: string) => api.post<SwapView>(`/duty/swaps/${id}/approve`, { note }, { schema: SwapViewSchema }),
  rejectSwap: (id: string, reason: string) => api.post<SwapView>(`/duty/swaps/${id}/reject`, { reason }, { schema: SwapViewSchema }),
  handovers: (query: { unitId?: string; status?: HandoverStatus; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<Paged<HandoverView>>('/duty/handovers', { query, signal, schema: HandoverList }),
  handover: (id: string, signal?: AbortSignal) => api.get<HandoverDetail>(`/duty/handovers/${id}`, { signal, schema: HandoverDetailSchema }),
  openHandover: (body: HandoverCreate) => api.post<HandoverDetail>('/duty/handovers', body, { schema: HandoverDetailSchema }),
  acceptHandover: (id: string, note?: string) => api.post<HandoverDetail>(`/duty/handovers/${id}/accept`, { note }, { schema: HandoverDetailSchema }),
  refuseHandover: (id: string, reason: string) => api.post<HandoverDetail>(`/duty/handovers/${id}/refuse`, { reason }, { schema: HandoverDetailSchema }),
  log: (query: LogQuery, signal?: AbortSignal) => api.get<Paged<DutyLogView>>('/duty/log', { query, signal, schema: DutyLogList }),
  addLog: (body: DutyLogCreate) => api.post<DutyLogView>('/duty/log', body, { schema: DutyLogViewSchema }),
};

/** The Beijing month of now, 'YYYY-MM'. */
export function currentMonth(now = new Date()): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  return `${p.find((x) => x.type === 'year')!.value}-${p.find((x) => x.type === 'month')!.value}`;
}

/** The month before or after ('2026-01', -1 → '2025-12'). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
