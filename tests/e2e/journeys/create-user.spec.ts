// Journey 4: the administrator creates a user, signs out, and the new user signs in.
import { expect, test } from '@playwright/test';
import { login, logout } from './support';

test('admin creates a user who can then log in', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const username = `e2e.${suffix}`;
  const displayName = `Người dùng thử ${suffix}`;
  const password = `MatKhau${suffix}9`;

  await login(page, 'admin');
  await page.getByRole('link', { name: 'Người dùng' }).click();
  await expect(page.getByRole('heading', { name: 'Người dùng' })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Họ và tên').fill(displayName);
  await dialog.getByLabel('Chức vụ').fill('Chuyên viên');
  await dialog.getByLabel('Mật khẩu ban đầu').fill(password);
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByText(`Đã tạo người dùng ${username}.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await logout(page);
  await login(page, username, password);
  await expect(page.getByTestId('current-user')).toHaveText(displayName);
});
