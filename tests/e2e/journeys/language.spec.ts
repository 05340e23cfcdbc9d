// Journey 3: the language switch turns the UI to English and back, before and after login.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support';

test('the language switch changes the UI to English and back', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Signed in in English: the shell and the API's messages follow.
  await page.getByLabel('Username').fill('noivu.quan1');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Emulation plans' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách kế hoạch thi đua' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});
