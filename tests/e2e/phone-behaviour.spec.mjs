// @ts-check
// What real phones do to the page while a person uses it, and what the app must survive:
// - Chrome on Android (index.html asks for interactive-widget=resizes-content): the keyboard
//   opening shrinks the page, closing it gives the height back (page.setViewportSize while a
//   field has focus);
// - an iPhone: the keyboard shrinks the visual viewport over a page that keeps its size (a
//   page-side visualViewport shim: installIphoneKeyboard below says why);
// - turning the phone round: the viewport and the screen's orientation (and with them the
//   text size) change mid-edit;
// - a screen reader moving focus to an element below the fold (element.focus() on a mirror
//   node off screen, as VoiceOver's swipe and TalkBack's do), and Enter straight after;
// - a text-size change while a field holds unsaved typing.
// Every text field in the app is typed into through a keyboard opening and closing and keeps
// every character, on screen and after a reload.  Every wait is for the thing itself (an
// element, a frame at the new size, html[data-store="saved"]), never for time to pass.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, settle, byRole, mirror, tap, shot, readContent, importFile, drawnAtSize,
  androidKeyboard, focusedInSight, screenshotDir } from './support.mjs';
import { phone } from './playwright.config.mjs';

test.describe.configure({ timeout: 240_000 });

const plans = readContent('en-GB/plans.json');
const strings = { ...readContent('en-GB/strings.json').strings, ...readContent('en-GB/strings-lock.json').strings,
  ...readContent('en-GB/strings-share.json').strings, ...readContent('en-GB/strings-display.json').strings };
const fill = (text, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), text);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (text) => new RegExp('^' + escape(text));
// Words typed in parts (each part after the keyboard has closed and opened again), and what
// the field then holds.
const inParts = (...parts) => Object.assign(parts, { value: parts.join('') });

// ---- the iPhone's keyboard ----
// Safari keeps the layout viewport (the page, and the app's canvas) at its full height and
// shrinks the visual viewport over it, panning it (visualViewport.offsetTop) so that the field
// being typed in sits just above the keyboard.  Chromium has no real way to do this on a
// desktop: Emulation.setVisibleSize, the one CDP call for it, changes nothing in headless
// Chromium (tried: visualViewport.height stays 844), and Browser.setWindowBounds resizes the
// layout viewport too.  So this is a page-side shim: window.visualViewport answers with the
// keyboard's height and Safari's pan, and fires resize and scroll as Safari does; innerHeight,
// the page and everything else stay as they are.
async function installIphoneKeyboard(page) {
  await page.addInitScript(() => {
    const real = window.visualViewport;
    const shim = /** @type {VisualViewport} */ (new EventTarget());
    let keyboard = null;  // { height, offsetTop } while it is open
    for (const key of ['width', 'offsetLeft', 'pageLeft', 'scale']) Object.defineProperty(shim, key, { get: () => real[key] });
    Object.defineProperty(shim, 'height', { get: () => (keyboard ? keyboard.height : real.height) });
    Object.defineProperty(shim, 'offsetTop', { get: () => (keyboard ? keyboard.offsetTop : real.offsetTop) });
    Object.defineProperty(shim, 'pageTop', { get: () => real.pageTop + shim.offsetTop });
    for (const type of ['resize', 'scroll']) real.addEventListener(type, () => shim.dispatchEvent(new Event(type)));
    Object.defineProperty(window, 'visualViewport', { get: () => shim, configurable: true });
    window.__iphoneKeyboard = (height) => {
      if (height === null) {
        keyboard = null;
      } else {
        // Safari pans the page up just far enough to show the focused field above the keyboard.
        const field = document.activeElement.getBoundingClientRect();
        keyboard = { height, offsetTop: Math.max(0, Math.min(innerHeight - height, field.bottom + 8 - height)) };
      }
      shim.dispatchEvent(new Event('resize'));
      shim.dispatchEvent(new Event('scroll'));
    };
  });
}

const iphoneKeyboard = {
  name: 'iPhone',
  async open(page, height = 500) {
    await page.evaluate((h) => window.__iphoneKeyboard(h), height);
    await drawnAtSize(page);
  },
  async close(page) {
    await page.evaluate(() => window.__iphoneKeyboard(null));
    await drawnAtSize(page);
  },
};

// ---- typing as a person on a phone does ----

const field = (page, n) => mirror(page).locator('input, textarea').nth(n);

// A tap on the field opens the keyboard; some words; the keyboard closed to read the screen
// (the field keeps focus); a tap on the field opens it again; more words; the field left (the
// keyboard goes).  At each step the field keeps the focus and stays in sight, above the keyboard.
async function typeThroughKeyboard(page, box, parts, keyboard = androidKeyboard) {
  await tap(page, box);
  await expect(box).toBeFocused();
  await keyboard.open(page);
  await expect(box, `${keyboard.name}: focus stays in the field as the keyboard opens`).toBeFocused();
  await focusedInSight(page);
  await page.keyboard.type(parts[0]);
  await keyboard.close(page);
  await expect(box, `${keyboard.name}: focus stays in the field as the keyboard closes`).toBeFocused();
  const at = await box.boundingBox();
  // A date field is tapped on its first part (the month: Chromium's own order) and typed in
  // whole again; any other field in its middle.
  const dateStart = await box.evaluate((el) => (el.type === 'date' ? parseFloat(getComputedStyle(el).paddingLeft) + 4 : 0));
  await page.touchscreen.tap(dateStart ? at.x + dateStart : at.x + at.width / 2, at.y + at.height / 2);
  await keyboard.open(page);
  // The tap put the caret where the finger was (the middle of the words, as in any text field);
  // a person carrying on moves it after their last word (End here).
  if (!dateStart) await page.keyboard.press('End');
  await expect(box).toBeFocused();
  await focusedInSight(page);
  await page.keyboard.type(parts[1]);
  await expect(box).toHaveValue(parts.value);
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
  await keyboard.close(page);
}

// What to type into each kind of field (numbers a phone field takes, an address an email field
// takes), in two parts, and the value the field then holds.
function typingFor(type, n) {
  if (type === 'tel') return inParts('020 7946 ', `0${String(n).padStart(3, '0')}`);
  if (type === 'email') return inParts(`person${n}@exa`, 'mple.org');
  // Day and month the same: Chromium orders a date field's parts by its own UI language (month
  // first here, whatever the page's locale), and the 3rd of March reads the same either way.
  if (type === 'date') return Object.assign(['03', '03032026'], { value: '2026-03-03' });
  return inParts(`Field ${n} before the keyboard closed, `, 'and after it opened again');
}

// Every section of a plan: one item added to each list, then every field typed into through the
// keyboard.  Returns what each section's fields should hold.
async function typeEverySection(page, planRoute, sectionIds) {
  const adds = Object.values(plans.fields).map((f) => f.add).filter(Boolean);
  const typed = {};
  let n = 0;
  for (const id of sectionIds) {
    await openApp(page, `#/${planRoute}`);
    await tap(page, byRole(page, 'button', startsWith(plans.sections[id].title), { exact: false }));
    await expect(byRole(page, 'heading', plans.sections[id].title, { level: 1 })).toBeVisible();
    for (const add of adds) {
      if (await byRole(page, 'button', add).count()) await tap(page, byRole(page, 'button', add));
    }
    const count = await mirror(page).locator('input, textarea').count();
    expect(count, `${id} has fields`).toBeGreaterThan(0);
    typed[id] = [];
    for (let i = 0; i < count; i++) {
      const box = field(page, i);
      const parts = typingFor(await box.evaluate((el) => el.type), ++n);
      await typeThroughKeyboard(page, box, parts);
      typed[id].push(parts.value);
    }
  }
  return typed;
}

async function expectKeptAfterReload(page, planRoute, typed) {
  await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
  await page.reload();
  for (const [id, values] of Object.entries(typed)) {
    await openApp(page, `#/plan-section/${id}`);
    await expect(byRole(page, 'heading', plans.sections[id].title, { level: 1 })).toBeVisible();
    for (let i = 0; i < values.length; i++) await expect(field(page, i), `${id}, field ${i + 1}`).toHaveValue(values[i]);
  }
}

const sectionsOf = (plan) => Object.keys(plans.sections).filter((id) => id.startsWith(plan + '.'));

test.describe('on a phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'a phone\'s keyboard, screen and plans: not on a kiosk');

  test('Android keyboard: every field of the care plan keeps every character typed as the keyboard opens and closes, and after a reload', async ({ page }, testInfo) => {
    const typed = await typeEverySection(page, 'care-plan', sectionsOf('care_plan'));
    await shot(page, 'keyboard-care-plan-typed', testInfo);
    await expectKeptAfterReload(page, 'care-plan', typed);
  });

  test('Android keyboard: every field of the crisis plan keeps every character typed as the keyboard opens and closes, and after a reload', async ({ page }, testInfo) => {
    const typed = await typeEverySection(page, 'crisis-plan', sectionsOf('crisis_plan'));
    await shot(page, 'keyboard-crisis-plan-typed', testInfo);
    await expectKeptAfterReload(page, 'crisis-plan', typed);
  });
});

// A small plan, loaded as a saved copy (what these tests type is elsewhere).
function smallPlan() {
  return JSON.stringify({
    format: 'cpa-companion-records', schema_version: 1, saved_at: '2026-11-20T08:00:00Z',
    records: { care_plan: {}, crisis_plan: { warning_signs: ['I stop answering my phone'], people: [{ name: 'Aunt Jo', phone: '020 7946 0000' }] } },
  });
}

const passwordBox = (page, name) => mirror(page).locator(`input[type="password"][aria-label="${name}"]`);

test.describe('on a phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'a phone\'s keyboard, screen and plans: not on a kiosk');

  test('Android keyboard: the lock passphrase fields keep every character; Enter on Set passphrase keeps the focus as its label changes; the passphrase opens the plans after a reload', async ({ page }, testInfo) => {
    const passphrase = inParts('purple kettle ', 'morning');
    await importFile(page, smallPlan());
    await openApp(page, '#/lock');
    await typeThroughKeyboard(page, passwordBox(page, strings['plans.lock.new_label']), passphrase);
    await typeThroughKeyboard(page, passwordBox(page, strings['plans.lock.repeat_label']), passphrase);
    // A keyboard user: focus on the button, Enter.  Its label changes; the element, and the focus, stay.
    const set = byRole(page, 'button', strings['plans.lock.set_button']);
    await set.focus();
    await focusedInSight(page);
    await page.keyboard.press('Enter');
    await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 60_000 });
    await expect(byRole(page, 'button', strings['plans.lock.change_button'])).toBeFocused();
    await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
    await shot(page, 'keyboard-lock-set', testInfo);

    await page.reload();
    await openApp(page, '#/crisis-plan');
    await expect(byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 })).toBeVisible();
    await typeThroughKeyboard(page, passwordBox(page, strings['plans.lock.unlock_label']), passphrase);
    await tap(page, byRole(page, 'button', strings['plans.lock.unlock_button']));
    await expect(byRole(page, 'button', startsWith(plans.sections['crisis_plan.people'].title), { exact: false }))
      .toBeVisible({ timeout: 60_000 });

    // The passphrase now, typed the same way, turns the lock off.
    await openApp(page, '#/lock');
    await typeThroughKeyboard(page, passwordBox(page, strings['plans.lock.current_label']), passphrase);
    await tap(page, byRole(page, 'button', strings['plans.lock.remove_button']));
    await expect(mirror(page).getByText(strings['plans.lock.removed'])).toBeVisible({ timeout: 60_000 });
  });

  test('Android keyboard: the name and passphrase of a share, and the passphrase the carer types, keep every character', async ({ page, browser }, testInfo) => {
    const name = inParts('Sam ', 'Okafor');
    const passphrase = inParts('blue kettle ', 'seven');
    await importFile(page, smallPlan());
    await openApp(page);
    await tap(page, byRole(page, 'button', startsWith(strings['home.share.title']), { exact: false }));
    await tap(page, byRole(page, 'button', strings['share.preview_button']));
    await expect(byRole(page, 'heading', strings['share.preview_heading'], { level: 1 })).toBeVisible();
    await typeThroughKeyboard(page, byRole(page, 'textbox', strings['share.name_label']), name);
    await typeThroughKeyboard(page, byRole(page, 'textbox', strings['share.passphrase_label']), passphrase);
    await tap(page, byRole(page, 'button', strings['share.confirm_button']));
    const prefix = strings['share.qr_name'].replace('{link}', '');
    const qr = mirror(page).getByRole('img', { name: startsWith(prefix) });
    await expect(qr).toBeVisible({ timeout: 30_000 });
    const link = (await qr.getAttribute('aria-label')).slice(prefix.length);

    const context = await browser.newContext(phone);
    try {
      const carer = await context.newPage();
      await carer.goto(link);
      await expect(carer.locator('html')).toHaveAttribute('data-app', 'ready');
      await settle(carer);
      await typeThroughKeyboard(carer, byRole(carer, 'textbox', strings['share.passphrase_label']), passphrase);
      await tap(carer, byRole(carer, 'button', strings['share.open.unlock_button']));
      await expect(byRole(carer, 'heading', fill(strings['share.view.own_heading_named'], { name: name.value })))
        .toHaveCount(1, { timeout: 30_000 });
      await shot(carer, 'keyboard-carer-opened', testInfo);
    } finally {
      await context.close();
    }
  });

  test('iPhone keyboard: the visual viewport shrinks over the page; the field keeps focus, stays in sight above the keyboard, and keeps every character', async ({ page }, testInfo) => {
    await installIphoneKeyboard(page);
    await openApp(page, '#/plan-section/crisis_plan.people');
    await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
    // The last field of the section: low on the screen, where the keyboard would cover it.
    const fields = mirror(page).locator('input, textarea');
    const last = fields.nth((await fields.count()) - 1);
    const parts = typingFor('text', 1);
    await tap(page, last);
    await iphoneKeyboard.open(page);
    expect(await page.evaluate(() => [innerHeight, Math.round(visualViewport.height)]), 'the page keeps its height; the visible part shrinks')
      .toEqual([844, 500]);
    await expect(last).toBeFocused();
    await focusedInSight(page);
    await shot(page, 'keyboard-iphone-open', testInfo);
    await page.keyboard.type(parts[0]);
    await iphoneKeyboard.close(page);
    await expect(last).toBeFocused();
    await iphoneKeyboard.open(page);
    await focusedInSight(page);
    await page.keyboard.type(parts[1]);
    await expect(last).toHaveValue(parts.value);
    await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
    await iphoneKeyboard.close(page);
    await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
    await page.reload();
    await openApp(page, '#/plan-section/crisis_plan.people');
    await expect(mirror(page).locator('input, textarea').last()).toHaveValue(parts.value);
  });

  test('turning the phone round mid-edit (viewport, screen orientation and text size change) keeps the field focused and in sight, and every character typed', async ({ page }, testInfo) => {
    await openApp(page, '#/plan-section/care_plan.coordinator');
    const box = byRole(page, 'textbox', plans.fields['care_plan.coordinator.hours'].label);
    await tap(page, box);
    await page.keyboard.type('Weekdays, ');
    const cdp = await page.context().newCDPSession(page);
    const turn = async (width, height, type, angle) => {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 3, mobile: true,
        screenWidth: width, screenHeight: height, screenOrientation: { type, angle } });
      // The page sees it as the Screen Orientation API names it: landscapePrimary is landscape-primary.
      const seen = type.replace('Primary', '-primary');
      await page.waitForFunction(([t, w]) => screen.orientation.type === t && innerWidth === w, [seen, width], { polling: 'raf' });
      await drawnAtSize(page);
    };
    const size = await box.evaluate((el) => el.style.fontSize);
    await turn(844, 390, 'landscapePrimary', 90);
    await expect(box, 'focus stays in the field as the phone turns').toBeFocused();
    await focusedInSight(page);
    expect(await box.evaluate((el) => el.style.fontSize), 'the text size follows the wider screen').not.toBe(size);
    await page.keyboard.type('nine till ');
    // Through the same CDP session: Playwright's own screenshot puts its portrait viewport back.
    await settle(page);
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
    mkdirSync(path.join(screenshotDir, testInfo.project.name), { recursive: true });
    writeFileSync(path.join(screenshotDir, testInfo.project.name, 'rotation-landscape-mid-edit.png'), Buffer.from(data, 'base64'));
    await expect(box, 'still focused after the screenshot').toBeFocused();
    await turn(390, 844, 'portraitPrimary', 0);
    await expect(box).toBeFocused();
    await focusedInSight(page);
    await page.keyboard.type('five');
    await expect(box).toHaveValue('Weekdays, nine till five');
    await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
    await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
    await page.reload();
    await openApp(page, '#/plan-section/care_plan.coordinator');
    await expect(byRole(page, 'textbox', plans.fields['care_plan.coordinator.hours'].label)).toHaveValue('Weekdays, nine till five');
  });

  test('a text-size change while a field holds unsaved typing: focus stays on the size chosen, and the typing is all there after', async ({ page }, testInfo) => {
    await openApp(page, '#/lock');
    const box = passwordBox(page, strings['plans.lock.new_label']);
    await typeThroughKeyboard(page, box, inParts('not saved ', 'anywhere'));
    await openApp(page, '#/display');
    for (const percent of [200, 125]) {
      const size = byRole(page, 'radio', fill(strings['display.text_size_option'], { percent: String(percent) }));
      await size.focus();
      await focusedInSight(page);
      await page.keyboard.press('Enter');
      await expect(size).toHaveAttribute('aria-checked', 'true');
      await expect(size, 'focus stays on the text size chosen').toBeFocused();
      await focusedInSight(page);
    }
    await shot(page, 'text-size-changed-focus-kept', testInfo);
    await page.goBack();
    await expect(byRole(page, 'heading', strings['plans.lock.title'], { level: 1 })).toBeVisible();
    await expect(box).toHaveValue('not saved anywhere');
    await tap(page, box);
    await page.keyboard.type(' at all');
    await expect(box).toHaveValue('not saved anywhere at all');
  });

  test('a screen reader moves focus to a control below the fold: the app scrolls it into sight below the top bar, and Enter at once opens the next screen at its top', async ({ page }, testInfo) => {
    await openApp(page);
    // The last card on Home, well below the fold, as VoiceOver's or TalkBack's swipe reaches it.
    const cards = mirror(page).locator('main button');
    const last = cards.last();
    await last.evaluate((el) => el.focus());
    await focusedInSight(page);
    await shot(page, 'screen-reader-focus-below-fold', testInfo);
    // The app draws it where the mirror has it: the semantic node and the element agree.
    const [node, element] = await last.evaluate((el) => [window.cpaSemantics.nodes.find((n) => String(n.id) === el.dataset.cpaId),
      el.getBoundingClientRect().toJSON()]);
    expect(Math.abs(node.y - element.y)).toBeLessThan(1);

    // Back Home, then focus moves to a card below the fold and Enter comes within the same frame.
    await openApp(page, '#/');
    const target = cards.nth((await cards.count()) - 2);
    const name = await target.evaluate((el) => el.textContent);
    await target.evaluate((el) => el.focus());
    await page.keyboard.press('Enter');
    const heading = mirror(page).locator('h1');
    await expect(heading).toBeFocused();
    expect(await page.title()).not.toBe(strings.app_name);
    await focusedInSight(page);
    // At its top: the heading sits where it does when the screen is opened afresh.
    const opened = await heading.boundingBox();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    await settle(page);
    expect(Math.abs((await mirror(page).locator('h1').boundingBox()).y - opened.y), `"${name}" opened at its top`).toBeLessThan(1);
  });
});

// Tab from the top of a screen to its end: every control the focus lands on is in full view,
// below the top bar and above the screen's bottom edge.
async function tabThrough(page, route, setup) {
  await openApp(page, route);
  if (setup) await setup(page);
  const seen = new Set();
  await mirror(page).locator('h1').focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement && /** @type {HTMLElement} */ (document.activeElement).dataset.cpaId);
    if (!id || seen.has(id)) break;  // past the last control, or round again
    seen.add(id);
    await focusedInSight(page);
  }
  expect(seen.size, `${route}: controls reached`).toBeGreaterThan(1);
}

async function answerEveryQuestion(page) {
  const rules = readContent('en-GB/eligibility.json');
  // With a finger, as the other walks do: a DOM click on a button the browser first scrolled
  // into view lost a Continue once in a fresh run under load (the question stayed on screen,
  // its answer chosen); the keyboard is what this test is about, on the summary.
  const choose = async (answer) => {
    await tap(page, byRole(page, 'radio', answer));
    await expect(byRole(page, 'radio', answer)).toBeChecked();
    await tap(page, byRole(page, 'button', strings['eligibility.continue']));
  };
  await choose('England');
  for (const q of rules.questions) {
    await expect(byRole(page, 'heading', q.text, { level: 1 })).toBeVisible();
    await choose('No');
  }
  await expect(byRole(page, 'heading', strings['eligibility.summary.heading'], { level: 1 })).toBeVisible();
}

test('keyboard: Tab through Check your answers, Help now, Home and Display; every control in full view below the top bar', { tag: '@kiosk-size' }, async ({ page }) => {
  test.setTimeout(300_000);
  await tabThrough(page, '#/eligibility', answerEveryQuestion);
  for (const route of ['#/', '#/help-now', '#/display']) await tabThrough(page, route);
});

test('turning the screen round keeps the focused control focused and in sight', { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
  await openApp(page, '#/help-now');
  const call = mirror(page).locator('a[href="tel:116123"]');
  await call.focus();
  await focusedInSight(page);
  const { width, height } = page.viewportSize();
  await page.setViewportSize({ width: height, height: width });
  await drawnAtSize(page);
  await expect(call).toBeFocused();
  await focusedInSight(page);
  await shot(page, 'rotated-focus-kept', testInfo);
  await page.setViewportSize({ width, height });
  await drawnAtSize(page);
  await expect(call).toBeFocused();
  await focusedInSight(page);
});
