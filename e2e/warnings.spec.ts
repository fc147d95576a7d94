import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalOverflow, signIn, unitIdByName } from './helpers';
import { phone, signInOnPhone, tab } from './mobile-helpers';

/** Journeys here move the server's clock; it goes back to real time after each, so nothing leaks into the next. */
test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { reset: true } });
});

const SHOTS = 'docs/screenshots';
const PHONE_SIZE = { width: 390, height: 844 };
const DESKTOP_SIZE = { width: 1440, height: 900 };

// Demo people (src/server/modules/org/seed/shishi-data.ts).
const TANGHOU_GRID = '李秀英';
const TANGHOU_LEAD = '蔡金水';
const LINGXIU_GRID = '施雅琴';

/** Picks a unit in the warnings' multi-unit picker by typing its name. */
async function pickUnit(page: Page, field: string, name: string) {
  const input = page.getByLabel(field);
  await input.click();
  await input.fill(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
}

/** The same page at phone width: it must fit, and it is photographed for the README. */
async function shootBothSizes(page: Page, name: string) {
  await page.setViewportSize(DESKTOP_SIZE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/warnings-${name}-desktop.png` });
  await page.setViewportSize(PHONE_SIZE);
  await page.waitForTimeout(300);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: `${SHOTS}/warnings-${name}-phone.png` });
  await page.setViewportSize(DESKTOP_SIZE);
}

test('the county issues a red typhoon warning; one grid worker answers from her phone, the silent one is escalated to her village lead; the chief starts the Ⅰ-level response and ticks tasks', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const marker = `演习编号-${Date.now().toString(36)}`;

  // 登记预警: the county officer enters the warning by hand.
  await signIn(page, 'county_officer');
  await page.getByRole('menuitem', { name: /预警管理/ }).click();
  await expect(page).toHaveURL(/\/warnings$/);
  await page.getByRole('button', { name: '登记预警' }).click();
  const dialog = page.getByRole('dialog', { name: '登记预警' });
  await dialog.getByText('红色 Ⅰ').click();
  await pickUnit(page, '预警区域', '宝盖镇');
  await pickUnit(page, '预警区域', '灵秀镇');
  await expect(dialog.getByLabel('区域描述')).toHaveValue('宝盖镇、灵秀镇');
  await expect(dialog.getByLabel('标题')).toHaveValue('石狮市发布台风红色预警');
  await dialog.getByLabel('标题').fill(`石狮市气象台发布台风红色预警 ${marker}`);
  await dialog.getByLabel('预警内容').fill('第9号台风预计今夜在我市沿海登陆，阵风12级以上。请各镇立即组织危险区域人员转移，渔船回港避风。');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/warnings\/[0-9a-f-]{36}$/);
  const warningId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByText(`石狮市气象台发布台风红色预警 ${marker}`)).toBeVisible();
  await expect(page.getByText('尚未发布')).toBeVisible();

  // 发布 to both townships; the first tier tells the superior after 5 minutes.
  await page.getByRole('button', { name: '发布' }).click();
  const issue = page.getByRole('dialog', { name: '发布预警' });
  await expect(issue.locator('.ant-select-selection-item', { hasText: '宝盖镇' })).toBeVisible();
  await expect(issue.locator('.ant-select-selection-item', { hasText: '灵秀镇' })).toBeVisible();
  await expect(issue.getByLabel('要求叫应（逐人回复）')).toBeChecked();
  await issue.getByLabel('第 1 级 分钟后').fill('5');
  await issue.getByLabel('第 1 级 操作').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '通知上级' }).click();
  await issue.getByLabel('第 2 级 分钟后').fill('10');
  // Two tiers are enough here: 5 minutes then the superior, 10 more then the next one up.
  await issue.getByTestId('tier').nth(3).getByRole('button', { name: '删除' }).click();
  await issue.getByTestId('tier').nth(2).getByRole('button', { name: '删除' }).click();
  await expect(issue.getByTestId('tier')).toHaveCount(2);
  await issue.getByRole('button', { name: '发布' }).click();

  // The board: one card per township, everyone still silent.
  await expect(page).toHaveURL(/\/warnings\/issues\/[0-9a-f-]{36}\/board$/);
  const baogai = page.locator('[data-testid="board-area"][data-area="宝盖镇"]');
  const lingxiu = page.locator('[data-testid="board-area"][data-area="灵秀镇"]');
  await expect(baogai.locator(`[data-testid="unanswered"][data-name="${TANGHOU_GRID}"]`)).toBeVisible();
  await expect(lingxiu.locator(`[data-testid="unanswered"][data-name="${LINGXIU_GRID}"]`)).toBeVisible();
  await expect(lingxiu.getByTestId('area-progress')).toContainText('已回复 0/');
  const boardUrl = page.url();

  // 灵秀镇's grid worker answers from her phone with one tap.
  const phoneContext = await browser.newContext({ ...phone, baseURL });
  const mobile = await phoneContext.newPage();
  await signInOnPhone(mobile, 'lingxiu_grid');
  await expect(tab(mobile, /^预警\s*1$/)).toBeVisible({ timeout: 20_000 });
  await tab(mobile, /^预警/).click();
  const card = mobile.getByTestId('m-warning').filter({ hasText: marker });
  await expect(card).toContainText('台风红色预警');
  await expect(card).toContainText('请回复');
  await card.getByRole('button', { name: '已知悉' }).click();
  await expect(card).toContainText('已回复：已知悉');
  await expect(tab(mobile, /^预警$/)).toBeVisible();
  await expect(mobile.locator('.m-toast')).toHaveCount(0);
  await expectNoHorizontalOverflow(mobile);
  await mobile.screenshot({ path: `${SHOTS}/warnings-phone.png` });

  // The county's board hears the answer without a reload.
  await expect(lingxiu.locator(`[data-testid="answered"][data-name="${LINGXIU_GRID}"]`)).toBeVisible();
  await expect(lingxiu.locator(`[data-testid="unanswered"][data-name="${LINGXIU_GRID}"]`)).toHaveCount(0);
  await expect(lingxiu.getByTestId('area-progress')).toContainText('已回复 1/');

  // 塘后村's grid worker stays silent. Six minutes later (the server's clock), the sweep tells her village lead.
  const moved = await page.request.post('/api/test/clock', { data: { advanceMinutes: 6 } });
  expect(moved.ok()).toBe(true);
  const silent = baogai.locator(`[data-testid="unanswered"][data-name="${TANGHOU_GRID}"]`);
  await expect(silent.getByTestId('escalated-to')).toContainText(TANGHOU_LEAD, { timeout: 45_000 });
  await expect(silent.getByTestId('escalated-to')).toContainText('村（社区）负责人');
  await expect(silent).toContainText('已升级 1 级');
  await expect(silent.locator('a[href^="tel:"]')).toBeVisible();
  await shootBothSizes(page, 'board');

  // The village lead sees it in his inbox, marked as escalated to him.
  const leadContext = await browser.newContext({ baseURL, viewport: DESKTOP_SIZE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const lead = await leadContext.newPage();
  await signIn(lead, 'tanghou_lead');
  await lead.getByRole('menuitem', { name: /我的预警/ }).click();
  const escalated = lead.locator('[data-testid="my-warning"][data-escalated="true"]').filter({ hasText: marker });
  await expect(escalated).toContainText(`${TANGHOU_GRID}（网格员）未回复`);
  await expect(escalated).toContainText('下级未回复，已升级给您');
  // His own delivery of the same warning waits for his answer too.
  const own = lead.locator('[data-testid="my-warning"][data-escalated="false"]').filter({ hasText: marker });
  await expect(own.getByRole('button', { name: '已到岗' })).toBeVisible();
  await shootBothSizes(lead, 'mine');
  await own.getByRole('button', { name: '已到岗' }).click();
  await expect(own).toContainText('已回复：已到岗');

  // 宝盖镇's chief starts the response the warning calls for (the typhoon plan, Ⅰ级) and ticks tasks.
  const chiefContext = await browser.newContext({ baseURL, viewport: DESKTOP_SIZE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const chief = await chiefContext.newPage();
  await signIn(chief, 'baogai_chief');
  await chief.goto(`/responses/new?warningId=${warningId}`);
  const proposal = chief.getByTestId('proposal').first();
  await expect(proposal).toContainText('宝盖镇防御台风应急预案');
  await expect(proposal).toContainText('Ⅰ级响应');
  await proposal.getByTestId('start-response').click();
  await expect(chief).toHaveURL(/\/responses\/[0-9a-f-]{36}$/);
  const tasks = chief.getByTestId('response-task');
  for (const i of [0, 1]) {
    await tasks.nth(i).getByRole('checkbox').click();
    await chief.getByRole('dialog').getByRole('button', { name: '标记完成' }).click();
    await expect(tasks.nth(i)).toHaveAttribute('data-done', 'true');
  }
  await expect(chief.getByTestId('response-progress')).toContainText('已完成 2/');
  await chiefContext.close();

  // An exercise (演练) is watermarked wherever it shows: the list, its page, the phone.
  const areaLingxiu = await unitIdByName(page, '灵秀镇');
  const drill = await page.request.post('/api/warnings', {
    data: {
      id: crypto.randomUUID(),
      type: 'rainstorm',
      level: 'orange',
      areaDesc: '灵秀镇',
      areaUnitIds: [areaLingxiu],
      effective: new Date().toISOString(),
      expires: new Date(Date.now() + 2 * 86400_000).toISOString(),
      headline: `暴雨橙色预警演练 ${marker}`,
      text: '本次为防汛演练，请各村按预案组织人员转移演练。',
      exercise: true,
    },
  });
  expect(drill.status()).toBe(201);
  const drillId = ((await drill.json()) as { id: string }).id;
  const drillIssue = await page.request.post(`/api/warnings/${drillId}/issues`, { data: { id: crypto.randomUUID(), unitIds: [areaLingxiu] } });
  expect(drillIssue.status()).toBe(201);

  await page.goto('/warnings');
  const drillRow = page.locator('tr', { hasText: `暴雨橙色预警演练 ${marker}` });
  await expect(drillRow.getByTestId('exercise-mark')).toHaveText('【演练】');
  await expect(page.locator('tr', { hasText: `石狮市气象台发布台风红色预警 ${marker}` }).getByTestId('exercise-mark')).toHaveCount(0);
  await shootBothSizes(page, 'list');

  await drillRow.getByText(`暴雨橙色预警演练 ${marker}`).click();
  await expect(page.locator('[data-exercise="true"]')).toBeVisible();
  await expect(page.getByText('不经短信、广播等真实渠道发送')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/warnings-detail-exercise-desktop.png` });
  await page.goto('/warnings');
  await page.locator('tr', { hasText: `石狮市气象台发布台风红色预警 ${marker}` }).getByText(`石狮市气象台发布台风红色预警 ${marker}`).click();
  await expect(page.getByTestId('issue-row')).toContainText(/升级 \d+ 人/);
  await shootBothSizes(page, 'detail');

  await mobile.reload();
  const drillCard = mobile.getByTestId('m-warning').filter({ hasText: `暴雨橙色预警演练 ${marker}` });
  await expect(drillCard).toContainText('【演练】');
  await expect(tab(mobile, /^预警\s*1$/)).toBeVisible();
  await expectNoHorizontalOverflow(mobile);
  await mobile.screenshot({ path: `${SHOTS}/warnings-phone-exercise.png` });
  // Offline, an answer is refused on the spot, never silently queued.
  await phoneContext.setOffline(true);
  await drillCard.getByRole('button', { name: '已到岗' }).click();
  await expect(drillCard.getByRole('alert')).toContainText('当前离线');
  await phoneContext.setOffline(false);
  await drillCard.getByRole('button', { name: '已到岗' }).click();
  await expect(drillCard).toContainText('已回复：已到岗');

  // The answers are on record: the board's counts come from the server.
  await page.goto(boardUrl);
  await expect(lingxiu.getByTestId('area-progress')).toContainText('已回复 1/');
  const board = (await (await page.request.get(`/api/warnings/issues/${boardUrl.split('/').at(-2)}/board`)).json()) as { areas: { unit: { name: string }; escalated: number }[] };
  expect(board.areas.find((a) => a.unit.name === '宝盖镇')?.escalated).toBeGreaterThan(0);

  await phoneContext.close();
  await leadContext.close();
});
