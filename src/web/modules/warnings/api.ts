import {
  MyWarningList,
  WarningBoard as WarningBoardSchema,
  WarningDelivery as WarningDeliverySchema,
  WarningDetail as WarningDetailSchema,
  WarningIssueView as WarningIssueViewSchema,
  WarningList,
  type Paged,
  type WarningAnswer,
  type WarningBoard,
  type WarningCreate,
  type WarningDelivery,
  type WarningDetail,
  type WarningIssueCreate,
  type WarningIssueView,
  type WarningSummary,
} from '../../../contracts';
import type { z } from 'zod';
import { api } from '../../app/api';

export type MyWarning = z.infer<typeof MyWarningList>['items'][number];
export type WarningQuery = { status?: 'active' | 'all'; exercise?: boolean; page?: number; pageSize?: number };

/** Fired in this window after an answer, so the menu badge and an open inbox refresh at once. */
export const WARNINGS_CHANGED = 'lastmeter:warnings-changed';
export const announceWarningsChanged = () => window.dispatchEvent(new Event(WARNINGS_CHANGED));

/** The realtime events that change what a warning page shows. */
export const WARNING_EVENTS = ['warning.issued', 'warning.delivered', 'warning.answer', 'warning.escalated'] as const;

const detail = { schema: WarningDetailSchema };

export const warningsApi = {
  list: (query: WarningQuery, signal?: AbortSignal) => api.get<Paged<WarningSummary>>('/warnings', { query, signal, schema: WarningList }),
  get: (id: string, signal?: AbortSignal) => api.get<WarningDetail>(`/warnings/${id}`, { signal, ...detail }),
  create: (body: WarningCreate) => api.post<WarningDetail>('/warnings', body, detail),
  cancel: (id: string) => api.post<WarningDetail>(`/warnings/${id}/cancel`, {}, detail),
  issue: (id: string, body: WarningIssueCreate) => api.post<WarningIssueView>(`/warnings/${id}/issues`, body, { schema: WarningIssueViewSchema }),
  board: (issueId: string, signal?: AbortSignal) => api.get<WarningBoard>(`/warnings/issues/${issueId}/board`, { signal, schema: WarningBoardSchema }),
  mine: (signal?: AbortSignal) => api.get<z.infer<typeof MyWarningList>>('/warnings/mine', { signal, schema: MyWarningList }),
  answer: (deliveryId: string, answer: WarningAnswer) => api.post<WarningDelivery>(`/warnings/deliveries/${deliveryId}/answer`, { answer }, { schema: WarningDeliverySchema }),
};
