// @ts-check
// The accessibility checks every language's screens are held to (a11y.spec.mjs, welsh.spec.mjs):
// Chromium's own accessibility tree against what the app drew, and axe-core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, mirror, repoRoot, openApp, tap, byRole } from './support.mjs';

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
    // An unnamed form is no landmark: screen readers pass over it (the mirror has it for Enter
    // and password managers).
    const unnamedForm = role === 'form' && !n.name?.value;
    if (!n.ignored && !SKIP.has(role) && !unnamedForm && here) {
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

// What the app meant: its semantic tree, as the roles and names Chromium should compute.  Words
// only read as another node's description (hidden) are in no reading order; an unnamed form is
// not a landmark.  A description is only ever real text (aria-describedby), never
// aria-description, which some screen readers do not speak.
function intended(tree) {
  const named = new Map(tree.nodes.map((n) => [n.id, n.name]));
  return tree.nodes.filter((n) => !n.hidden && !(n.role === 'form' && !n.name)).map((n) => ({
    role: ROLE[n.role], name: n.name, landmark: n.lm || 'main',
    description: n.describedby ? n.describedby.map((id) => named.get(id)).join(' ') : '',
    checked: n.role === 'radio' || n.role === 'checkbox' ? String(!!n.checked) : undefined,
    level: n.role === 'heading' ? n.level : undefined,
    valuetext: n.role === 'progressbar' ? n.now : undefined }));
}

const line = (n) => [n.landmark, n.role, n.name, n.description ? `description=${n.description}` : '',
  n.checked === undefined ? '' : `checked=${n.checked}`, n.level === undefined ? '' : `level=${n.level}`,
  n.role === 'progressbar' ? `value=${n.valuetext}` : ''].join(' | ');

export const SCREENS = ['#/', '#/help-now', '#/about', '#/eligibility', '#/learn', '#/care-plan', '#/crisis-plan',
  '#/plan-section/care_plan.coordinator', '#/plan-section/crisis_plan.people', '#/your-data', '#/delete-everything',
  '#/share', '#/lock', '#/display'];

// Chromium's accessibility tree on this screen, held to what the app drew: every role, name,
// description, state and level, in order, in its landmark; every control focusable.
export async function checkAxTree(page, helpNow) {
  const ax = await axOutline(page);
  const tree = await page.evaluate(() => window.cpaSemantics);
  const want = intended(tree);
  expect(ax.filter((n) => n.role !== 'banner' && n.role !== 'main').map(line)).toEqual(want.map(line));
  // One banner, holding Help now; one main, whose first heading is the screen's level-1 heading.
  expect(ax.filter((n) => n.role === 'banner')).toHaveLength(1);
  expect(ax.filter((n) => n.role === 'main')).toHaveLength(1);
  expect(ax.some((n) => n.landmark === 'banner' && n.role === 'button' && n.name === helpNow)).toBe(true);
  expect(ax.find((n) => n.landmark === 'main' && n.role === 'heading')?.level).toBe(1);
  expect(await page.title()).toBe(tree.title);
  // Every control can take the keyboard's focus.
  for (const n of ax.filter((x) => ['button', 'link', 'textbox', 'radio', 'checkbox'].includes(x.role))) {
    expect(n.focusable, `${n.role} ${n.name}`).toBe(true);
  }
  // Nothing is said only as a description some screen readers never speak.
  await expect(mirror(page).locator('[aria-description]')).toHaveCount(0);
}

// ---- axe-core on every screen ----

const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

// Runs axe-core (evaluated through DevTools, so the page's own CSP still forbids every script it
// did not ship; once per page load) and returns its violations as short lines.
export async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}


// 200% text, chosen on the Display screen as a person chooses it, and stored (every screen
// opened after it has it from the first frame).
export async function chooseLargestText(page) {
  await openApp(page, '#/display');
  await tap(page, byRole(page, 'radio', '200%'));
  await expect(byRole(page, 'radio', '200%')).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
}
