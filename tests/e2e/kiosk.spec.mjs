// @ts-check
// Kiosk mode on a waiting-room screen, in Chromium: the site built with
// tests/e2e/kiosk-deployment.json (kiosk on, 30 s quiet time, 20 s countdown) on the next port,
// and ?mode=kiosk on the ordinary site.  Time is Playwright's fake clock, installed before the
// page loads: the test jumps over the quiet time instead of waiting real minutes.
import { test, expect, openApp, byRole, mirror, tap, shot, readContent } from './support.mjs';
import { kioskPort } from './playwright.config.mjs';

const kioskBase = `http://127.0.0.1:${kioskPort}/`;
const idleMs = 30_000, warningMs = 20_000;  // tests/e2e/kiosk-deployment.json
// Its numbers are Ofcom's drama numbers, so the site is built as an example, and says so.
const exampleNotice = readContent('en-GB/strings-deployment.json').strings['deployment.example.title'];

test.describe.configure({ timeout: 120_000 });
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test takes from this pattern; it takes none
test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'kiosk', 'a waiting-room screen: the kiosk project (1080 x 1920) only');
});

// What the browser keeps for this site: IndexedDB databases, localStorage, sessionStorage, cookies.
async function kept(page) {
  const inPage = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
  }));
  return { ...inPage, cookies: (await page.context().cookies()).length };
}
const nothingKept = { databases: [], localStorage: 0, sessionStorage: 0, cookie: '', cookies: 0 };

// "Are you still there?": the seconds left, written large as text (a number, not a heading).
function countdown(page, seconds) {
  return mirror(page).locator('p.cpa-node').getByText(seconds, { exact: true });
}

async function answerNation(page, nation) {
  await tap(page, byRole(page, 'button', 'What support could I get?'));
  await expect(byRole(page, 'heading', 'Where do you live?', { level: 1 })).toBeVisible();
  await tap(page, byRole(page, 'radio', nation));
  await tap(page, byRole(page, 'button', 'Continue'));
  await expect(page).not.toHaveURL(/#\/eligibility$/);
}

test.describe('the kiosk site', { tag: '@kiosk-size' }, () => {
  test.use({ baseURL: kioskBase });

  test('kiosk: Quick exit (button or Shift three times) clears the visit and shows the attract screen, leaving nothing',
    async ({ page }, testInfo) => {
      await openApp(page);
      await tap(page, byRole(page, 'button', 'Tap to begin'));
      await answerNation(page, 'England');
      await expect(byRole(page, 'button', 'Quick exit')).toBeVisible();
      await shot(page, 'kiosk-quick-exit-bar', testInfo);
      await tap(page, byRole(page, 'button', 'Quick exit'));
      // Stays on the kiosk for the next visitor: the attract screen, without "cleared".
      await expect(byRole(page, 'button', 'Tap to begin')).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`^${kioskBase}#/$`));
      await expect(mirror(page).getByText(/cleared/)).toHaveCount(0);
      await tap(page, byRole(page, 'button', 'Tap to begin'));
      await answerNation(page, 'Wales');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await expect(byRole(page, 'button', 'Tap to begin')).toBeVisible();
      expect(await kept(page)).toEqual(nothingKept);
    });

  test('kiosk: attract screen, Home without plans, then quiet too long: warning, countdown, everything cleared, nothing kept',
    async ({ page }, testInfo) => {
      await page.clock.install();
      await openApp(page);
      await expect(byRole(page, 'button', 'Tap to begin')).toBeVisible();
      await expect(byRole(page, 'button', 'Help now')).toBeVisible();
      await expect(mirror(page).getByText(exampleNotice, { exact: true })).toBeVisible();
      await expect(mirror(page).getByText('https://example.org/cpa/', { exact: true })).toHaveCount(1);
      await shot(page, 'kiosk-1-attract', testInfo);

      await tap(page, byRole(page, 'button', 'Tap to begin'));
      await expect(byRole(page, 'heading', 'CPA Companion', { level: 1 })).toBeVisible();
      await expect(mirror(page).getByText(exampleNotice, { exact: true })).toBeVisible();
      await expect(byRole(page, 'button', 'What support could I get?')).toBeVisible();
      await expect(byRole(page, 'button', 'Continue on your phone')).toBeVisible();
      for (const personal of ['My care plan', 'My crisis plan', 'Your data and settings']) {
        await expect(byRole(page, 'button', personal)).toHaveCount(0);
      }
      await expect(mirror(page)).not.toContainText('this phone');
      await shot(page, 'kiosk-2-home', testInfo);

      // A deep link to a personal plan goes Home.
      await page.evaluate(() => { window.location.hash = '#/crisis-plan'; });
      await expect(page).toHaveURL(/#\/$/);
      await expect(byRole(page, 'heading', 'CPA Companion', { level: 1 })).toBeVisible();

      await answerNation(page, 'Wales');
      const question = page.url();
      await page.goBack();
      await expect(byRole(page, 'radio', 'Wales')).toBeChecked();
      await page.goForward();
      await expect(page).toHaveURL(question);

      // From here the clock stands still and moves only when the test moves it, so the countdown
      // shows exact seconds however slow the machine is.  One key press at the paused time
      // starts the quiet time at a known instant (the app counts a key as the visitor's input).
      await page.clock.pauseAt(await page.evaluate(() => Date.now()) + 1_000);
      await page.keyboard.press('Control');
      // Quiet: nothing yet just before the quiet time is up ...
      await page.clock.runFor(idleMs - 2_000);
      await expect(byRole(page, 'heading', 'Are you still there?')).toHaveCount(0);
      // ... then the warning, with its countdown (100 ms after it began, so a frame has been drawn).
      await page.clock.runFor(2_100);
      await expect(byRole(page, 'heading', 'Are you still there?', { level: 1 })).toBeVisible();
      await expect(countdown(page, '20')).toBeVisible();
      await expect(byRole(page, 'button', "I'm still here")).toBeVisible();
      await shot(page, 'kiosk-3-warning', testInfo, { drawn: true });
      await page.clock.runFor(1_000);
      await expect(countdown(page, '19')).toBeVisible();
      await page.clock.runFor(5_000);
      await expect(countdown(page, '14')).toBeVisible();
      await page.clock.runFor(13_800);
      await expect(countdown(page, '1')).toBeVisible();
      await expect(byRole(page, 'button', 'Tap to begin')).toHaveCount(0);

      await page.clock.runFor(200);
      await expect(byRole(page, 'button', 'Tap to begin')).toBeVisible();
      await expect(byRole(page, 'heading', 'Everything you entered has been cleared.')).toBeVisible();
      await expect(page).toHaveURL(/#\/$/);
      await page.clock.resume();
      await shot(page, 'kiosk-4-cleared', testInfo);

      // The next visitor finds nothing of the last one's.
      await tap(page, byRole(page, 'button', 'Tap to begin'));
      await expect(byRole(page, 'heading', 'Everything you entered has been cleared.')).toHaveCount(0);
      await expect(byRole(page, 'button', 'Back')).toHaveCount(0);
      await tap(page, byRole(page, 'button', 'What support could I get?'));
      await expect(byRole(page, 'heading', 'Where do you live?', { level: 1 })).toBeVisible();
      await expect(byRole(page, 'radio', 'Wales')).not.toBeChecked();
      expect(await kept(page)).toEqual(nothingKept);
    });

  test("kiosk: \"I'm still here\" keeps the visitor's answers and gives them the whole quiet time again",
    async ({ page }) => {
      await page.clock.install();
      await openApp(page);
      await tap(page, byRole(page, 'button', 'Tap to begin'));
      await answerNation(page, 'England');
      const question = page.url();
      await page.clock.fastForward(idleMs + 1_000);
      await expect(byRole(page, 'heading', 'Are you still there?', { level: 1 })).toBeVisible();
      await tap(page, byRole(page, 'button', "I'm still here"));
      await expect(byRole(page, 'heading', 'Are you still there?')).toHaveCount(0);
      await expect(page).toHaveURL(question);
      // Past when the first countdown would have ended: still here, nothing cleared.
      await page.clock.fastForward(warningMs + 1_000);
      await expect(byRole(page, 'heading', 'Are you still there?')).toHaveCount(0);
      await expect(page).toHaveURL(question);
      await page.goBack();
      await expect(byRole(page, 'radio', 'England')).toBeChecked();
      expect(await kept(page)).toEqual(nothingKept);
    });

  test('a trust deployment: its local crisis line is on Help now and on the plain page', async ({ page, browser }) => {
    await openApp(page);
    await tap(page, byRole(page, 'button', 'Help now: numbers to call'));
    await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
    await expect(mirror(page).getByText('Example crisis team', { exact: true })).toHaveCount(1);
    await expect(mirror(page).getByText('01632 960 000', { exact: true })).toHaveCount(1);
    // The plain page, before any script runs (and if the app never starts), has it too.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(kioskBase);
    await expect(plain.locator('#fallback li[data-line="example-crisis-team"] a[href="tel:01632960000"]')).toBeVisible();
    await context.close();
  });

  test('kiosk: Help now writes the numbers out large, with no call links', async ({ page }, testInfo) => {
    await openApp(page);
    await tap(page, byRole(page, 'button', 'Help now: numbers to call'));
    await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
    await expect(mirror(page).getByText('116 123', { exact: true })).toHaveCount(1);
    await expect(mirror(page).locator('a[href^="tel:"], a[href^="sms:"]')).toHaveCount(0);
    await shot(page, 'kiosk-5-help-now', testInfo);
  });
});

test('kiosk: ?mode=kiosk on the ordinary site is kiosk mode too, and keeps nothing', { tag: '@kiosk-size' }, async ({ page }) => {
  await openApp(page, '?mode=kiosk');
  await expect(byRole(page, 'button', 'Tap to begin')).toBeVisible();
  await tap(page, byRole(page, 'button', 'Tap to begin'));
  await expect(byRole(page, 'button', 'My care plan')).toHaveCount(0);
  await answerNation(page, 'England');
  expect(await kept(page)).toEqual(nothingKept);
});
