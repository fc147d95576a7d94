import crypto from 'node:crypto';
import { insertWarning } from '../../modules/warnings/test-support';
import type { Cases, Req } from './model';

/** A multipart upload of one CAP message in the field `file`. */
export function capUpload(xml: string, url = '/api/warnings/cap'): Req {
  const boundary = `----lmcap${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="alert.xml"\r\nContent-Type: application/cap+xml\r\n\r\n`);
  return { method: 'POST', url, body: Buffer.concat([head, Buffer.from(xml, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A valid orange typhoon Alert for 宝盖镇 (GB/T 2260 style code 350581101), a new identifier each call. */
export function typhoonCap(extra: { identifier?: string; geocode?: string; status?: string } = {}): string {
  const identifier = extra.identifier ?? `35058100000000_20260601100000_${crypto.randomBytes(6).toString('hex')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}</identifier>
  <sender>350581@warning.example.cn</sender>
  <sent>2026-06-01T10:00:00+08:00</sent>
  <status>${extra.status ?? 'Actual'}</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>台风橙色预警</event>
    <urgency>Expected</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <expires>2026-06-02T10:00:00+08:00</expires>
    <headline>石狮市气象台发布台风橙色预警信号</headline>
    <description>预计未来24小时内宝盖镇沿海将出现10级大风。</description>
    <area>
      <areaDesc>宝盖镇沿海村居</areaDesc>
      <geocode><valueName>GB/T 2260</valueName><value>${extra.geocode ?? '350581101'}</value></geocode>
    </area>
  </info>
</alert>
`;
}

/**
 * CAP import and export. Anyone holding warnings.manage imports (areas outside their scope fall back
 * to their own unit, so 灵秀镇 gets 201 too); a warning's CAP document is read like the warning; the
 * public feed and documents are open (exercises never appear: cap.int.test.ts).
 */
export const warningCapCases: Cases = {
  'POST /api/warnings/cap': { rule: { kind: 'reader', perm: 'warnings.manage' }, ok: 201, req: () => capUpload(typhoonCap()) },
  'GET /api/warnings/:id/cap.xml': { rule: { kind: 'read', at: 'baogai' }, req: async (fx, t) => ({ method: 'GET', url: `/api/warnings/${(await insertWarning(t.db, fx.units.baogai.id)).id}/cap.xml` }) },
  'GET /api/public/cap/feed.xml': { rule: { kind: 'public' }, req: () => ({ method: 'GET', url: '/api/public/cap/feed.xml' }) },
  'GET /api/public/cap/:id.xml': { rule: { kind: 'public' }, req: async (fx, t) => ({ method: 'GET', url: `/api/public/cap/${(await insertWarning(t.db, fx.units.baogai.id)).id}.xml` }) },
};
