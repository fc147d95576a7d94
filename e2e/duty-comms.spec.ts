import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/**
 * The station's 24/7 communications: the chief registers a satellite phone and records its weekly
 * connectivity test; the duty officer sends the day's zero report (报平安); the county sees 宝盖镇
 * as sent. The zero report is on time or late depending on when the run happens (its hour is
 * 09:00 Beijing time), sent either way.
 */
test('a satellite phone is registered and tested; the zero report reaches the county', async ({ browser, page }) => {
  await signIn(page, 'baogai_chief');
  await page.getByRole('menuitem', { name: '通讯设备' }).click();
  await expect(page.getByRole('heading', { name: '通讯设备' })).toBeVisible();

  const number = `174${String(Date.now()).slice(-8)}`;
  await page.getByRole('button', { name: '登记设备' }).click();
  const dialog = page.locator('.ant-modal');
  // The unit is the chief's station and the kind a satellite phone by default.
  await expect(dialog).toContainText('所属单位宝盖镇');
  await expect(dialog).toContainText('设备类型卫星电话');
  await dialog.getByLabel('型号').fill('天通一号 T900');
  await dialog.getByLabel('号码/编号').fill(number);
  await dialog.getByLabel('存放位置').fill('镇应急管理站值班室');
  await dialog.getByLabel('保管人').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);

  // The new phone opens in the drawer: never tested, due within a week; record a test.
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText(`卫星电话 · ${number}`)).toBeVisible();
  await expect(drawer.getByText('尚未测试')).toBeVisible();
  await drawer.getByLabel('情况说明').fill('与石狮市应急管理局通话清晰');
  await drawer.getByRole('button', { name: '记录联通测试' }).click();
  await expect(drawer.getByText('与石狮市应急管理局通话清晰')).toBeVisible();
  await expect(drawer.getByText('尚未测试')).toHaveCount(0);
  await drawer.getByRole('button', { name: '关闭' }).click();
  await expect(drawer).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('正常');
  await expect(row).toContainText('镇应急管理站值班室');

  // The duty officer reports all clear for today.
  const dutyContext = await browser.newContext();
  const duty = await dutyContext.newPage();
  await signIn(duty, 'baogai_duty');
  await duty.getByRole('menuitem', { name: '零报告' }).click();
  const card = duty.getByTestId('zero-send-card');
  await expect(card).toContainText('宝盖镇 今日零报告');
  await card.getByLabel('补充说明').fill('各村（社区）均报平安');
  await card.getByRole('button', { name: /报平安/ }).click();
  await expect(card).toContainText('已于');
  await expect(card).toContainText('王丽娟');
  await dutyContext.close();

  // The county sees 宝盖镇 as sent, with who sent it.
  const countyContext = await browser.newContext();
  const county = await countyContext.newPage();
  await signIn(county, 'county_officer');
  await county.getByRole('menuitem', { name: '零报告' }).click();
  const baogai = county.getByTestId('zero-row-宝盖镇');
  await expect(baogai).toContainText(/按时|迟报/);
  await expect(baogai).toContainText('王丽娟');
  await expect(baogai).toContainText('各村（社区）均报平安');
  await expect(county.getByTestId('zero-row-灵秀镇')).toContainText(/待报|未报/);
  await countyContext.close();
});
