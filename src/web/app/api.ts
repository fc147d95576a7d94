import type { z } from 'zod';
import { ERRORS, type ErrorCode, type FieldError } from '../../contracts';

/** An error answered by the API (or a network failure, with status 0 and code NETWORK). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly fields: FieldError[];

  constructor(init: { status: number; code: string; message: string; zh: string; en: string; fields?: FieldError[] }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.zh = init.zh;
    this.en = init.en;
    this.fields = init.fields ?? [];
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** In development, responses are checked against this contract schema and drift is logged. */
  schema?: z.ZodType;
};

let onUnauthorized: ((code: string) => void) | null = null;

/** The auth context registers here to learn that the session ended (any 401 outside sign-in). */
export function setUnauthorizedHandler(handler: ((code: string) => void) | null): void {
  onUnauthorized = handler;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is { code: string; message?: string; zh?: string; en?: string; fields?: FieldError[] } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

function knownError(code: string): { zh: string; en: string } | undefined {
  return code in ERRORS ? ERRORS[code as ErrorCode] : undefined;
}

async function send<T>(method: string, path: string, options: RequestOptions & { form?: FormData }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Network error', zh: '网络连接失败，请检查网络后重试', en: 'Network error; check the connection and retry' });
  }

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const code = isErrorBody(data) ? data.code : response.status === 401 ? 'AUTH_REQUIRED' : response.status >= 500 ? 'INTERNAL' : `HTTP_${response.status}`;
    const catalog = knownError(code);
    const body = isErrorBody(data) ? data : undefined;
    const error = new ApiError({
      status: response.status,
      code,
      message: body?.message ?? catalog?.en ?? response.statusText,
      zh: body?.zh ?? catalog?.zh ?? `请求失败（${response.status}）`,
      en: body?.en ?? catalog?.en ?? `Request failed (${response.status})`,
      fields: body?.fields,
    });
    if (response.status === 401 && !path.startsWith('/auth/login')) onUnauthorized?.(code);
    throw error;
  }

  if (import.meta.env.DEV && options.schema) {
    const checked = options.schema.safeParse(data);
    if (!checked.success) console.warn(`[contract] ${method} ${path} does not match its schema`, checked.error.issues);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'body'> = {}) => send<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => send<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options: RequestOptions = {}) => send<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options: RequestOptions = {}) => send<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options: RequestOptions = {}) => send<T>('DELETE', path, options),
  upload: <T>(path: string, form: FormData, options: RequestOptions = {}) => send<T>('POST', path, { ...options, form }),
};
