import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_PASSWORD } from './helpers';
import { outboxStates, phone, signInOnPhone, SHOTS, tab } from './mobile-helpers';

test.use(phone);

test('a rectification task: the grid worker reports progress offline with a photo, then submits it for acceptance', async ({ page, playwright, baseURL }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const marker = `整改-${Date.now().toString(36)}`;
  await signInOnPhone(page);

  // A hazard reported earlier, verified, graded and assigned to this grid worker by the township's duty officer.
  const id = crypto.randomUUID();
  const reported = await page.request.post('/api/hazards', {
    data: { id, categoryCode: 'fire', description: `${marker} 电动车楼道充电`, lat: 24.762, lng: 118.6337, suggestedLevel: 'general', photoIds: [], reportedAt: new Date().toISOString() },
  });
  expect(reported.status()).toBe(201);
  const duty = await playwright.request.newContext({ baseURL });
  expect((await duty.post('/api/auth/login', { data: { username: 'baogai_duty', password: DEMO_PASSWORD } })).ok()).toBe(true);
  const people = (await (await duty.get(`/api/org/people?q=${encodeURIComponent('李秀英')}`)).json()) as { items: { id: string; unitId: string }[] };
  const worker = people.items[0];
  const act = (body: object) => duty.post(`/api/hazards/${id}/actions`, { data: body });
  expect((await act({ action: 'verify', note: '属实' })).ok()).toBe(true);
  expect((await act({ action: 'grade', level: 'general' })).ok()).toBe(true);
  const assigned = await act({
    action: 'assign',
    responsibleUnitId: worker.unitId,
    responsiblePersonId: worker.id,
    deadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
    measures: '清理楼道，统一到充电棚充电',
    funds: '村集体经费',
    contingencyPlan: '发现起火立即断电并拨打 119',
  });
  expect(assigned.ok(), await assigned.text()).toBe(true);
  await duty.dispose();

  await page.reload();
  const task = page.locator('.m-section', { hasText: '我的任务' }).locator('.m-item', { hasText: marker });
  await expect(task).toContainText('整改中');
  await task.click();
  await expect(page.getByText('清理楼道，统一到充电棚充电')).toBeVisible();

  await page.context().setOffline(true);
  await page.getByLabel('进度说明').fill('已清理楼道，充电棚在建');
  await page.locator('#m-task-photo').setInputFiles({
    name: 'progress.jpg',
    mimeType: 'image/jpeg',
    buffer: await sharp({ create: { width: 1000, height: 750, channels: 3, background: { r: 30, g: 140, b: 90 } } }).jpeg().toBuffer(),
  });
  await expect(page.locator('.m-card .m-photo img')).toHaveCount(1);
  await page.getByRole('button', { name: '填报进度' }).click();
  await expect(page.getByText('本机待同步 1 条')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/task.png` });

  await page.context().setOffline(false);
  await expect(page.locator('.m-timeline li', { hasText: '已清理楼道，充电棚在建' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.m-timeline li', { hasText: '已清理楼道，充电棚在建' }).locator('img')).toHaveCount(1);

  await page.getByRole('radio', { name: '提交验收' }).click();
  await page.getByLabel('进度说明').fill('充电棚已建成，楼道无车辆');
  await page.getByRole('button', { name: '提交验收' }).last().click();
  await expect(page.locator('.m-tag', { hasText: '待验收' })).toBeVisible({ timeout: 30_000 });

  await tab(page, /^同步/).click();
  expect(await outboxStates(page)).toEqual(['synced', 'synced']);
  const detail = (await (await page.request.get(`/api/hazards/${id}`)).json()) as { state: string; events: { action: string }[] };
  expect(detail.state).toBe('accepting');
  expect(detail.events.map((e) => e.action)).toEqual(['report', 'verify', 'grade', 'assign', 'progress', 'submit']);
});
