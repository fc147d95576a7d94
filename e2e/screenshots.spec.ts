import { expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, signIn, unitIdByName } from './helpers';

/**
 * The README's screenshots, taken on every run so they stay true: login, home and the hierarchy
 * at desktop (1440×900) and phone (390×844) sizes. Each page must fit its width.
 */
const sizes = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of sizes) {
  test(`screens at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `docs/screenshots/login-${size.name}.png` });

    await signIn(page, 'baogai_chief');
    await expect(page.getByText('应急管理站达标情况')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `docs/screenshots/home-${size.name}.png` });

    const id = await unitIdByName(page, '宝盖镇');
    await page.goto(`/org/units/${id}`);
    await expect(page.getByText('岗位与人员').first()).toBeVisible();
    await page.getByText('岗位与人员').first().click();
    await expect(page.getByText(/达标/).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `docs/screenshots/hierarchy-${size.name}.png` });
  });
}
