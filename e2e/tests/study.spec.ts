// Issue #9: practice with instant feedback, spaced review, and a backup
// that moves progress to another browser (study.md).
import { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answer, answerAll, bank, expect, finish, mounted, serveCopy, shownQuestion, start, test, noAxeViolations, shots, written, stored } from './helpers';

const dist = path.resolve(__dirname, '..', '..', 'dist');


const questionHeading = (page: Page) => page.getByRole('heading', { level: 1, name: /^Question \d+ of \d+$/ });

test('practice by domain from a deep link: Check shows the key and every why, reload resumes', async ({ page }) => {
  const questions = bank('clf-c02');
  await page.goto('/exam/clf-c02/practice/?domain=2');
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
  for (let i = 1; i <= 3; i++) {
    const q = await shownQuestion(page, questions);
    expect(q.domain, 'a domain 2 question').toBe(2);
    if (i === 2) {
      // Check needs a choice first.
      await expect(page.getByTestId('check')).toBeDisabled();
    }
    await answer(page, q, i !== 1);
    await page.getByTestId('check').click();
    const feedback = page.getByTestId('feedback');
    await expect(feedback.getByRole('heading', { level: 2 })).toHaveText(i !== 1 ? 'Correct' : 'Incorrect');
    // The Check button is gone: focus goes to what it revealed.
    await expect(feedback.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(feedback.locator('.why')).toHaveCount(q.option.length);
    for (const o of q.option) await expect(feedback).toContainText(o.why.replace(/\s+/g, ' ').trim().slice(0, 40));
    await expect(feedback.locator('li.correct')).toHaveCount(q.option.filter((o) => o.correct).length);
    // The choice is final once checked.
    await expect(page.locator('.options input').first()).toBeDisabled();
    if (i === 1) {
      await noAxeViolations(page, 'practice feedback');
      await page.screenshot({ path: path.join(shots, 'practice-feedback-390.png'), fullPage: true });
    }
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  // On question 4: reload, and the same question comes back.
  await expect(page.getByRole('heading', { level: 1, name: 'Question 4 of 10' })).toBeVisible();
  const stem = await page.locator('legend.stem').innerText();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 4 of 10' })).toBeVisible();
  await expect(page.locator('legend.stem')).toHaveText(stem);
  // The same deep link resumes the same session at the same question.
  await page.goto('/exam/clf-c02/practice/?domain=2');
  await expect(page.getByRole('heading', { level: 1, name: 'Question 4 of 10' })).toBeVisible();
  await expect(page.locator('legend.stem')).toHaveText(stem);
  // A checked question shows its feedback again.
  await page.getByRole('button', { name: /^Question 1, / }).click();
  await expect(page.getByTestId('feedback').getByRole('heading', { level: 2 })).toHaveText('Incorrect');
  // Stopping gives the summary: right per task, never a scaled score.
  await page.getByRole('button', { name: 'End practice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice summary' })).toBeVisible();
  await expect(page.locator('#practice-summary-heading')).toHaveText('2 of 3 checked answers right');
  await expect(page.getByTestId('score')).toHaveCount(0);
  await expect(page.locator('.review-item')).toHaveCount(3);
  // What more practice of the domain still has: every domain 2 question
  // but the four shown (three answered, the fourth opened and reloaded).
  const unseen = questions.filter((x) => x.domain === 2).length - 4;
  await expect(page.getByTestId('unseen')).toContainText(`Not yet shown in this browser: ${unseen} questions of Domain 2: `);
  await noAxeViolations(page, 'the practice summary');
});

test('by keyboard in practice, Enter checks an answer first, then goes on', async ({ page }) => {
  await page.goto('/exam/clf-c02/practice/?domain=1');
  await expect(questionHeading(page)).toHaveText('Question 1 of 10');
  await expect(page.locator('.keys')).toContainText('Enter checks, then goes on');
  // Unanswered, there is nothing to check: Enter goes on, as in an exam.
  await page.keyboard.press('Enter');
  await expect(questionHeading(page)).toHaveText('Question 2 of 10');
  await page.keyboard.press('1');
  await expect(page.locator('.options input:checked')).toHaveCount(1);
  await page.keyboard.press('Enter');
  // Checked, not skipped: the feedback shows and has the focus.
  await expect(questionHeading(page)).toHaveText('Question 2 of 10');
  await expect(page.getByTestId('feedback').getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page.getByTestId('check')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(questionHeading(page)).toHaveText('Question 3 of 10');
});

test('an ended practice session is in the history: its right answers, never a score', async ({ page }) => {
  const questions = bank('clf-c02');
  await page.goto('/exam/clf-c02/practice/?domain=3');
  for (const right of [true, false]) {
    const q = await shownQuestion(page, questions);
    await answer(page, q, right);
    await page.getByTestId('check').click();
    await expect(page.getByTestId('feedback')).toBeVisible();
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  await page.getByRole('button', { name: 'End practice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice summary' })).toBeVisible();
  const rows = await historyRows(page);
  expect(rows).toHaveLength(1);
  const row = page.locator('.attempts-table tbody tr').first();
  await expect(row.getByTestId('attempt-kind')).toHaveText('Practice');
  await expect(row).toContainText('1 of 2 right');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.attempts-table').screenshot({ path: path.join(shots, 'history-practice-390.png') });
  await row.getByRole('link', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Practice summary' })).toBeVisible();
});

test('practice by task from a deep link draws only that task', async ({ page }) => {
  const questions = bank('clf-c02');
  await page.goto('/exam/clf-c02/practice/?task=2.3&n=20');
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 20' })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    expect((await shownQuestion(page, questions)).task).toBe('2.3');
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  await noAxeViolations(page, 'a practice question');
  // A link to a task the exam does not have says so.
  await page.goto('/exam/clf-c02/practice/?task=9.9');
  await expect(page.getByRole('alert')).toContainText('no task statement 9.9');
});

test('the confidence tap turns answers into lucky guesses and misconceptions', async ({ page }) => {
  const questions = bank('clf-c02');
  await page.goto('/exam/clf-c02/practice/?domain=1');
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
  // 1: right but not sure (a lucky guess). 2: wrong while sure (a misconception).
  // 3: wrong and not sure (neither). 4: right and sure (neither).
  const plan = [
    { right: true, unsure: true },
    { right: false, unsure: false },
    { right: false, unsure: true },
    { right: true, unsure: false },
  ];
  for (const step of plan) {
    const q = await shownQuestion(page, questions);
    if (step.unsure) {
      await page.getByRole('button', { name: "I'm not sure" }).click();
      await expect(page.getByRole('button', { name: "I'm not sure" })).toHaveAttribute('aria-pressed', 'true');
    }
    await answer(page, q, step.right);
    await page.getByTestId('check').click();
    await expect(page.getByTestId('feedback')).toBeVisible();
    await page.getByRole('button', { name: 'Next →' }).click();
  }
  await page.getByRole('button', { name: 'End practice' }).click();
  await expect(page.getByTestId('confidence')).toHaveText(
    '1 lucky guess (right, but you were not sure) · 1 misconception (wrong while sure: review these first).',
  );
  // Diagnostics count them too.
  await start(page, 'clf-c02');
  const graded = await answerAll(page, 'clf-c02', () => true);
  expect(graded).toHaveLength(10);
  await finish(page);
  await expect(page.getByTestId('confidence')).toContainText('10 misconceptions');
});

test('a question missed today is due tomorrow, counted on the home page, and reviewed', async ({ page, context }) => {
  const questions = bank('clf-c02');
  await page.clock.install({ time: new Date('2026-12-01T10:00:00Z') });
  await page.goto('/exam/clf-c02/practice/?domain=4');
  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
  const missed = await shownQuestion(page, questions);
  await answer(page, missed, false);
  await page.getByTestId('check').click();
  await page.getByRole('button', { name: 'End practice' }).click();
  await expect(page.getByTestId('due-now')).toHaveText('Due for review now: 0 questions.');
  await page.goto('/');
  await mounted(page);
  await expect(page.getByTestId('due-count').first()).toHaveText('');
  await page.close();

  const tomorrow = await context.newPage();
  await tomorrow.clock.install({ time: new Date('2026-12-02T10:05:00Z') });
  await tomorrow.goto('/');
  await expect(tomorrow.getByTestId('due-count').first()).toHaveText('1 question due for review');
  await tomorrow.goto('/exam/clf-c02/');
  await expect(tomorrow.getByTestId('due-count')).toContainText('1 question is due for review today.');
  await noAxeViolations(tomorrow, 'the exam page with a review due');
  await tomorrow.getByRole('link', { name: 'Review them' }).click();
  await expect(tomorrow.getByRole('heading', { level: 1, name: 'Question 1 of 1' })).toBeVisible();
  expect((await shownQuestion(tomorrow, questions)).id).toBe(missed.id);
  await answer(tomorrow, missed, true);
  await tomorrow.getByTestId('check').click();
  await tomorrow.getByRole('button', { name: 'End practice' }).click();
  await expect(tomorrow.getByTestId('due-now')).toHaveText('Due for review now: 0 questions.');
});

/** Backs up from the history page; returns the saved file's path. */
async function backUp(page: Page): Promise<string> {
  await page.goto('/history/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to a file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cert-diagnostic-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backup-')), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function historyRows(page: Page) {
  await page.goto('/history/');
  // The app's page, not the static first screen it replaces.
  await expect(page.getByRole('heading', { level: 1, name: 'Your history' })).toBeVisible();
  return page.locator('.attempts-table tbody tr').allInnerTexts();
}

async function restore(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('/history/');
  await page.locator('#restore-file').setInputFiles(file);
  return page.getByTestId('restore-outcome');
}

async function backupRoundTrip(page: Page) {
  await start(page, 'clf-c02');
  await answerAll(page, 'clf-c02', (q) => q.domain === 3);
  await finish(page);
  await page.goto('/exam/clf-c02/practice/?domain=1');
  const q = await shownQuestion(page, bank('clf-c02'));
  await answer(page, q, false);
  await page.getByTestId('check').click();
  const before = await historyRows(page);
  expect(before).toHaveLength(1);
  await noAxeViolations(page, 'the backup panel');
  const file = await backUp(page);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(saved.format).toBe('cert-diagnostic-backup');
  expect(typeof saved.app).toBe('string');
  expect(saved.schema).toBe(saved.store.version);
  expect(Object.keys(saved.store.cards).length).toBeGreaterThan(0);

  // Clear everything, then restore.
  await page.getByRole('button', { name: 'Clear all data…' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  expect(await historyRows(page)).toHaveLength(0);
  const outcome = await restore(page, file);
  await expect(outcome).toContainText('Restored: 2 attempts added');
  expect(await historyRows(page)).toEqual(before);
  // Restoring the same file again adds nothing.
  await expect(await restore(page, file)).toContainText('Restored: 0 attempts added, 0 updated');
  expect(await historyRows(page)).toEqual(before);
  return { file, before };
}

test('backup, clear all data, restore gives back the same history; bad files change nothing', async ({ page }) => {
  const { file, before } = await backupRoundTrip(page);
  const text = fs.readFileSync(file, 'utf8');
  const record = async () => JSON.stringify(await stored(page));
  await written(page);
  const kept = await record();
  const cases: [string, Buffer, RegExp][] = [
    ['random file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), /not a Cert Diagnostic backup/],
    ['truncated backup', Buffer.from(text.slice(0, Math.floor(text.length / 2))), /damaged or incomplete/],
    ['newer schema', Buffer.from(text.replace(/"schema": \d+/, '"schema": 99')), /newer version of Cert Diagnostic/],
  ];
  for (const [name, buffer, reason] of cases) {
    const outcome = await restore(page, { name: `${name}.json`, mimeType: 'application/json', buffer });
    await expect(outcome, name).toHaveText(reason);
    await expect(outcome, name).toContainText('Nothing was changed.');
    await expect(outcome).toHaveAttribute('role', 'alert');
    expect(await record(), `${name} changes nothing`).toBe(kept);
  }
  expect(await historyRows(page)).toEqual(before);
  // Whether the browser keeps the data is said, with a nudge to back up.
  await expect(page.getByTestId('persistence')).toContainText(/keep this site's data|backup/);
});

test('practice, review, backup and restore work with the network off', async ({ page, context }) => {
  const site = await serveCopy(dist);
  try {
    await page.goto(site.url);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
    // Every file of both banks (indexes and pieces) is precached in the
    // background: wait for all of them.
    const bankFiles = fs.readdirSync(path.join(dist, 'banks')).length;
    await expect
      .poll(async () => page.evaluate(async () => {
        const names = await caches.keys();
        const c = await caches.open(names.find((n) => n.startsWith('cert-diagnostic-'))!);
        return (await c.keys()).filter((r) => r.url.includes('/banks/')).length;
      }), { timeout: 15_000 })
      .toBe(bankFiles);
    await context.setOffline(true);
    await page.goto(`${site.url}exam/aip-c01/practice/?domain=5`);
    await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 10' })).toBeVisible();
    const q = await shownQuestion(page, bank('aip-c01'));
    await answer(page, q, false);
    await page.getByTestId('check').click();
    await expect(page.getByTestId('feedback').getByRole('heading', { level: 2 })).toHaveText('Incorrect');
    await page.getByRole('button', { name: 'End practice' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Practice summary' })).toBeVisible();
    await page.goto(`${site.url}history/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up to a file' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backup-')), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('button', { name: 'Clear all data…' }).click();
    await page.getByRole('button', { name: 'Yes, clear everything' }).click();
    await page.locator('#restore-file').setInputFiles(file);
    await expect(page.getByTestId('restore-outcome')).toContainText('Restored: 1 attempt added');
    await written(page);
    const cards = Object.keys((await stored(page)).cards);
    expect(cards).toEqual([q.id]);
  } finally {
    await context.setOffline(false);
    await site.close();
  }
});
