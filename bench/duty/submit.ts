import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { DutyEventCreate, DutyReportDraft } from '../../src/contracts/duty-events';

const PLACES = ['宝盖镇塘后村', '宝盖镇坑东村', '宝盖镇龟湖村', '宝盖镇苏厝村', '宝盖镇前园村'];
const WHAT = ['仓库起火', '厂房屋顶坍塌', '道路积水车辆被困', '燃气泄漏', '山体滑坡'];

/** 接报 as a duty officer types it: a new client-made id, a place, a type, a line of description. */
export function intake(n: number): DutyEventCreate {
  return {
    id: crypto.randomUUID(),
    source: 'phone',
    address: PLACES[n % PLACES.length]!,
    type: n % 3 === 0 ? 'work_safety' : 'fire',
    grade: 'general',
    injured: 0,
    description: `${WHAT[n % WHAT.length]}（压测 ${n}）`,
  };
}

/** A complete 首报 on the event, submitted at once. */
export function firstReport(eventId: string, n: number): DutyReportDraft {
  return {
    id: crypto.randomUUID(),
    eventId,
    kind: 'first',
    title: `关于${PLACES[n % PLACES.length]}${WHAT[n % WHAT.length]}的首报（压测 ${n}）`,
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    location: PLACES[n % PLACES.length]!,
    eventType: n % 3 === 0 ? 'work_safety' : 'fire',
    dead: 0,
    injured: 0,
    missing: 0,
    narrative: `${WHAT[n % WHAT.length]}，值班室接报后立即核实。`,
    measures: '已通知消防、派出所和村两委到场处置。',
    nextSteps: '持续跟进，及时续报。',
    reporterName: '王丽娟',
    reporterPhone: null,
    issuer: '蔡明辉',
    submit: true,
  };
}

/** One undici pool per app node: keep-alive connections, enough for the burst. */
export function pools(origins: string[], connections: number): Pool[] {
  return origins.map((o) => new Pool(o, { connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 30_000, bodyTimeout: 30_000 }));
}

/** POSTs a JSON text (serialized beforehand, so t0 is just before the send) with the session cookie; returns the status and the time the answer was read. */
export async function post(pool: Pool, path: string, json: string, cookie: string): Promise<{ status: number; at: number }> {
  const res = await pool.request({ path, method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: json });
  await res.body.text();
  return { status: res.statusCode, at: performance.now() };
}
