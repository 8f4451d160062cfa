// @ts-check
// Accessibility as assistive technology and keyboards meet it: the mirror's landmarks, roles,
// names and states (read back from Chromium's own accessibility tree), pointer and keyboard
// activation, focus, and the one live region.
import { test, expect, openApp, settle, byRole, mirror, tap, shot, readContent, screenshotDir, atPhoneDensity } from './support.mjs';
import { SCREENS, checkAxTree, axeViolations, chooseLargestText } from './a11y-checks.mjs';
import { readPng } from '../engines/png.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const strings = readContent('en-GB/strings.json').strings;
const displayStrings = readContent('en-GB/strings-display.json').strings;

test('a mouse click on an element the browser has just scrolled into view activates that element', async ({ page }) => {
  await openApp(page);
  const about = byRole(page, 'button', new RegExp('^' + strings['home.about.title']), { exact: false });
  // Playwright scrolls the element into view (the browser scrolls the mirror), then clicks it.
  await about.click();
  await settle(page);
  await expect(byRole(page, 'heading', strings['about.title'], { level: 1 })).toBeVisible();
});

// Routes, and what to do there first so that the screen shows its states (a chosen answer, a
// field's error message).
const SETUP = {
  '#/eligibility': async (page) => {
    await byRole(page, 'radio', 'England').click();
    await byRole(page, 'button', strings['eligibility.continue']).click();
    await byRole(page, 'radio', 'No').click();
    await expect(byRole(page, 'radio', 'No')).toBeChecked();
  },
  '#/plan-section/care_plan.coordinator': async (page) => {
    const phone = mirror(page).locator('input[type=tel]').first();
    await phone.focus();
    await page.keyboard.type('12345');
    await page.keyboard.press('Escape');
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
  },
};

for (const route of SCREENS) {
  test(`${route}: a screen reader is told every role, name and state the app draws, in order`, async ({ page }) => {
    await openApp(page, route);
    if (SETUP[route]) await SETUP[route](page);
    await settle(page);
    await checkAxTree(page, strings.help_now);
  });
}

// Every screen, in each theme the device can ask for (dark; more contrast: high contrast;
// forced colours: the device's own colours), at 100% and at 200% text.  Each row of the matrix
// is printed (the closing note's table).
/** @type {Record<string, Partial<import('@playwright/test').PlaywrightTestOptions>>} */
const THEMES = { light: {}, dark: { colorScheme: 'dark' }, 'high-contrast': { contrast: 'more' },
  'forced-colours': { forcedColors: 'active' } };
for (const [theme, device] of Object.entries(THEMES)) {
  test.describe(`the device asks for ${theme}`, () => {
    test.use(device);
    // At kiosk size in the light theme only: what the size changes (targets, reflow) is the same
    // in every theme, and what a theme changes (colours) does not depend on the size.
    test(`axe-core finds nothing on any screen: ${theme}, 100% and 200% text`, theme === 'light' ? { tag: '@kiosk-size' } : {}, async ({ page }, testInfo) => {
      test.setTimeout(240_000);
      const rows = [], problems = [];
      for (const size of [100, 200]) {
        if (size === 200) await chooseLargestText(page);
        for (const route of SCREENS) {
          await openApp(page, route);
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          const violations = await axeViolations(page);
          rows.push(`axe ${testInfo.project.name} ${theme} ${size}% ${route}: ${violations.length} violations`);
          problems.push(...violations.map((v) => `${route} ${size}%: ${v}`));
        }
      }
      console.log(rows.join('\n'));
      expect(problems).toEqual([]);
    });
  });
}

// ---- forced colours (Windows contrast themes) ----
// The browser would paint the mirror's transparent text, borders and backplates in the system's
// colours over the canvas; the canvas itself cannot be forced, so the app draws the system's
// colours on it (read from CSS system colours).

// The device's own colours, as the browser resolves the CSS system colour keywords.
async function systemColour(page, keyword) {
  return page.evaluate((k) => {
    const probe = document.createElement('span');
    probe.style.setProperty('forced-color-adjust', 'none');
    probe.style.setProperty('color', k);
    document.body.appendChild(probe);
    const m = /(\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
    probe.remove();
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  }, keyword);
}

// A colour with an alpha as it shows over what is under it.
function over(colour, alpha, under) {
  return colour.map((c, i) => Math.round(c * alpha + under[i] * (1 - alpha)));
}

// The screen as drawn, with and without the mirror over it (hidden through the CSSOM: the
// page's CSP allows no injected style sheet).
async function withAndWithoutMirror(page) {
  await settle(page);
  const shown = await page.screenshot();
  await page.evaluate(() => { document.getElementById('cpa-a11y').style.visibility = 'hidden'; });
  await settle(page);
  const hidden = await page.screenshot();
  await page.evaluate(() => { document.getElementById('cpa-a11y').style.visibility = ''; });
  return { shown, hidden };
}

test.describe('forced colours', () => {
  // Its screenshots are its own (with and without the mirror): at the phone's real density.
  test.use({ forcedColors: 'active', ...atPhoneDensity });

  test('forced colours: the mirror paints nothing over any screen, and the canvas takes the system colours', { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const canvas = await systemColour(page, 'Canvas');
    const dpr = await page.evaluate(() => devicePixelRatio);
    mkdirSync(path.join(screenshotDir, testInfo.project.name), { recursive: true });
    for (const route of SCREENS) {
      await openApp(page, route);
      if (SETUP[route]) await SETUP[route](page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'forced-colours');
      await page.evaluate(() => document.activeElement && /** @type {HTMLElement} */ (document.activeElement).blur());
      const { shown, hidden } = await withAndWithoutMirror(page);
      writeFileSync(path.join(screenshotDir, testInfo.project.name, `forced-colours-${route.replace(/[#/]+/g, '-').replace(/^-|-$/g, '') || 'home'}.png`), shown);
      expect(shown.equals(hidden), `${route}: the mirror paints nothing of its own`).toBe(true);
      // The page's own colour, drawn on the canvas: the corner under the top bar's line.
      const image = readPng(shown);
      expect(image.rgb(2, image.height - 2 * dpr), `${route}: the canvas is the system's Canvas`).toEqual(canvas);
    }
  });

  test('forced colours: the focus ring shows, in the system Highlight colour, and a focused field shows its own text', async ({ page }) => {
    const highlight = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.setProperty('forced-color-adjust', 'none');
      probe.style.setProperty('color', 'Highlight');
      document.body.appendChild(probe);
      const m = /(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(probe).color);
      probe.remove();
      return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) };
    });
    const text = await systemColour(page, 'CanvasText');
    await openApp(page);
    const help = byRole(page, 'button', strings.help_now);
    await tabTo(page, help);
    const box = await help.boundingBox();
    const dpr = await page.evaluate(() => devicePixelRatio);
    const { shown, hidden } = await withAndWithoutMirror(page);
    expect(shown.equals(hidden)).toBe(false);  // the ring is the mirror's one mark
    // The ring sits just outside the button (outline 4 px, 2 px away): Highlight there.
    // (Chromium's emulated Highlight is partly clear: it shows over what the canvas drew there.)
    const at = [(box.x - 4) * dpr, (box.y + box.height / 2) * dpr];
    const ring = readPng(shown).rgb(...at);
    const want = over(highlight.rgb, highlight.alpha, readPng(hidden).rgb(...at));
    expect(ring.every((c, i) => Math.abs(c - want[i]) <= 2), `ring ${ring} is Highlight ${want}`).toBe(true);
    expect(ring).not.toEqual(readPng(hidden).rgb(...at));
    // A text field being edited shows its own text, in the system's text colour.
    await openApp(page, '#/plan-section/care_plan.coordinator');
    const name = mirror(page).locator('input').first();
    await name.focus();
    await page.keyboard.type('Sam');
    expect(await name.evaluate((el) => getComputedStyle(el).color)).toBe(`rgb(${text.join(', ')})`);
  });

  test('forced colours: a screen reader is told the same on every screen', async ({ page }) => {
    test.setTimeout(240_000);
    for (const route of SCREENS) {
      await openApp(page, route);
      if (SETUP[route]) await SETUP[route](page);
      await settle(page);
      await checkAxTree(page, strings.help_now);
    }
  });

  test('forced colours: Display says the device\'s colours are used, whatever was chosen', async ({ page }, testInfo) => {
    await openApp(page, '#/display');
    await expect(mirror(page).getByText(displayStrings['display.colours_forced'], { exact: true })).toHaveCount(1);
    await tap(page, byRole(page, 'radio', displayStrings['display.colours_dark']));
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'forced-colours');
    await shot(page, 'forced-colours-display', testInfo);
  });
});

// ---- keyboard only: no pointer at all ----
// (Many key presses, each a frame drawn in software GL: more than the default minute on a loaded machine.)

// Presses Tab (or Shift+Tab) until the element has the keyboard's focus; fails after `most`.
async function tabTo(page, locator, { back = false, most = 80 } = {}) {
  for (let i = 0; i < most; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(locator).toBeFocused();
}

// The element with focus is on the screen, inside the scrolling content and so not hidden
// under the top bar (2.4.11).
async function focusInView(page) {
  const [box, view] = await page.evaluate(() => [document.activeElement.getBoundingClientRect().toJSON(),
    document.activeElement.closest('.cpa-region').getBoundingClientRect().toJSON()]);
  expect(box.top, 'focused element below the top bar').toBeGreaterThanOrEqual(view.top - 0.5);
  expect(box.bottom, 'focused element within the screen').toBeLessThanOrEqual(Math.min(view.bottom, page.viewportSize().height) + 0.5);
}

test('keyboard only: Help now, then a call link opens its tel: number', async ({ page }) => {
  await openApp(page);
  await tabTo(page, byRole(page, 'button', strings.help_now));
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'heading', strings.help_now, { level: 1 })).toBeFocused();
  const followed = page.evaluate(() => new Promise((resolve) => document.addEventListener('click', (e) => {
    const a = /** @type {Element} */ (e.target).closest('a');
    if (a && !e.defaultPrevented) { e.preventDefault(); resolve(a.getAttribute('href')); }
  })));
  const call = byRole(page, 'link', 'Call 116 123');
  await tabTo(page, call);
  await settle(page);
  await focusInView(page);
  await page.keyboard.press('Enter');
  expect(await followed).toBe('tel:116123');
});

// GOV.UK's question pages: the answers are radios, one Tab stop for the group (the chosen one,
// or the first while none is), the arrow keys move round them and choose (the page stays), and
// Continue moves on.
test('keyboard only: Could I get CPA support? to its result, and back to change an answer', async ({ page }) => {
  test.setTimeout(180_000);
  const rules = readContent('en-GB/eligibility.json');
  const cont = byRole(page, 'button', strings['eligibility.continue']);
  await openApp(page);
  await tabTo(page, byRole(page, 'button', new RegExp('^' + strings['home.eligibility.title']), { exact: false }));
  await page.keyboard.press('Enter');
  await tabTo(page, byRole(page, 'radio', 'England'));
  await page.keyboard.press('Space');
  await expect(byRole(page, 'radio', 'England')).toBeChecked();
  await expect(page).toHaveURL(/#\/eligibility$/);
  await page.keyboard.press('Tab');  // past the other answers, which are not Tab stops
  await expect(cont).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < rules.questions.length; i++) {
    const q = rules.questions[i];
    await expect(byRole(page, 'heading', q.text, { level: 1 })).toBeFocused();
    await expect(mirror(page).getByRole('radiogroup', { name: q.text, exact: true })).toHaveCount(1);
    const at = page.url();
    await tabTo(page, byRole(page, 'radio', 'Yes'));  // the group's stop: the first, none chosen yet
    await page.keyboard.press('ArrowDown');
    await expect(byRole(page, 'radio', 'No')).toBeFocused();
    await expect(byRole(page, 'radio', 'No')).toBeChecked();
    expect(page.url()).toBe(at);
    await settle(page);
    await focusInView(page);
    await page.keyboard.press('Tab');
    await expect(cont).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await tabTo(page, byRole(page, 'button', strings['eligibility.summary.see_result']));
  await page.keyboard.press('Enter');
  await expect(mirror(page).locator('h1')).toBeFocused();
  // Back on the summary, change the first answer, and the summary shows it.
  await tabTo(page, byRole(page, 'button', strings['eligibility.result.change']));
  await page.keyboard.press('Enter');
  const first = byRole(page, 'button', rules.questions[0].short);
  await tabTo(page, first);
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'radio', 'No')).toBeChecked();
  await tabTo(page, byRole(page, 'radio', 'No'));  // the chosen answer is the group's stop
  await page.keyboard.press('ArrowUp');
  await expect(byRole(page, 'radio', 'Yes')).toBeChecked();
  await expect(byRole(page, 'radio', 'No')).not.toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'heading', strings['eligibility.summary.heading'], { level: 1 })).toBeVisible();
  await expect(first).toHaveAccessibleDescription(strings['eligibility.summary.answer'].replace('{answer}', 'Yes'));
});

test('keyboard only: the arrow keys go round the answers; Continue with none says why; Escape closes Why we ask before Back', async ({ page }) => {
  test.setTimeout(120_000);
  const rules = readContent('en-GB/eligibility.json');
  const q = rules.questions[0];
  await openApp(page, '#/eligibility');
  await byRole(page, 'radio', 'England').click();
  await byRole(page, 'button', strings['eligibility.continue']).click();
  await expect(byRole(page, 'heading', q.text, { level: 1 })).toBeFocused();
  // Continue with nothing chosen: the page stays and says what to do, once, politely.
  await tabTo(page, byRole(page, 'button', strings['eligibility.continue']));
  await page.keyboard.press('Enter');
  const error = strings['eligibility.answer_error'];
  await expect(mirror(page).getByText(error, { exact: true })).toHaveCount(1);
  await expect(mirror(page).getByRole('radiogroup', { name: q.text, exact: true })).toHaveAccessibleDescription(error);
  await expect(page.locator('#cpa-live')).toHaveText(error);
  await expect(page.locator('#cpa-alert')).toHaveText('');
  // Up from the first answer comes round to the last.
  await tabTo(page, byRole(page, 'radio', 'Yes'), { back: true });
  await page.keyboard.press('ArrowUp');
  await expect(byRole(page, 'radio', strings['eligibility.answer.not_sure'])).toBeFocused();
  await expect(byRole(page, 'radio', strings['eligibility.answer.not_sure'])).toBeChecked();
  await expect(mirror(page).getByText(error, { exact: true })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(byRole(page, 'radio', 'Yes')).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`#/eligibility/${q.id}$`));
  // Escape: first closes an open "Why we ask", then goes Back.
  const why = byRole(page, 'button', strings['eligibility.why']);
  await tabTo(page, why, { back: true });
  await page.keyboard.press('Enter');
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await expect(page).toHaveURL(new RegExp(`#/eligibility/${q.id}$`));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/eligibility$/);
});

test('keyboard only: fill a crisis plan section, and find it after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const plans = readContent('en-GB/plans.json');
  await openApp(page);
  await tabTo(page, byRole(page, 'button', new RegExp('^' + strings['home.crisis_plan.title']), { exact: false }));
  await page.keyboard.press('Enter');
  const section = plans.sections['crisis_plan.warning_signs'].title;
  await tabTo(page, byRole(page, 'button', new RegExp('^' + section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { exact: false }));
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'heading', section, { level: 1 })).toBeFocused();
  await tabTo(page, byRole(page, 'button', plans.fields['crisis_plan.warning_signs'].add));
  await page.keyboard.press('Enter');
  // Tab reaches the new box; typing fills it, Escape leaves it (and stays on this screen).
  const label = strings['plans.ui.item_label'].replace('{label}', plans.fields['crisis_plan.warning_signs'].label).replace('{n}', '1');
  const box = byRole(page, 'textbox', label);
  await tabTo(page, box);
  await page.keyboard.type('I stop sleeping', { delay: 5 });
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await expect(byRole(page, 'heading', section, { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await expect(byRole(page, 'textbox', label)).toHaveValue('I stop sleeping');
});

test('keyboard only: delete everything through its confirmation, which Escape closes', async ({ page }) => {
  await openApp(page, '#/your-data');
  const open = byRole(page, 'button', strings['data.delete']);
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = mirror(page).getByRole('dialog', { name: strings['data.delete_confirm_title'] });
  await expect(dialog).toHaveCount(1);
  await expect(byRole(page, 'heading', strings['data.delete_confirm_title'], { level: 1 })).toBeFocused();
  // Escape closes it, and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(1);
  // Tab stays on the page's own controls: past the last answer it comes round to the top bar.
  const no = byRole(page, 'button', strings['data.delete_no']);
  await tabTo(page, no);
  await page.keyboard.press('Tab');
  await expect(mirror(page).locator('header button').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(no).toBeFocused();
  await tabTo(page, byRole(page, 'button', strings['data.delete_yes']), { back: true });
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
});
