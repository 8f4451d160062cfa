// @ts-check
// "What support could I get?" walked as a person would, with a finger on the canvas and by role
// and name: Home -> the walk-through -> where you live -> the questions -> the result.  Then the
// print view, the saved copy, and the "Understand your care" pages.
// What the headless UI tests already pin, screen by screen, is not walked again here
// (tests/ui/test_eligibility.cpp: one Yes and its result; Help now on the risk question), and
// every answer combination's result is the routing proof's (tests/unit/test_crisis_routing_exhaustive.cpp).
import { test, expect, openApp, settle, byRole, mirror, tap, reveal, shot, readContent } from './support.mjs';

// A walk is ten questions and more, each a tap and a redraw of a 3x phone screen in software
// GL: give each test room beyond the default minute.
test.describe.configure({ timeout: 150_000 });

const eligibility = readContent('en-GB/eligibility.json');
const questions = eligibility.questions;
const resultTitle = (id) => eligibility.results.find((r) => r.id === id).title;
const question = (id) => questions.find((q) => q.id === id);

// A question page, as GOV.UK's are: a tap on an answer marks it (the screen stays), then
// Continue moves on.
async function answer(page, label) {
  const at = page.url();
  await tap(page, byRole(page, 'radio', label));
  await expect(byRole(page, 'radio', label)).toBeChecked();
  expect(page.url()).toBe(at);
  await tap(page, byRole(page, 'button', 'Continue'));
}

async function startWalk(page, nation) {
  await openApp(page);
  await tap(page, byRole(page, 'button', 'What support could I get?'));
  await expect(byRole(page, 'heading', 'Where do you live?', { level: 1 })).toBeVisible();
  await answer(page, nation);
}

// Taps one answer a question, from question number `from` (0-based), checking each screen.
async function answerAll(page, answerFor, from = 0) {
  for (let i = from; i < questions.length; i++) {
    const q = questions[i];
    await expect(byRole(page, 'heading', q.text, { level: 1 })).toBeVisible();
    await expect(mirror(page).getByRole('progressbar', { name: `Question ${i + 1} of ${questions.length}`, exact: true })).toHaveCount(1);
    await expect(byRole(page, 'button', 'Back')).toHaveCount(1);
    const given = answerFor(q.id);
    await answer(page, given);
    // A risk answer of Yes or Not sure shows help at once, before the next question.
    if (q.offers_help_now && (given === 'Yes' || given === 'Not sure')) {
      await expect(byRole(page, 'heading', 'Help is here now', { level: 1 })).toBeVisible();
      await tap(page, byRole(page, 'button', 'Carry on with the questions'));
    }
  }
  await expect(byRole(page, 'heading', 'Check your answers', { level: 1 })).toBeVisible();
  await tap(page, byRole(page, 'button', 'See what this means for me'));
}

// The top of the result, then further down, so the whole page can be looked at.
async function shotsOfResult(page, name, testInfo) {
  await shot(page, `${name}-1-top`, testInfo);
  await reveal(page, byRole(page, 'heading', 'What to do next').or(byRole(page, 'heading', 'If you need help now')).first());
  await shot(page, `${name}-2-middle`, testInfo);
  await reveal(page, byRole(page, 'button', 'Print this page'));
  await shot(page, `${name}-3-keep`, testInfo);
}

test('eligibility: England, every answer No, says CPA may not be offered and what everyone can get', async ({ page }, testInfo) => {
  await startWalk(page, 'England');
  await expect(byRole(page, 'button', 'Why we ask')).toHaveAttribute('aria-expanded', 'false');
  await tap(page, byRole(page, 'button', 'Why we ask'));
  await expect(byRole(page, 'button', 'Why we ask')).toHaveAttribute('aria-expanded', 'true');
  await expect(mirror(page).getByText(questions[0].why, { exact: true })).toHaveCount(1);
  await shot(page, 'eligibility-question-why-open', testInfo);
  await answerAll(page, () => 'No');
  await expect(page).toHaveURL(/#\/eligibility\/result$/);
  await expect(byRole(page, 'heading', resultTitle('may-not-be-offered'), { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(resultTitle('may-not-be-offered'));
  for (const heading of ['What everyone can get', 'What to do next', 'Questions you could ask', 'Each NHS trust decides', 'CPA is changing']) {
    await expect(byRole(page, 'heading', heading, { level: 2 })).toHaveCount(1);
  }
  await expect(byRole(page, 'heading', 'Help is there for you now')).toHaveCount(0);
  await shotsOfResult(page, 'eligibility-result-all-no', testInfo);
});

test('eligibility: the risk question offers Help now there; Yes shows help at once and puts the lines first', { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
  await startWalk(page, 'England');
  await answer(page, 'No');
  await expect(byRole(page, 'heading', question('risk').text, { level: 1 })).toBeVisible();
  const help = byRole(page, 'button', 'Help now');
  await expect(help).toHaveCount(2);  // the one on every screen, and one with the question
  await shot(page, 'eligibility-question-risk', testInfo);
  await answer(page, 'Yes');
  // Help straight away, before any other question: 999 in view without scrolling.
  await expect(byRole(page, 'heading', 'Help is here now', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/eligibility\/risk\.help$/);
  const call999Now = mirror(page).locator('a[href="tel:999"]');
  const nowBox = await call999Now.boundingBox();
  expect(nowBox.y + nowBox.height).toBeLessThan(page.viewportSize().height);
  await shot(page, 'eligibility-help-step', testInfo);
  await tap(page, byRole(page, 'button', 'Carry on with the questions'));
  await answerAll(page, () => 'No', 2);
  await expect(byRole(page, 'heading', resultTitle('talk-about-support'))).toHaveCount(1);
  // The crisis lines are the first thing on the result, in view without scrolling.
  const firstHeading = mirror(page).locator('h1').first();
  await expect(firstHeading).toHaveText('Help is there for you now');
  const call999 = mirror(page).locator('a[href="tel:999"]');
  await expect(call999).toHaveCount(1);
  const box = await call999.boundingBox();
  expect(box.y + box.height).toBeLessThan(page.viewportSize().height);
  const resultBox = await byRole(page, 'heading', resultTitle('talk-about-support')).boundingBox();
  expect(box.y).toBeLessThan(resultBox.y);
  for (const href of ['tel:111', 'tel:116123', 'sms:85258?body=SHOUT']) {
    await expect(mirror(page).locator(`a[href="${href}"]`)).toHaveCount(1);
  }
  await shot(page, 'eligibility-result-risk-1-top', testInfo);
  await reveal(page, byRole(page, 'heading', resultTitle('talk-about-support')));
  await shot(page, 'eligibility-result-risk-2-result', testInfo);
});

test('eligibility: Wales gets the Care and Treatment Plan and its own facts', async ({ page }, testInfo) => {
  await startWalk(page, 'Wales');
  await expect(byRole(page, 'heading', resultTitle('wales'), { level: 1 })).toBeVisible();
  await expect(mirror(page).getByText('medical and other treatment', { exact: true })).toHaveCount(1);
  await expect(mirror(page).getByText('NHS 111 Wales, press 2', { exact: true })).toHaveCount(1);
  await expect(mirror(page).locator('a[href="tel:111"]')).toHaveCount(1);
  await expect(byRole(page, 'button', 'Change my answers')).toHaveCount(0);
  await shotsOfResult(page, 'eligibility-result-wales', testInfo);
});

test('eligibility: Scotland gets an honest short answer and its own crisis lines', async ({ page }, testInfo) => {
  await openApp(page);
  await tap(page, byRole(page, 'button', 'What support could I get?'));
  await expect(byRole(page, 'heading', 'Where do you live?', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/eligibility$/);
  await shot(page, 'eligibility-nation', testInfo);
  await answer(page, 'Scotland');
  await expect(byRole(page, 'heading', resultTitle('elsewhere'), { level: 1 })).toBeVisible();
  await expect(mirror(page).locator('a[href="tel:116123"]')).toHaveCount(1);
  await expect(mirror(page).getByText('NHS 24 Mental Health Hub', { exact: true })).toHaveCount(1);
  await expect(mirror(page).locator('a[href="tel:0800838587"]')).toHaveCount(1);
  await expect(mirror(page).getByText('NHS 111, mental health option', { exact: true })).toHaveCount(0);
  await shot(page, 'eligibility-result-scotland', testInfo);
});

test('eligibility: Back goes to the last question, and an answer can be changed there or from the summary', async ({ page }, testInfo) => {
  await startWalk(page, 'England');
  await answer(page, 'Yes');
  await expect(byRole(page, 'heading', questions[1].text)).toBeVisible();
  await tap(page, byRole(page, 'button', 'Back'));
  await expect(byRole(page, 'heading', questions[0].text)).toBeVisible();
  await expect(byRole(page, 'radio', 'Yes')).toBeChecked();
  await shot(page, 'eligibility-question-answered', testInfo);
  await answer(page, 'No');
  await answerAll(page, () => 'No', 1);
  await expect(byRole(page, 'heading', resultTitle('may-not-be-offered'))).toBeVisible();

  await tap(page, byRole(page, 'button', 'Change my answers'));
  await expect(byRole(page, 'heading', 'Check your answers')).toBeVisible();
  // Each card is named by its question; the answer is text of its own after it, which describes it.
  const card = byRole(page, 'button', question('detained').short);
  await expect(card).toHaveAccessibleDescription('Your answer: No');
  await expect(card.locator('xpath=following-sibling::*[1]')).toHaveText('Your answer: No');
  await shot(page, 'eligibility-summary', testInfo);
  await tap(page, card);
  await expect(byRole(page, 'heading', question('detained').text)).toBeVisible();
  await answer(page, 'Yes');
  await expect(byRole(page, 'heading', 'Check your answers')).toBeVisible();
  await expect(byRole(page, 'button', question('detained').short)).toHaveAccessibleDescription('Your answer: Yes');
  await tap(page, byRole(page, 'button', 'See what this means for me'));
  await expect(byRole(page, 'heading', resultTitle('talk-about-support'))).toBeVisible();
  // The browser's own Back button walks back through the steps too.
  await page.goBack();
  await settle(page);
  await expect(byRole(page, 'heading', 'Check your answers')).toBeVisible();
});

test('eligibility: the print view is a clean HTML page of the result, shown by print media', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    // The print dialog itself cannot be driven headless: count the calls instead.
    window.__printCalls = 0;
    window.print = () => { window.__printCalls++; };
  });
  await startWalk(page, 'England');
  await answerAll(page, (id) => (id === 'risk' ? 'Yes' : id === 'parenting' ? 'Not sure' : 'No'));
  const printed = page.evaluate(() => new Promise((r) => window.addEventListener('cpa-print', (e) => r(e.detail), { once: true })));
  await tap(page, byRole(page, 'button', 'Print this page'));
  expect(await printed).toBe('What support could I get? My result');
  await expect.poll(() => page.evaluate(() => window.__printCalls)).toBe(1);

  const area = page.locator('#cpa-print');
  await expect(area.locator('h1')).toHaveCount(1);
  await expect(area.locator('h1')).toHaveText(resultTitle('talk-about-support'));
  await expect(area.locator('a[href="tel:116123"]')).toHaveCount(1);
  await expect(area.locator('a[href="tel:999"]')).toHaveCount(1);
  await expect(area.getByText(question('parenting').short, { exact: true })).toHaveCount(1);
  await expect(area.locator('h2', { hasText: 'Where this comes from' })).toHaveCount(1);
  await expect(area.locator('script, canvas, img')).toHaveCount(0);
  await expect(area).toBeHidden();  // on screen, the app; on paper, only this

  await page.emulateMedia({ media: 'print' });
  await expect(area).toBeVisible();
  await expect(page.locator('#cpa-root')).toBeHidden();
  // What the paper shows: the top of the page, and its foot with the sources.
  await shot(page, 'eligibility-print-view-1-top', testInfo);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await shot(page, 'eligibility-print-view-2-foot', testInfo);
  await page.emulateMedia({ media: 'screen' });
  await expect(area).toBeHidden();
});

test('eligibility: the result can be saved as a file on the device', async ({ page }) => {
  await startWalk(page, 'Wales');
  const download = page.waitForEvent('download');
  await tap(page, byRole(page, 'button', 'Save a copy on this device'));
  const file = await download;
  expect(file.suggestedFilename()).toBe('cpa-support-result.html');
  const stream = await file.createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk;
  expect(text.startsWith('<!doctype html>')).toBe(true);
  expect(text).toContain(resultTitle('wales'));
  expect(text).toContain('tel:111');
});

test('eligibility: Understand your care lists the pages; each shows its sources and checked-date', async ({ page }, testInfo) => {
  await openApp(page);
  await tap(page, byRole(page, 'button', 'Understand your care'));
  await expect(byRole(page, 'heading', 'Understand your care', { level: 1 })).toBeVisible();
  const order = readContent('en-GB/explainers.json').pages;
  for (const id of order) {
    const { title } = readContent(`en-GB/pages/${id}.json`);
    await expect(byRole(page, 'button', title)).toHaveCount(1);
  }
  await shot(page, 'explainers-list', testInfo);
  await tap(page, byRole(page, 'button', 'Your rights and how to complain'));
  await expect(byRole(page, 'heading', 'Your rights and how to complain', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/learn\/rights$/);
  await shot(page, 'explainer-rights-1-top', testInfo);
  const checked = new Date(readContent('en-GB/pages/rights.json').checked + 'T12:00:00Z')
    .toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await reveal(page, mirror(page).getByText(`We checked this page on ${checked}.`, { exact: true }));
  await expect(byRole(page, 'heading', 'Where this comes from')).toHaveCount(1);
  await shot(page, 'explainer-rights-2-foot', testInfo);
});
