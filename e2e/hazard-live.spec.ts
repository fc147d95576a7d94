import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/**
 * "Never buried": a duty officer has the review queue open; a grid worker files a report from
 * another device; the menu badge and the queue show it within seconds, without a reload (server-
 * sent events), well before the one-minute poll.
 */
test('a new report appears live in the open review queue', async ({ browser, page }) => {
  await signIn(page, 'baogai_duty');
  await page.getByRole('menuitem', { name: /隐患审核/ }).click();
  const badge = page.getByTestId('hazard-badge');
  const counts = (await (await page.request.get('/api/hazards/counts')).json()) as { byState: Record<string, number> };
  // The badge counts what waits on a reviewer; a new report is one more of those.
  const before = ['reported', 'verified', 'awaiting_approval', 'graded', 'accepting'].reduce((n, s) => n + (counts.byState[s] ?? 0), 0);

  const phone = await browser.newContext();
  const worker = await phone.newPage();
  await signIn(worker, 'tanghou_grid');
  const description = `直播测试：河堤裂缝 ${crypto.randomUUID().slice(0, 6)}`;
  const res = await worker.request.post('/api/hazards', {
    data: { id: crypto.randomUUID(), categoryCode: 'geological', description, lat: 24.7603, lng: 118.6404, reportedAt: new Date().toISOString() },
  });
  expect(res.status()).toBe(201);

  await expect(page.getByText(description)).toBeVisible({ timeout: 10_000 });
  await expect(badge).toContainText(String(before + 1), { timeout: 10_000 });
  await phone.close();
});
