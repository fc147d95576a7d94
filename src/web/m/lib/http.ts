import type { ItemError, } from '../outbox/core';
import type { SendResult } from '../outbox/engine';

/**
 * The phone's small fetch client. It never throws for an answer: every call resolves to a
 * SendResult, with status 0 when there was no answer at all (offline, server down, timeout), so
 * the outbox can tell "retry later" from "the server said no".
 */

const NETWORK: ItemError = { status: 0, code: 'NETWORK', zh: '网络不可用，稍后自动重试', en: 'No network; will retry automatically' };

let onUnauthorized: (() => void) | null = null;

/** The session registers here to learn that the server no longer knows it (any 401 except sign-in). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function toError(status: number, data: unknown): ItemError {
  const body = typeof data === 'object' && data !== null ? (data as Partial<ItemError> & { fields?: ItemError['fields'] }) : {};
  return {
    status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${status}`,
    zh: typeof body.zh === 'string' ? body.zh : `请求失败（${status}）`,
    en: typeof body.en === 'string' ? body.en : `Request failed (${status})`,
    fields: Array.isArray(body.fields) ? body.fields.map((f) => ({ path: f.path, zh: f.zh, en: f.en })) : undefined,
  };
}

export async function call<T>(method: 'GET' | 'POST', path: string, body?: { json?: unknown; form?: FormData }, timeoutMs = 30_000): Promise<SendResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body?.form) payload = body.form;
  else if (body?.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin', signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return { ok: false, status: 0, error: NETWORK };
  }
  let data: unknown = undefined;
  try {
    const text = await response.text();
    data = text ? JSON.parse(text) : undefined;
  } catch {
    if (response.ok) return { ok: false, status: 0, error: NETWORK };
  }
  if (response.ok) return { ok: true, value: data as T };
  if (response.status === 401 && !path.startsWith('/auth/login')) onUnauthorized?.();
  return { ok: false, status: response.status, error: toError(response.status, data) };
}

/** A failed call, for screens that read: they show the cached copy or the message. */
export class HttpFailure extends Error {
  constructor(readonly status: number, readonly error: ItemError) {
    super(error.en);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const result = await call<T>('GET', path);
  if (!result.ok) throw new HttpFailure(result.status, result.error);
  return result.value;
}

export async function postJson<T>(path: string, json: unknown): Promise<T> {
  const result = await call<T>('POST', path, { json });
  if (!result.ok) throw new HttpFailure(result.status, result.error);
  return result.value;
}
