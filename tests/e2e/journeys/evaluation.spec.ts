// Journey: a unit committee evaluates the school's completed initiative, from set-up to the
// published result its author reads (issue 5).
//
// The principal of Trường Mầm non Cô Giang sets up a unit-committee round for 175/KH-UBND
// (chair: herself; secretary: the vice-principal; members: the trade-union chair, the youth
// union secretary and a teacher), adds the default entries (the completed initiative), assigns
// three evaluators by hand and opens scoring → the youth union secretary declares a conflict
// of interest and is recused → the trade-union chair and the teacher score (a draft saves
// itself, then each submits; the second then reads the first's sheet) → the principal sees the
// matrix and the ranking, records "accepted" and proposes the initiative for an award with 5
// votes to 0, closes the round with the attendance, publishes it and downloads the minutes →
// the initiative's author reads the published aggregate and decision, and no evaluator's name.
//
// The e2e database is shared by the journeys of a run (and the demo data has rounds of its
// own): the round's title is unique, and every check is scoped to it.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmAction, downloadExport, login, logout, pickOption } from './support';

const HEAD = 'hieutruong.cogiang';
const CHAIR_NAME = 'Nguyễn Thị Minh Hạnh';
const SECRETARY_NAME = 'Trần Thị Ngọc Lan'; // phohieutruong.cogiang
const UNION = 'congdoan.cogiang';
const UNION_NAME = 'Phạm Thị Thu Hương';
const YOUTH = 'chidoan.cogiang';
const YOUTH_NAME = 'Võ Hoàng Yến';
const TEACHER = 'giaovien.cogiang.3';
const TEACHER_NAME = 'Lý Thị Mỹ Duyên';
const AUTHOR = 'giaovien.cogiang.5';
const CAMPAIGN = '175/KH-UBND';
const INITIATIVE = 'Mô hình "Phụ huynh đồng hành" giám sát bữa ăn bán trú';
const CRITERIA_SET = 'Tiêu chí lựa chọn mô hình, giải pháp, sáng kiến tiêu biểu';
const GATE = 'Bảo đảm tính hợp pháp, hiệu quả';
const CONFLICT = 'Tôi là phụ huynh có con học tại lớp áp dụng mô hình.';
const NOTE = 'Mô hình hiệu quả, phụ huynh hài lòng; đề nghị nhân rộng trong quận.';

/** Points per scored criterion (§III.1: 30, 25, 25, 20): 87 and 85, a mean of 86. */
const SCORES: Record<string, [number, number]> = {
  'Giải quyết các vấn đề đặt ra': [27, 25],
  'Tác động về mặt xã hội': [22, 20],
  'Tính vượt trội, lợi thế cạnh tranh': [21, 22],
  'Sự phát triển trong tương lai': [17, 18],
};

async function openMenu(page: Page, entry: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: entry, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
}

/** Chooses several options of a multiple Select (it stays open between clicks). */
async function pickMany(page: Page, label: string, texts: string[]): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) });
  for (const text of texts) {
    await expect(async () => {
      if (!((await select.textContent()) ?? '').includes(text)) {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).click({ timeout: 3000 });
      }
      await expect(select).toContainText(text, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
  }
  await page.keyboard.press('Escape');
}

/** The text of a Word document's body: tags dropped, entities decoded (runs may split words' markup). */
function documentText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The evaluator opens their sheet of the initiative in this round, from "Phiếu chấm của tôi". */
async function openSheet(page: Page, round: string): Promise<Locator> {
  await openMenu(page, 'Phiếu chấm của tôi', 'Phiếu chấm của tôi');
  const card = page.locator('.ant-card').filter({ has: page.getByRole('link', { name: round }) });
  const row = card.getByRole('row').filter({ hasText: INITIATIVE });
  await expect(row).toContainText('Chưa chấm');
  await row.getByRole('button', { name: 'Chấm điểm' }).click();
  await expect(page.getByRole('heading', { name: INITIATIVE })).toBeVisible();
  return row;
}

/** Scores every criterion (the gate passed), comments one, waits for the draft's autosave, submits. */
async function scoreAndSubmit(page: Page, which: 0 | 1, comment: string): Promise<void> {
  // The dossier beside the sheet.
  await expect(page.getByText('Hồ sơ sáng kiến')).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Minh chứng/ })).toBeVisible();
  // Each criterion with its maximum and guidance.
  await expect(page.getByText('Tối đa 30 điểm')).toBeVisible();
  await expect(page.getByText('Tiêu chí bắt buộc (đạt / không đạt)')).toBeVisible();

  await page.getByRole('radiogroup', { name: `Kết quả — ${GATE}` }).getByText('Đạt', { exact: true }).click();
  for (const [criterion, points] of Object.entries(SCORES)) {
    await page.getByRole('spinbutton', { name: `Điểm — ${criterion}` }).fill(String(points[which]));
  }
  await page.getByRole('textbox', { name: 'Nhận xét — Giải quyết các vấn đề đặt ra' }).fill(comment);
  // The draft saves itself a moment after the last change.
  await expect(page.getByRole('status').getByText(/^Đã lưu nháp lúc \d{2}:\d{2}:\d{2}$/)).toBeVisible();
  await expect(page.getByTestId('sheet-total')).toHaveText(`Tổng điểm: ${which === 0 ? 87 : 85} / 100`);

  await confirmAction(page, 'Nộp phiếu chấm');
  await expect(page.getByText('Đã nộp phiếu chấm.')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Điểm — Giải quyết các vấn đề đặt ra' })).toBeDisabled();
}

test('a unit committee scores, decides, closes and publishes; the author reads the result without evaluators’ names', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  const round = `Hội đồng đánh giá sáng kiến Trường Mầm non Cô Giang (mã ${Date.now().toString(36)})`;

  // 1. The principal sets up the round and its committee.
  await login(page, HEAD);
  await openMenu(page, 'Đánh giá sáng kiến', 'Đánh giá sáng kiến');
  await page.getByRole('button', { name: 'Tạo đợt đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Tạo đợt đánh giá' })).toBeVisible();
  await expect(page.locator('.ant-select').filter({ has: page.getByLabel('Cấp đánh giá', { exact: true }) })).toContainText('Hội đồng cấp đơn vị');
  await pickOption(page, 'Kế hoạch thi đua', CAMPAIGN);
  await page.getByLabel('Tên đợt đánh giá').fill(round);
  await pickOption(page, 'Bộ tiêu chí', CRITERIA_SET);
  await pickOption(page, 'Chủ tịch Hội đồng', CHAIR_NAME);
  await pickOption(page, 'Thư ký Hội đồng', SECRETARY_NAME);
  await pickMany(page, 'Ủy viên', [UNION_NAME, YOUTH_NAME, TEACHER_NAME]);
  await page.getByLabel('Địa điểm họp').fill('Phòng họp Trường Mầm non Cô Giang');
  await page.getByRole('button', { name: 'Tạo đợt đánh giá' }).click();
  await expect(page.getByRole('heading', { name: round })).toBeVisible();
  await expect(page.getByText('Đang thiết lập', { exact: true })).toBeVisible();

  // 2. The completed initiative comes in by default; three evaluators are assigned by hand.
  await page.getByRole('button', { name: 'Thêm sáng kiến mặc định' }).click();
  await expect(page.getByText(/^Đợt đánh giá có \d+ sáng kiến\.$/)).toBeVisible();
  const entry = page.getByRole('row').filter({ has: page.getByRole('link', { name: INITIATIVE }) });
  await expect(entry).toContainText('Chưa phân công');
  for (const name of [UNION_NAME, YOUTH_NAME, TEACHER_NAME]) {
    await pickOption(page, `Phân công người chấm cho "${INITIATIVE}"`, name, entry);
    await entry.getByRole('button', { name: 'Phân công' }).click();
    await expect(page.getByText(`Đã phân công ${name}.`)).toBeVisible();
    await expect(entry).toContainText(name);
  }
  // The secretary keeps the minutes and is not offered as an evaluator.
  await entry.getByLabel(`Phân công người chấm cho "${INITIATIVE}"`, { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).not.toContainText(SECRETARY_NAME);
  await page.keyboard.press('Escape');

  await confirmAction(page, 'Bắt đầu chấm điểm');
  await expect(page.getByText('Đang chấm điểm', { exact: true })).toBeVisible();
  await logout(page);

  // 3. The youth union secretary declares a conflict of interest and is recused.
  await login(page, YOUTH);
  await openSheet(page, round);
  await page.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
  const conflict = page.getByRole('dialog').filter({ hasText: 'Khai báo xung đột lợi ích với' });
  await conflict.getByLabel('Nội dung xung đột lợi ích').fill(CONFLICT);
  await conflict.getByRole('button', { name: 'Khai báo' }).click();
  await expect(page.getByText('Đã khai báo xung đột lợi ích; bạn không chấm sáng kiến này.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Phiếu chấm của tôi', exact: true })).toBeVisible();
  const recused = page.locator('.ant-card').filter({ has: page.getByRole('link', { name: round }) }).getByRole('row').filter({ hasText: INITIATIVE });
  await expect(recused).toContainText('Xung đột lợi ích');
  await expect(recused.getByRole('button', { name: 'Chấm điểm' })).toHaveCount(0);
  await logout(page);

  // 4. The trade-union chair scores and submits; nobody else has submitted yet.
  await login(page, UNION);
  await openSheet(page, round);
  await scoreAndSubmit(page, 0, 'Có số liệu giám sát trước và sau khi áp dụng.');
  const others = page.locator('.ant-card').filter({ hasText: 'Phiếu chấm của các thành viên khác' });
  await expect(others.getByText('Chưa có thành viên nào khác nộp phiếu.')).toBeVisible();
  await logout(page);

  // 5. The teacher scores and submits, then reads the trade-union chair's sheet.
  await login(page, TEACHER);
  await openSheet(page, round);
  await scoreAndSubmit(page, 1, 'Phụ huynh tham gia đều đặn, có biên bản giám sát.');
  const union = page.locator('.ant-card').filter({ hasText: 'Phiếu chấm của các thành viên khác' }).locator('.ant-card').filter({ hasText: UNION_NAME });
  await expect(union).toContainText('Tổng điểm: 87 / 100');
  await expect(union).toContainText('Có số liệu giám sát trước và sau khi áp dụng.');
  await logout(page);

  // 6. The principal follows the sheets, records the decision, closes and publishes.
  await login(page, HEAD);
  await openMenu(page, 'Đánh giá sáng kiến', 'Đánh giá sáng kiến');
  await page.getByRole('link', { name: round }).click();
  await expect(page.getByRole('heading', { name: round })).toBeVisible();
  const matrix = page.getByRole('table', { name: /Bảng phiếu chấm/ });
  const sheets = matrix.getByRole('row').filter({ hasText: INITIATIVE });
  await expect(sheets).toBeVisible();
  //    A column per evaluator (in the committee's order), a cell per sheet, in words.
  const headers = (await matrix.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const cell = (name: string) => sheets.getByRole('cell').nth(headers.indexOf(name));
  for (const name of [UNION_NAME, YOUTH_NAME, TEACHER_NAME]) expect(headers).toContain(name);
  await expect(cell(UNION_NAME)).toContainText('Đã nộp');
  await expect(cell(YOUTH_NAME)).toContainText('Xung đột lợi ích');
  await expect(cell(TEACHER_NAME)).toContainText('Đã nộp');

  await page.getByRole('tab', { name: 'Kết quả và quyết định' }).click();
  const ranking = page.getByRole('table', { name: 'Kết quả đánh giá' }).getByRole('row').filter({ hasText: INITIATIVE });
  await expect(ranking).toContainText('86 / 100');
  await expect(ranking).toContainText('Đủ điều kiện');
  await expect(ranking).toContainText('2/2');
  await expect(page.getByText('Sáng kiến đủ điều kiện xếp trước', { exact: false })).toBeVisible();

  await ranking.getByRole('button', { name: /Ghi quyết định/ }).click();
  const decision = page.getByRole('dialog').filter({ hasText: 'Quyết định của Hội đồng' });
  await expect(decision.getByRole('radio', { name: 'Nghiệm thu đạt' })).toBeChecked();
  await decision.getByRole('checkbox', { name: 'Chọn đề nghị khen thưởng' }).check();
  // (By label: a required field's accessible name starts with the "*" mark.)
  await decision.getByLabel('Đồng ý', { exact: true }).fill('5');
  await decision.getByLabel('Không đồng ý', { exact: true }).fill('0');
  await decision.getByLabel('Không biểu quyết', { exact: true }).fill('0');
  await decision.getByRole('textbox', { name: 'Nhận xét của Hội đồng' }).fill(NOTE);
  await decision.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã ghi quyết định của Hội đồng.')).toBeVisible();
  await expect(decision).toBeHidden();
  await expect(ranking).toContainText('Nghiệm thu đạt');
  await expect(ranking).toContainText('Đề nghị khen thưởng');
  await expect(ranking).toContainText('5 đồng ý, 0 không đồng ý, 0 không biểu quyết');

  //    Closing records who attended: everyone but the youth union secretary.
  await page.getByRole('button', { name: 'Kết thúc đợt đánh giá' }).click();
  const closing = page.getByRole('dialog').filter({ hasText: 'Thành viên có mặt' });
  await closing.getByRole('checkbox', { name: `${YOUTH_NAME} — Ủy viên` }).uncheck();
  await closing.getByRole('button', { name: 'Kết thúc đợt đánh giá' }).click();
  await expect(page.getByText('Đã kết thúc đợt đánh giá.')).toBeVisible();
  await expect(page.getByText('Đã kết thúc', { exact: true })).toBeVisible();

  await confirmAction(page, 'Công bố kết quả');
  await expect(page.getByText('Đã công bố', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Thành viên Hội đồng' }).click();
  await expect(page.getByRole('row').filter({ hasText: YOUTH_NAME })).toContainText('Vắng mặt');
  await expect(page.getByRole('row').filter({ hasText: CHAIR_NAME })).toContainText('Có mặt');

  //    The minutes (biên bản) as Word, and the results workbook.
  const docx = await downloadExport(page, testInfo, 'Tải biên bản (Word)', 'docx', 'Biên bản');
  const minutes = documentText(docx.get('word/document.xml') ?? '');
  expect(minutes).toContain('BIÊN BẢN');
  expect(minutes).toContain(INITIATIVE);
  const xlsx = await downloadExport(page, testInfo, 'Tải kết quả (Excel)', 'xlsx', 'Kết quả');
  expect([...xlsx.values()].some((part) => documentText(part).includes(INITIATIVE))).toBe(true);
  await logout(page);

  // 7. The author opens the initiative: the published aggregate and decision, no evaluator.
  await login(page, AUTHOR);
  await openMenu(page, 'Sáng kiến của tôi', 'Sáng kiến của tôi');
  await page.getByRole('link', { name: INITIATIVE }).first().click();
  await expect(page.getByRole('heading', { name: INITIATIVE })).toBeVisible();
  const result = page.getByRole('region', { name: round });
  await expect(result).toContainText('86 / 100');
  await expect(result).toContainText(/Xếp hạng\s*1\/\d+/);
  await expect(result).toContainText('Nghiệm thu đạt');
  await expect(result).toContainText('Đề nghị khen thưởng');
  await expect(result).toContainText(NOTE);
  await expect(result.getByRole('row').filter({ hasText: 'Giải quyết các vấn đề đặt ra' })).toContainText('26');
  for (const name of [UNION_NAME, YOUTH_NAME, TEACHER_NAME]) {
    await expect(page.getByText(name, { exact: false })).toHaveCount(0);
  }
});
