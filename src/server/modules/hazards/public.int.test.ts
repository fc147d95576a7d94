import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createTestApp, loginAs, type TestApp } from '../../test/harness';
import { demoFixtures, type DemoFixtures } from '../../test/fixtures';
import { tinyJpeg } from '../../test/matrix/files-cases';

let t: TestApp;
let fx: DemoFixtures;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_REPORTS_PER_MINUTE: '4' });
  fx = await demoFixtures(t.db);
  const chief = apiAs(t.app, await loginAs(t.app, 'baogai_chief'));
  const poster = await chief.get(`/api/org/units/${fx.units.tanghou.id}/report-poster`);
  expect(poster.statusCode).toBe(200);
  expect(poster.headers['content-type']).toContain('text/html');
  expect(poster.body).toContain('<svg');
  token = /\/q\/([A-Za-z0-9_-]+)/.exec(poster.body)![1]!;
});
afterAll(() => t.close());

function form(fields: Record<string, string>, photo?: { bytes: Buffer; type: string; name: string }, ip = '203.0.113.7') {
  const boundary = '----lastmeterpublic';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (photo) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${photo.name}"\r\nContent-Type: ${photo.type}\r\n\r\n`), photo.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: `/api/public/report/${token}`,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    remoteAddress: ip,
  });
}

describe('the QR form for residents', () => {
  it('serves the form page without a login', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/q/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('塘后村');
    expect(page.body).toContain('隐患随手拍');
    expect((await t.app.inject({ method: 'GET', url: '/q/not-a-real-token-123456' })).statusCode).toBe(404);
  });

  it('files a report with a photo that appears in the review queue marked 群众上报', async () => {
    const res = await form({ categoryCode: 'waterlogging', description: '村口涵洞堵塞，下雨积水', phone: '13912345678', lat: '24.7602', lng: '118.6411' }, { bytes: await tinyJpeg(), type: 'image/jpeg', name: 'a.jpg' }, '203.0.113.1');
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    const duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
    const queue = (await duty.get('/api/hazards?source=public')).json();
    const found = queue.items.find((h: { code: string }) => h.code === code);
    expect(found).toMatchObject({ state: 'reported', source: 'public', reporter: { name: '群众', phone: '13912345678' }, unit: { name: '塘后村' } });
    expect(found.thumbUrl).toBeTruthy();
  });

  it('refuses a non-image file and a bad body with 4xx, storing nothing', async () => {
    const duty = apiAs(t.app, await loginAs(t.app, 'baogai_duty'));
    const before = (await duty.get('/api/hazards/counts')).json().open;
    const text = await form({ categoryCode: 'fire', description: '有人在山上烧纸' }, { bytes: Buffer.from('#!/bin/sh\necho hi\n'), type: 'image/jpeg', name: 'x.jpg' }, '203.0.113.2');
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('NOT_AN_IMAGE');
    const missing = await form({ categoryCode: 'fire' }, undefined, '203.0.113.3');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('body.description');
    expect((await duty.get('/api/hazards/counts')).json().open).toBe(before);
  });

  it('refuses an oversized body with 413', async () => {
    const huge = Buffer.alloc(9 * 1024 * 1024, 0xff);
    huge[0] = 0xff;
    huge[1] = 0xd8;
    const res = await form({ categoryCode: 'fire', description: '大文件' }, { bytes: huge, type: 'image/jpeg', name: 'big.jpg' }, '203.0.113.4');
    expect(res.statusCode).toBe(413);
  });

  it('limits reports per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await form({ categoryCode: 'other', description: `第${i}次` }, undefined, '198.51.100.9')).statusCode);
    expect(codes.slice(0, 4)).toEqual([201, 201, 201, 201]);
    expect(codes.slice(4)).toEqual([429, 429]);
  });
});
