// Issue #8: the full-length practice exam (scoring.md §8) and readiness (§9).
import { Page } from '@playwright/test';
import path from 'node:path';
import { answer, bank, exam, expect, shownQuestion, test, noAxeViolations, shots } from './helpers';
import { expected, Question } from './spec';



const heading = (page: Page, i: number, total: number) =>
  page.getByRole('heading', { level: 1, name: `Question ${i} of ${total}` });

/** From the exam's page into question 1 of a new practice exam. */
async function startPracticeExam(page: Page, examId: string, clock: 'standard' | 'extended' | 'untimed', total: number) {
  await page.goto(`/exam/${examId}/`);
  await expect(page.getByTestId('practice-exam-form')).toBeVisible();
  await page.locator(`#clock-${clock}`).check();
  await page.getByRole('button', { name: /Start (the|a new) practice exam/ }).click();
  await expect(heading(page, 1, total)).toBeVisible();
}

/** Answers questions from..to (1-based, inclusive), right when `right(i)`. */
async function answerRange(page: Page, examId: string, total: number, from: number, to: number, right: (i: number) => boolean) {
  const questions = bank(examId);
  const graded: { q: Question; correct: boolean }[] = [];
  for (let i = from; i <= to; i++) {
    await expect(heading(page, i, total)).toBeVisible();
    const q = await shownQuestion(page, questions);
    await answer(page, q, right(i));
    graded.push({ q, correct: right(i) });
    if (i < total) await page.getByRole('button', { name: 'Next →' }).click();
  }
  return graded;
}

async function finishExam(page: Page) {
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review before you finish' })).toBeVisible();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  const anyway = page.getByRole('button', { name: 'Finish anyway' });
  if (await anyway.isVisible().catch(() => false)) await anyway.click();
  await expect(page.getByTestId('score')).toBeVisible();
}

test('a full CLF-C02 practice exam is scored on its 50 scored items only, and readiness pools all 65', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await startPracticeExam(page, 'clf-c02', 'standard', 65);
  await expect(page.getByTestId('clock')).toHaveText(/^(90:00|89:5\d)$/);
  await noAxeViolations(page, 'a practice-exam question');
  await page.screenshot({ path: path.join(shots, 'practice-question-1280.png'), fullPage: true });
  // A pattern that scores differently if unscored items were counted.
  const pattern = (i: number) => i % 3 !== 0 && i % 7 !== 0;
  const graded = await answerRange(page, 'clf-c02', 65, 1, 65, pattern);
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await noAxeViolations(page, 'the review before finishing');
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.getByTestId('score')).toBeVisible();

  // The review reveals, after the fact, which 15 were unscored.
  const items = page.locator('.review-item');
  await expect(items).toHaveCount(65);
  const unscored = await items.evaluateAll((els) => els.map((el) => el.querySelector('[data-testid=unscored]') !== null));
  expect(unscored.filter(Boolean)).toHaveLength(15);
  const scored = graded.filter((_, k) => !unscored[k]);
  const e = exam('clf-c02');
  const want = expected(e, scored);
  const ifAllCounted = expected(e, graded);
  expect(ifAllCounted.S !== want.S || ifAllCounted.low !== want.low, 'the pattern tells scored from unscored').toBe(true);
  await expect(page.getByTestId('score')).toHaveText(String(want.S));
  await expect(page.getByTestId('range')).toHaveText(`${want.low}–${want.high}`);
  await expect(page.getByTestId('verdict')).toHaveText(want.verdict);
  await expect(page.getByTestId('time-used')).toContainText('of 90 minutes');
  await expect(page.locator('.score-summary')).toContainText('of 50 scored questions correct');
  await noAxeViolations(page, 'practice-exam results');
  await page.screenshot({ path: path.join(shots, 'practice-results-1280.png') });

  // Readiness: every first answer, unscored ones included, all of the same age.
  await page.goto('/exam/clf-c02/');
  const r = expected(e, graded);
  await expect(page.getByTestId('readiness-score')).toHaveText(String(r.S));
  await expect(page.getByTestId('readiness-range')).toHaveText(`${r.low}–${r.high}`);
  await expect(page.getByTestId('readiness-verdict')).toHaveText(r.verdict);

  // History: its kind, and how far from "consistently ready".
  await page.goto('/history/');
  await expect(page.getByTestId('attempt-kind').first()).toHaveText('Practice exam, timed');
  const reached = want.S >= 750 ? 1 : 0;
  await expect(page.getByTestId('consistency')).toContainText(`${reached} of your last 1 timed practice exam reached 750`);
});

test('a reload mid-way keeps the question, the answers and the running clock', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00Z') });
  await startPracticeExam(page, 'aip-c01', 'standard', 75);
  await expect(page.getByTestId('clock')).toHaveText('180:00');
  await answerRange(page, 'aip-c01', 75, 1, 5, () => true);
  await expect(heading(page, 6, 75)).toBeVisible();
  await page.clock.fastForward('12:00');
  await expect(page.getByTestId('clock')).toHaveText(/^16[78]:\d\d$/);
  await page.reload();
  await expect(heading(page, 6, 75)).toBeVisible();
  await expect(page.getByTestId('clock')).toHaveText(/^16[78]:\d\d$/);
  await expect(page.locator('.progress-grid .cell.answered')).toHaveCount(5);
  // The pacing hint divides what is left by what is unanswered.
  await expect(page.locator('.clock-pace')).toContainText('per question left');
});

test('at the deadline the exam finishes by itself, warning politely before', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00Z') });
  await startPracticeExam(page, 'clf-c02', 'standard', 65);
  await answerRange(page, 'clf-c02', 65, 1, 3, () => true);
  await page.clock.fastForward(80.5 * 60_000);
  await expect(page.getByTestId('clock-warning')).toHaveText('10 minutes left.');
  await expect(page.getByTestId('clock-warning')).toHaveAttribute('aria-live', 'polite');
  await page.clock.fastForward(9 * 60_000);
  await expect(page.getByTestId('clock-warning')).toContainText('1 minute left');
  await page.clock.fastForward(90_000);
  await expect(page.getByTestId('score')).toBeVisible();
  await expect(page.getByTestId('time-used')).toContainText('Time ran out');
  // Three answered, whether scored or not: the rest count as unanswered.
  await expect(page.locator('.review-item .status.incorrect', { hasText: 'Not answered' })).toHaveCount(62);
});

test('closed over the deadline, the exam is finished on the next visit and says so', async ({ page, context }) => {
  await page.clock.install({ time: new Date('2026-12-01T10:00:00Z') });
  await startPracticeExam(page, 'clf-c02', 'standard', 65);
  await answerRange(page, 'clf-c02', 65, 1, 2, () => true);
  const url = page.url();
  await page.close();
  const later = await context.newPage();
  await later.clock.install({ time: new Date('2026-12-02T09:00:00Z') });
  await later.goto(url);
  await expect(later.getByRole('heading', { level: 1, name: 'This practice exam is finished' })).toBeVisible();
  await expect(later.getByTestId('timed-out')).toContainText('Time ran out');
  await later.getByRole('link', { name: 'See the results' }).click();
  await expect(later.getByTestId('score')).toBeVisible();
  await expect(later.getByTestId('time-used')).toContainText('Time ran out');
  await later.goto('/history/');
  await expect(later.getByTestId('attempt-kind').first()).toHaveText('Practice exam, timed');
});

test('+30 minutes shows 120:00; untimed shows no clock and does not count toward consistently ready', async ({ page }) => {
  await startPracticeExam(page, 'clf-c02', 'extended', 65);
  await expect(page.getByTestId('clock')).toHaveText(/^(120:00|119:5\d)$/);
  await startPracticeExam(page, 'clf-c02', 'untimed', 65);
  await expect(page.getByTestId('clock')).toHaveCount(0);
  await answerRange(page, 'clf-c02', 65, 1, 65, () => true);
  await finishExam(page);
  await expect(page.getByTestId('time-used')).toHaveCount(0);
  await page.goto('/history/');
  await expect(page.getByTestId('attempt-kind').first()).toHaveText('Practice exam, untimed');
  await expect(page.getByTestId('consistency')).toContainText('You have not taken a timed practice exam yet');
});

test('the practice exam start and a 65-question grid on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/exam/aip-c01/');
  await expect(page.getByTestId('practice-exam-form')).toContainText('75 questions, 10 of them unscored');
  await expect(page.locator('#practice-minutes')).toHaveValue('180');
  await expect(page.locator('.practice-exam')).toContainText('does not state this exam');
  await noAxeViolations(page, 'the practice-exam start');
  await page.locator('.practice-exam').screenshot({ path: path.join(shots, 'practice-start-360.png') });
  await startPracticeExam(page, 'clf-c02', 'standard', 65);
  const cells = page.locator('.progress-grid .cell');
  await expect(cells).toHaveCount(65);
  // Every cell is on screen width-wise and big enough to tap.
  for (const k of [0, 32, 64]) {
    const box = (await cells.nth(k).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.width).toBeGreaterThanOrEqual(36);
  }
  await cells.nth(64).click();
  await expect(heading(page, 65, 65)).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'practice-grid-360.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(shots, 'practice-grid-1280.png'), fullPage: true });
});
