import fs from 'node:fs';
import path from 'node:path';
import { answerAll, expect, finish, serveCopy, shots, start, test, written, stored } from './helpers';

const dist = path.resolve(__dirname, '..', '..', 'dist');

test('the home page downloads no question bank; an exam its index only; a question one small piece', async ({ page }) => {
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
  await page.waitForLoadState('networkidle');
  expect(banks).toHaveLength(1);
  expect(banks[0]).toMatch(/\/banks\/aip-c01-[0-9a-f]{16}\.json$/);
  const index = fs.statSync(path.join(dist, banks[0].replace(/^\//, ''))).size;
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Then the pieces holding the attempt's ten questions, and nothing else.
  const pieces = banks.slice(1);
  expect(pieces.length).toBeGreaterThan(0);
  expect(pieces.length).toBeLessThanOrEqual(10);
  expect(new Set(pieces).size).toBe(pieces.length);
  for (const p of pieces) {
    expect(p).toMatch(/\/banks\/aip-c01-\d+-[0-9a-f]{16}\.json$/);
    // Each is a small part of the bank, whatever the bank's size: twelve
    // questions (PIECE_SIZE), each explaining every option at length, about
    // 2.7 KB raw for the longest professional-level ones.
    expect(fs.statSync(path.join(dist, p.replace(/^\//, ''))).size).toBeLessThan(40_000);
  }
  // The index holds every current question's key and the archived ones'
  // heads (so old attempts still resolve), so it grows with the bank, but by
  // a few dozen bytes a question: about 70 today. Brotli as served is about
  // a tenth of that.
  const listed = JSON.parse(fs.readFileSync(path.join(dist, banks[0].replace(/^\//, '')), 'utf8'));
  const entries = listed.heads.length + (listed.archived ?? []).length;
  expect(entries).toBeGreaterThan(400);
  expect(index / entries).toBeLessThan(90);
});

/** A copy of the site whose files of one exam's bank are altered. */
async function tampered(which: (file: string) => boolean, change: (text: string) => string) {
  const site = await serveCopy(dist);
  const dir = path.join(site.site, 'banks');
  const files = fs.readdirSync(dir).filter((f) => f.startsWith('clf-c02-') && which(f));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const altered = change(text);
    expect(altered).not.toBe(text);
    fs.writeFileSync(path.join(dir, f), altered);
  }
  return site;
}

const isIndex = (f: string) => /^clf-c02-[0-9a-f]{16}\.json$/.test(f);

test('a damaged bank index is refused with a clear message, never used', async ({ page }) => {
  // An answer key changed: the draw and scoring would be wrong.
  const site = await tampered(isIndex, (t) => t.replace('[0],false]', '[1],false]'));
  try {
    await page.goto(`${site.url}exam/clf-c02/`);
    await expect(page.getByRole('alert')).toContainText('could not be loaded');
    await expect(page.getByRole('button', { name: 'Start the diagnostic' })).toBeDisabled();
  } finally {
    await site.close();
  }
});

test('a damaged piece of a bank is refused with a clear message, never shown', async ({ page }) => {
  const site = await tampered((f) => !isIndex(f), (t) => t.replace('"stem":"', '"stem":"Tampered. '));
  try {
    await page.goto(`${site.url}exam/clf-c02/`);
    await page.getByRole('button', { name: 'Start the diagnostic' }).click();
    await expect(page.getByRole('alert')).toContainText('could not be loaded');
    await expect(page.getByText('Tampered.')).toHaveCount(0);
    // The attempt itself is kept: a good copy of the site shows it.
    await written(page);
    expect(JSON.stringify(await stored(page))).toContain('clf-c02');
  } finally {
    await site.close();
  }
});

test.describe('results before the words', () => {
  // Pieces are held back below; the service worker would answer them itself.
  test.use({ serviceWorkers: 'block' });

  test('results show the estimate at once and the explanations when their words arrive', async ({ page }) => {
    await start(page, 'clf-c02');
    await answerAll(page, 'clf-c02', (q) => q.id.endsWith('1'));
    await finish(page);
    const score = await page.getByTestId('score').innerText();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/banks\/clf-c02-\d+-[0-9a-f]{16}\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await expect(page.getByTestId('score')).toHaveText(score);
    await expect(page.getByRole('heading', { name: 'Your study plan' })).toBeVisible();
    const review = page.locator('#review');
    await expect(review.getByRole('status')).toHaveText('Loading the questions…');
    await expect(review.locator('.review-list > li')).toHaveCount(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, 'results-words-pending-390.png'), fullPage: true });
    release();
    await expect(review.locator('.review-list > li')).toHaveCount(10);
    await expect(review.getByRole('status')).toHaveCount(0);
  });

  test('a question whose words the network lost appears once it is back, with no reload', async ({ page }) => {
    // A first visit's service worker keeps every file only once installed;
    // until then a lost connection loses the fetch, and the page must ask
    // again by itself (a lost prefetch once left later questions unreadable
    // until a reload).
    await start(page, 'clf-c02');
    const stem = await page.locator('legend.stem').innerText();
    const pieces = /\/banks\/clf-c02-\d+-[0-9a-f]{16}\.json$/;
    let lost = 0;
    await page.route(pieces, (route) => {
      lost += 1;
      return route.abort('internetdisconnected');
    });
    await page.reload();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('you seem to be offline');
    await expect(alert).toContainText('They will appear here once the connection is back.');
    await page.screenshot({ path: path.join(shots, 'question-words-lost.png') });
    await expect(page.locator('legend.stem')).toHaveCount(0);
    // Still lost a while later: asked again, and said again, never a crash.
    await expect.poll(() => lost, { timeout: 15_000 }).toBeGreaterThan(1);
    await expect(alert).toContainText('you seem to be offline');
    await page.unroute(pieces);
    await expect(page.locator('legend.stem')).toHaveText(stem, { timeout: 15_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('explanations that cannot be loaded say so, under an estimate that still shows', async ({ page }) => {
    await start(page, 'clf-c02');
    await answerAll(page, 'clf-c02', () => false);
    await finish(page);
    await page.route(/\/banks\/clf-c02-\d+-[0-9a-f]{16}\.json$/, (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.reload();
    await expect(page.getByTestId('score')).toBeVisible();
    await expect(page.locator('#review').getByRole('alert')).toContainText('could not be loaded');
  });
});
