import { answer, expect, shownQuestion, test } from './helpers';
import { bank, exam, expected, Question } from './spec';

for (const [examId, wrongDomain] of [['clf-c02', 2], ['aip-c01', 1]] as const) {
  test(`${examId}: a full diagnostic scores as the spec says, and survives a reload`, async ({ page }) => {
    const e = exam(examId);
    const questions = bank(examId);
    await page.goto('/');
    await page.getByRole('link', { name: `Start the ${e.code} diagnostic` }).click();
    await page.getByRole('button', { name: 'Start the diagnostic' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();

    const graded: { q: Question; correct: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      await expect(page.getByRole('heading', { level: 1, name: `Question ${i + 1} of 10` })).toBeVisible();
      const q = await shownQuestion(page, questions);
      const multi = q.option.filter((o) => o.correct).length > 1;
      await expect(page.locator(`.options input[type="${multi ? 'checkbox' : 'radio'}"]`)).toHaveCount(q.option.length);
      if (multi) await expect(page.locator('legend.stem')).toHaveText(/\(Choose (two|three)\.\)$/);
      await answer(page, q, q.domain !== wrongDomain);
      graded.push({ q, correct: q.domain !== wrongDomain });
      if (i === 4) {
        // Reload mid-way: the same question, its answer and all before it kept.
        await page.reload();
        await expect(page.getByRole('heading', { level: 1, name: 'Question 5 of 10' })).toBeVisible();
        await expect(page.locator('.options input:checked')).not.toHaveCount(0);
        await expect(page.locator('.progress-grid .cell.answered')).toHaveCount(5);
      }
      if (i < 9) await page.getByRole('button', { name: 'Next →' }).click();
    }
    await page.getByRole('button', { name: 'Review and finish' }).click();
    await page.getByRole('button', { name: 'Finish and see results' }).click();

    const want = expected(e, graded);
    await expect(page.getByTestId('score')).toHaveText(String(want.S));
    await expect(page.getByTestId('range')).toHaveText(`${want.low}–${want.high}`);
    await expect(page.getByTestId('verdict')).toHaveText(want.verdict);
    if (want.weakest) {
      await expect(page.getByTestId('weakest')).toContainText(`${want.weakest.number} ${want.weakest.name}`);
    } else {
      await expect(page.getByTestId('weakest')).toContainText('No weakest domain');
    }
    await expect(page.getByTestId('stake')).toHaveText(want.stakes.map((s) => `+${s}`));
    // Every question is reviewed with its explanations.
    await expect(page.locator('.review-item')).toHaveCount(10);

    // The finished attempt is listed on the home page.
    await page.getByRole('link', { name: 'Cert Diagnostic' }).click();
    await expect(page.locator('.history .attempts li')).toHaveCount(1);
    await expect(page.locator('.history .attempts .score')).toHaveText(String(want.S));
  });
}
