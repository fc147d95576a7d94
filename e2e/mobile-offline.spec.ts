import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoHorizontalOverflow } from './helpers';
import { outboxStates, phone, signInOnPhone, SHOTS, tab } from './mobile-helpers';

test.use(phone);

/** A small photo as a phone camera would hand it over (the app re-encodes it before queueing). */
async function photo(red: number): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: red, g: 90, b: 60 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function mineWith(page: Page, marker: string) {
  const res = await page.request.get('/api/hazards?mine=true&state=all&pageSize=200');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { id: string; description: string }[] };
  return body.items.filter((h) => h.description.includes(marker));
}

test('a grid worker files three hazards offline; they sync once each, and a replay stores nothing twice', async ({ page, context }) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const marker = `离线上报-${Date.now().toString(36)}`;

  await signInOnPhone(page);
  await expect(page.getByText('塘后村第一网格').first()).toBeVisible();
  await expect(page.getByRole('link', { name: '上报隐患' })).toBeVisible();
  await expect(page.locator('.m-map.leaflet-container')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home.png` });
  await expectNoHorizontalOverflow(page);

  await context.setOffline(true);
  await expect(page.locator('.m-net')).toHaveText('离线');

  for (let i = 1; i <= 3; i++) {
    await page.getByRole('link', { name: '上报隐患' }).click();
    await expect(page.getByRole('heading', { name: '上报隐患' })).toBeVisible();
    await page.getByRole('radio', { name: '消防' }).click();
    await page.locator('#m-photo-input').setInputFiles({ name: `scene-${i}.jpg`, mimeType: 'image/jpeg', buffer: await photo(60 * i) });
    await expect(page.locator('.m-photo img')).toHaveCount(1);
    await expect(page.getByTestId('location-status')).toContainText('已定位');
    await page.getByLabel('情况描述').fill(`${marker} 第${i}处：楼道堆放杂物，堵塞消防通道`);
    if (i === 1) {
      await page.getByRole('radio', { name: '重大' }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/report-form.png` });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.screenshot({ path: `${SHOTS}/report-form-bottom.png` });
      await expectNoHorizontalOverflow(page);
    }
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByText('已保存，待同步')).toBeVisible();
  }

  await tab(page, /^同步/).click();
  await expect(page.getByTestId('outbox-item')).toHaveCount(3);
  expect(await outboxStates(page)).toEqual(['pending', 'pending', 'pending']);
  await expect(page.getByTestId('outbox-item').first()).toContainText('待同步');
  await page.screenshot({ path: `${SHOTS}/outbox-pending.png` });

  // Closed and opened again without a network: the shell comes from the service worker, the queue from IndexedDB.
  const reopened = await page.reload();
  expect(reopened?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('outbox-item')).toHaveCount(3);
  expect(await outboxStates(page)).toEqual(['pending', 'pending', 'pending']);

  await context.setOffline(false);
  await expect.poll(() => outboxStates(page), { timeout: 30_000 }).toEqual(['synced', 'synced', 'synced']);
  await page.screenshot({ path: `${SHOTS}/outbox-synced.png` });

  const stored = await mineWith(page, marker);
  expect(stored).toHaveLength(3);
  for (const h of stored) {
    const detail = (await (await page.request.get(`/api/hazards/${h.id}`)).json()) as { photos: unknown[]; suggestedLevel: string; accuracy: number | null };
    expect(detail.photos).toHaveLength(1);
    expect(detail.accuracy).not.toBeNull();
  }
  expect(stored.filter((h) => h.description.includes('第1处'))).toHaveLength(1);

  // A replay of the whole outbox (photos and reports, as after a crash before the answers) stores nothing twice.
  const replayed = await page.evaluate(() => window.__lastmeterOutbox!.replay());
  expect(replayed).toBe(3);
  await expect.poll(() => outboxStates(page), { timeout: 30_000 }).toEqual(['synced', 'synced', 'synced']);
  const after = await mineWith(page, marker);
  expect(after.map((h) => h.id).sort()).toEqual(stored.map((h) => h.id).sort());

  // The home page lists them with their state from the server.
  await tab(page, '首页').click();
  await expect(page.locator('.m-item', { hasText: marker })).toHaveCount(3);
  await expect(page.locator('.m-item', { hasText: marker }).first()).toContainText('已上报');
  await page.screenshot({ path: `${SHOTS}/home-after-sync.png` });
});
