// @ts-check
// Cymraeg (issue 27) as a person meets it: a browser set to Welsh opens the app in Welsh, the
// switch on every screen changes only the words (the screen, the answers and what was typed stay),
// the choice is kept, screen readers are told which language each piece of text is in, and the
// plain page before the app shows both languages with each number once.
import { test, expect, openApp, byRole, mirror, tap, typeInto, shot, readContent, expectedHref } from './support.mjs';
import { SCREENS, checkAxTree, axeViolations, chooseLargestText } from './a11y-checks.mjs';

const cy = { ...readContent('cy/strings.json').strings };
const en = { ...readContent('en-GB/strings.json').strings };
const cyPlans = readContent('cy/plans.json');
const enPlans = readContent('en-GB/plans.json');
const crisis = readContent('en-GB/crisis_lines.json');

test.describe('a browser set to Welsh', () => {
  test.use({ locale: 'cy-GB' });

  test('opens the app in Welsh, and the switch brings English, kept after a reload @kiosk-size', async ({ page }, testInfo) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(byRole(page, 'heading', cy.app_name)).toBeVisible();
    await expect(byRole(page, 'button', cy.help_now)).toBeVisible();
    const toEnglish = byRole(page, 'link', en['language.name']);
    await expect(toEnglish).toHaveAttribute('lang', 'en-GB');
    await shot(page, 'welsh-home', testInfo);
    await tap(page, toEnglish);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(byRole(page, 'heading', en.app_name)).toBeVisible();
    await expect(byRole(page, 'link', cy['language.name'])).toHaveAttribute('lang', 'cy');
    await page.reload();
    await openApp(page);
    await expect(byRole(page, 'heading', en.app_name)).toBeVisible();
  });
});

test('switching language keeps the screen, the answers and the typing; a keyboard keeps its place on the switch', async ({ page }) => {
  await openApp(page, '#/plan-section/care_plan.coordinator');
  const name = (plans, id) => plans.fields[id].label;
  await typeInto(page, byRole(page, 'textbox', name(enPlans, 'care_plan.coordinator.name')), 'Sam Okafor');
  await tap(page, byRole(page, 'link', cy['language.name']));
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page).toHaveURL(/#\/plan-section\/care_plan\.coordinator$/);
  await expect(byRole(page, 'textbox', name(cyPlans, 'care_plan.coordinator.name'))).toHaveValue('Sam Okafor');

  // With a keyboard: Enter on the switch, and focus is still on it, now named in the other language.
  const toEnglish = byRole(page, 'link', en['language.name']);
  await toEnglish.focus();
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'link', cy['language.name'])).toBeFocused();
  await expect(byRole(page, 'textbox', name(enPlans, 'care_plan.coordinator.name'))).toHaveValue('Sam Okafor');
});

// The Welsh words are a file of their own (content-cy.json): fetched only by someone reading Welsh.
test('an English reader never fetches the Welsh; choosing Cymraeg fetches it once, and it opens with no network after', async ({ page, context }) => {
  const asked = [];
  page.on('request', (r) => { if (r.url().endsWith('/content-cy.json')) asked.push(r.url()); });
  await openApp(page, '#/help-now');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  expect(asked).toEqual([]);
  await tap(page, byRole(page, 'link', cy['language.name']));
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(byRole(page, 'heading', cy.help_now, { level: 1 })).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);
  // The offline copy holds it: with no network, a reload opens in Welsh (the choice was kept).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(byRole(page, 'heading', cy.help_now, { level: 1 })).toBeVisible();
  await expect(mirror(page).locator('a[href="tel:116123"]').first()).toBeAttached();
  await context.setOffline(false);
});

test.describe('a Welsh browser on a first visit that cannot fetch the Welsh', () => {
  test.use({ locale: 'cy-GB', serviceWorkers: 'block' });  // the block is the route below, not a cached copy

  test('opens in English with Help now, says so in both languages, and Cymraeg works once it can be fetched', async ({ page, guard }, testInfo) => {
    guard.consoleErrors.push(/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/);  // the blocked fetch itself
    await page.route('**/content-cy.json', (route) => route.abort('internetdisconnected'));
    await openApp(page, '#/help-now');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(byRole(page, 'link', 'Call 116 123')).toHaveAttribute('href', 'tel:116123');
    const welsh = mirror(page).getByText(cy['language.not_loaded'], { exact: true });
    await expect(welsh).toHaveAttribute('lang', 'cy');
    await expect(mirror(page).getByText(en['language.not_loaded'], { exact: true })).toBeVisible();
    await shot(page, 'welsh-not-loaded', testInfo);
    await page.unroute('**/content-cy.json');
    await tap(page, byRole(page, 'link', cy['language.name']));
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(byRole(page, 'heading', cy.help_now, { level: 1 })).toBeVisible();
    await expect(mirror(page).getByText(cy['language.not_loaded'], { exact: true })).toHaveCount(0);
  });

  // A network that takes the request and never answers (a train going into a tunnel): the plain
  // page's numbers while the app waits for the Welsh, then the app in English after the core's
  // wait (src/core/content/language.hpp language_wait_ms, 10 s), on the page's clock.
  test('a stalled network: the plain page shows the numbers, then the app opens in English after the wait', async ({ page, guard }) => {
    guard.consoleErrors.push(/content-cy\.json/);
    await page.clock.install();
    /** @type {(asked: boolean) => void} */
    let asked = () => {};
    const requested = new Promise((resolve) => { asked = resolve; });
    await page.route('**/content-cy.json', () => asked(true));  // neither answered nor refused
    await page.goto('/#/help-now');
    await requested;
    await expect(page.locator('html')).toHaveAttribute('data-app', 'loading');
    await expect(page.locator('#fallback a[href="tel:116123"]').first()).toBeVisible();
    await page.clock.fastForward(9_000);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'loading');  // still waiting
    await page.clock.fastForward(1_500);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(byRole(page, 'link', 'Call 116 123')).toHaveAttribute('href', 'tel:116123');
    await expect(mirror(page).getByText(cy['language.not_loaded'], { exact: true })).toHaveAttribute('lang', 'cy');
    await expect(mirror(page).getByText(en['language.not_loaded'], { exact: true })).toBeVisible();
  });
});

test.describe('without the offline copy', () => {
  test.use({ serviceWorkers: 'block' });  // its copy of cpa.wasm would get past the block

  test('the plain page shows both languages, each number once, each in its own language', async ({ page, guard }, testInfo) => {
    guard.consoleErrors.push(/Failed to load resource: net::ERR_FAILED/);  // the block itself
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
    const heading = page.locator('#fallback-heading');
    await expect(heading).toContainText(en['fallback.heading']);
    await expect(heading.locator('span[lang="cy"]')).toHaveText(cy['fallback.heading']);
    const status = page.locator('#fallback-status');
    await expect(status).toContainText(en['fallback.failed']);
    await expect(status.locator('span[lang="cy"]')).toHaveText(cy['fallback.failed']);
    for (const line of crisis.lines) {
      const links = page.locator(`#fallback li[data-line="${line.id}"] a[href="${expectedHref(line)}"]`);
      await expect(links, line.id).toHaveCount(1);
      await expect(links, line.id).toBeVisible();
      await expect(links.locator('span[lang="cy"]'), line.id).toHaveCount(1);
    }
    await shot(page, 'plain-page-both-languages', testInfo);
  });
});

test('on a Welsh screen, a screen reader hears the switch as English and everything else as Welsh', async ({ page }) => {
  await openApp(page);
  await tap(page, byRole(page, 'link', cy['language.name']));
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');  // the Welsh words have arrived
  const langs = await mirror(page).locator('[lang]').evaluateAll((els) => els.map((el) => [el.textContent, el.lang]));
  expect(langs).toEqual([[en['language.name'], 'en-GB']]);
  await expect(page).toHaveTitle(cy.app_name);
});

// Every screen in Welsh, held to what English is held to: Chromium's accessibility tree against
// what the app drew, and axe-core at 100% and 200% text, with a screenshot of each at 200%.
test.describe('every screen in Welsh', () => {
  test.use({ locale: 'cy-GB' });

  test('a screen reader is told every role, name and state, in Welsh @kiosk-size', async ({ page }) => {
    for (const route of SCREENS) {
      await openApp(page, route);
      await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
      await checkAxTree(page, cy.help_now);
    }
  });

  test('axe-core finds nothing on any Welsh screen at 100% and 200% text; every screen seen at 200% @kiosk-size', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const problems = [];
    for (const size of [100, 200]) {
      if (size === 200) await chooseLargestText(page);
      for (const route of SCREENS) {
        await openApp(page, route);
        await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
        problems.push(...(await axeViolations(page)).map((v) => `${route} ${size}%: ${v}`));
        if (size === 200) await shot(page, `welsh-200-${route.replace(/[#/]+/g, '-').replace(/^-|-$/g, '') || 'home'}`, testInfo);
      }
    }
    expect(problems).toEqual([]);
  });
});
