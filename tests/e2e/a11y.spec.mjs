// Accessibility as assistive technology and keyboards meet it: the mirror's landmarks, roles,
// names and states (read back from Chromium's own accessibility tree), pointer and keyboard
// activation, focus, and the one live region.
import { test, expect, openApp, settle, byRole, mirror, tap, readContent, repoRoot } from './support.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const strings = readContent('en-GB/strings.json').strings;

test('a mouse click on an element the browser has just scrolled into view activates that element', async ({ page }) => {
  await openApp(page);
  const about = byRole(page, 'button', new RegExp('^' + strings['home.about.title']), { exact: false });
  // Playwright scrolls the element into view (the browser scrolls the mirror), then clicks it.
  await about.click();
  await settle(page);
  await expect(byRole(page, 'heading', strings['about.title'], { level: 1 })).toBeVisible();
});

// ---- what assistive technology receives: Chromium's computed accessibility tree ----

const ROLE = { text: 'paragraph', button: 'button', link: 'link', heading: 'heading', listitem: 'listitem',
  textbox: 'textbox', textarea: 'textbox', checkbox: 'checkbox', radio: 'radio', status: 'status', img: 'image',
  radiogroup: 'radiogroup', list: 'list', dialog: 'dialog', progressbar: 'progressbar' };
const SKIP = new Set(['StaticText', 'InlineTextBox', 'generic', 'none', 'RootWebArea', 'LineBreak']);

// Every node a screen reader meets in the app, in reading order: role, name (or, for text, its
// words), states, and the landmark it is in.
async function axOutline(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const words = (n) => (n.role?.value === 'StaticText' ? n.name?.value || '' : (n.childIds || []).map((c) => byId.get(c)).filter(Boolean).map(words).join(''));
  const out = [];
  const walk = (n, landmark) => {
    const role = n.role?.value;
    const here = role === 'banner' || role === 'main' ? role : landmark;
    if (!n.ignored && !SKIP.has(role) && here) {
      const props = Object.fromEntries((n.properties || []).map((p) => [p.name, p.value?.value]));
      out.push({ role, name: n.name?.value || (role === 'paragraph' || role === 'listitem' ? words(n) : ''),
        description: n.description?.value || '', landmark: here, checked: props.checked,
        level: role === 'heading' ? props.level : undefined,
        valuetext: n.value?.value, focusable: !!props.focusable });
    }
    for (const c of n.childIds || []) { const child = byId.get(c); if (child) walk(child, here); }
  };
  walk(nodes.find((n) => n.role?.value === 'RootWebArea'), null);
  return out;
}

// What the app meant: its semantic tree, as the roles and names Chromium should compute.
function intended(tree) {
  const named = new Map(tree.nodes.map((n) => [n.id, n.name]));
  return tree.nodes.map((n) => ({ role: ROLE[n.role], name: n.name, landmark: n.lm || 'main',
    description: n.describedby ? n.describedby.map((id) => named.get(id)).join(' ') : n.desc || '',
    checked: n.role === 'radio' || n.role === 'checkbox' ? String(!!n.checked) : undefined,
    level: n.role === 'heading' ? n.level : undefined,
    valuetext: n.role === 'progressbar' ? n.now : undefined }));
}

const line = (n) => [n.landmark, n.role, n.name, n.description ? `description=${n.description}` : '',
  n.checked === undefined ? '' : `checked=${n.checked}`, n.level === undefined ? '' : `level=${n.level}`,
  n.role === 'progressbar' ? `value=${n.valuetext}` : ''].join(' | ');

const SCREENS = ['#/', '#/help-now', '#/about', '#/eligibility', '#/learn', '#/care-plan', '#/crisis-plan',
  '#/plan-section/care_plan.coordinator', '#/plan-section/crisis_plan.people', '#/your-data', '#/delete-everything',
  '#/share', '#/lock', '#/display'];

// Routes, and what to do there first so that the screen shows its states (a chosen answer, a
// field's error message).
const SETUP = {
  '#/eligibility': async (page) => {
    await byRole(page, 'radio', 'England').click();
    await byRole(page, 'radio', 'No').click();
    await byRole(page, 'button', 'Back').click();
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
    const ax = await axOutline(page);
    const tree = await page.evaluate(() => window.cpaSemantics);
    const want = intended(tree);
    expect(ax.filter((n) => n.role !== 'banner' && n.role !== 'main').map(line)).toEqual(want.map(line));
    // One banner, holding Help now; one main, whose first heading is the screen's level-1 heading.
    expect(ax.filter((n) => n.role === 'banner')).toHaveLength(1);
    expect(ax.filter((n) => n.role === 'main')).toHaveLength(1);
    expect(ax.some((n) => n.landmark === 'banner' && n.role === 'button' && n.name === strings.help_now)).toBe(true);
    expect(ax.find((n) => n.landmark === 'main' && n.role === 'heading')?.level).toBe(1);
    expect(await page.title()).toBe(tree.title);
    // Every control can take the keyboard's focus.
    for (const n of ax.filter((x) => ['button', 'link', 'textbox', 'radio', 'checkbox'].includes(x.role))) {
      expect(n.focusable, `${n.role} ${n.name}`).toBe(true);
    }
  });
}

// ---- axe-core on every screen ----

const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

// Runs axe-core (evaluated through DevTools, so the page's own CSP still forbids every script it
// did not ship) and returns its violations as short lines.
async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// Every screen, in each theme (the device asks for dark, or for forced colours: high contrast),
// at 100% and at 200% text.  Each row of the matrix is printed (the closing note's table).
for (const theme of ['light', 'dark', 'high-contrast']) {
  test(`axe-core finds nothing on any screen: ${theme}, 100% and 200% text`, { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    if (theme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
    if (theme === 'high-contrast') await page.emulateMedia({ forcedColors: 'active' });
    const rows = [], problems = [];
    for (const size of [100, 200]) {
      if (size === 200) {
        await openApp(page, '#/display');
        await tap(page, byRole(page, 'radio', '200%'));
        await expect(byRole(page, 'radio', '200%')).toBeChecked();
        await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
      }
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
}

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
    const a = e.target.closest('a');
    if (a && !e.defaultPrevented) { e.preventDefault(); resolve(a.getAttribute('href')); }
  })));
  const call = byRole(page, 'link', 'Call 116 123');
  await tabTo(page, call);
  await settle(page);
  await focusInView(page);
  await page.keyboard.press('Enter');
  expect(await followed).toBe('tel:116123');
});

test('keyboard only: Could I get CPA support? to its result, and back to change an answer', async ({ page }) => {
  test.setTimeout(180_000);
  const rules = readContent('en-GB/eligibility.json');
  await openApp(page);
  await tabTo(page, byRole(page, 'button', new RegExp('^' + strings['home.eligibility.title']), { exact: false }));
  await page.keyboard.press('Enter');
  await tabTo(page, byRole(page, 'radio', 'England'));
  await page.keyboard.press('Space');
  for (let i = 0; i < rules.questions.length; i++) {
    const q = rules.questions[i];
    await expect(byRole(page, 'heading', q.text, { level: 1 })).toBeFocused();
    await expect(mirror(page).getByRole('radiogroup', { name: q.text, exact: true })).toHaveCount(1);
    await tabTo(page, byRole(page, 'radio', 'No'));
    await settle(page);
    await focusInView(page);
    await page.keyboard.press('Enter');
  }
  await tabTo(page, byRole(page, 'button', strings['eligibility.summary.see_result']));
  await page.keyboard.press('Enter');
  await expect(mirror(page).locator('h1')).toBeFocused();
  // Back on the summary, change the first answer, and the summary shows it.
  await tabTo(page, byRole(page, 'button', strings['eligibility.result.change']));
  await page.keyboard.press('Enter');
  const first = byRole(page, 'button', new RegExp('^' + rules.questions[0].short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { exact: false });
  await tabTo(page, first);
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'radio', 'No')).toBeChecked();
  await tabTo(page, byRole(page, 'radio', 'Yes'));
  await page.keyboard.press('Space');
  await expect(byRole(page, 'heading', strings['eligibility.summary.heading'], { level: 1 })).toBeVisible();
  await expect(first).toHaveAccessibleDescription(/Yes/);
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
