// Journey: an initiative from draft to registered, then found by a search without diacritics.
//
// A teacher registers an initiative with a two-step roadmap and submits it → the
// vice-principal (the unit's focal officer) returns it with a reason → the teacher corrects
// and resubmits it → the principal (head) registers it → the teacher searches
// "cai cach thu tuc" and finds it with the matched words highlighted.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { login, logout } from './support';

const TEACHER = 'giaovien.cogiang.4';
const FOCAL = 'phohieutruong.cogiang';
const HEAD = 'hieutruong.cogiang';

/** Picks an option of an antd Select (with search) by typing and pressing Enter. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}

async function fillDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/** Confirms an action in its Popconfirm. */
async function confirmAction(page: Page, action: string, scope: Page | Locator = page): Promise<void> {
  await scope.getByRole('button', { name: action }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Xác nhận' }).click();
}

async function openUnitList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Sáng kiến của đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Sáng kiến của đơn vị' })).toBeVisible();
}

test('an initiative is submitted, returned, corrected, registered and found without diacritics', async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const title = `Cải cách thủ tục cấp giấy xác nhận cho phụ huynh (mã ${suffix})`;
  const reason = 'Cần nêu rõ số lần phụ huynh phải đến trường trước và sau khi áp dụng.';

  // 1. The teacher registers the initiative with a two-step roadmap, then submits it.
  await login(page, TEACHER);
  await page.getByRole('link', { name: 'Sáng kiến của tôi' }).click();
  await expect(page.getByRole('heading', { name: 'Sáng kiến của tôi' })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ký sáng kiến' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký sáng kiến, mô hình, giải pháp' })).toBeVisible();

  await choose(page, 'Kế hoạch thi đua', '175/KH-UBND');
  await choose(page, 'Loại', 'Sáng kiến');
  await choose(page, 'Lĩnh vực CCHC', 'Cải cách thủ tục');
  await page.getByLabel('Tên sáng kiến, mô hình, giải pháp').fill(title);
  await page.getByLabel('Tóm tắt nội dung').fill('Rút gọn thủ tục cấp giấy xác nhận, trả kết quả trong ngày.');
  await page.getByLabel('Vấn đề cần giải quyết').fill('Giấy xác nhận mất đến 5 ngày làm việc.');
  await fillDate(page, 'Ngày bắt đầu', '15/05/2023');
  await fillDate(page, 'Ngày kết thúc', '30/11/2023');
  // The teacher may not list the unit's staff: the only author is the teacher, at 100 %.
  await expect(page.getByText('Tổng tỷ lệ đóng góp: 100%')).toBeVisible();

  await page.getByLabel('Nội dung công việc 1').fill('Khảo sát quy trình hiện tại');
  await fillDate(page, 'Hạn hoàn thành 1', '31/05/2023');
  await page.getByRole('button', { name: 'Thêm bước' }).click();
  await page.getByLabel('Nội dung công việc 2').fill('Áp dụng mẫu giấy xác nhận điện tử');
  await fillDate(page, 'Hạn hoàn thành 2', '31/08/2023');
  await page.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Bản nháp').first()).toBeVisible();
  const roadmap = page.getByRole('table').filter({ hasText: 'Khảo sát quy trình hiện tại' });
  await expect(roadmap.getByRole('row')).toHaveCount(3); // header + two steps
  await expect(roadmap.getByText('Áp dụng mẫu giấy xác nhận điện tử')).toBeVisible();

  await confirmAction(page, 'Gửi duyệt');
  await expect(page.getByText('Chờ duyệt').first()).toBeVisible();
  await logout(page);

  // 2. The vice-principal returns it from the unit's list, with a reason.
  await login(page, FOCAL);
  await openUnitList(page);
  const focalRow = page.getByRole('row').filter({ hasText: suffix });
  await focalRow.getByRole('button', { name: 'Trả lại' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(dialog.getByText('Vui lòng nhập lý do trả lại.')).toBeVisible(); // required
  await dialog.getByLabel('Lý do trả lại').fill(reason);
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(dialog).toBeHidden();
  await expect(focalRow.getByText('Bị trả lại')).toBeVisible();
  await logout(page);

  // 3. The teacher reads the reason, corrects the initiative and submits it again.
  await login(page, TEACHER);
  await page.getByRole('link', { name: 'Sáng kiến của tôi' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByText('Sáng kiến đã bị trả lại để chỉnh sửa')).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();
  await page.getByRole('button', { name: 'Sửa', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sửa sáng kiến' })).toBeVisible();
  await page
    .getByLabel('Dự kiến kết quả')
    .fill('Số lần phụ huynh phải đến trường giảm từ 3 lần xuống 1 lần; trả kết quả trong ngày.');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Số lần phụ huynh phải đến trường giảm từ 3 lần xuống 1 lần')).toBeVisible();
  await confirmAction(page, 'Gửi duyệt');
  await expect(page.getByText('Chờ duyệt').first()).toBeVisible();
  // The history names who did what, and why it was returned.
  const history = page.getByRole('article');
  await expect(history).toHaveCount(3);
  await expect(history.nth(1)).toContainText('Trả lại');
  await expect(history.nth(1)).toContainText(reason);
  await expect(history.nth(1)).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await logout(page);

  // 4. The principal registers it.
  await login(page, HEAD);
  await openUnitList(page);
  const headRow = page.getByRole('row').filter({ hasText: suffix });
  await confirmAction(page, 'Duyệt đăng ký', headRow);
  await expect(headRow.getByText('Đã đăng ký')).toBeVisible();
  await logout(page);

  // 5. The teacher searches without diacritics and finds it, the words highlighted.
  await login(page, TEACHER);
  await openUnitList(page);
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('cai cach thu tuc');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=cai\+cach\+thu\+tuc|q=cai%20cach%20thu%20tuc/);
  const found = page.getByRole('link', { name: title });
  await expect(found).toBeVisible();
  await expect(found.locator('mark')).toHaveText(['Cải cách thủ tục']);
  const row = page.getByRole('row').filter({ hasText: suffix });
  await expect(row.getByText('Đã đăng ký')).toBeVisible();
  await expect(row.locator('mark')).toHaveText(['Cải cách thủ tục', 'thủ tục']); // title, then summary
});
