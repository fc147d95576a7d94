import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('signing in lands each role on its own home page', () => {
  test('the county officer sees the whole of 石狮市 and every menu', async ({ page }) => {
    await signIn(page, 'county_officer');
    await expect(page.getByText('林志强，您好')).toBeVisible();
    await expect(page.getByText('应急管理站达标情况')).toBeVisible();
    for (const item of ['首页', '单位层级', '人员名册', '导入导出', '账号管理', '操作日志']) {
      await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: '宝盖镇' })).toBeVisible();
    await expect(page.getByRole('link', { name: '灵秀镇' })).toBeVisible();
  });

  test('the 宝盖镇 chief sees only 宝盖镇', async ({ page }) => {
    await signIn(page, 'baogai_chief');
    await expect(page.getByText('蔡明辉，您好')).toBeVisible();
    await expect(page.getByRole('link', { name: '宝盖镇' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: '灵秀镇' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: '账号管理' })).toBeVisible();
  });

  test('a grid worker gets a small menu without accounts or the audit log', async ({ page }) => {
    await signIn(page, 'tanghou_grid');
    await expect(page.getByText('李秀英，您好')).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '单位层级' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '账号管理' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: '操作日志' })).toHaveCount(0);
  });

  test('a wrong password is refused with a message, and English is one click away', async ({ page }) => {
    await page.goto('/login');
    await page.locator('#username').fill('baogai_duty');
    await page.locator('#password').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('用户名或密码错误')).toBeVisible();
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('button', { name: /Sign in/i })).toBeVisible();
  });
});
