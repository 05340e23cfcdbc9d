// Shared steps of the journeys. Demo accounts all use the same password (seed-demo).
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export const DEMO_PASSWORD = 'ThiDua@2023';

/** Signs in through the login form, in Vietnamese (the default language). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
}

/**
 * Confirms an action in its Popconfirm and waits for the request it sends. A page that is
 * still re-rendering (after a save, say) can swap the button under the click, leaving a
 * confirmation that sends nothing: then the action is taken again, up to three times.
 * `exact` matches the button's whole name ("Duyệt", not "Không duyệt" beside it).
 */
export async function confirmAction(
  page: Page,
  action: string,
  scope: Page | Locator = page,
  options: { exact?: boolean } = {},
): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/v1/') && !r.url().includes('/api/v1/auth/'), {
        timeout: 5_000,
      })
      .then(
        () => true,
        () => false,
      );
    await scope.getByRole('button', { name: action, exact: options.exact }).click();
    // The Popconfirm can vanish under the click when the page re-renders: then try again
    // rather than wait for a button that will not come back.
    const confirmed = await page
      .getByRole('tooltip')
      .getByRole('button', { name: 'Xác nhận' })
      .click({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (confirmed && (await sent)) return;
    if (!confirmed) await page.keyboard.press('Escape');
  }
  throw new Error(`"${action}" was confirmed three times and sent no request`);
}

/** Picks an option of an antd Select without search: opens it, clicks the option. */
export async function pickOption(page: Page, label: string, text: string, scope: Page | Locator = page): Promise<void> {
  // By label, not by accessible name: a required field's name starts with the "*" mark.
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) });
  // A click on an option can be lost while the dropdown animates or a toast passes over it
  // (seen on a loaded CI machine): choose until the select shows the option (its options
  // are in a popup elsewhere in the page, so the select's own text is what it shows).
  await expect(async () => {
    if (!((await select.textContent()) ?? '').includes(text)) {
      await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).click({ timeout: 3000 });
    }
    await expect(select).toContainText(text, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Clicks an export button and checks the download: the suggested name is the form's
 * (`Mẫu 1 …`, `Mẫu 2 …`) with the extension, and the file is a real Office document (a ZIP of
 * more than 2 KB). Returns its entries' text.
 */
export async function downloadExport(
  page: Page,
  testInfo: TestInfo,
  button: string,
  extension: string,
  form = 'Mẫu 1',
  scope: Page | Locator = page,
): Promise<Map<string, string>> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: button }).click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(new RegExp(`^${form} .*\\.${extension}$`));
  const file = testInfo.outputPath(name);
  await download.saveAs(file);
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 2).toString('latin1'), `${name} is a ZIP file`).toBe('PK');
  expect(bytes.length).toBeGreaterThan(2048);
  return unzipText(bytes);
}

/**
 * The entries of a ZIP file (an .xlsx or .docx export) as UTF-8 text, by name. A minimal
 * reader of the central directory: stored and deflated entries, no ZIP64 — enough for the
 * exports, without adding an npm package.
 */
export function unzipText(zip: Buffer): Map<string, string> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a ZIP file: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    // The data follows the local header, whose name and extra field may differ in length.
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported compression method ${method}`);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
