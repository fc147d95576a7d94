import { z } from 'zod';
import { ErrorBody } from '../../../contracts/errors';
import type { Route } from './route';

type JsonSchema = Record<string, unknown>;

const toSchema = (s: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;

function parameters(s: z.ZodType | undefined, where: 'path' | 'query') {
  if (!s) return [];
  const js = toSchema(s, 'input');
  const props = (js.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (required.has(name) && schema.default === undefined),
    schema,
  }));
}

/** OpenAPI 3 description of every registered route, generated from the same zod schemas that validate. */
export function buildOpenApi(routes: Route[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses: {
        [String(r.status ?? 200)]: r.produces
          ? { description: 'file', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'success', content: { 'application/json': { schema: r.response ? toSchema(r.response, 'output') : {} } } },
        '4XX': { description: 'error from the catalog', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      ...(r.auth === 'user' ? { security: [{ session: [] }] } : {}),
    };
    if (r.multipart) {
      op.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
      };
    } else if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } };
    }
    paths[path] = { ...(paths[path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'LastMeter (最后一米) API', version, description: '基层应急管理平台 API. Errors: {code, message, zh, en, fields}.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lm_session' } },
      schemas: { Error: toSchema(ErrorBody, 'output') },
    },
    paths,
  };
}
