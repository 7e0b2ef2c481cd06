// Issue #12 §1: a saved answer must show as selected whenever its question
// is on screen again, whichever way the test-taker gets back to it.
import { Page } from '@playwright/test';
import { expect, start, test } from './helpers';

const TOTAL = 10;

/** The option texts that are checked on screen, in shown order. */
async function checkedTexts(page: Page): Promise<string[]> {
  return page.locator('.options li').evaluateAll((lis) =>
    lis
      .filter((li) => (li.querySelector('input') as HTMLInputElement).checked)
      .map((li) => li.querySelector('.option-text')!.textContent!.trim()),
  );
}

async function onQuestion(page: Page, i: number) {
  await expect(page.getByRole('heading', { level: 1, name: `Question ${i + 1} of ${TOTAL}` })).toBeVisible();
}

/** Answers question `i` with a pattern that varies the chosen position (so
 *  that moving between questions goes both to a lower and a higher one). */
async function answerWithPattern(page: Page, i: number): Promise<string[]> {
  const inputs = page.locator('.options input');
  const n = await inputs.count();
  const multi = (await page.locator('.options input[type=checkbox]').count()) > 0;
  const picks = multi ? [i % n, (i + 2) % n] : [(i * 3 + 1) % n];
  for (const k of picks) await page.locator('.options label').nth(k).click();
  const texts = await page.locator('.options .option-text').allInnerTexts();
  return picks.sort((a, b) => a - b).map((k) => texts[k].trim());
}

test('every saved answer shows on every revisit: Back, grid, browser back, reload', async ({ page }) => {
  await start(page, 'clf-c02');
  const expected: string[][] = [];
  for (let i = 0; i < TOTAL; i++) {
    await onQuestion(page, i);
    expected.push(await answerWithPattern(page, i));
    expect(await checkedTexts(page), `question ${i + 1} right after answering`).toEqual(expected[i]);
    if (i < TOTAL - 1) await page.getByRole('button', { name: 'Next →' }).click();
  }
  const check = async (i: number, how: string) => {
    await onQuestion(page, i);
    await expect.poll(() => checkedTexts(page), { message: `question ${i + 1} via ${how}` }).toEqual(expected[i]);
  };

  // ← Back, from the last question down to the first.
  for (let i = TOTAL - 2; i >= 0; i--) {
    await page.getByRole('button', { name: '← Back' }).click();
    await check(i, 'Back');
  }
  // The jump grid, in an order that goes up and down.
  for (const i of [9, 0, 5, 2, 8, 1, 7, 3, 6, 4]) {
    await page.getByRole('button', { name: new RegExp(`^Question ${i + 1}, `) }).click();
    await check(i, 'the grid');
  }
  // The browser's back button retraces the grid jumps above.
  for (const i of [6, 3, 7, 1, 8, 2, 5, 0, 9]) {
    await page.goBack();
    await check(i, 'browser back');
  }
  // Reload on every question.
  for (let i = 0; i < TOTAL; i++) {
    const url = new URL(page.url());
    url.searchParams.set('q', String(i + 1));
    await page.goto(url.toString());
    await check(i, 'a direct link');
    await page.reload();
    await check(i, 'reload');
  }
});
