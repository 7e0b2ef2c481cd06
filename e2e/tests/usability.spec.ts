// Issue #12: what a first-time test-taker trips over (§2–§6).
import { Page } from '@playwright/test';
import path from 'node:path';
import { answer, answerAll, bank, expect, finish, mounted, shownQuestion, start, test, noAxeViolations, shots } from './helpers';



test('singular and plural, and focus on the confirmation\'s first action', async ({ page }) => {
  await start(page, 'clf-c02');
  const questions = bank('clf-c02');
  for (let i = 0; i < 9; i++) {
    await answer(page, await shownQuestion(page, questions), true);
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('1 question is unanswered.');
  await expect(page.getByRole('button', { name: 'Finish anyway' })).toBeFocused();
  await noAxeViolations(page, 'the finish confirmation');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('score')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goto('/history/');
  await expect(page.locator('.exam-history h2')).toHaveText('CLF-C02 · 1 attempt');
  await page.goto('/exam/clf-c02/');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

/** A finished diagnostic whose domains 1 and 4 tie for weakest, with a
 *  partly right "Choose two" in domain 3, stored as the app stores it. */
function tiedAttempt() {
  const qs = bank('clf-c02') as any[];
  const multi = (q: any) => q.option.filter((o: any) => o.correct).length > 1;
  const pick = (d: number, n: number, m = false) => qs.filter((q) => q.domain === d && q.difficulty === 'medium' && multi(q) === m).slice(0, n);
  const items = [...pick(1, 2), ...pick(2, 3), ...pick(3, 3), ...pick(3, 1, true), ...pick(4, 1)];
  const right = (q: any) => q.option.map((o: any, k: number) => (o.correct ? k : -1)).filter((k: number) => k >= 0);
  const wrong = (q: any) => [q.option.findIndex((o: any) => !o.correct)];
  const partly = (q: any) => [right(q)[0], q.option.findIndex((o: any) => !o.correct)].sort();
  const answers = items.map((q, k) => (k === 1 || k === 9 ? wrong(q) : k === 8 ? partly(q) : right(q)));
  const t = Date.now();
  return {
    version: 3,
    attempts: [{
      id: 'tie-0001', exam: 'clf-c02', seed: 1, mode: 'diagnostic', started_ms: t - 60_000,
      items: items.map((q) => ({ question: q.id, order: q.option.map((_: any, k: number) => k) })),
      answers, flagged: items.map(() => false), current: 9, updated_ms: t, finished_ms: t, summary: null,
    }],
    seen: {}, plan: { hours_per_week: 6, weeks: 4 }, first_answers: {}, cards: {},
  };
}

test('the results say a tie is a tie, explain the figures, the all-or-nothing rule and where to read more', async ({ page }) => {
  await page.goto('/');
  await mounted(page);
  await page.evaluate((s) => localStorage.setItem('cert-diagnostic', JSON.stringify(s)), tiedAttempt());
  await page.goto('/exam/clf-c02/results/?a=tie-0001');
  const weakest = page.getByTestId('weakest');
  await expect(weakest).toContainText('A tie for weakest domain: 1 Cloud Concepts and 4 Billing, Pricing, and Support');
  await expect(weakest).not.toContainText('costs you the most');
  await expect(page.getByTestId('domain-notes')).toContainText('weighted by difficulty');
  await expect(page.getByTestId('domain-notes')).toContainText('Shortfall is');
  await expect(page.locator('table.by-domain thead')).toContainText('Scaled points at stake');
  await expect(page.getByTestId('all-or-nothing')).toHaveCount(1);
  await expect(page.getByTestId('read-more').first()).toContainText('Read more');
  // The next actions are at the top, not only at the bottom.
  const next = page.getByRole('navigation', { name: 'What next' });
  await expect(next.getByRole('link', { name: 'Take another diagnostic' })).toBeVisible();
  await noAxeViolations(page, 'results with a tie');
  await page.screenshot({ path: path.join(shots, 'results-top-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'results-top-390.png') });
  await page.locator('table.by-domain').scrollIntoViewIfNeeded();
  await page.locator('.panel', { has: page.locator('#domains-heading') }).screenshot({ path: path.join(shots, 'results-domains-390.png') });
  // Every figure of the domain rows is on screen: nothing scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const cell of await page.locator('table.by-domain td[data-label="Scaled points at stake"]').all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test('the study plan follows typing, takes an exam date, and says when a value is out of range', async ({ page }) => {
  await start(page, 'clf-c02');
  await answerAll(page, 'clf-c02', (q) => q.domain === 2);
  await finish(page);
  const hours = page.getByLabel('Hours per week');
  await hours.fill('0');
  await expect(page.locator('#hours-error')).toHaveText('Hours per week must be between 0.5 and 80.');
  await expect(page.locator('.plan-body')).toContainText('24 hours in all');
  await hours.fill('10');
  await expect(page.locator('#hours-error')).toHaveText('');
  await expect(page.locator('.plan-body')).toContainText('40 hours in all');
  await page.getByLabel('Weeks until the exam').fill('100');
  await expect(page.locator('#weeks-error')).toContainText('between 1 and 52');
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000);
  const ymd = `${inTwoWeeks.getFullYear()}-${String(inTwoWeeks.getMonth() + 1).padStart(2, '0')}-${String(inTwoWeeks.getDate()).padStart(2, '0')}`;
  await page.locator('#plan-date').fill(ymd);
  await expect(page.getByLabel('Weeks until the exam')).toHaveValue('2');
  await expect(page.locator('.plan-body')).toContainText('20 hours in all');
  await noAxeViolations(page, 'plan settings with a message');
});

test('the grid has a legend and tells a skipped question from one not yet visited', async ({ page }) => {
  await start(page, 'clf-c02');
  await page.getByRole('button', { name: 'Next →' }).click(); // question 1 skipped
  await expect(page.locator('.grid-legend li')).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Question 1, not answered' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Question 3, not visited' })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'question-390.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(shots, 'question-1280.png') });
});

test('a challenge from a shared result compares both results; the shared page speaks of "this result"', async ({ page }) => {
  // A friend's result.
  await start(page, 'clf-c02');
  await answerAll(page, 'clf-c02', (q) => q.domain === 1);
  await finish(page);
  const theirScore = await page.getByTestId('score').innerText();
  const link = await page.locator('#share-result').inputValue();
  // Opened in another browser.
  await page.evaluate(() => localStorage.clear());
  await page.goto(link);
  await expect(page.getByRole('heading', { name: "This result's estimate" })).toBeVisible();
  await expect(page.locator('.review-list')).toContainText('Their answer');
  await expect(page.locator('.review-list')).not.toContainText('Your answer');
  await page.getByRole('link', { name: 'Take the same challenge, then compare' }).click();
  await expect(page.locator('.challenge')).toContainText('side by side');
  // The challenge is the one obvious action; the other start says what it does.
  await expect(page.getByRole('button', { name: /own diagnostic instead/ })).toHaveClass(/link-button/);
  await page.getByRole('button', { name: 'Take the challenge' }).click();
  const mine = await answerAll(page, 'clf-c02', (q) => q.domain === 3);
  await finish(page);
  const table = page.getByTestId('comparison');
  await expect(table).toBeVisible();
  await expect(table.locator('tr', { hasText: 'Estimate' })).toContainText(theirScore);
  const questionRows = table.locator('tbody tr', { hasText: /^Question/ });
  await expect(questionRows).toHaveCount(10);
  // Mine, question by question, from the answer keys alone.
  for (let i = 0; i < 10; i++) {
    await expect(questionRows.nth(i).locator('td').first()).toHaveText(mine[i].correct ? 'right' : 'wrong');
  }
  await noAxeViolations(page, 'the challenge comparison');
  await page.locator('.panel', { has: page.locator('#comparison-heading') }).screenshot({ path: path.join(shots, 'comparison-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.panel', { has: page.locator('#comparison-heading') }).screenshot({ path: path.join(shots, 'comparison-390.png') });
});

test('on a phone the actions above the results keep apart, and clear of the estimate', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await start(page, 'clf-c02');
  await answerAll(page, 'clf-c02', (q) => q.id.endsWith('2'));
  await finish(page);
  const boxes = await page.locator('.next-actions .button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  const apart = (a: DOMRect, b: DOMRect) =>
    a.bottom + 8 <= b.top || b.bottom + 8 <= a.top || a.right + 8 <= b.left || b.right + 8 <= a.left;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i], boxes[j]), `buttons ${i} and ${j}`).toBe(true);
  }
  const estimate = (await page.locator('.score-summary').boundingBox())!;
  expect(Math.max(...boxes.map((b: DOMRect) => b.bottom)) + 12).toBeLessThanOrEqual(estimate.y);
});
