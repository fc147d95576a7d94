import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/**
 * The grid worker keeps the household register of their own grid (网格管理体系): they open 网格管理,
 * register a household, and find it in the list; another grid's household is not theirs to see.
 */
test('a grid worker registers a household in their grid', async ({ page }) => {
  await signIn(page, 'tanghou_grid');
  await page.getByRole('menuitem', { name: '网格管理' }).click();
  await expect(page.getByRole('tab', { name: '户籍' })).toBeVisible();

  const address = `塘后村前街 ${100 + Math.floor(Math.random() * 800)} 号`;
  await page.getByRole('button', { name: '登记住户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('地址').fill(address);
  await dialog.getByLabel('户主').fill('蔡志明');
  await dialog.getByLabel('人口数').fill('4');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByRole('row').filter({ hasText: address });
  await expect(row).toBeVisible();
  await expect(row).toContainText('蔡志明');

  const other = await page.request.get('/api/grids/households?pageSize=200');
  const units = ((await other.json()) as { items: { unit: { name: string } }[] }).items.map((h) => h.unit.name);
  expect(new Set(units)).toEqual(new Set(['塘后村第一网格']));
});
