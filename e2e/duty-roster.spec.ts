import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalOverflow, signIn } from './helpers';

/** Picks options of a searchable antd select inside a dialog: types each name and takes the match. */
async function choose(page: Page, label: string, names: string[]) {
  await page.getByRole('dialog').getByLabel(label).click();
  for (const name of names) {
    await page.keyboard.type(name);
    await expect(page.locator('.ant-select-item-option-active').filter({ visible: true })).toContainText(name);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
}

/**
 * The duty desk's roster and handover: the chief of 宝盖镇 generates this month's roster and
 * publishes it (every shift has a leader and an officer); then the duty officer hands the shift
 * over with a note and the checklist, and the chief, in another browser, accepts it. The handover
 * shows who handed over and who took over, each with the time.
 */
test('generate and publish a month, then hand over between two officers', async ({ browser, page }) => {
  await signIn(page, 'baogai_chief');
  await page.getByRole('menuitem', { name: '值班排班' }).click();
  await expect(page.getByText('本月尚未排班')).toBeVisible();

  await page.getByRole('button', { name: '生成排班' }).click();
  const dialog = page.getByRole('dialog', { name: /生成 .* 排班/ });
  await expect(dialog).toBeVisible();
  await choose(page, '带班领导轮换', ['蔡明辉', '黄志伟']);
  await choose(page, '值班员轮换', ['王丽娟', '许国平', '郭海龙']);
  await dialog.getByRole('button', { name: '生成排班' }).click();
  await expect(dialog).toBeHidden();

  const grid = page.getByTestId('roster-grid');
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('roster-no-gaps')).toBeVisible();
  await expect(grid.getByText('空缺')).toHaveCount(0);
  // One row per day of the month, each with a leader and an officer.
  const rows = grid.locator('tbody tr.ant-table-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(28);
  await expect(rows.first().getByText(/蔡明辉|黄志伟/)).toBeVisible();
  await expect(rows.first().getByText(/王丽娟|许国平|郭海龙/)).toBeVisible();

  await page.getByRole('button', { name: '发布' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('已发布', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /导出 Excel/ })).toBeVisible();

  // The duty officer hands the current shift over, in their own browser.
  const other = await browser.newContext();
  const duty = await other.newPage();
  await signIn(duty, 'baogai_duty');
  await duty.getByRole('menuitem', { name: '交接班' }).click();
  await duty.getByRole('button', { name: '发起交接' }).click();
  const form = duty.getByRole('dialog', { name: '发起交接' });
  await form.getByLabel('交班说明').fill('本班接报 1 起（塘后村后山落石），已设警戒；卫星电话已测试正常。');
  for (const item of ['comms_tested', 'open_events', 'reports_due', 'instructions', 'warnings', 'duty_log']) await form.getByTestId(`handover-item-${item}`).getByRole('checkbox').check();
  await form.getByLabel('应急物资装备状况已确认 备注').fill('冲锋舟待维修');
  await form.getByRole('button', { name: '交班' }).click();
  await expect(form).toBeHidden();
  const opened = duty.getByTestId('handover-detail');
  await expect(opened).toContainText('待接收');
  await expect(duty.getByTestId('handover-opened')).toContainText('王丽娟');
  // The author cannot take their own handover.
  await expect(duty.getByRole('button', { name: '接收' })).toHaveCount(0);

  // The chief, in the first browser, takes it over.
  await page.getByRole('menuitem', { name: '交接班' }).click();
  await page.getByTestId('handover-list').getByRole('button', { name: '接班' }).first().click();
  await expect(page.getByTestId('handover-detail')).toContainText('冲锋舟待维修');
  await page.getByRole('button', { name: '接收' }).click();
  const answer = page.getByRole('dialog', { name: '接收' });
  await answer.getByLabel('接班意见（可不填）').fill('已接班，跟进冲锋舟维修');
  await answer.getByRole('button', { name: '接收' }).click();
  await expect(answer).toBeHidden();
  const detail = page.getByTestId('handover-detail');
  await expect(detail).toContainText('已接班');
  const time = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;
  await expect(page.getByTestId('handover-opened')).toContainText('王丽娟');
  await expect(page.getByTestId('handover-opened')).toContainText(time);
  await expect(page.getByTestId('handover-answered')).toContainText('蔡明辉');
  await expect(page.getByTestId('handover-answered')).toContainText(time);

  // The outgoing officer sees the answer too.
  await duty.reload();
  await expect(duty.getByTestId('handover-answered')).toContainText('蔡明辉');
  await other.close();

  // The roster page fits a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/duty/roster');
  await expect(page.getByTestId('roster-grid')).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
