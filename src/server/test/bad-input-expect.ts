import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * A body its route's schema refuses is answered 400 VALIDATION_FAILED — or 400 MALFORMED_BODY when
 * it carries a `__proto__` or `constructor` key, which the JSON parser refuses before any schema
 * (prototype poisoning). `payload` is the JSON text that was sent.
 */
export function expectSchemaRefusal(res: LightMyRequestResponse, payload: string) {
  expect(res.statusCode, res.body).toBe(400);
  const code = (res.json() as { code: string }).code;
  const poisoned = /__proto__|constructor/.test(payload) && code === 'MALFORMED_BODY';
  expect(code).toBe(poisoned ? 'MALFORMED_BODY' : 'VALIDATION_FAILED');
}
