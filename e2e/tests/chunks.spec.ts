// Issue 21: each page loads only its own code. The release build splits the
// WebAssembly by group of pages (src/ui/page_routes.rs: browsing, answering,
// an attempt's results, a shared result; scripts/split/wasm-bindgen); a page
// fetches its group's chunk first and the others only once it is up, and a
// chunk that does not arrive is a message, never a dead app.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './helpers';

const dist = path.resolve(__dirname, '../../dist');
const chunk = (group: string) => {
  const f = fs.readdirSync(dist).find((n) => n.startsWith(`split_${group}-`) && n.endsWith('.wasm'));
  if (!f) throw new Error(`no chunk for the ${group} pages in ${dist}`);
  return f;
};

test('the build has one chunk per group of pages, named by its content, and few in all', async () => {
  for (const group of ['browse', 'attempt', 'finish', 'shared']) {
    expect(chunk(group)).toMatch(/-[0-9a-f]{16}\.wasm$/);
  }
  // Code that several groups share is a chunk per set of groups: with four
  // groups, at most eleven such chunks besides the groups' own.
  const wasm = fs.readdirSync(dist).filter((n) => n.endsWith('.wasm'));
  expect(wasm.length).toBeLessThanOrEqual(1 + 4 + 11);
});

test('a page fetches its own code first, and the other pages only once it is up', async ({ page }) => {
  // When the static first screen gives way to the page the app drew.
  await page.addInitScript(() => {
    new MutationObserver((_, o) => {
      if (document.body && !document.getElementById('first-screen') && document.querySelector('main h1')) {
        (window as any).__drawn = performance.now();
        o.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/history/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your history' })).toBeVisible();
  const drawn = await page.evaluate(() => (window as any).__drawn as number);
  const started = async (name: string) => page.evaluate((n) =>
    performance.getEntriesByType('resource').filter((r) => r.name.includes(n)).map((r) => r.startTime), name);
  const history = await started(chunk('browse'));
  expect(history.length).toBe(1);
  expect(history[0]).toBeLessThan(drawn);
  // An attempt's code, its results' and a shared result's, if fetched yet,
  // were asked for after the history showed.
  for (const t of await started(chunk('attempt'))) expect(t).toBeGreaterThan(drawn);
  for (const t of await started(chunk('shared'))) expect(t).toBeGreaterThan(drawn);
  for (const t of await started(chunk('finish'))) expect(t).toBeGreaterThan(drawn);
  // The service worker downloads the other pages' code in the background,
  // so the next page needs no network.
  const quiz = chunk('attempt');
  await expect.poll(() => page.evaluate(async (n) => {
    for (const key of await caches.keys()) {
      if ((await (await caches.open(key)).keys()).some((r) => r.url.endsWith(n))) return true;
    }
    return false;
  }, quiz), { timeout: 15_000 }).toBe(true);
});

test.describe('a chunk that does not arrive', () => {
  // The service worker would fetch the chunk itself.
  test.use({ serviceWorkers: 'block' });

  test('a question never waits for the results\' code', async ({ page }) => {
    const asked: string[] = [];
    await page.route(/split_finish-[0-9a-f]+\.wasm$/, (route) => { asked.push(route.request().url()); return route.abort(); });
    await page.goto('/exam/clf-c02/practice/?task=1.1&n=all');
    await expect(page.getByRole('heading', { level: 1, name: /^Question 1 of \d+$/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(asked).toEqual([]);
  });

  test('is a clear message, and the page works on the next try', async ({ page }) => {
    let block = true;
    await page.route(/split_browse-[0-9a-f]+\.wasm$/, (route) => (block ? route.abort() : route.continue()));
    await page.goto('/history/');
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    // The app is alive: its links still work (the home page, in the same
    // group, says the same), and the code is asked for again the next time
    // a page of the group is opened.
    await page.getByRole('link', { name: 'Cert Diagnostic' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    block = false;
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your history' })).toBeVisible();
  });
});
