import fs from 'node:fs';
import path from 'node:path';
import { expect, serveCopy, test } from './helpers';

const dist = path.resolve(__dirname, '..', '..', 'dist');

test('the home page downloads no question bank; an exam downloads only its own', async ({ page }) => {
  const banks: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/banks/')) banks.push(new URL(r.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(banks).toEqual([]);
  await page.getByRole('link', { name: 'Start the AIP-C01 diagnostic' }).click();
  await expect(page.getByRole('button', { name: 'Start the diagnostic' })).toBeEnabled();
  expect(banks.length).toBeGreaterThan(0);
  expect(banks.every((b) => /\/banks\/aip-c01-[0-9a-f]{16}\.json$/.test(b))).toBe(true);
});

test('a damaged bank file is refused with a clear message, never shown', async ({ page }) => {
  const site = await serveCopy(dist);
  try {
    const dir = path.join(site.site, 'banks');
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('clf-c02-'))) {
      fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8').replace('"stem":"', '"stem":"Tampered. '));
    }
    await page.goto(`${site.url}exam/clf-c02/`);
    await expect(page.getByRole('alert')).toContainText('could not be loaded');
    await expect(page.getByRole('button', { name: 'Start the diagnostic' })).toBeDisabled();
  } finally {
    await site.close();
  }
});
