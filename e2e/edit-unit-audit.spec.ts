import { expect, test } from '@playwright/test';
import { signIn, unitIdByName } from './helpers';

test('the county officer edits a village and finds the change in the audit log', async ({ page }) => {
  await signIn(page, 'county_officer');
  const id = await unitIdByName(page, '塘后村');
  await page.goto(`/org/units/${id}`);
  await expect(page.getByRole('heading', { name: /塘后村/ }).first()).toBeVisible();

  const address = `石狮市宝盖镇塘后村委会 ${Date.now() % 100000} 号`;
  await page.getByLabel('地址').fill(address);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const row = page.getByRole('row').filter({ hasText: '修改单位' }).filter({ hasText: '塘后村' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('林志强');
  await row.click();
  await expect(page.getByText(address)).toBeVisible();
});

test('the 宝盖镇 chief cannot open a unit of 灵秀镇', async ({ page }) => {
  await signIn(page, 'county_officer');
  const lingxiu = await unitIdByName(page, '灵秀镇');
  await page.context().clearCookies();
  await signIn(page, 'baogai_chief');
  await page.goto(`/org/units/${lingxiu}`);
  await expect(page.getByText(/未找到|不存在/).first()).toBeVisible();
  await expect(page.getByText('灵秀镇', { exact: true })).toHaveCount(0);
});
