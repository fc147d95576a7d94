import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Shishi@2024';

/** Signs in through the login form, as a person would, and waits for the home page. */
export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
}

/** The id of a demo unit, looked up through the API with the page's session. */
export async function unitIdByName(page: Page, name: string): Promise<string> {
  const res = await page.request.get(`/api/org/units?q=${encodeURIComponent(name)}&status=all`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  const unit = body.items.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit.id;
}

/** Nothing on the page is wider than the window (no sideways scrolling on a phone). */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width + 1);
}
