import { Page } from '@playwright/test';
import path from 'node:path';
import { answer, answerAll, bank, expect, finish, mounted, shownQuestion, start, test, noAxeViolations, shots, stored } from './helpers';

/** Moves through the grid until a multiple-response question is on screen. */
async function findMulti(page: Page, examId: string): Promise<boolean> {
  for (let round = 0; round < 6; round++) {
    for (let i = 1; i <= 10; i++) {
      await page.getByRole('button', { name: new RegExp(`^Question ${i}, `) }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Question ${i} of 10` })).toBeVisible();
      if (await page.locator('.options input[type=checkbox]').count()) return true;
    }
    await start(page, examId); // a new draw
  }
  return false;
}

test('keyboard only: a whole diagnostic without the mouse, focus on each new question', async ({ page }) => {
  await page.goto('/exam/clf-c02/');
  // The app, not the static first screen, takes the keys (a busy machine may
  // take longer than the focus check to load the wasm after a plain link).
  await mounted(page);
  // Tab to the start button.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Start the diagnostic')) break;
  }
  await page.keyboard.press('Enter');
  const questions = bank('clf-c02');
  for (let i = 0; i < 10; i++) {
    await expect(page.getByRole('heading', { level: 1, name: `Question ${i + 1} of 10` })).toBeFocused();
    const q = await shownQuestion(page, questions);
    const multi = q.option.filter((o) => o.correct).length > 1;
    await page.keyboard.press('1');
    if (multi) await page.keyboard.press('b');
    await expect(page.locator('.options input:checked')).toHaveCount(multi ? 2 : 1);
    if (i === 2) {
      await page.keyboard.press('f');
      await expect(page.getByRole('button', { name: 'Unflag' })).toBeVisible();
    }
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Review before you finish' })).toBeFocused();
  await expect(page.locator('.finish-review')).toContainText('Question 3'); // flagged
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Finish and see results')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('score')).toBeVisible();
});

test('arrow keys move within a radio group', async ({ page }) => {
  await start(page, 'clf-c02');
  const found = await (async () => {
    for (let i = 1; i <= 10; i++) {
      await page.getByRole('button', { name: new RegExp(`^Question ${i}, `) }).click();
      if ((await page.locator('.options input[type=radio]').count()) > 0) return true;
    }
    return false;
  })();
  expect(found).toBe(true);
  await page.locator('.options input').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.options input').nth(1)).toBeChecked();
  await expect(page.locator('.options input').nth(1)).toBeFocused();
});

test('flag, jump with the grid, and the review before finishing', async ({ page }) => {
  await start(page, 'clf-c02');
  const questions = bank('clf-c02');
  await answer(page, await shownQuestion(page, questions), true);
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await expect(page.getByRole('button', { name: /^Question 2, not answered, flagged/ })).toBeVisible();
  await page.getByRole('button', { name: /^Question 7, / }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 7 of 10' })).toBeVisible();
  await expect(page).toHaveURL(/q=7/);
  await page.getByRole('button', { name: /^Question 10, / }).click();
  await page.getByRole('button', { name: 'Review and finish' }).click();
  const review = page.locator('.finish-review');
  await expect(review).toContainText('1 of 10 questions answered');
  await expect(review.getByRole('heading', { name: 'Flagged for review' })).toBeVisible();
  await review.locator('ul.jump-list').last().getByRole('link', { name: 'Question 2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 2 of 10' })).toBeVisible();
  // Back and forward work over the steps.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Review before you finish' })).toBeVisible();
});

test('finishing with unanswered questions asks first, and they count as wrong', async ({ page }) => {
  await start(page, 'aip-c01');
  const questions = bank('aip-c01');
  await answer(page, await shownQuestion(page, questions), true);
  await page.getByRole('button', { name: /^Question 10, / }).click();
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('9 questions are unanswered');
  await expect(page.getByRole('alertdialog')).toContainText('count as wrong');
  await page.getByRole('button', { name: 'Keep answering' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await expect(page.getByTestId('score')).toBeVisible();
  await expect(page.locator('.review-item', { hasText: 'Not answered (counts as wrong)' })).toHaveCount(9);
});

test('a third choice on a "Choose two" question is refused politely', async ({ page }) => {
  await start(page, 'clf-c02');
  expect(await findMulti(page, 'clf-c02')).toBe(true);
  // The stem says how many, once: no second "Choose two." beneath it.
  await expect(page.locator('legend.stem')).toHaveText(/\(Choose (two|three)\.\)$/);
  expect(await page.locator('.quiz').innerText()).toMatch(/^(?![\s\S]*Choose (two|three)[\s\S]*Choose (two|three))/);
  const limit = (await page.locator('legend.stem').innerText()).includes('Choose two') ? 2 : 3;
  const labels = page.locator('.options label');
  for (let i = 0; i <= limit; i++) await labels.nth(i).click();
  await expect(page.locator('.options input:checked')).toHaveCount(limit);
  await expect(page.locator('.choice-note')).toContainText(`asks for ${limit} answers`);
  // Unpicking one makes room again, and the note goes.
  await labels.nth(0).click();
  await labels.nth(limit).click();
  await expect(page.locator('.options input:checked')).toHaveCount(limit);
  await expect(page.locator('.choice-note')).toHaveText('');
});

test('results filters show all, incorrect and flagged questions', async ({ page }) => {
  await start(page, 'clf-c02');
  await page.getByRole('button', { name: 'Flag for review' }).click();
  const graded = await answerAll(page, 'clf-c02', (q) => q.domain === 3);
  await finish(page);
  const wrong = graded.filter((g) => !g.correct).length;
  await page.getByRole('button', { name: /^Incorrect/ }).click();
  await expect(page.locator('.review-item')).toHaveCount(wrong);
  await page.getByRole('button', { name: /^Flagged/ }).click();
  await expect(page.locator('.review-item')).toHaveCount(1);
  await expect(page.locator('.review-item')).toContainText('Question 1');
  await page.getByRole('button', { name: /^All/ }).click();
  await expect(page.locator('.review-item')).toHaveCount(10);
  // Each option of a reviewed question says why.
  await expect(page.locator('.review-item').first().locator('.why').first()).not.toBeEmpty();
});

test('history after two attempts: trend, lagging domain; delete one; clear all', async ({ page }) => {
  // Twice: everything right except Security and Compliance.
  for (let k = 0; k < 2; k++) {
    await start(page, 'clf-c02');
    await answerAll(page, 'clf-c02', (q) => q.domain === 2);
    await finish(page);
  }
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your history' })).toBeVisible();
  await expect(page.locator('.trend .trend-dot')).toHaveCount(2);
  await expect(page.locator('.trend')).toHaveAttribute('aria-label', /Scores of 2 attempt/);
  await expect(page.getByTestId('lagging')).toContainText('2 Security and Compliance');
  await expect(page.getByTestId('domain-average')).toHaveText(['100%', '0%', '100%', '100%']);
  await expect(page.locator('.attempts-table tbody tr')).toHaveCount(2);

  await page.locator('.attempts-table tbody tr').first().getByRole('button', { name: /^Delete/ }).click();
  await expect(page.locator('.attempts-table tbody tr')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Attempt deleted.' })).toBeVisible();

  await page.getByRole('button', { name: 'Clear all data…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.attempts-table tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear all data…' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await expect(page.getByText('No finished diagnostic yet')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No finished diagnostic yet')).toBeVisible();
  expect((await stored(page))?.attempts ?? []).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG 2.2 A/AA violations in any state (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await mounted(page);
    await noAxeViolations(page, 'home');
    await start(page, 'clf-c02');
    await noAxeViolations(page, 'a question');
    const hasMulti = await findMulti(page, 'clf-c02');
    if (hasMulti) await noAxeViolations(page, 'a multiple-response question');
    await page.getByRole('button', { name: /^Question 10, / }).click();
    await page.getByRole('button', { name: 'Review and finish' }).click();
    await noAxeViolations(page, 'the review screen');
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await noAxeViolations(page, 'the unanswered confirmation');
    await page.getByRole('button', { name: 'Finish anyway' }).click();
    await expect(page.getByTestId('score')).toBeVisible();
    await page.locator('details.how summary').click();
    await noAxeViolations(page, 'results');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
    await expect(page.locator('.trend')).toBeVisible();
    await noAxeViolations(page, 'history');
  });
}

for (const width of [1280, 390]) {
  test(`screenshots at ${width} px: question, results, history`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await start(page, 'clf-c02');
    await page.screenshot({ path: path.join(shots, `question-${width}.png`), fullPage: true });
    await answerAll(page, 'clf-c02', (q) => q.domain === 2);
    await finish(page);
    await page.screenshot({ path: path.join(shots, `results-${width}.png`), fullPage: true });
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'History' }).click();
    await expect(page.locator('.trend')).toBeVisible();
    await page.screenshot({ path: path.join(shots, `history-${width}.png`), fullPage: true });
  });
}

test('"Resume your diagnostic" lands on the question where you left off', async ({ page }) => {
  await start(page, 'clf-c02');
  const questions = bank('clf-c02');
  for (let i = 0; i < 3; i++) {
    await answer(page, await shownQuestion(page, questions), true);
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Question 4 of 10' })).toBeVisible();
  await page.getByRole('link', { name: 'Cert Diagnostic' }).click();
  await page.getByRole('link', { name: 'Resume your diagnostic' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 4 of 10' })).toBeVisible();
  await expect(page.locator('.progress-grid .cell.answered')).toHaveCount(3);
  await page.goto('/exam/clf-c02/');
  await page.getByRole('link', { name: 'Resume your diagnostic' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 4 of 10' })).toBeVisible();
});
