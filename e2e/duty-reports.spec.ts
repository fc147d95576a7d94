import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalOverflow, signIn } from './helpers';

/** Journeys here move the server's clock; it goes back to real time after each, so nothing leaks into the next. */
test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { reset: true } });
});

/**
 * The duty desk's reporting journey (issue 4): 宝盖镇's duty officer records a call (接报), writes
 * and submits the 首报, then a 续报 and, after closing, the 终报. The county officer has the duty
 * console open in another browser; each report arrives there live and is acknowledged there, and
 * the township sees the acknowledgement. A second event received 90 minutes ago shows as late.
 */
async function fillReport(page: Page, extra: { narrative: string }) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('事件经过').fill(extra.narrative);
  await dialog.getByLabel('已采取措施').fill('消防、医护已到场，现场已封闭。');
  await dialog.getByLabel('下步打算').fill('持续跟进伤员情况，督促企业整改。');
  await dialog.getByLabel('签发人').fill('林镇长');
  await dialog.getByTestId('report-submit').click();
  await expect(dialog).toBeHidden();
}

test('接报 → 首报 → 续报 → 终报, each seen live on the county console and acknowledged there', async ({ browser, page }) => {
  const tag = crypto.randomUUID().slice(0, 6);
  await signIn(page, 'baogai_duty');

  // The county officer watches the console from another browser.
  const countyContext = await browser.newContext();
  const county = await countyContext.newPage();
  await signIn(county, 'county_officer');
  await county.goto('/duty/console');
  await expect(county.getByTestId('console-unanswered')).toBeVisible();

  // 接报, in the form a duty officer fills while on the phone.
  await page.goto('/duty/events');
  await page.getByTestId('intake-open').click();
  const intake = page.getByRole('dialog');
  await intake.getByLabel('报告人').fill('王先生');
  await intake.getByLabel('联系电话').fill('13905951234');
  await intake.getByLabel('地点').fill(`塘后村工业区 ${tag} 号厂房`);
  await intake.getByLabel('受伤').fill('2');
  await intake.getByLabel('简要情况').fill('叉车倾覆，2 人受伤已送医');
  await intake.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/duty\/events\/[0-9a-f-]{36}$/);
  const eventUrl = page.url();
  // A work-safety accident: the 首报 is due within the hour.
  await expect(page.getByTestId('countdown').first()).toContainText('首报');

  for (const [i, kind] of (['首报', '续报', '终报'] as const).entries()) {
    if (kind === '终报') {
      await page.getByTestId('event-actions').click();
      await page.getByRole('menuitem', { name: '办结' }).click();
      await page.getByRole('dialog').getByLabel('说明').fill('伤员情况稳定，现场处置完毕');
      await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
      await expect(page.getByRole('dialog')).toBeHidden();
    }
    const write = page.getByTestId('write-report');
    if (kind === '终报' || kind === '首报') await write.locator('button').first().click();
    else {
      await write.locator('button').last().click();
      await page.getByRole('menuitem', { name: `写续报` }).click();
    }
    await fillReport(page, { narrative: `${kind}：11 时许叉车倾覆 ${tag}` });
    await expect(page.getByTestId('report-card')).toHaveCount(i + 1);

    // Live on the county console, without a reload; acknowledged there.
    const card = county.getByTestId('console-unanswered').getByTestId('report-card').filter({ hasText: `${tag} 号厂房` }).filter({ hasText: kind }).first();
    await expect(card).toBeVisible({ timeout: 15_000 });
    await card.getByTestId('report-ack').click();
    await expect(card).toBeHidden({ timeout: 10_000 });
  }

  // The township sees every report acknowledged by the county.
  await page.goto(eventUrl);
  const cards = page.getByTestId('report-card');
  await expect(cards).toHaveCount(3);
  // Each report's title names its own kind (a new report starts from the event, not the last one).
  await expect(cards.nth(1)).toContainText('的续报（第1次）');
  await expect(cards.nth(2)).toContainText('的终报');
  for (const c of await cards.all()) await expect(c).toContainText(/于 .+ 确认/);
  await expect(page.getByTestId('timeline-entry').filter({ hasText: '石狮市已确认' })).toHaveCount(3);
  await page.screenshot({ path: 'docs/screenshots/duty-event.png', fullPage: true });
  await county.screenshot({ path: 'docs/screenshots/duty-console.png', fullPage: true });
  await countyContext.close();
});

test('a 首报 submitted after its deadline shows as late, under the server’s movable clock', async ({ page }) => {
  await signIn(page, 'baogai_duty');
  const id = crypto.randomUUID();
  // A work-safety accident: the 首报 is due within 60 minutes of the call.
  const res = await page.request.post('/api/duty/events', { data: { id, source: 'phone', address: '宝盖镇前坑村采石场', type: 'work_safety', description: '塌方，1 人被困' } });
  expect(res.status()).toBe(201);
  await page.goto(`/duty/events/${id}`);
  await expect(page.getByTestId('countdown')).toContainText('还剩');
  // 95 minutes later (the session's idle limit is 30 minutes, so the officer signs in again).
  const moved = await page.request.post('/api/test/clock', { data: { advanceMinutes: 95 } });
  expect(moved.ok()).toBe(true);
  await signIn(page, 'baogai_duty');
  await page.goto('/duty/console');
  await expect(page.getByTestId('console-due').getByTestId('countdown').filter({ hasText: '已超时' }).first()).toBeVisible();

  await page.goto(`/duty/events/${id}`);
  await expect(page.getByTestId('countdown')).toContainText('已超时');
  await page.getByTestId('write-report').locator('button').first().click();
  await fillReport(page, { narrative: '采石场塌方，1 人被困，正在救援' });
  await expect(page.getByTestId('report-card')).toContainText('迟报');
});

test('the console and an event page fit a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'baogai_duty');
  await page.goto('/duty/console');
  await expect(page.getByTestId('console-due')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'docs/screenshots/duty-console-phone.png', fullPage: true });
  await page.goto('/duty/events');
  await expect(page.getByText('接报与事件').first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test('the chief chooses the stricter local deadline rules for the desk', async ({ page }) => {
  await signIn(page, 'baogai_chief');
  await page.goto('/duty/events');
  const settings = page.getByTestId('deadline-settings');
  await expect(settings).toContainText('国家规定时限');
  await settings.locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '本地从严时限' }).click();
  await expect(page.getByText('时限规则已更新')).toBeVisible();
  await expect(settings).toContainText('本地从严时限');
  // Back to the national rules, so the other journeys see the defaults.
  await settings.locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '国家规定时限' }).click();
  await expect(settings).toContainText('国家规定时限');
});
