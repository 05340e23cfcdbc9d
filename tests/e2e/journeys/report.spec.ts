// Journey: a school's phase-1 report (Mẫu 2) written, evidenced, sent, returned, completed
// and received, with each sent version kept as it was.
//
// A teacher of Trường THCS Văn Lang opens the phase-1 report for 175/KH-UBND, writes the
// outline's sections, fills the results table but leaves the achieved figure blank, drops
// two photos and a PDF plan on the upload area and sends the report (late: the phase-1
// deadline, 10/06/2023, has passed and the plan accepts late reports) → the district's
// officer finds it in the reports inbox and returns it for the missing figure → the teacher
// reads the reason, adds the figure and sends it again → the officer receives it, downloads
// Mẫu 2, and opens both versions: the first without the figure, the second with it → the
// initiative the table line is about lists the report.
//
// Every run starts on fresh demo data (scripts/test.sh recreates and seeds the database). It
// has phase-1 reports of other schools (Cô Giang's returned, Trần Hưng Đạo's received) but
// none of Văn Lang's, so the teacher opens a new draft; rows are found by the unit's name.
import { deflateSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmAction, downloadExport, login, logout, pickOption } from './support';

const TEACHER = 'giaovien.vanlang.1';
const OFFICER = 'noivu.quan1'; // authority officer over Quận 1, which issued 175/KH-UBND
const OFFICER_NAME = 'Lê Thị Thanh Tâm';
const UNIT = 'Trường Trung học cơ sở Văn Lang'; // backend/api/src/seed/mod.rs, Q1-THCS-VANLANG
const CAMPAIGN = '175/KH-UBND';
const KIND = 'Báo cáo kết quả giai đoạn 1 (Mẫu 2)';
const TITLE = `Báo cáo kết quả giai đoạn 1 — ${UNIT}`;
const REASON = 'Bổ sung kết quả thực hiện';

const SECTIONS = {
  'Tình hình, đặc điểm': 'Trường có 48 cán bộ, giáo viên, nhân viên và 1.250 học sinh; mỗi năm tiếp nhận khoảng 120 hồ sơ chuyển trường.',
  'Công tác triển khai thực hiện': 'Thành lập Tổ tư vấn thủ tục chuyển trường, ban hành kế hoạch và lịch trực, công khai đường dây nóng.',
  'Kết quả đạt được': 'Tổ tư vấn hướng dẫn phụ huynh hoàn thiện hồ sơ ngay tại trường.',
  'Hiệu quả': 'Phụ huynh không phải đi lại nhiều lần; hồ sơ được tiếp nhận đúng hạn.',
  'Khó khăn, vướng mắc': 'Một số phụ huynh chưa quen tra cứu thông tin trên cổng thông tin của trường.',
  'Đề xuất, kiến nghị': 'Đề nghị Phòng Giáo dục và Đào tạo nhân rộng mô hình cho các trường trung học cơ sở.',
};
const INDICATOR = 'Tỷ lệ hồ sơ chuyển trường đúng ngay lần đầu';

// ── evidence files made here ───────────────────────────────────────────────────

interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A small valid PDF 1.4 with one line of text (its cross-reference offsets computed). */
function pdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A `width`×`height` PNG in two colours (rows of RGB pixels, deflated). */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = (x + y) % 16 < 8;
      raw.set(light ? [r, g, b] : [255, 255, 255], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG photo drawn and encoded by the browser itself. */
async function jpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#1677ff';
    ctx.fillRect(0, 0, 160, 120);
    ctx.fillStyle = '#ffd666';
    ctx.fillRect(20, 20, 120, 80);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  });
  return Buffer.from(base64, 'base64');
}

/** Drops files on the drag-and-drop area, as a person dragging them from a folder would. */
async function dropFiles(page: Page, area: Locator, files: Upload[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })),
  );
  await area.dispatchEvent('dragenter', { dataTransfer });
  await area.dispatchEvent('dragover', { dataTransfer });
  await area.dispatchEvent('drop', { dataTransfer });
}

// ── steps ──────────────────────────────────────────────────────────────────────

async function openReports(page: Page): Promise<void> {
  // Right after signing in, the landing page's own navigation may still land after the click:
  // click again until the reports page is there.
  await expect(async () => {
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Báo cáo', exact: true })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
}

/** The row of Văn Lang's phase-1 report in the list shown. */
const reportRow = (page: Page) => page.getByRole('row').filter({ hasText: UNIT }).filter({ hasText: KIND });

const status = (page: Page) => page.getByText(/^(Đang soạn|Đã gửi|Đã tiếp nhận|Bị trả lại)$/).first();
const versionsTable = (page: Page) => page.getByRole('table').filter({ hasText: 'Người gửi' });
/** The line about INDICATOR in a read-only results table (not the evidence rows naming it). */
const resultLine = (scope: Page | Locator) => scope.getByRole('table').filter({ hasText: 'Chỉ tiêu đề ra' }).getByRole('row').filter({ hasText: INDICATOR });
/** Its cell "Kết quả thực hiện" (after STT, initiative, indicator, unit, baseline, target). */
const actualCell = (scope: Page | Locator) => resultLine(scope).getByRole('cell').nth(6);

test('a phase-1 report is written with evidence, sent late, returned for a figure, completed, received, and both versions are kept', async ({ page }, testInfo) => {
  test.setTimeout(300_000);

  // 1. The teacher opens the school's phase-1 report for 175/KH-UBND.
  await login(page, TEACHER);
  await openReports(page);
  await page.getByRole('button', { name: 'Lập báo cáo' }).click();
  const openDialog = page.getByRole('dialog').filter({ hasText: 'Chọn kế hoạch thi đua và loại báo cáo' });
  await pickOption(page, 'Kế hoạch thi đua', CAMPAIGN, openDialog);
  await pickOption(page, 'Loại báo cáo', KIND, openDialog);
  await openDialog.getByRole('button', { name: 'Lập báo cáo' }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(status(page), 'fresh demo data has no report of Văn Lang').toHaveText('Đang soạn');
  await expect(page.getByText('Báo cáo kết quả Đợt 1 theo Mẫu 2 và đề cương')).toBeVisible();
  await expect(page.getByText('10/06/2023')).toBeVisible();
  await expect(page.getByText(/^quá hạn \d+ ngày$/)).toBeVisible();
  await expect(page.getByText('Đã quá hạn nộp báo cáo: bản gửi bây giờ sẽ bị ghi nhận là gửi muộn.')).toBeVisible();

  //    The outline's six sections.
  for (const [heading, text] of Object.entries(SECTIONS)) {
    await page.getByLabel(heading, { exact: true }).fill(text);
  }
  //    The results table starts with a line per initiative the school registered (Văn Lang
  //    has two); the advisory team's line keeps its initiative, everything but the achieved
  //    figure is filled.
  const TEAM = 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh';
  const lineRow = (n: number) => page.getByRole('row').filter({ has: page.getByLabel(`Chỉ tiêu, dòng ${n}`, { exact: true }) });
  await expect(lineRow(2)).toBeVisible();
  const line = (await lineRow(1).textContent())?.includes(TEAM) ? 1 : 2;
  await expect(lineRow(line)).toContainText(TEAM);
  await page.getByLabel(`Chỉ tiêu, dòng ${line}`, { exact: true }).fill(INDICATOR);
  await page.getByLabel(`Đơn vị tính, dòng ${line}`, { exact: true }).fill('%');
  await page.getByLabel(`Số liệu ban đầu, dòng ${line}`, { exact: true }).fill('55');
  await page.getByLabel(`Chỉ tiêu đề ra, dòng ${line}`, { exact: true }).fill('90');
  await page.getByLabel(`Ghi chú, dòng ${line}`, { exact: true }).fill('Số liệu năm học 2022-2023');
  await expect(page.getByLabel(`Kết quả thực hiện, dòng ${line}`, { exact: true })).toHaveValue('');
  //    Unsaved changes: the report cannot be sent before it is saved.
  await expect(page.getByRole('button', { name: 'Gửi báo cáo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await expect(page.getByText('Đã lưu báo cáo.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gửi báo cáo' })).toBeEnabled();

  // 2. Evidence dropped on the upload area: the plan for the whole report, then two photos
  //    backing the table's line.
  const area = page.getByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp');
  const uploads = page.getByRole('list', { name: 'Tệp đang tải lên' });
  await pickOption(page, 'Loại tài liệu', 'Kế hoạch triển khai');
  await dropFiles(page, area, [{ name: 'Kế hoạch thành lập Tổ tư vấn.pdf', mimeType: 'application/pdf', buffer: pdf('Ke hoach thanh lap To tu van') }]);
  await expect(uploads.getByRole('listitem').filter({ hasText: 'Kế hoạch thành lập Tổ tư vấn.pdf' })).toContainText('Đã tải lên');

  await pickOption(page, 'Loại tài liệu', 'Hình ảnh');
  await pickOption(page, 'Gắn với dòng kết quả', `Dòng ${line}: ${INDICATOR}`);
  const photos: Upload[] = [
    { name: 'Ảnh Tổ tư vấn trực tại trường.png', mimeType: 'image/png', buffer: png(96, 64, [22, 119, 255]) },
    { name: 'Ảnh phụ huynh nộp hồ sơ.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) },
  ];
  await dropFiles(page, area, photos);
  for (const photo of photos) {
    const item = uploads.getByRole('listitem').filter({ hasText: photo.name });
    await expect(item).toContainText('Đã tải lên');
    await expect(item.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  }

  //    The list names what each file backs; the gallery shows the photos and opens the PDF.
  const evidence = page.locator('.ant-card').filter({ hasText: 'Tài liệu minh chứng' });
  await expect(evidence.getByRole('tab', { name: 'Danh sách (3)' })).toBeVisible();
  await expect(evidence.getByRole('row').filter({ hasText: 'Kế hoạch thành lập Tổ tư vấn.pdf' })).toContainText('Cả báo cáo');
  for (const photo of photos) {
    await expect(evidence.getByRole('row').filter({ hasText: photo.name })).toContainText(`Dòng ${line}: ${INDICATOR}`);
  }
  await evidence.getByRole('tab', { name: 'Xem dạng thư viện' }).click();
  for (const photo of photos) {
    const thumbnail = evidence.getByRole('img', { name: photo.name });
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  await evidence.getByRole('listitem').filter({ hasText: 'Kế hoạch thành lập Tổ tư vấn.pdf' }).getByRole('button', { name: 'Xem' }).click();
  const viewer = page.getByRole('dialog').filter({ hasText: 'Kế hoạch thành lập Tổ tư vấn.pdf' });
  await expect(viewer.locator('iframe[title="Kế hoạch thành lập Tổ tư vấn.pdf"]')).toHaveAttribute('src', /^blob:/);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // 3. The teacher sends it: late, and its content and files are locked.
  await confirmAction(page, 'Gửi báo cáo');
  await expect(page.getByText('Đã gửi báo cáo.')).toBeVisible();
  await expect(status(page)).toHaveText('Đã gửi');
  await expect(page.getByRole('button', { name: 'Lưu báo cáo' })).toBeHidden();
  await expect(page.getByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp')).toBeHidden();
  const firstSent = versionsTable(page).getByRole('row').nth(1);
  await expect(firstSent).toContainText('Gửi muộn');
  await expect(firstSent).toContainText('Chờ xử lý');
  await logout(page);

  // 4. The district's officer finds it in the reports inbox and returns it, with the reason.
  await login(page, OFFICER);
  await openReports(page);
  await expect(page.getByText('Hộp thư báo cáo: các báo cáo đơn vị đã gửi', { exact: false })).toBeVisible();
  await expect(reportRow(page)).toHaveCount(1);
  await expect(reportRow(page)).toContainText(CAMPAIGN);
  await expect(reportRow(page).getByText('Gửi muộn')).toBeVisible();
  await reportRow(page).getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.getByText(SECTIONS['Hiệu quả'])).toBeVisible();
  await page.getByRole('button', { name: 'Trả lại' }).click();
  const returnDialog = page.getByRole('dialog').filter({ hasText: `Trả lại báo cáo của ${UNIT}` });
  await returnDialog.getByLabel('Lý do trả lại').fill(REASON);
  await returnDialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(returnDialog).toBeHidden();
  await expect(status(page)).toHaveText('Bị trả lại');
  await logout(page);

  // 5. The teacher reads the reason, adds the achieved figure and sends the report again.
  await login(page, TEACHER);
  await openReports(page);
  await expect(reportRow(page).getByText('Bị trả lại', { exact: true })).toBeVisible();
  await reportRow(page).getByRole('link', { name: TITLE }).click();
  await expect(page.getByText('Báo cáo bị trả lại để bổ sung, chỉnh sửa')).toBeVisible();
  await expect(page.getByText(`${OFFICER_NAME}: ${REASON}`)).toBeVisible();
  await page.getByLabel(`Kết quả thực hiện, dòng ${line}`, { exact: true }).fill('87');
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await expect(page.getByText('Đã lưu báo cáo.')).toBeVisible();
  await expect(page.getByLabel(`Kết quả thực hiện, dòng ${line}`, { exact: true })).toHaveValue('87');
  await confirmAction(page, 'Gửi báo cáo');
  await expect(status(page)).toHaveText('Đã gửi');
  await expect(versionsTable(page).getByRole('row')).toHaveCount(3); // header + two versions
  await logout(page);

  // 6. The officer receives it from the inbox; it moves to the received ones.
  await login(page, OFFICER);
  await openReports(page);
  await confirmAction(page, 'Tiếp nhận', reportRow(page));
  await expect(page.getByText('Đã tiếp nhận báo cáo.')).toBeVisible();
  await expect(reportRow(page)).toHaveCount(0);
  await pickOption(page, 'Lọc theo trạng thái', 'Đã tiếp nhận');
  await expect(page).toHaveURL(/status=received/);
  await expect(reportRow(page).getByText('Đã tiếp nhận', { exact: true })).toBeVisible();
  await reportRow(page).getByRole('link', { name: TITLE }).click();
  await expect(status(page)).toHaveText('Đã tiếp nhận');
  await expect(actualCell(page)).toHaveText('87');

  //    Mẫu 2 as Word holds the outline and the figures.
  const docx = await downloadExport(page, testInfo, 'Tải Mẫu 2 (Word)', 'docx', 'Mẫu 2', page.locator('.ant-card').first());
  expect(docx.get('word/document.xml')).toContain(SECTIONS['Hiệu quả']);
  expect(docx.get('word/document.xml')).toContain(INDICATOR);

  //    Both versions as they were sent: the first without the figure, the second with it.
  const versions = versionsTable(page);
  const second = versions.getByRole('row').nth(1);
  const first = versions.getByRole('row').nth(2);
  await expect(second).toContainText('Đã tiếp nhận');
  await expect(second).toContainText(OFFICER_NAME);
  await expect(first).toContainText('Bị trả lại');
  await expect(first).toContainText(REASON);

  await first.getByRole('button', { name: 'Xem' }).click();
  const v1 = page.getByRole('dialog').filter({ hasText: /Lần gửi 1 — \d{2}\/\d{2}\/\d{4}/ });
  await expect(v1.getByText(SECTIONS['Kết quả đạt được'])).toBeVisible();
  await expect(actualCell(v1)).toHaveText('');
  await expect(resultLine(v1)).toContainText('90');
  await expect(v1.getByRole('tab', { name: 'Danh sách (3)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(v1).toBeHidden();

  await second.getByRole('button', { name: 'Xem' }).click();
  const v2 = page.getByRole('dialog').filter({ hasText: /Lần gửi 2 — \d{2}\/\d{2}\/\d{4}/ });
  await expect(actualCell(v2)).toHaveText('87');
  await expect(v2.getByRole('row').filter({ hasText: 'Ảnh phụ huynh nộp hồ sơ.jpg' })).toContainText(`Dòng ${line}: ${INDICATOR}`);
  await page.keyboard.press('Escape');
  await expect(v2).toBeHidden();

  // 7. The initiative the table's line is about lists the report beside its evidence.
  await resultLine(page).getByRole('link', { name: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh' }).click();
  await expect(page.getByRole('heading', { name: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh' })).toBeVisible();
  const related = page.locator('.ant-card').filter({ hasText: 'Báo cáo liên quan' });
  await expect(related.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(related.getByText('Đã tiếp nhận', { exact: true })).toBeVisible();
});
