// Issues #17 (item 3) and #18: a question revised since it was answered
// still shows what was asked, with a note and a link to the public list of
// corrections; every explained question says when it was checked and
// offers "Report a problem" (a tracker link where the site has one, else
// the same report as text to copy).
import { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { answer, archive, bank, expect, mounted, noAxeViolations, serveCopy, shots, shownQuestion, squash, test } from './helpers';
import { Question } from './spec';

const root = path.resolve(__dirname, '..', '..');
const fixture = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'before-revision.json'), 'utf8')) as {
  store: string;
  recorded: { attempt: string; scaled: number; questions: [string, number, number[]][]; right: boolean[]; link: string }[];
};

/** The fixture's stored record in this browser, before the app reads it. */
async function withFixtureStore(page: Page) {
  await page.addInitScript((store) => {
    if (!sessionStorage.getItem('fixture-loaded')) {
      localStorage.setItem('cert-diagnostic', store);
      sessionStorage.setItem('fixture-loaded', '1');
    }
  }, fixture.store);
}

const examOf = (id: string) => (id.startsWith('aip-') ? 'aip-c01' : 'clf-c02');

test('a stored attempt over revised questions keeps its score and says which were revised', async ({ page }) => {
  await withFixtureStore(page);
  const r = fixture.recorded[0];
  const examId = examOf(r.questions[0][0]);
  const archived = new Map(archive(examId).map((q) => [q.id, q]));
  const revised = r.questions.filter(([id]) => archived.has(id));
  expect(revised.length, 'the fixture covers questions revised since').toBeGreaterThan(0);
  await page.goto(`/exam/${examId}/results/?a=${r.attempt}`);
  await expect(page.getByTestId('score')).toContainText(String(r.scaled));
  await expect(page.locator('.review-item')).toHaveCount(r.questions.length);
  await expect(page.getByTestId('revised')).toHaveCount(revised.length);
  // Each revised question shows the words it was answered with.
  for (const [k, [id]] of r.questions.entries()) {
    const item = page.locator(`#review-${k + 1}`);
    const q = archived.get(id);
    if (!q) continue;
    await expect(item.locator('.stem')).toHaveText(squash(q.stem));
    await expect(item.getByTestId('revised')).toContainText(`revised on`);
    await expect(item.getByTestId('revised').getByRole('link', { name: 'See the corrections' }))
      .toHaveAttribute('href', `/changes/#q-${id}`);
  }
  await noAxeViolations(page, 'results with revised questions');
  await page.locator('.question-trust').first().screenshot({ path: path.join(shots, 'revised-note.png') });
  // The link leads to that question's entry on the corrections page.
  const [firstId] = revised[0];
  await page.locator(`a[href="/changes/#q-${firstId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/changes/#q-${firstId.replace(/\./g, '\\.')}$`));
  const entry = page.locator(`[id="q-${firstId}"]`);
  await expect(entry).toBeFocused();
  await expect(entry).toContainText(`question ${firstId} revised as ${archived.get(firstId)!.retired!.replaced_by}`);
  await noAxeViolations(page, 'the corrections page');
  await page.screenshot({ path: path.join(shots, 'corrections.png') });
});

test('the corrections page lists every archived question, reached from the footer', async ({ page }) => {
  await page.goto('/');
  await mounted(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Corrections to questions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corrections to questions' })).toBeVisible();
  const all = [...archive('clf-c02'), ...archive('aip-c01')];
  await expect(page.locator('.changes .change')).toHaveCount(all.length);
  const q = all[all.length - 1];
  await expect(page.locator(`[id="q-${q.id}"]`)).toContainText(squash(q.retired!.why).slice(0, 40));
});

test('a shared link made before a revision opens with the result it had', async ({ page }) => {
  for (const r of fixture.recorded.slice(0, 2)) {
    await page.goto(`/shared/#${r.link}`);
    await expect(page.getByTestId('score')).toContainText(String(r.scaled));
    const archived = new Set(archive(examOf(r.questions[0][0])).map((q) => q.id));
    await expect(page.getByTestId('revised')).toHaveCount(r.questions.filter(([id]) => archived.has(id)).length);
  }
});

/** A task of `examId` whose every question passed the reading, with a
 *  multiple-response question among them. */
function checkedTask(examId: string): { task: string; questions: Question[] } {
  const questions = bank(examId);
  const tasks = [...new Set(questions.map((q) => q.task))];
  const task = tasks.find((t) => {
    const mine = questions.filter((q) => q.task === t);
    return mine.every((q) => q.checked) && mine.some((q) => q.option.filter((o) => o.correct).length > 1);
  });
  expect(task, `a fully re-checked task of ${examId}`).toBeTruthy();
  return { task: task!, questions: questions.filter((q) => q.task === task) };
}

/** Answers practice questions until one single and one multiple-response
 *  question were checked; gives each to `look` with its feedback shown. */
async function practiseBothKinds(page: Page, questions: Question[], look: (q: Question, multi: boolean, i: number) => Promise<void>) {
  const seen = new Set<boolean>();
  const heading = page.getByRole('heading', { level: 1, name: /^Question \d+ of \d+$/ });
  await expect(heading).toBeVisible();
  const total = Number((await heading.innerText()).split(' of ')[1]);
  for (let i = 0; i < total && seen.size < 2; i++) {
    await expect(heading).toHaveText(`Question ${i + 1} of ${total}`);
    const q = await shownQuestion(page, questions);
    const multi = q.option.filter((o) => o.correct).length > 1;
    await answer(page, q, i % 2 === 0);
    await page.getByTestId('check').click();
    await expect(page.getByTestId('feedback')).toBeVisible();
    if (!seen.has(multi)) {
      seen.add(multi);
      await look(q, multi, i);
    }
    if (i + 1 < total) await page.getByRole('button', { name: 'Next →' }).click();
  }
  expect(seen.size, 'both kinds were practised').toBe(2);
}

/** What the report must say of `q` as answered on screen. */
async function expectReportFields(page: Page, q: Question, examCode: string, body: string) {
  const chosen = await page.getByTestId('feedback').locator('li.chosen .option-text').allInnerTexts();
  const texts = (pick: (o: Question['option'][0]) => boolean) => q.option.filter(pick).map((o) => squash(o.text));
  // A re-written question is its original's second wording; a question
  // new to the bank (issue 19) is in its first.
  const revision = q.revises ? 2 : 1;
  expect(body).toContain(`Exam: ${examCode}\nQuestion: ${q.id} (revision ${revision})\nBank version: `);
  expect(body).toContain(`\nChosen: ${texts((o) => chosen.some((c) => squash(c).startsWith(squash(o.text)))).join(' | ')}\n`);
  expect(body).toContain(`\nKey says: ${texts((o) => o.correct).join(' | ')}\nWhat is wrong: `);
}

test('with no tracker set up, the report is text to copy, and every answer says when it was checked', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { task, questions } = checkedTask('aip-c01');
  await page.goto(`/exam/aip-c01/practice/?task=${task}&n=all`);
  await practiseBothKinds(page, questions, async (q) => {
    const feedback = page.getByTestId('feedback');
    await expect(feedback.getByTestId('checked')).toHaveText(/^Checked on \d{1,2} \w+ 20\d\d against AWS documentation\.$/);
    await expect(feedback.getByTestId('report-link')).toHaveCount(0);
    const details = feedback.getByTestId('report-text');
    // By keyboard: the summary opens the report, the Copy button is reachable.
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('open', '');
    const text = await details.getByLabel('The report').inputValue();
    expect(text.startsWith(`Question ${q.id} (AIP-C01): problem report\n\n`)).toBe(true);
    await expectReportFields(page, q, 'AIP-C01', text);
    await details.getByRole('button', { name: 'Copy the report' }).focus();
    await page.keyboard.press('Enter');
    await expect(details.getByRole('status')).toHaveText('Report copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await noAxeViolations(page, 'practice feedback with the report open');
  });
  await page.screenshot({ path: path.join(shots, 'report-copy.png'), fullPage: true });
});

test('with a tracker set up, one tap opens it pre-filled; offline, the same report is text', async ({ page, context }) => {
  // scripts/test.sh builds ../dist-sub with CERT_REPORT_URL set.
  const site = await serveCopy(path.join(root, 'dist-sub'), '/prep/diagnostic/');
  try {
    const { task, questions } = checkedTask('clf-c02');
    await page.goto(`${site.url}exam/clf-c02/practice/?task=${task}&n=all`);
    let offline = false;
    await practiseBothKinds(page, questions, async (q, multi, i) => {
      const feedback = page.getByTestId('feedback');
      const link = feedback.getByTestId('report-link');
      await expect(link).toHaveText('Report a problem with this question');
      await expect(link).toHaveAttribute('target', '_blank');
      const url = new URL((await link.getAttribute('href'))!);
      expect(url.origin + url.pathname).toBe('https://tracker.invalid/new');
      expect(url.searchParams.get('title')).toBe(`Question ${q.id} (CLF-C02): problem report`);
      await expectReportFields(page, q, 'CLF-C02', url.searchParams.get('body')!);
      if (multi && !offline) {
        // Offline, the same question's report is offered as text instead.
        offline = true;
        // Away and back through questions whose words are here: first
        // online (so the other question's words arrive), then offline.
        const away = i === 0 ? 1 : 0;
        const there = page.getByRole('button', { name: new RegExp(`^Question ${away + 1}, `) });
        const back = page.getByRole('button', { name: new RegExp(`^Question ${i + 1}, `) });
        await there.click();
        await expect(page.locator('legend.stem')).not.toHaveText(squash(q.stem));
        await back.click();
        await expect(page.getByTestId('feedback')).toBeVisible();
        await context.setOffline(true);
        await there.click();
        await back.click();
        const details = page.getByTestId('feedback').getByTestId('report-text');
        await expect(details).toContainText('offline');
        await details.getByText('Report a problem with this question').click();
        expect(await details.getByLabel('The report').inputValue())
          .toBe(`${url.searchParams.get('title')}\n\n${url.searchParams.get('body')}`);
        await context.setOffline(false);
      }
    });
  } finally {
    await site.close();
  }
});
