// Steps the journeys share: start a diagnostic, read the question on screen
// back from the bank, answer it right or wrong, and finish.
import { expect, Page } from '@playwright/test';
import { bank, exam, squash, Question } from './spec';

export { bank, exam };

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
    await page.locator('.options label').filter({ has: page.locator('.option-text', { hasText: o.text }) }).first().click();
  }
}

/** From the home page into question 1 of a new diagnostic. */
export async function start(page: Page, examId: string) {
  const code = exam(examId).code;
  await page.goto('/');
  await page.getByRole('link', { name: `Start the ${code} diagnostic` }).click();
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
