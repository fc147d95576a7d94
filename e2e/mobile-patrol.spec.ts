import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoHorizontalOverflow } from './helpers';
import { outboxStates, phone, signInOnPhone, SHOTS, tab } from './mobile-helpers';

test.use(phone);

test('an offline patrol: start, check in twice (one issue filed as a hazard), end; it reaches the server in order', async ({ page, context }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const marker = `巡查-${Date.now().toString(36)}`;
  await signInOnPhone(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: '开始巡查' }).click();
  await page.getByRole('button', { name: '开始巡查' }).click();
  await expect(page.getByText(/^开始于/)).toBeVisible();

  await expect(page.getByTestId('location-status')).toContainText('已定位');
  await page.getByLabel('地点').fill('村口桥头');
  await page.getByRole('button', { name: '保存打卡' }).click();
  await expect(page.getByText('打卡 1 次')).toBeVisible();

  await page.getByLabel('地点').fill('塘后小学');
  await page.getByRole('radio', { name: '发现问题' }).click();
  await page.getByLabel('说明').fill(`${marker} 围墙开裂`);
  await page.getByRole('button', { name: '上报隐患并打卡' }).click();
  await expect(page.getByText('本条隐患将关联当前巡查')).toBeVisible();
  await page.getByRole('radio', { name: '危房' }).click();
  await expect(page.getByLabel('情况描述')).toHaveValue(`${marker} 围墙开裂`);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('打卡 2 次')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/patrol.png` });
  await expectNoHorizontalOverflow(page);

  await page.getByRole('button', { name: '结束巡查' }).click();
  await page.getByLabel('巡查小结').fill(`${marker} 巡查完毕`);
  await page.getByRole('dialog').getByRole('button', { name: '结束巡查' }).click();
  await expect(page.getByRole('button', { name: '开始巡查' })).toBeVisible();

  await tab(page, /^同步/).click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(5);
  await context.setOffline(false);
  await expect.poll(() => outboxStates(page), { timeout: 30_000 }).toEqual(['synced', 'synced', 'synced', 'synced', 'synced']);

  const list = (await (await page.request.get('/api/patrols?mine=true&pageSize=50')).json()) as { items: { id: string; summary: string | null; endedAt: string | null }[] };
  const patrol = list.items.find((p) => p.summary?.includes(marker));
  expect(patrol?.endedAt).toBeTruthy();
  const detail = (await (await page.request.get(`/api/patrols/${patrol!.id}`)).json()) as { checkins: number; issues: number; points: { place: string | null; finding: string; hazardId: string | null }[] };
  expect(detail.points.map((p) => [p.place, p.finding])).toEqual([
    ['村口桥头', 'normal'],
    ['塘后小学', 'issue'],
  ]);
  const hazardId = detail.points[1].hazardId;
  expect(hazardId).toBeTruthy();
  const hazard = (await (await page.request.get(`/api/hazards/${hazardId}`)).json()) as { patrolId: string; source: string; category: { code: string } };
  expect(hazard).toMatchObject({ patrolId: patrol!.id, source: 'patrol' });
});

test('when the session ends, queued work waits; signing in again sends it', async ({ page }) => {
  const marker = `会话-${Date.now().toString(36)}`;
  await signInOnPhone(page);
  await page.waitForLoadState('networkidle');
  // The server forgets the session (as after 30 idle minutes).
  expect((await page.request.post('/api/auth/logout')).ok()).toBe(true);

  // The next answer from the server says so, and the app asks to sign in again; the worker goes on first.
  await page.getByRole('link', { name: '上报隐患' }).click();
  const sheet = page.getByRole('dialog', { name: '登录已超时' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: '稍后' }).click();
  await page.getByRole('radio', { name: '燃气' }).click();
  await expect(page.getByTestId('location-status')).toContainText('已定位');
  // The GPS fix is off by a few metres: the worker taps the right spot on the map instead.
  await page.getByRole('application', { name: '点击地图可调整位置' }).click({ position: { x: 120, y: 60 } });
  await expect(page.getByTestId('location-status')).toContainText('已在地图上选定');
  await page.getByLabel('情况描述').fill(`${marker} 液化气瓶露天存放`);
  await page.getByRole('button', { name: '提交' }).click();

  await tab(page, /^同步/).click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(1);
  expect(await outboxStates(page)).toEqual(['pending']);
  await expect(page.getByText('登录已超时，数据保存在本机，登录后继续同步')).toBeVisible();
  await page.getByRole('button', { name: '重新登录' }).click();
  await expect(sheet).toContainText('待同步的 1 项已保存在手机上');
  await page.screenshot({ path: `${SHOTS}/session-expired.png` });
  await sheet.getByLabel('密码').fill(DEMO_PASSWORD);
  await sheet.getByRole('button', { name: '登录' }).click();
  await expect(sheet).toBeHidden();

  await expect.poll(() => outboxStates(page), { timeout: 30_000 }).toEqual(['synced']);
  const mine = (await (await page.request.get('/api/hazards?mine=true&state=all&pageSize=200')).json()) as { items: { id: string; description: string }[] };
  const stored = mine.items.filter((h) => h.description.includes(marker));
  expect(stored).toHaveLength(1);
  // A spot chosen by hand has no GPS accuracy, and is not where the GPS put the phone.
  const detail = (await (await page.request.get(`/api/hazards/${stored[0].id}`)).json()) as { lat: number; lng: number; accuracy: number | null };
  expect(detail.accuracy).toBeNull();
  expect([detail.lat, detail.lng]).not.toEqual([24.762, 118.6337]);
});
