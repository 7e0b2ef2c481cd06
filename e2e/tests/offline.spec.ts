import fs from 'node:fs';
import path from 'node:path';
import { Page } from '@playwright/test';
import { answer, bank, expect, serveCopy, shownQuestion, test } from './helpers';

const dist = path.resolve(__dirname, '..', '..', 'dist');

async function takeDiagnostic(page: Page, base: string) {
  await page.goto(`${base}exam/clf-c02/`);
  await page.getByRole('button', { name: /Start (the|a new) diagnostic/ }).click();
  for (let i = 0; i < 10; i++) {
    await expect(page.getByRole('heading', { level: 1, name: `Question ${i + 1} of 10` })).toBeVisible();
    await answer(page, await shownQuestion(page, bank('clf-c02')), i % 2 === 0);
    if (i < 9) await page.getByRole('button', { name: 'Next →' }).click();
  }
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.getByTestId('score')).toBeVisible();
}

test('after one visit it works offline; a new build arrives through the update prompt', async ({ page, context }) => {
  const site = await serveCopy(dist);
  try {
    await page.goto(site.url);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    const firstCache = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cert-diagnostic-')));
    expect(firstCache).toHaveLength(1);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'How ready are you for your AWS exam?' })).toBeVisible();
    await takeDiagnostic(page, site.url);
    await page.reload(); // the results page itself, offline
    await expect(page.getByTestId('score')).toBeVisible();
    await page.goto(`${site.url}history/`);
    await expect(page.locator('.attempts-table tbody tr')).toHaveCount(1);
    await context.setOffline(false);

    // A new build is deployed: its service worker has a new cache name.
    const swPath = path.join(site.site, 'sw.js');
    fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replace(/cert-diagnostic-([0-9a-f]+)'/, "cert-diagnostic-$1ff'"));
    await page.reload();
    const update = page.getByRole('button', { name: 'Reload' });
    await expect(update).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Update available.')).toBeVisible();
    await update.click();
    await expect
      .poll(
        // The page reloads itself meanwhile: a poll that lands mid-navigation just tries again.
        () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cert-diagnostic-'))).catch(() => []),
        { timeout: 15_000 },
      )
      .toEqual([`${firstCache[0]}ff`]);
    // Nothing was lost in the update.
    await page.goto(`${site.url}history/`);
    await expect(page.locator('.attempts-table tbody tr')).toHaveCount(1);
  } finally {
    await site.close();
  }
});
