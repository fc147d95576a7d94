import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoHorizontalOverflow } from './helpers';
import { outboxStates, phone, signInOnPhone, SHOTS, tab } from './mobile-helpers';

test.use(phone);

test('a report the server refuses shows why; edited, it goes with the same id', async ({ page, playwright, baseURL }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const code = `e2e_${Date.now().toString(36)}`;
  const marker = `退回-${code}`;
  const admin = await playwright.request.newContext({ baseURL });
  expect((await admin.post('/api/auth/login', { data: { username: 'city_admin', password: DEMO_PASSWORD } })).ok()).toBe(true);
  expect((await admin.post('/api/hazards/categories', { data: { code, nameZh: '临时类别', nameEn: 'Temporary' } })).status()).toBe(201);

  // The phone has the catalog with the new category, then loses its network.
  await signInOnPhone(page);
  await page.getByRole('link', { name: '上报隐患' }).click();
  await expect(page.getByRole('radio', { name: '临时类别' })).toBeVisible();
  await page.context().setOffline(true);
  await page.getByRole('radio', { name: '临时类别' }).click();
  await expect(page.getByTestId('location-status')).toContainText('已定位');
  await page.getByLabel('情况描述').fill(`${marker} 山体裂缝`);
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已保存，待同步')).toBeVisible();

  // Meanwhile the category is retired on the server.
  expect((await admin.patch(`/api/hazards/categories/${code}`, { data: { active: false } })).ok()).toBe(true);
  await admin.dispose();

  await tab(page, /^同步/).click();
  await page.context().setOffline(false);
  await expect.poll(() => outboxStates(page), { timeout: 30_000 }).toEqual(['failed']);
  const item = page.getByTestId('outbox-item');
  await expect(item).toContainText('失败：隐患类别不存在或已停用');
  await page.screenshot({ path: `${SHOTS}/outbox-failed.png` });
  await expectNoHorizontalOverflow(page);

  await item.getByRole('button', { name: '修改' }).click();
  await expect(page.getByRole('heading', { name: '修改上报' })).toBeVisible();
  await expect(page.getByLabel('情况描述')).toHaveValue(`${marker} 山体裂缝`);
  await page.getByRole('radio', { name: '地质灾害' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect.poll(() => outboxStates(page), { timeout: 30_000 }).toEqual(['synced']);

  const mine = (await (await page.request.get('/api/hazards?mine=true&state=all&pageSize=200')).json()) as { items: { description: string; category: { code: string } }[] };
  const stored = mine.items.filter((h) => h.description.includes(marker));
  expect(stored.map((h) => h.category.code)).toEqual(['geological']);
});

test('the phone app in English: home, patrol and me', async ({ page }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await signInOnPhone(page);
  await tab(page, '我的').click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(tab(page, 'Me')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/me-en.png` });
  await tab(page, 'Home').click();
  await expect(page.getByRole('link', { name: 'Report a hazard' })).toBeVisible();
  await expect(page.getByText('Hello, 李秀英')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home-en.png` });
  await expectNoHorizontalOverflow(page);
  await tab(page, 'Me').click();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(tab(page, '我的')).toBeVisible();
});
