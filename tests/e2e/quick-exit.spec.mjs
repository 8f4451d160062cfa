// @ts-check
// Quick exit, as someone who must not be seen using the app meets it: a button beside Help now
// and Shift pressed three times both leave at once for a neutral site (BBC Weather, as GOV.UK's
// "Exit this page"), nothing of the app left on the screen, nothing typed lost, and this tab's
// history trimmed as far as the browser allows.  The neutral site is answered by the test
// (page.route), so no network is needed.
import { test, expect, openApp, settle, byRole, mirror, tap, shot, readContent } from './support.mjs';

const plans = readContent('en-GB/plans.json');
const strings = readContent('en-GB/strings.json').strings;
const NEUTRAL = 'https://www.bbc.co.uk/weather';
const SECRET = 'Leaving on Friday while he is at work';
// The first warning sign's text field ("My early warning signs, number 1").
const FIELD = strings['plans.ui.item_label'].replace('{label}', plans.fields['crisis_plan.warning_signs'].label).replace('{n}', '1');

async function standInForTheNeutralSite(page, guard) {
  guard.requests.push(/^https:\/\/www\.bbc\.co\.uk\/weather/);
  await page.context().route(`${NEUTRAL}**`, (route) => route.fulfill({
    status: 200, contentType: 'text/html', body: '<!doctype html><title>BBC Weather</title><h1>Weather forecast</h1>',
  }));
}

// The crisis plan's first section, with something typed in it (saved as the person types).
async function writeSomething(page, words, { waitForSave = true } = {}) {
  const section = plans.sections['crisis_plan.warning_signs'].title;
  await openApp(page, '#/crisis-plan');
  await tap(page, byRole(page, 'button', section));
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.warning_signs'].add));
  const field = byRole(page, 'textbox', FIELD);
  await tap(page, field);
  await expect(field).toBeFocused();
  await page.keyboard.type(words, { delay: 5 });
  await settle(page);
  if (waitForSave) await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
}

// A finger on Quick exit.  (Not tap(): that waits for the app's next frames, and the app is gone.)
async function pressQuickExit(page) {
  const box = await byRole(page, 'button', 'Quick exit').boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

async function expectLeftForTheNeutralSite(page) {
  await page.waitForURL(`${NEUTRAL}**`);
  await expect(page.getByRole('heading', { name: 'Weather forecast' })).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('CPA Companion');
  expect(text).not.toContain('Help now');
}

test('the Quick exit button leaves for the neutral site at once, and what was typed is kept', async ({ page, guard }, testInfo) => {
  await standInForTheNeutralSite(page, guard);
  await writeSomething(page, SECRET, { waitForSave: false });  // a save may still be on its way
  const button = byRole(page, 'button', 'Quick exit');
  await expect(button).toBeVisible();
  await shot(page, 'quick-exit-bar', testInfo);
  // What the screen shows the moment it is pressed: nothing of the app.
  let before = null;
  await page.exposeFunction('__seenAtExit', (v) => { before = v; });
  await page.evaluate(() => {
    window.addEventListener('cpa-quick-exit', () => window.__seenAtExit({
      app: document.documentElement.dataset.app,
      title: document.title,
      mirror: document.getElementById('cpa-a11y').childElementCount,
      canvasHidden: document.getElementById('cpa-canvas').hidden,
      bodyText: document.body.innerText.trim(),
    }), { once: true });
  });
  await pressQuickExit(page);
  await expectLeftForTheNeutralSite(page);
  expect(before).toEqual({ app: 'exited', title: 'Weather', mirror: 0, canvasHidden: true, bodyText: '' });
  // Nothing lost: the words are there when the person comes back to the app.
  await openApp(page, '#/crisis-plan');
  await tap(page, byRole(page, 'button', plans.sections['crisis_plan.warning_signs'].title));
  await expect(byRole(page, 'textbox', FIELD)).toHaveValue(SECRET);
});

test('Shift pressed three times leaves too; capitals typed with Shift do not count', async ({ page, guard }) => {
  await standInForTheNeutralSite(page, guard);
  await writeSomething(page, 'I Stop Sleeping');  // each capital is Shift held with a letter
  for (let i = 0; i < 3; i++) {
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Shift');
  }
  await settle(page);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/#\/plan-section\//);
  const field = byRole(page, 'textbox', FIELD);
  await expect(field).toHaveValue('I Stop SleepingAAA');  // typing worked as usual
  // Shift on its own, three times, with the cursor still in the field.
  await expect(field).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await expectLeftForTheNeutralSite(page);
});

test('turned off on Your data and settings: no button, Shift does nothing, and it stays off after a reload', async ({ page }, testInfo) => {
  await openApp(page, '#/your-data');
  const setting = byRole(page, 'checkbox', strings['data.quick_exit_setting']);
  await expect(setting).toHaveAttribute('aria-checked', 'true');
  await tap(page, setting);
  await expect(setting).toHaveAttribute('aria-checked', 'false');
  await expect(byRole(page, 'button', 'Quick exit')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
  await shot(page, 'quick-exit-setting-off', testInfo);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift');
  // Still here, and still working: Help now opens.
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/127\.0\.0\.1.*#\/help-now$/);

  // After a reload the setting is read before the first frame: the button never flashes up.
  await page.addInitScript(() => {
    window.__quickExitShown = false;
    new MutationObserver(() => {
      for (const b of document.querySelectorAll('#cpa-a11y button')) if (b.textContent === 'Quick exit') window.__quickExitShown = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openApp(page);
  await expect(byRole(page, 'button', 'Help now')).toBeVisible();
  await expect(byRole(page, 'button', 'Quick exit')).toHaveCount(0);
  expect(await page.evaluate(() => window.__quickExitShown)).toBe(false);
  // Kept in its own small database, apart from the plans.
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion-settings');
    open.onsuccess = () => {
      const get = open.result.transaction('settings').objectStore('settings').get('settings');
      get.onsuccess = () => { open.result.close(); resolve(get.result); };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  }));
  // The core's settings document (core/display/display.hpp), with the display settings beside it.
  expect(JSON.parse(stored).quick_exit).toBe(false);
});

test('Delete everything removes the settings database too, and Quick exit is on again', async ({ page }) => {
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'checkbox', strings['data.quick_exit_setting']));
  await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
  await tap(page, byRole(page, 'button', strings['data.delete']));
  await expect(mirror(page).getByText(strings['data.delete_item_settings'], { exact: true })).toHaveCount(1);
  await tap(page, byRole(page, 'button', strings['data.delete_yes']));
  // The store deletes it with every other database (once: a second request would wait behind it).
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
    .not.toContain('cpa-companion-settings');
  await expect(byRole(page, 'button', 'Quick exit')).toBeVisible();
});

test('after a quick exit, Back goes to the page before the app, never to the plan; Forward leaves again', async ({ page, guard }) => {
  await standInForTheNeutralSite(page, guard);
  // The page the person was on before opening the app (answered by the test: no network).
  // (Not a page of this site: its service worker answers every address on it with the app.)
  const BEFORE = 'https://search.example/results';
  guard.requests.push(/^https:\/\/search\.example\//);
  await page.route(BEFORE, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Search results</h1>' }));
  await page.goto(BEFORE);
  await writeSomething(page, SECRET);
  await tap(page, byRole(page, 'button', 'Back'));  // a few of the app's own history entries
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(page).toHaveURL(/#\/help-now$/);
  await pressQuickExit(page);
  await expectLeftForTheNeutralSite(page);

  // Back: the page before the app.  None of the app's screens (or the plan) are in between.
  await page.goBack();
  await expect(page).toHaveURL(BEFORE);
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);
  // Forward: the neutral site, where quick exit left.
  await page.goForward();
  await expect(page).toHaveURL(NEUTRAL);
  // Forward again: the one entry left of the app, its bare address (marked by quick exit), which
  // leaves again at once without starting the app (shell/loader.js).
  const visited = [];
  const appFilesLoaded = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) visited.push(frame.url()); });
  page.on('request', (r) => { if (/\/cpa\.(js|wasm)$/.test(r.url())) appFilesLoaded.push(r.url()); });
  await page.goForward().catch(() => null);  // it is replaced as it loads: Playwright may call that interrupted
  await expect.poll(() => visited.at(-1)).toBe(NEUTRAL);
  expect(visited[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(appFilesLoaded, 'the app did not start on the way through').toEqual([]);
  await expect(page.getByRole('heading', { name: 'Weather forecast' })).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain(SECRET);
  // And nothing further forward.
  expect(await page.goForward()).toBeNull();
  await expect(page).toHaveURL(NEUTRAL);
});
