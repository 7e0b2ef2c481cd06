// Steps the journeys share: start a diagnostic, read the question on screen
// back from the bank, answer it right or wrong, and finish.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { archive, bank, exam, squash, Question } from './spec';

export { archive, bank, exam, expect, squash };

/**
 * Every test runs under a guard: no Content-Security-Policy violation, no
 * request leaving this machine's loopback (the page's own origin), and no
 * uncaught error (a Rust panic surfaces as one).
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ context }, use) => {
      const csp: string[] = [];
      const outside: string[] = [];
      const crashes: string[] = [];
      context.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
      });
      context.on('request', (r) => {
        const u = new URL(r.url());
        if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') outside.push(r.url());
      });
      context.on('page', (p) => p.on('pageerror', (e) => crashes.push(e.message)));
      await use();
      expect(csp, 'Content-Security-Policy violations').toEqual([]);
      expect(outside, 'requests that left the page\'s origin').toEqual([]);
      expect(crashes, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits for the app to have mounted: every page first shows a static copy
 * of its first screen (scripts/postbuild.py), which the app replaces.
 */
export async function mounted(page: Page) {
  await expect(page.locator('#first-screen')).toHaveCount(0);
}

/**
 * Waits until the app has written what it shows: it writes each change to
 * localStorage just after the frame that paints it (src/ui/app.rs), so a
 * frame and a zero timeout from now, that write has run.
 */
export async function written(page: Page) {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/**
 * The stored record as one object, whatever its layout: version 4 keeps one
 * key per attempt and one for each of the rest (src/core/layout.rs);
 * earlier versions keep it whole under the main key. `null` when nothing
 * is stored.
 */
export async function stored(page: Page): Promise<any> {
  return page.evaluate(() => {
    const main = localStorage.getItem('cert-diagnostic');
    if (main === null) return null;
    const record = JSON.parse(main);
    if (record.version !== 4) return record;
    const get = (k: string) => JSON.parse(localStorage.getItem(k) ?? 'null');
    const settings = get('cert-diagnostic.settings') ?? {};
    const attempts = Object.keys(localStorage)
      .filter((k) => k.startsWith('cert-diagnostic.attempt.'))
      .map(get)
      .sort((a, b) => a.started_ms - b.started_ms || (a.id < b.id ? -1 : 1));
    return {
      version: 4, attempts, seen: get('cert-diagnostic.seen') ?? {}, first_answers: get('cert-diagnostic.first-answers') ?? {},
      cards: get('cert-diagnostic.cards') ?? {}, plan: settings.plan, deleted: settings.deleted ?? [], keeping: settings.keeping ?? {},
    };
  });
}

/** Serves a copy of a build under `prefix` on a free port (a static host). */
export async function serveCopy(build: string, prefix = '/') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-diag-'));
  const site = path.join(root, prefix);
  fs.mkdirSync(site, { recursive: true });
  fs.cpSync(build, site, { recursive: true });
  const types: Record<string, string> = {
    '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
    '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
  };
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}${prefix}`, site, close: () => new Promise((r) => server.close(r)) };
}

/** The bank question shown on screen, found by its stem. */
export async function shownQuestion(page: Page, questions: Question[]): Promise<Question> {
  const stem = squash(await page.locator('legend.stem').innerText());
  const q = questions.find((x) => squash(x.stem) === stem);
  expect(q, `the shown stem is in the bank: ${stem}`).toBeTruthy();
  return q!;
}

/** Clicks the options that make the shown question right (or wrong). */
export async function answer(page: Page, q: Question, right: boolean) {
  const pick = right ? q.option.filter((o) => o.correct) : [q.option.find((o) => !o.correct)!];
  for (const o of pick) {
    // The whole text, not a part: one option's text can contain another's.
    const exact = new RegExp(`^\\s*${squash(o.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const label = page.locator('.options label').filter({ has: page.locator('.option-text', { hasText: exact }) });
    await expect(label).toHaveCount(1);
    await label.click();
  }
}

/** From the exam's page into question 1 of a new diagnostic (whether or
 *  not another is in progress). */
export async function start(page: Page, examId: string) {
  await page.goto(`/exam/${examId}/`);
  await page.getByRole('button', { name: /Start (the|a new) diagnostic/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
}

/** Answers all ten: right unless `wrong(q)`; returns what was graded. */
export async function answerAll(page: Page, examId: string, wrong: (q: Question) => boolean) {
  const questions = bank(examId);
  const graded: { q: Question; correct: boolean }[] = [];
  for (let i = 0; i < 10; i++) {
    await expect(page.getByRole('heading', { level: 1, name: `Question ${i + 1} of 10` })).toBeVisible();
    const q = await shownQuestion(page, questions);
    await answer(page, q, !wrong(q));
    graded.push({ q, correct: !wrong(q) });
    if (i < 9) await page.getByRole('button', { name: 'Next →' }).click();
  }
  return graded;
}

/** From the last question to the results. */
export async function finish(page: Page) {
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.getByTestId('score')).toBeVisible();
}

/** Where the journeys write their screenshots (not committed). */
export const shots = path.resolve(__dirname, '..', '..', 'screenshots');
fs.mkdirSync(shots, { recursive: true });

/** axe-core finds no WCAG 2.2 A/AA violation on the page as it is. */
export async function noAxeViolations(page: Page, state: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations in ${state}`).toEqual([]);
}
