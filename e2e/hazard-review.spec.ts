import crypto from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_PASSWORD, expectNoHorizontalOverflow, signIn } from './helpers';

/**
 * The closed loop on the desktop: a grid worker's report lands in the 宝盖镇 queue; the duty officer
 * verifies, grades and assigns it with 五到位 to 塘后村's lead, who reports progress with a photo
 * and submits; the lead cannot accept their own work; the chief accepts and the hazard is 已销号,
 * every step on the timeline. Screenshots at desktop and phone size go to /tmp/shots-hz/.
 */
const SHOTS = '/tmp/shots-hz';
const PHONE = { width: 390, height: 844 };

async function jpeg(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg().toBuffer();
}

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

/** Clicks an action button on the detail page and returns its dialog. */
async function openAction(page: Page, label: string) {
  await page.getByTestId('hazard-actions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function confirm(page: Page, label: string, state: string) {
  await page.getByRole('dialog').getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.locator('[data-state]').first()).toHaveText(state);
}

test('a hazard goes from the grid worker’s report to 已销号 through the desktop review', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const marker = `E2E${Date.now() % 1_000_000}`;
  const description = `楼道堆放杂物堵塞消防通道 ${marker}`;

  // 1. The grid worker reports through the API, as the phone would (client-made id, photo first).
  const login = await page.request.post('/api/auth/login', { data: { username: 'tanghou_grid', password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const photo = await page.request.post('/api/files', { multipart: { file: { name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#b5523b') } } });
  expect(photo.ok()).toBe(true);
  const id = crypto.randomUUID();
  const reported = await page.request.post('/api/hazards', {
    data: { id, categoryCode: 'fire', description, lat: 24.76, lng: 118.64, accuracy: 8, photoIds: [(await photo.json()).id], reportedAt: new Date().toISOString() },
  });
  expect(reported.status()).toBe(201);
  const code = (await reported.json()).code as string;

  // 2. The duty officer finds it in the queue (the menu shows a count) and verifies it.
  const duty = await as(browser, 'baogai_duty');
  await duty.setViewportSize({ width: 1440, height: 900 });
  await duty.getByRole('menuitem', { name: /隐患审核/ }).click();
  await expect(duty.locator('.ant-menu-item-selected .ant-badge')).toBeVisible();
  const row = duty.getByRole('row').filter({ hasText: marker });
  await expect(row).toBeVisible();
  await expect(row).toContainText('待核实');
  await expect(row.locator('img.hz-thumb')).toBeVisible();
  await duty.waitForLoadState('networkidle');
  await duty.screenshot({ path: `${SHOTS}/e2e-queue-desktop.png` });
  await row.click();
  await expect(duty.getByText(code)).toBeVisible();

  const verify = await openAction(duty, '核实属实');
  await verify.getByLabel('说明').fill('现场核实属实，楼道确有杂物');
  await confirm(duty, '核实属实', '已核实');

  // 3. Grade it 一般 (the default, from the reporter's suggestion).
  const grade = await openAction(duty, '定级');
  await expect(grade.getByRole('radio', { name: '一般隐患' })).toBeChecked();
  await confirm(duty, '定级', '已定级');

  // 4. Assign it to 塘后村 / 蔡金水 with 五到位.
  const assign = await openAction(duty, '交办整改');
  await assign.getByLabel('责任单位').click();
  await duty.keyboard.type('塘后村');
  await duty.locator('.ant-select-item-option').filter({ hasText: /^塘后村\s*\d+$/ }).click();
  await assign.getByLabel('责任人').click();
  await duty.locator('.ant-select-item-option').filter({ hasText: '蔡金水' }).click();
  const deadline = new Date(Date.now() + 7 * 86400_000);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(deadline);
  await assign.getByLabel('整改期限').click();
  await assign.getByLabel('整改期限').fill(`${day} 18:00`);
  await assign.getByLabel('整改期限').press('Enter');
  await assign.getByLabel('整改措施').fill('清理楼道杂物，设置禁止堆放标识');
  await assign.getByLabel('整改资金').fill('村集体经费 800 元');
  await assign.getByLabel(/应急预案/).fill('整改期间安排专人巡查，配备灭火器 2 具');
  await assign.getByLabel('说明').fill('请于期限内完成');
  await confirm(duty, '交办整改', '整改中');
  await expect(duty.getByText('蔡金水')).toBeVisible();
  await expect(duty.getByText('村集体经费 800 元')).toBeVisible();
  await duty.waitForLoadState('networkidle');
  await duty.screenshot({ path: `${SHOTS}/e2e-detail-assigned-desktop.png`, fullPage: true });

  // 5. The village lead, in a browser of their own, reports progress with a photo, then submits.
  const lead = await as(browser, 'tanghou_lead');
  await lead.goto(`/hazards/${id}`);
  await expect(lead.getByText(code)).toBeVisible();
  await expect(lead.getByTestId('hazard-actions').getByRole('button', { name: '核实属实' })).toHaveCount(0);
  const progress = await openAction(lead, '报告进展');
  await progress.getByLabel('说明').fill('杂物已清理一半，正在联系住户');
  await progress.locator('input[type=file]').setInputFiles({ name: 'progress.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#3b7bb5') });
  await expect(progress.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first()).toBeVisible();
  await expect(progress.locator('.ant-upload-list-item-uploading')).toHaveCount(0);
  await confirm(lead, '报告进展', '整改中');
  const submit = await openAction(lead, '提交验收');
  await submit.getByLabel('说明').fill('杂物全部清理，标识已张贴');
  await confirm(lead, '提交验收', '待验收');

  // 6. The lead cannot accept their own work: no button, and the API refuses.
  await expect(lead.getByRole('button', { name: '验收通过' })).toHaveCount(0);
  const selfAccept = await lead.request.post(`/api/hazards/${id}/actions`, { data: { action: 'accept', photoIds: [] } });
  expect(selfAccept.status()).toBe(403);

  // 7. The chief accepts: 已销号, and the timeline shows every step.
  const chief = await as(browser, 'baogai_chief');
  await chief.goto(`/hazards/${id}`);
  const accept = await openAction(chief, '验收通过');
  await accept.getByLabel('说明').fill('复查合格，同意销号');
  await confirm(chief, '验收通过', '已销号');
  const steps = chief.getByTestId('timeline-event');
  await expect(steps).toHaveCount(7);
  expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['report', 'verify', 'grade', 'assign', 'progress', 'submit', 'accept']);
  await expect(chief.getByText('杂物已清理一半，正在联系住户')).toBeVisible();
  await expect(chief.getByText('复查合格，同意销号')).toBeVisible();
  // A closed hazard moves only by a reviewer reopening it.
  await expect(chief.getByTestId('hazard-actions').getByRole('button')).toHaveText(['重新打开']);
  await chief.waitForLoadState('networkidle');
  await chief.screenshot({ path: `${SHOTS}/e2e-detail-closed-desktop.png`, fullPage: true });

  // 8. The same pages on a phone: nothing wider than the screen.
  await chief.setViewportSize(PHONE);
  await chief.reload();
  await expect(chief.locator('[data-state]').first()).toHaveText('已销号');
  await chief.waitForLoadState('networkidle');
  await expectNoHorizontalOverflow(chief);
  await chief.screenshot({ path: `${SHOTS}/e2e-detail-closed-phone.png`, fullPage: true });
  await chief.goto('/hazards?state=closed');
  await expect(chief.getByText(description)).toBeVisible();
  await expectNoHorizontalOverflow(chief);
  await chief.screenshot({ path: `${SHOTS}/e2e-queue-phone.png` });

  // The statistics count it as found and closed.
  await chief.setViewportSize({ width: 1440, height: 900 });
  await chief.goto('/hazards/stats');
  await expect(chief.getByTestId('stat-closed')).toContainText(/[1-9]/);
  await chief.waitForLoadState('networkidle');
  await chief.screenshot({ path: `${SHOTS}/e2e-stats-desktop.png`, fullPage: true });
});
