// Accessibility as assistive technology and keyboards meet it: the mirror's landmarks, roles,
// names and states (read back from Chromium's own accessibility tree), pointer and keyboard
// activation, focus, and the one live region.
import { test, expect, openApp, settle, byRole, mirror, readContent } from './support.mjs';

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
  return tree.nodes.map((n) => ({ role: ROLE[n.role], name: n.name, landmark: n.lm || 'main',
    checked: n.role === 'radio' || n.role === 'checkbox' ? String(!!n.checked) : undefined,
    level: n.role === 'heading' ? n.level : undefined }));
}

const line = (n) => [n.landmark, n.role, n.name, n.checked === undefined ? '' : `checked=${n.checked}`,
  n.level === undefined ? '' : `level=${n.level}`].join(' | ');

const SCREENS = ['#/', '#/help-now', '#/about', '#/eligibility', '#/learn', '#/care-plan', '#/crisis-plan',
  '#/plan-section/care_plan.coordinator', '#/plan-section/crisis_plan.people', '#/your-data', '#/delete-everything',
  '#/share', '#/lock'];

for (const route of SCREENS) {
  test(`${route}: a screen reader is told every role, name and state the app draws, in order`, async ({ page }) => {
    await openApp(page, route);
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
