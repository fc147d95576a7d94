import {
  ResponseDetail as ResponseDetailSchema,
  ResponseList as ResponseListSchema,
  ResponseProposal as ResponseProposalSchema,
  type ResponseDetail,
  type ResponseEnd,
  type ResponseList,
  type ResponseProposal,
  type ResponseStart,
  type ResponseTaskTick,
} from '../../../contracts';
import { api } from '../../app/api';

export type ResponseQuery = { status?: 'running' | 'ended' | 'all'; exercise?: boolean; warningId?: string; page?: number; pageSize?: number };

const detail = { schema: ResponseDetailSchema };

export const responsesApi = {
  list: (query: ResponseQuery, signal?: AbortSignal) => api.get<ResponseList>('/responses', { query, signal, schema: ResponseListSchema }),
  get: (id: string, signal?: AbortSignal) => api.get<ResponseDetail>(`/responses/${id}`, { signal, ...detail }),
  proposals: (warningId: string, signal?: AbortSignal) => api.get<ResponseProposal>('/responses/proposals', { query: { warningId }, signal, schema: ResponseProposalSchema }),
  start: (body: ResponseStart) => api.post<ResponseDetail>('/responses', body, detail),
  tick: (taskId: string, body: ResponseTaskTick) => api.post<ResponseDetail>(`/responses/tasks/${taskId}/tick`, body, detail),
  end: (id: string, body: ResponseEnd) => api.post<ResponseDetail>(`/responses/${id}/end`, body, detail),
};
