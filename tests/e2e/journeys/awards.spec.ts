// Journey: an accepted initiative is nominated for an award, approved and granted by decision,
// enters the public showcase and is taken up by another school (issue 6).
//
// The principal of Trường Mầm non Cô Giang nominates the accepted initiative "Sổ liên lạc điện
// tử…" for the ward chairman's Giấy khen, year 2023 (the district's, ended, is greyed out): the
// live checklist is green on every rule; she writes the tờ trình and the báo cáo thành tích,
// adds a photo from the unit's file store as evidence and sends it → she then tries a teacher
// with a 2023 violation and a "Hoàn thành nhiệm vụ" rating: the checklist is red on both
// rules, with the violation record; sending is refused (the wizard keeps the dossier as a
// draft, which she deletes) → the district's officer approves the initiative from the review
// queue and records the decision (a number unique to the run), whose page lists it and whose
// Word file carries the number → a visitor, not signed in, finds the model in the showcase by
// a search without diacritics, with the decision among its awards → the principal of Trường
// Tiểu học Trần Hưng Đạo registers to replicate it in Quý I 2024, with a note and a figure,
// and the model's "Nơi nhân rộng" lists his school as planned.
//
// Every run starts on fresh demo data (scripts/test.sh recreates and seeds the database), in
// which the initiative is neither nominated nor in the showcase: the journey runs once per
// database (retries are 0), and a second run on the same data would be refused as a duplicate
// nomination. The decision's number is unique anyway, and every check is scoped to the
// initiative, the teacher or the number.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmAction, downloadExport, login, logout } from './support';

const HEAD = 'hieutruong.cogiang';
const HEAD_NAME = 'Nguyễn Thị Minh Hạnh';
const UNIT = 'Trường Mầm non Cô Giang';
const OFFICER = 'noivu.quan1'; // authority officer of Ủy ban nhân dân Quận 1
const OTHER_HEAD = 'hieutruong.tranhungdao';
const OTHER_UNIT = 'Trường Tiểu học Trần Hưng Đạo';
const INITIATIVE = 'Sổ liên lạc điện tử kết nối nhà trường và phụ huynh';
const TEACHER_NAME = 'Lý Thị Mỹ Duyên'; // giaovien.cogiang.3: a 2023 violation, rated "Hoàn thành nhiệm vụ"
const FORM = 'Giấy khen của Chủ tịch Ủy ban nhân dân phường';
const ENDED_FORM = 'Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1';
const AUTHORITY = 'Ủy ban nhân dân Quận 1';
const PROPOSAL = 'Trường Mầm non Cô Giang kính đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho sáng kiến.';
const ACHIEVEMENTS = '100% phụ huynh dùng sổ liên lạc điện tử; giáo viên giảm 80% thời gian ghi sổ.';
const EVIDENCE = 'Ảnh bàn hỗ trợ phụ huynh.jpg'; // in Cô Giang's file store (a report's evidence)
const CEREMONY = 'Hội nghị tổng kết phong trào thi đua năm 2023';
const NOTE = 'Áp dụng cho khối lớp 1 trước, mở rộng toàn trường từ học kỳ II.';

/** Today in Ho Chi Minh City, as the date pickers show it (DD/MM/YYYY). */
function todayVn(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
}

/** The text of a Word document's body: tags dropped, entities decoded. */
function documentText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function openMenu(page: Page, entry: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: entry, exact: true }).click();
}

/**
 * Picks an option of an antd Select with a server-side search (the nominee pickers): types
 * words of it (the list is virtual: an option far down is not rendered until searched), then
 * clicks the option, until the select shows it.
 */
async function searchAndPick(page: Page, label: string, words: string, text: string): Promise<void> {
  // By label, not by accessible name: a required field's name starts with the "*" mark.
  const select = page.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    if (!((await select.textContent()) ?? '').includes(text)) {
      await select.click();
      await select.getByRole('combobox').fill(words);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).click({ timeout: 3000 });
    }
    await expect(select).toContainText(text, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** The wizard's first two steps: the nominee, then the ward's Giấy khen for 2023. */
async function chooseNomineeAndForm(page: Page, kind: 'Sáng kiến' | 'Cá nhân', words: string, nominee: string): Promise<Locator> {
  await openMenu(page, 'Khen thưởng');
  await expect(page.getByRole('heading', { name: 'Khen thưởng', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Đề nghị khen thưởng mới' }).click();
  await expect(page.getByRole('heading', { name: 'Đề nghị khen thưởng mới' })).toBeVisible();
  await expect(page.locator('.ant-typography').filter({ hasText: /^Đơn vị đề nghị: / })).toHaveText(`Đơn vị đề nghị: ${UNIT}`);
  // antd radio buttons: their label is what takes the click.
  await page.locator('label.ant-radio-button-wrapper').filter({ hasText: kind }).click();
  await searchAndPick(page, kind, words, nominee);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  // The district's Giấy khen ended on 30/6/2025: shown, greyed out.
  await expect(page.getByRole('radio', { name: new RegExp(`^${ENDED_FORM}`) })).toBeDisabled();
  await page.locator('label.ant-radio-wrapper').filter({ hasText: FORM }).click();
  await expect(page.getByRole('radio', { name: new RegExp(`^${FORM}`) })).toBeChecked();
  await page.getByLabel('Năm thi đua', { exact: true }).fill('2023');

  // The live checklist, asked again for 2023 once the inputs settle.
  const checklist = page.getByRole('list', { name: 'Điều kiện khen thưởng' });
  await expect(page.getByText(/năm thi đua 2023$/)).toBeVisible();
  await expect(checklist.locator('xpath=ancestor::*[@aria-busy][1]')).toHaveAttribute('aria-busy', 'false');
  return checklist;
}

test('an initiative is nominated, approved and granted, then shown in the showcase and replicated; a teacher with a violation cannot be nominated', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const number = `${1_000_000 + (Date.now() % 9_000_000)}/QĐ-UBND`;
  const today = todayVn();

  // 1. The principal nominates the accepted initiative: every rule passes, and she sends it.
  await login(page, HEAD);
  const checklist = await chooseNomineeAndForm(page, 'Sáng kiến', 'so lien lac dien tu', INITIATIVE);
  for (const code of ['award_form_valid', 'within_deadline', 'initiative_accepted', 'no_violation']) {
    const rule = checklist.getByTestId(`rule-${code}`);
    await expect(rule).toHaveAttribute('data-outcome', 'pass');
    await expect(rule.locator('.ant-tag')).toHaveText('Đạt');
  }
  const rules = checklist.getByRole('listitem');
  expect(await rules.count()).toBeGreaterThanOrEqual(4);
  for (const rule of await rules.all()) await expect(rule.locator('.ant-tag')).toHaveText('Đạt');
  await expect(checklist.getByTestId('rule-initiative_accepted').getByRole('link')).toContainText('Hội đồng');
  await expect(page.getByText('Đủ điều kiện', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByLabel('Tờ trình', { exact: true }).fill(PROPOSAL);
  await page.getByLabel('Báo cáo thành tích', { exact: true }).fill(ACHIEVEMENTS);
  //    The initiative has no files of its own; the evidence comes from the unit's file store.
  await expect(page.getByRole('group', { name: 'Tệp của sáng kiến' })).toContainText('Sáng kiến chưa có tài liệu minh chứng.');
  await page.getByRole('group', { name: 'Kho tệp của đơn vị' }).getByRole('checkbox', { name: new RegExp(`^${EVIDENCE.replace('.', '\\.')} `) }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  const review = page.locator('.ant-descriptions').filter({ hasText: 'Đối tượng đề nghị' });
  await expect(review).toContainText(INITIATIVE);
  await expect(review).toContainText(FORM);
  await expect(review).toContainText('2023');
  await expect(review).toContainText('1 tệp');
  await page.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(page.getByText('Đã gửi đề nghị khen thưởng.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Đề nghị khen thưởng: .*${INITIATIVE}`) })).toBeVisible();
  const details = page.locator('.ant-card').filter({ hasText: 'Thông tin đề nghị' });
  await expect(details.locator('.ant-descriptions-item').filter({ hasText: 'Trạng thái' })).toContainText('Đã gửi');
  await expect(details).toContainText(HEAD_NAME);
  const dossier = page.locator('.ant-card').filter({ hasText: 'Hồ sơ đề nghị' });
  await expect(dossier).toContainText(ACHIEVEMENTS);
  await expect(dossier.getByRole('button', { name: `Tải xuống ${EVIDENCE}` })).toBeVisible();

  // 2. A teacher with a 2023 violation and a plain rating: both rules fail, sending is refused.
  const failing = await chooseNomineeAndForm(page, 'Cá nhân', 'My Duyen', TEACHER_NAME);
  const violation = failing.getByTestId('rule-no_violation');
  await expect(violation).toHaveAttribute('data-outcome', 'fail');
  await expect(violation.locator('.ant-tag')).toHaveText('Không đạt');
  await expect(violation).toContainText('16/10/2023');
  await expect(violation).toContainText('45/QĐ-MNCG');
  const rating = failing.getByTestId('rule-person_rating');
  await expect(rating).toHaveAttribute('data-outcome', 'fail');
  await expect(rating.locator('.ant-tag')).toHaveText('Không đạt');
  await expect(rating).toContainText('Hoàn thành nhiệm vụ');
  await expect(page.getByText('Chưa đủ điều kiện', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  const [refusal] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/nominations\/[^/]+\/submit$/.test(r.url())),
    page.getByRole('button', { name: 'Gửi đề nghị' }).click(),
  ]);
  expect(refusal.status()).toBe(422);
  //    The API's refusal, in red, rule by rule; the wizard kept the dossier as a draft.
  const refused = page.getByTestId('submit-refused');
  await expect(refused).toHaveClass(/ant-alert-error/);
  await expect(refused).toContainText('Chưa gửi được: đề nghị chưa đủ điều kiện khen thưởng');
  await expect(refused).toContainText('Không có vi phạm trong năm');
  await expect(refused).toContainText('Xếp loại năm');
  await refused.getByRole('link', { name: 'Mở bản nháp đã lưu' }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Đề nghị khen thưởng: .*${TEACHER_NAME}`) })).toBeVisible();
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: 'Trạng thái' })).toContainText('Nháp');
  //    She deletes the draft: nothing of the teacher is left in the queue.
  await page.getByRole('button', { name: 'Xóa nháp' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Danh sách đề nghị khen thưởng' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Danh sách đề nghị khen thưởng' }).getByRole('link', { name: TEACHER_NAME })).toHaveCount(0);
  await logout(page);

  // 3. The district's officer approves it from the queue and records the decision.
  await login(page, OFFICER);
  await openMenu(page, 'Khen thưởng');
  await page.getByRole('tab', { name: 'Duyệt đề nghị' }).click();
  const queued = page.getByRole('table', { name: 'Đề nghị chờ duyệt' }).getByRole('row').filter({ has: page.getByRole('link', { name: INITIATIVE }) });
  await expect(queued).toContainText('Đã gửi');
  await expect(queued).toContainText('Đủ điều kiện');
  await confirmAction(page, 'Duyệt', queued, { exact: true });
  await expect(page.getByText('Đã duyệt đề nghị khen thưởng.')).toBeVisible();
  await expect(queued).toHaveCount(0);

  await page.getByRole('tab', { name: 'Quyết định khen thưởng' }).click();
  await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
  await expect(page.getByRole('heading', { name: 'Ghi nhận quyết định' })).toBeVisible();
  await expect(page.locator('.ant-form-item').filter({ hasText: 'Cơ quan ban hành' })).toContainText(AUTHORITY);
  const approved = page.getByRole('table', { name: 'Đề nghị đã duyệt' });
  await approved.getByRole('checkbox', { name: new RegExp(`^Chọn .*${INITIATIVE}`) }).check();
  await page.getByLabel('Số, ký hiệu', { exact: true }).fill(number);
  await expect(page.getByLabel('Ngày ký', { exact: true })).toHaveValue(today);
  await page.getByLabel('Chức vụ người ký', { exact: true }).fill('Chủ tịch');
  await page.getByLabel('Họ và tên người ký', { exact: true }).fill('Lê Đức Thanh');
  const ceremony = page.getByLabel('Ngày trao thưởng', { exact: true });
  // Typed, then left with Tab: Enter in the picker would also submit the form, mid-way.
  await ceremony.click();
  await ceremony.fill(today);
  await ceremony.press('Tab');
  await expect(ceremony).toHaveValue(today);
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await page.getByLabel('Ghi chú về lễ trao thưởng', { exact: true }).fill(CEREMONY);
  await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
  await expect(page.getByText(`Đã ghi nhận Quyết định số ${number}.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: `Quyết định số ${number}` })).toBeVisible();
  await expect(page.locator('.ant-descriptions')).toContainText('Chủ tịch Lê Đức Thanh');
  await expect(page.locator('.ant-descriptions')).toContainText(AUTHORITY);
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: 'Ngày trao thưởng' })).toContainText(today);
  await expect(page.locator('.ant-descriptions')).toContainText(CEREMONY);
  const granted = page.getByRole('table', { name: 'Danh sách được khen thưởng' }).getByRole('row').filter({ hasText: INITIATIVE });
  await expect(granted).toContainText(FORM);
  await expect(granted).toContainText(UNIT);
  const docx = await downloadExport(page, testInfo, 'Tải quyết định (Word)', 'docx', 'Quyết định');
  const decision = documentText(docx.get('word/document.xml') ?? '');
  expect(decision).toContain(number);
  expect(decision).toContain(INITIATIVE);
  await logout(page);

  // 4. A visitor finds the model in the public showcase, without diacritics; the decision is listed.
  await page.goto('/showcase');
  await expect(page.getByRole('heading', { name: 'Điển hình tiên tiến', exact: true })).toBeVisible();
  //    The search is sent after a pause in typing: wait for its answer (the model is in the
  //    unfiltered list too, and a click before the search lands is undone by it).
  const searched = page.waitForResponse((r) => /\/api\/v1\/showcase\?.*\bq=so(\+|%20)lien(\+|%20)lac\b/.test(r.url()) && r.ok());
  await page.getByLabel('Tìm kiếm mô hình').fill('so lien lac');
  await searched;
  await expect(page).toHaveURL(/[?&]q=so(\+|%20)lien(\+|%20)lac(&|$)/);
  await expect(page.getByText(/^Tìm thấy \d+ mô hình$/)).toBeVisible();
  const card = page.getByRole('list', { name: 'Điển hình tiên tiến' }).getByRole('article', { name: INITIATIVE });
  await expect(card).toContainText(UNIT);
  await expect(card).toContainText('1 khen thưởng');
  await card.getByRole('link', { name: INITIATIVE }).click();
  await expect(page.getByRole('heading', { name: INITIATIVE, level: 2 })).toBeVisible();
  const award = page.getByRole('table', { name: 'Khen thưởng', exact: true }).getByRole('row').filter({ hasText: number });
  await expect(award).toContainText(FORM);
  await expect(award).toContainText('2023');
  await expect(page.getByRole('button', { name: 'Đăng ký nhân rộng' })).toHaveCount(0);
  const modelUrl = page.url();

  // 5. Another school's principal registers to replicate it in Quý I 2024.
  await login(page, OTHER_HEAD);
  await page.goto(modelUrl);
  await expect(page.getByRole('heading', { name: INITIATIVE, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ký nhân rộng' }).click();
  const dialog = page.getByRole('dialog', { name: `Đăng ký nhân rộng: ${INITIATIVE}` });
  await expect(dialog.locator('.ant-form-item').filter({ hasText: 'Đơn vị áp dụng' })).toContainText(OTHER_UNIT);
  await dialog.getByLabel('Năm', { exact: true }).fill('2024');
  await dialog.locator('label.ant-radio-button-wrapper').filter({ hasText: /^Quý I$/ }).click();
  await expect(dialog.getByLabel('Từ ngày', { exact: true })).toHaveValue('01/01/2024');
  await expect(dialog.getByLabel('Đến ngày', { exact: true })).toHaveValue('31/03/2024');
  await dialog.getByLabel('Nội dung điều chỉnh cho phù hợp với đơn vị', { exact: true }).fill(NOTE);
  await dialog.getByRole('button', { name: 'Thêm chỉ số' }).click();
  await dialog.getByLabel('Tên chỉ số 1', { exact: true }).fill('Tỷ lệ phụ huynh nhận thông báo trong ngày');
  await dialog.getByLabel('Đơn vị tính của chỉ số 1', { exact: true }).fill('%');
  await dialog.getByLabel('Giá trị trước của chỉ số 1', { exact: true }).fill('40');
  await dialog.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByText(`Đã đăng ký nhân rộng mô hình tại ${OTHER_UNIT}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const spread = page.getByRole('table', { name: 'Nơi nhân rộng' }).getByRole('row').filter({ hasText: OTHER_UNIT });
  await expect(spread).toContainText('Đã lên kế hoạch');
  await expect(spread).toContainText('Quý I năm 2024');
});
