import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/**
 * 应急预案: 宝盖镇's chief opens the typhoon plan, adds an action to its Ⅳ-level checklist (the Ⅰ-level
 * one is what the response journeys start) and records a drill; both are there after a reload.
 */
test('the chief adds a Ⅳ-level action to the typhoon plan and records a drill', async ({ page }) => {
  const tag = Date.now().toString(36);
  await signIn(page, 'baogai_chief');
  await page.getByRole('menuitem', { name: /应急预案/ }).click();
  await expect(page).toHaveURL(/\/plans$/);
  await page.getByText('宝盖镇防御台风应急预案').first().click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);

  await page.getByRole('tab', { name: '响应等级与任务清单' }).click();
  await page.getByRole('button', { name: '添加任务' }).last().click();
  const action = page.getByRole('dialog');
  await action.getByLabel('任务内容').fill(`检查海堤闸门并安排专人值守 ${tag}`);
  await action.getByLabel('责任岗位').fill('水利员');
  await action.getByRole('button', { name: '保存' }).click();
  await expect(action).toBeHidden();

  await page.getByRole('tab', { name: '演练记录' }).click();
  await page.getByRole('button', { name: '登记演练' }).click();
  const drill = page.getByRole('dialog');
  await drill.getByLabel('参演人数').fill('36');
  await drill.getByLabel('演练情景').fill(`台风登陆前沿海村居人员转移 ${tag}`);
  await drill.getByRole('button', { name: '保存' }).click();
  await expect(drill).toBeHidden();

  await page.reload();
  await page.getByRole('tab', { name: '响应等级与任务清单' }).click();
  await expect(page.getByText(`检查海堤闸门并安排专人值守 ${tag}`)).toBeVisible();
  await page.getByRole('tab', { name: '演练记录' }).click();
  await expect(page.getByText(`台风登陆前沿海村居人员转移 ${tag}`)).toBeVisible();
});
