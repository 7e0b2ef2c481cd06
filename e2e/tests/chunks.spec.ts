// Issue 21: each page loads only its own code. The release build splits the
// WebAssembly by page (src/ui/page_routes.rs, scripts/split/wasm-bindgen);
// a page fetches its own chunk first and the others only once it is up, and
// a chunk that does not arrive is a message, never a dead app.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './helpers';

const dist = path.resolve(__dirname, '../../dist');
const chunk = (page: string) => {
  const f = fs.readdirSync(dist).find((n) => n.startsWith(`split_${page}_chunk-`) && n.endsWith('.wasm'));
  if (!f) throw new Error(`no chunk for the ${page} page in ${dist}`);
  return f;
};

test('the build has one chunk per page, named by its content', async () => {
  for (const page of ['home', 'exam_start', 'quiz', 'practice', 'results', 'shared', 'history', 'changes']) {
    expect(chunk(page)).toMatch(/-[0-9a-f]{16}\.wasm$/);
  }
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
  const history = await started(chunk('history'));
  expect(history.length).toBe(1);
  expect(history[0]).toBeLessThan(drawn);
  // The quiz's code, if fetched yet, was asked for after the history showed.
  for (const t of await started(chunk('quiz'))) expect(t).toBeGreaterThan(drawn);
  // The service worker downloads the other pages' code in the background,
  // so the next page needs no network.
  const quiz = chunk('quiz');
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

  test('is a clear message, and the page works on the next try', async ({ page }) => {
    let block = true;
    await page.route(/split_history_chunk-[0-9a-f]+\.wasm$/, (route) => (block ? route.abort() : route.continue()));
    await page.goto('/history/');
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    await expect(page.locator('#first-screen')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    // The app is alive: its links still work, and the page's code is asked
    // for again the next time the page is opened.
    await page.getByRole('link', { name: 'Cert Diagnostic' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /How ready are you/ })).toBeVisible();
    block = false;
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your history' })).toBeVisible();
  });
});
