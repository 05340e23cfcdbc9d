// Journey: an initiative from draft to registered, sent to the district in the unit's
// registration (Mẫu 1), then found by a search without diacritics.
//
// A teacher registers an initiative with a two-step roadmap and submits it → the
// vice-principal (the unit's focal officer) returns it with a reason → the teacher corrects
// and resubmits it → the principal (head) registers it, then lists it in the unit's
// registration for 175/KH-UBND with a commitment, downloads Mẫu 1 as Excel and Word and sends
// the registration → the district's officer receives it from the inbox → the teacher searches
// "cai cach thu tuc" and finds it with the matched words highlighted.
//
// Every run starts on fresh demo data (scripts/test.sh recreates and seeds the database),
// which has no registration: the principal opens Cô Giang's as a draft. The journey also
// accepts one returned by the district (it can be sent again), but not one already sent or
// received.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmAction, downloadExport, login, logout, pickOption } from './support';

const TEACHER = 'giaovien.cogiang.4';
const FOCAL = 'phohieutruong.cogiang';
const HEAD = 'hieutruong.cogiang';
const HEAD_NAME = 'Nguyễn Thị Minh Hạnh';
const OFFICER = 'noivu.quan1'; // authority officer over Quận 1, which issued 175/KH-UBND
const OFFICER_NAME = 'Lê Thị Thanh Tâm';
const UNIT = 'Trường Mầm non Cô Giang';
const CAMPAIGN = '175/KH-UBND';

/** Picks an option of an antd Select (with search) by typing and pressing Enter. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
}

async function fillDate(scope: Page | Locator, label: string, ddmmyyyy: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

async function openUnitList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Sáng kiến của đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Sáng kiến của đơn vị' })).toBeVisible();
}

test('an initiative is submitted, returned, corrected, registered, sent in Mẫu 1 and received, and found without diacritics', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  const title = `Cải cách thủ tục cấp giấy xác nhận cho phụ huynh (mã ${suffix})`;
  const reason = 'Cần nêu rõ số lần phụ huynh phải đến trường trước và sau khi áp dụng.';
  const shortcoming = 'Năm 2022 còn 12 hồ sơ xác nhận phụ huynh bị trả trễ hẹn.';
  const commitment = 'Trả kết quả xác nhận trong ngày, công khai quy trình tại bảng tin của trường.';

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
  await expect(dialog.getByLabel('Lý do trả lại')).toBeVisible();
  // The reason is required (a click while the dialog still animates in can be lost: again).
  await expect(async () => {
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect(dialog.getByText('Vui lòng nhập lý do trả lại.')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
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

  // 5. The principal opens the unit's registration (Mẫu 1) for 175/KH-UBND: the initiative
  //    just registered is listed in it.
  await page.getByRole('link', { name: 'Bản đăng ký thi đua' }).click();
  await expect(page.getByRole('heading', { name: 'Bản đăng ký thi đua', exact: true })).toBeVisible();
  await pickOption(page, 'Kế hoạch thi đua', CAMPAIGN);
  await page.getByRole('button', { name: 'Mở bản đăng ký' }).click();
  await expect(page.getByRole('heading', { name: `Bản đăng ký thi đua — ${UNIT}` })).toBeVisible();
  const status = page.getByText(/^(Đang soạn|Đã gửi|Đã tiếp nhận|Bị trả lại)$/).first();
  await expect(status, 'the registration can still be sent (fresh demo data has none)').toHaveText(/^(Đang soạn|Bị trả lại)$/);
  const listed = page.getByRole('row').filter({ hasText: suffix });
  await expect(listed).toContainText(title);
  await expect(listed).toContainText('15/05/2023 – 30/11/2023');
  // The registration deadline (22/04/2023) has passed and the plan accepts late registrations.
  await expect(page.getByText('Đã quá hạn gửi đăng ký: bản gửi bây giờ sẽ bị ghi nhận là gửi muộn.')).toBeVisible();

  //    The principal adds a commitment to fix a shortcoming, with a target date.
  await page.getByRole('button', { name: 'Thêm cam kết' }).click();
  const commitmentForm = page.getByRole('dialog').filter({ hasText: 'Cam kết khắc phục' });
  await fillDate(commitmentForm, 'Thời hạn', '31/12/2023');
  await commitmentForm.getByLabel('Tồn tại, hạn chế', { exact: true }).fill(shortcoming);
  await commitmentForm.getByLabel('Cam kết khắc phục', { exact: true }).fill(commitment);
  await commitmentForm.getByRole('button', { name: 'Lưu' }).click();
  await expect(commitmentForm).toBeHidden();
  const commitmentRow = page.getByRole('row').filter({ hasText: commitment });
  await expect(commitmentRow).toContainText(shortcoming);
  await expect(commitmentRow).toContainText('31/12/2023');

  //    The principal sends the registration to the district; being late, the confirmation says so.
  await page.getByRole('button', { name: 'Gửi bản đăng ký' }).click();
  const sendConfirm = page.getByRole('dialog').filter({ hasText: `Vẫn gửi bản đăng ký của ${UNIT}?` });
  await expect(sendConfirm).toContainText('bản này sẽ bị ghi nhận là gửi muộn');
  await sendConfirm.getByRole('button', { name: 'Gửi bản đăng ký' }).click();
  await expect(sendConfirm).toBeHidden();
  await expect(page.getByText('Đã gửi bản đăng ký.')).toBeVisible();
  await expect(status).toHaveText('Đã gửi');
  // Once sent, the commitments are frozen; the new version waits for the district.
  await expect(page.getByRole('button', { name: 'Thêm cam kết' })).toBeHidden();
  const headVersions = page.getByRole('table').filter({ hasText: 'Người gửi' });
  const sentVersion = headVersions.getByRole('row').nth(1); // newest first, after the header
  await expect(sentVersion).toContainText(HEAD_NAME);
  await expect(sentVersion).toContainText('Gửi muộn');
  await expect(sentVersion).toContainText('Chờ xử lý');

  //    The principal downloads Mẫu 1 as Excel and as Word: both hold the initiative and the commitment.
  const xlsx = await downloadExport(page, testInfo, 'Tải Mẫu 1 (Excel)', 'xlsx');
  expect(xlsx.get('xl/sharedStrings.xml')).toContain(title);
  expect(xlsx.get('xl/sharedStrings.xml')).toContain(commitment);
  const docx = await downloadExport(page, testInfo, 'Tải Mẫu 1 (Word)', 'docx');
  expect(docx.get('word/document.xml')).toContain(title);
  expect(docx.get('word/document.xml')).toContain(commitment);
  await logout(page);

  // 6. The district's officer finds the registration in the inbox and receives it.
  await login(page, OFFICER);
  await page.getByRole('link', { name: 'Hộp thư đăng ký' }).click();
  await expect(page.getByRole('heading', { name: 'Hộp thư đăng ký' })).toBeVisible();
  const inboxRow = page.getByRole('row').filter({ hasText: UNIT }).filter({ hasText: CAMPAIGN });
  await expect(inboxRow).toHaveCount(1);
  await expect(inboxRow.getByText('Đã gửi', { exact: true })).toBeVisible();
  await expect(inboxRow).toContainText('Gửi muộn');
  await inboxRow.getByRole('button', { name: 'Tiếp nhận' }).click();
  const receiveConfirm = page.getByRole('dialog').filter({ hasText: `Tiếp nhận bản đăng ký của ${UNIT}?` });
  await receiveConfirm.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(receiveConfirm).toBeHidden();
  await expect(page.getByText('Đã tiếp nhận bản đăng ký.')).toBeVisible();
  // It leaves the sent ones, and is listed among the received ones.
  await expect(inboxRow).toHaveCount(0);
  await pickOption(page, 'Lọc theo trạng thái', 'Đã tiếp nhận');
  await expect(page).toHaveURL(/status=received/);
  await expect(inboxRow.getByText('Đã tiếp nhận', { exact: true })).toBeVisible();

  //    The registration's history shows the version sent by the principal, now received,
  //    and opens its frozen content.
  await inboxRow.getByRole('link', { name: UNIT }).click();
  await expect(page.getByRole('heading', { name: `Bản đăng ký thi đua — ${UNIT}` })).toBeVisible();
  await expect(status).toHaveText('Đã tiếp nhận');
  await expect(page.getByRole('button', { name: 'Tiếp nhận' })).toBeHidden();
  const receivedVersion = page.getByRole('table').filter({ hasText: 'Người gửi' }).getByRole('row').nth(1);
  await expect(receivedVersion).toContainText(HEAD_NAME);
  await expect(receivedVersion).toContainText('Đã tiếp nhận');
  await expect(receivedVersion).toContainText(OFFICER_NAME);
  await receivedVersion.getByRole('button', { name: 'Xem' }).click();
  const frozen = page.getByRole('dialog').filter({ hasText: /Lần gửi \d+ — \d{2}\/\d{2}\/\d{4}/ });
  await expect(frozen.getByText(title)).toBeVisible();
  await expect(frozen.getByText(commitment)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(frozen).toBeHidden();
  await logout(page);

  // 7. The teacher searches without diacritics and finds it, the words highlighted.
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
