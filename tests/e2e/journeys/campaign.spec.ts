// Journey 1: a unit head signs in and sees the 2023 campaign with its deadlines.
import { expect, test } from '@playwright/test';
import { login } from './support';

test('unit head sees campaign 175/KH-UBND with its deadlines', async ({ page }) => {
  await login(page, 'hieutruong.cogiang');

  // Home is the campaign list.
  await expect(page).toHaveURL(/\/campaigns/);
  await expect(page.getByRole('heading', { name: 'Danh sách kế hoạch thi đua' })).toBeVisible();
  // The header says who is signed in and in which role.
  await expect(page.getByText('Thủ trưởng đơn vị').first()).toBeVisible();

  // Narrow to 2023 with the search box, then open the plan.
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('175/KH-UBND');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).press('Enter');
  await page.getByRole('link', { name: '175/KH-UBND' }).click();

  await expect(page.getByRole('heading', { name: '175/KH-UBND' })).toBeVisible();
  await expect(page.getByText('Các mốc thời gian')).toBeVisible();
  // Registration before 22/04/2023 and the phase-1 report before 10/06/2023 (SPEC §3),
  // in dd/MM/yyyy, each with a late marker counted in Vietnam days.
  await expect(page.getByText('Hạn: 22/04/2023').or(page.getByText(/đến 22\/04\/2023/)).first()).toBeVisible();
  await expect(page.getByText('Hạn: 10/06/2023').or(page.getByText(/đến 10\/06\/2023/)).first()).toBeVisible();
  await expect(page.getByText(/quá hạn \d+ ngày/).first()).toBeVisible();
});
