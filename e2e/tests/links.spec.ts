import { Browser } from '@playwright/test';
import { answerAll, expect, finish, start, test, written, stored } from './helpers';

/** FNV-1a, as the app checksums a result link (src/core/link.rs). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
const signed = (body: string) => `${body}.${fnv(body)}`;

async function fresh(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

test('a shared result opens read-only elsewhere, with the same numbers, outside that history', async ({ page, browser }) => {
  await start(page, 'clf-c02');
  await answerAll(page, 'clf-c02', (q) => q.domain === 1);
  await finish(page);
  const score = await page.getByTestId('score').innerText();
  const range = await page.getByTestId('range').innerText();
  const verdict = await page.getByTestId('verdict').innerText();
  const link = await page.locator('#share-result').inputValue();
  expect(link).toMatch(/\/shared\/#r1\.clf-c02\./);
  await page.getByRole('button', { name: 'Copy link' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: /Link copied|select the link/ }).first()).toBeVisible();

  const friend = await fresh(browser);
  await friend.page.goto(link);
  await expect(friend.page.getByText('Someone shared this result with you')).toBeVisible();
  await expect(friend.page.getByTestId('score')).toHaveText(score);
  await expect(friend.page.getByTestId('range')).toHaveText(range);
  await expect(friend.page.getByTestId('verdict')).toHaveText(verdict);
  await expect(friend.page.locator('.review-item')).toHaveCount(10);
  // Read-only: the plan settings are shown, not editable.
  await expect(friend.page.locator('.plan-settings input')).toHaveCount(0);
  // Following an in-page link keeps the shared result (the fragment).
  const review = friend.page.locator('.plan a', { hasText: 'review question' }).first();
  if (await review.count()) {
    await review.click();
    await expect(friend.page).toHaveURL(/#r1\./);
  }
  // Nothing was added to the friend's history.
  await written(friend.page);
  const record = await stored(friend.page);
  expect(record === null || !JSON.stringify(record).includes('"finished_ms":1')).toBe(true);
  await friend.page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
  await expect(friend.page.getByText('No finished diagnostic yet')).toBeVisible();
  await friend.context.close();
});

test('a challenge link gives everyone the same questions in the same order', async ({ page, browser }) => {
  await start(page, 'aip-c01');
  await answerAll(page, 'aip-c01', () => false);
  await finish(page);
  const challenge = await page.locator('#share-challenge').inputValue();
  expect(challenge).toMatch(/\/exam\/aip-c01\/\?challenge=[0-9a-f]+$/);

  const stems: string[][] = [];
  for (let k = 0; k < 2; k++) {
    const p = await fresh(browser);
    await p.page.goto(challenge);
    await expect(p.page.getByRole('heading', { name: "You've been challenged" })).toBeVisible();
    await p.page.getByRole('button', { name: 'Take the challenge' }).click();
    const seen: string[] = [];
    for (let i = 1; i <= 10; i++) {
      await p.page.getByRole('button', { name: new RegExp(`^Question ${i}, `) }).click();
      await expect(p.page.getByRole('heading', { level: 1, name: `Question ${i} of 10` })).toBeVisible();
      seen.push(await p.page.locator('legend.stem').innerText());
    }
    stems.push(seen);
    await p.context.close();
  }
  expect(stems[0]).toEqual(stems[1]);
  expect(new Set(stems[0]).size).toBe(10);
});

test('an exam link opens that exam', async ({ page }) => {
  await page.goto('/exam/aip-c01/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AWS Certified Generative AI Developer - Professional');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start the diagnostic' })).toBeVisible();
});

test('malformed links: a clear message and a way forward, never a crash', async ({ page }) => {
  const body = 'r1.clf-c02.ff.2.clf-1.1-001_a~clf-1.1-002_b';
  const cases: [string, RegExp][] = [
    ['/shared/', /carries no result/],
    ['/shared/#', /carries no result/],
    ['/shared/#hello', /different version|format/],
    ['/shared/#r1.clf-c02.ff.2.clf-1.1-001_a~clf-1.1-0', /incomplete/],
    [`/shared/#${signed(body).slice(0, -3)}`, /incomplete/],
    [`/shared/#${signed(body).replace('_a~', '_c~')}`, /incomplete/],
    [`/shared/#${signed('r1.clf-c02.ff.2.clf-1.1-001_a~clf-9.9-999_b')}`, /no longer has/],
    [`/shared/#${signed('r1.xyz-c09.ff.1.xyz-1.1-001_a')}`, /no exam "xyz-c09"/],
    [`/shared/#${signed('r1.clf-c02.ff.1.clf-1.1-001_z')}`, /does not have/],
    [`/shared/#${signed('r1.clf-c02.ff.3.clf-1.1-001_a')}`, /should carry 3 answers/],
    ['/shared/#r2.anything', /different version/],
    ['/shared/#%F0%9F%92%A5', /different version|format/],
  ];
  for (const [url, message] of cases) {
    await page.goto(url);
    await expect(page.getByTestId('link-error'), url).toHaveText(message);
    await expect(page.getByRole('link', { name: 'Choose an exam' })).toBeVisible();
  }
  const others: [string, RegExp][] = [
    ['/exam/clf-c02/?challenge=zzz', /challenge code is damaged/],
    ['/exam/nope-c00/', /no exam "nope-c00"/],
    ['/exam/clf-c02/quiz/?a=nothing&q=3', /not saved in this browser/],
    ['/exam/clf-c02/results/?a=nothing', /not saved in this browser/],
    ['/exam/clf-c02/quiz/?a=x&q=-4', /not saved in this browser/],
  ];
  // A path no static host has (an unknown exam) is answered by the
  // service worker, with the app: once it controls the page.
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  for (const [url, message] of others) {
    await page.goto(url);
    await expect(page.getByRole('alert').first(), url).toContainText(message);
  }
});
