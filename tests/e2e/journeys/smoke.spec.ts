// The SPA and the API reference are served at all. The real journeys live beside it.
import { expect, test } from '@playwright/test';

test('the SPA is served at /', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Thi đua/);
});

test('the API reference works offline at /api/docs/', async ({ page }) => {
  await page.goto('/api/docs/');
  await expect(page.locator('.swagger-ui').first()).toBeVisible();
  // The document itself loaded (from /api/v1/openapi.json), not just the empty shell.
  await expect(page.locator('.swagger-ui .info')).toContainText(/Thi đua/);
});
