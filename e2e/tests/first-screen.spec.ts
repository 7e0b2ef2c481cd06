// Issue #10: every page is useful before the WebAssembly arrives (its first
// screen is static HTML from scripts/postbuild.py), "Start" works as a plain
// link, and the mounted app takes over with nothing moving.
import { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, written, stored } from './helpers';

/** Holds every .wasm response until the returned function is called. */
async function holdWasm(page: Page) {
  let release = () => {};
  const gate = new Promise<void>((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Counts layout shifts from the first paint on (CLS as Lighthouse sums it). */
async function watchShifts(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Where the first screen's parts are: [selector #n, top, left, width, height]. */
async function boxes(page: Page, selectors: string[]) {
  return page.evaluate((sels) => sels.flatMap((s) => [...document.querySelectorAll(s)].map((el, i) => {
    const r = el.getBoundingClientRect();
    return [`${s} #${i}`, Math.round(r.top), Math.round(r.left), Math.round(r.width), Math.round(r.height)];
  })), selectors);
}

const firstScreens = [
  { url: '/', parts: ['.site-header', 'h1', '.lede', '.exam-card', '.exam-card .actions a'], appOnly: '[data-testid="due-count"]' },
  { url: '/exam/clf-c02/', parts: ['.site-header', '.eyebrow', 'h1', '.lede', 'main > .panel:first-of-type', 'table.domains', '.actions > :last-child'], appOnly: '.practice-exam' },
  { url: '/exam/aip-c01/', parts: ['h1', '.lede', 'table.domains', '.actions > :last-child'], appOnly: '.practice-exam' },
];

for (const { url, parts, appOnly } of firstScreens) {
  test(`${url} shows its first screen before the wasm, and the app takes over with nothing moving`, async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await watchShifts(page);
    const release = await holdWasm(page);
    await page.goto(url);
    await expect(page.locator('#first-screen h1')).toBeVisible();
    const before = await boxes(page, parts);
    expect(before.length).toBeGreaterThanOrEqual(parts.length);
    release();
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.locator(appOnly).first()).toBeAttached();
    // The app's page goes on below the first screen: compare what was there.
    const after = await boxes(page, parts);
    expect(after.filter(([k]) => before.some(([b]) => b === k))).toEqual(before);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as any).__shift)).toBe(0);
    // One of each landmark: the static copy is gone, not hidden.
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.locator('#page-title')).toHaveCount(1);
  });
}

test('the wasm is requested only after the first screen has painted', async ({ page }) => {
  await page.goto('/exam/clf-c02/');
  await expect(page.locator('.practice-exam')).toBeVisible();
  const [paint, wasm] = await page.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.startTime ?? NaN,
  ]);
  expect(paint).toBeGreaterThan(0);
  expect(wasm).toBeGreaterThan(paint);
});

test('"Start the diagnostic" is a plain link before the wasm arrives, and leads to question 1', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/exam/clf-c02/');
  await page.getByRole('link', { name: 'Start the diagnostic' }).click();
  await expect(page).toHaveURL(/\/exam\/clf-c02\/quiz\/\?start=diagnostic$/);
  await expect(page.getByRole('status')).toHaveText('Loading the questions…');
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
  await expect(page).toHaveURL(/\/exam\/clf-c02\/quiz\/\?a=[^&]+&q=1$/);
  await written(page);
  const record = await stored(page);
  expect(record.attempts).toHaveLength(1);
  expect(record.attempts[0].mode).toBe('diagnostic');
  // The link's place in history went to the attempt: Back is the exam page.
  await page.goBack();
  await expect(page).toHaveURL(/\/exam\/clf-c02\/$/);
  await expect(page.getByRole('link', { name: 'Resume your diagnostic' })).toBeVisible();
});

test('followed from a challenge link before the wasm arrives, Start takes the challenge', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/exam/clf-c02/?challenge=2a');
  await page.getByRole('link', { name: 'Start the diagnostic' }).click();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
  await written(page);
  const record = await stored(page);
  expect(record.attempts.map((a: any) => [a.mode, a.seed])).toEqual([['challenge', 42]]);
});

test('the static first screens come from the catalog and carry the base path', async () => {
  const sub = path.resolve(__dirname, '..', '..', 'dist-sub');
  const exam = fs.readFileSync(path.join(sub, 'exam', 'aip-c01', 'index.html'), 'utf8');
  expect(exam).toContain('href="/prep/diagnostic/exam/aip-c01/quiz/?start=diagnostic"');
  expect(exam).toContain('AWS Certified Generative AI Developer - Professional');
  const home = fs.readFileSync(path.join(sub, 'index.html'), 'utf8');
  expect(home).toContain('href="/prep/diagnostic/exam/clf-c02/"');
  expect(home).toContain('href="/prep/diagnostic/history/"');
  // Content first screens fetch the wasm after painting; loading states preload it.
  const wasmPreload = /<link[^>]*rel=preload[^>]*application\/wasm/;
  expect(home).not.toMatch(wasmPreload);
  expect(exam).not.toMatch(wasmPreload);
  const quiz = fs.readFileSync(path.join(sub, 'exam', 'aip-c01', 'quiz', 'index.html'), 'utf8');
  expect(quiz).toMatch(wasmPreload);
});
