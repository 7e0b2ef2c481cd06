import path from 'node:path';
import { answer, bank, expect, serveCopy, shownQuestion, test } from './helpers';

// scripts/test.sh builds ../dist-sub with --public-url /prep/diagnostic/.
const build = path.resolve(__dirname, '..', '..', 'dist-sub');

test('under a sub-path on a plain static host: deep links, reloads, back and forward', async ({ page }) => {
  const site = await serveCopy(build, '/prep/diagnostic/');
  const paths: string[] = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  try {
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Start the AIP-C01 diagnostic' }).click();
    await expect(page).toHaveURL(/\/prep\/diagnostic\/exam\/aip-c01\/$/);
    await page.getByRole('button', { name: 'Start the diagnostic' }).click();
    await answer(page, await shownQuestion(page, bank('aip-c01')), true);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/\/prep\/diagnostic\/exam\/aip-c01\/quiz\/\?a=.+&q=2$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Question 2 of 10' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
    await expect(page.locator('.options input:checked')).not.toHaveCount(0);
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: 'Question 2 of 10' })).toBeVisible();
    await page.getByRole('button', { name: /^Question 10, / }).click();
    await page.getByRole('button', { name: 'Review and finish' }).click();
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await page.getByRole('button', { name: 'Finish anyway' }).click();
    await expect(page.getByTestId('score')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('score')).toBeVisible();
    expect(await page.locator('#share-result').inputValue()).toContain('/prep/diagnostic/shared/#r1.');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
    await expect(page).toHaveURL(/\/prep\/diagnostic\/history\/$/);
    await expect(page.locator('.attempts-table tbody tr')).toHaveCount(1);
    await page.reload();
    await expect(page.locator('.attempts-table tbody tr')).toHaveCount(1);
    expect(paths.filter((p) => !p.startsWith('/prep/diagnostic/'))).toEqual([]);
  } finally {
    await site.close();
  }
});
