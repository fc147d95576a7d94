import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

/** Where the phone journeys leave their screenshots. */
export const SHOTS = '/tmp/shots-m';

/** A phone near 塘后村 (inside 塘后村第一网格) that shares its position. */
export const phone = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  geolocation: { latitude: 24.762, longitude: 118.6337, accuracy: 12 },
  permissions: ['geolocation'],
};

/** Signs in on the phone app as a person would, and waits for its home page. */
export async function signInOnPhone(page: Page, username = 'tanghou_grid') {
  await page.goto('/m/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/您好/)).toBeVisible();
  // Installed: from here on /m/ opens without a network.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** A tab of the phone's bottom bar (the sync tab's name carries its badge count). */
export function tab(page: Page, name: RegExp | string) {
  return page.getByRole('navigation').getByRole('link', typeof name === 'string' ? { name, exact: true } : { name });
}

/** The states of the items on the sync page, top to bottom. */
export async function outboxStates(page: Page): Promise<string[]> {
  return page.getByTestId('outbox-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-state') ?? ''));
}
