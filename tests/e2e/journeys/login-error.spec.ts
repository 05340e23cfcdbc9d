// Journey 2: a wrong password shows the API's Vietnamese message.
import { expect, test } from '@playwright/test';

test('a wrong password shows the Vietnamese error', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('chidoan.cogiang');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL(/\/login/);
});
