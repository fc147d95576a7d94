import { expect, test, type Page } from '@playwright/test';
import { signIn, unitIdByName } from './helpers';

/** Journeys here move the server's clock; it goes back to real time after each, so nothing leaks into the next. */
test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { reset: true } });
});

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Screenshots for the README, on a desktop and a phone. */
async function shoot(page: Page, name: string, phone = true) {
  await page.screenshot({ path: `docs/screenshots/response-${name}-desktop.png` });
  if (!phone) return;
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/response-${name}-phone.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** Moves the server's clock forward in steps below the idle timeout, reloading between them. */
async function advance(page: Page, minutes: number) {
  for (let left = minutes; left > 0; left -= 20) {
    const moved = await page.request.post('/api/test/clock', { data: { advanceMinutes: Math.min(20, left) } });
    expect(moved.ok()).toBe(true);
    await page.reload();
  }
}

test('the chief starts the proposed Ⅰ-level typhoon response, ticks tasks and ends it into the event timeline', async ({ page }) => {
  // The county enters a red typhoon warning for 宝盖镇 and issues it there.
  await signIn(page, 'county_officer');
  const baogai = await unitIdByName(page, '宝盖镇');
  const now = Date.now();
  const created = await page.request.post('/api/warnings', {
    data: {
      id: crypto.randomUUID(),
      type: 'typhoon',
      level: 'red',
      areaDesc: '宝盖镇沿海村居',
      areaUnitIds: [baogai],
      effective: new Date(now).toISOString(),
      expires: new Date(now + 2 * 86400_000).toISOString(),
      headline: '石狮市气象台发布台风红色预警信号',
      text: '第9号台风“海燕”预计今夜在我市沿海登陆，请立即做好防御准备。',
    },
  });
  expect(created.status()).toBe(201);
  const warning = (await created.json()) as { id: string };
  const issued = await page.request.post(`/api/warnings/${warning.id}/issues`, { data: { id: crypto.randomUUID(), unitIds: [baogai] } });
  expect(issued.status()).toBe(201);

  // 宝盖镇's chief opens the start page: the typhoon plan, Ⅰ级, is proposed first.
  await page.context().clearCookies();
  await signIn(page, 'baogai_chief');
  await page.goto(`/responses/new?warningId=${warning.id}`);
  const first = page.getByTestId('proposal').first();
  await expect(first).toContainText('宝盖镇防御台风应急预案');
  await expect(first).toContainText('Ⅰ级响应');
  await expect(first).toContainText('镇党委书记、镇长进驻指挥部坐镇指挥');
  await shoot(page, 'new');

  await first.getByTestId('start-response').click();
  await expect(page).toHaveURL(/\/responses\/[0-9a-f-]{36}$/);
  const tasks = page.getByTestId('response-task');
  await expect(tasks).toHaveCount(5);

  // Two tasks ticked, the first with a note.
  for (const [i, note] of [[0, '镇指挥部已开设，领导班子全部到岗'], [1, '']] as const) {
    await tasks.nth(i).getByRole('checkbox').click();
    if (note) await page.getByTestId('tick-note').fill(note);
    await page.getByRole('dialog').getByRole('button', { name: '标记完成' }).click();
    await expect(tasks.nth(i)).toHaveAttribute('data-done', 'true');
  }
  await expect(page.getByTestId('response-progress')).toContainText('已完成 2/5');

  // An hour later the 60-minute reporting task is overdue and shows red.
  await advance(page, 65);
  await expect(tasks.nth(3)).toHaveAttribute('data-overdue', 'true');
  await expect(tasks.nth(3)).toContainText('已逾期');
  await shoot(page, 'detail');

  // The list counts it among the real responses.
  await page.goto('/responses');
  await expect(page.getByText('宝盖镇防御台风应急预案')).toBeVisible();
  await shoot(page, 'list');

  // The chief ends it with a summary; it joins the duty event's timeline.
  await page.goBack();
  await page.getByTestId('end-response').click();
  const summary = '全镇共转移沿海群众 1,236 人，渔船全部回港，无人员伤亡。';
  await page.getByTestId('end-summary').fill(summary);
  await page.getByRole('dialog').getByRole('button', { name: '结束响应' }).click();
  await expect(page.getByTestId('response-summary')).toHaveText(summary);
  await page.getByTestId('duty-event-link').click();
  await expect(page).toHaveURL(/\/duty\/events\/[0-9a-f-]{36}$/);
  const entry = page.getByTestId('timeline-entry').filter({ hasText: summary });
  await expect(entry).toContainText('任务完成 2/5 项');
  await shoot(page, 'event', false);

  // The same plan started again as an exercise: watermarked 演练 and counted apart.
  await page.goto(`/responses/new?warningId=${warning.id}`);
  await page.getByTestId('as-exercise').click();
  await page.getByTestId('proposal').first().getByTestId('start-response').click();
  await expect(page).toHaveURL(/\/responses\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('exercise-mark').first()).toHaveText('【演练】');
  await shoot(page, 'exercise');
  await page.goto('/responses');
  await expect(page.getByTestId('response-kind')).toContainText('演练 1');
});
