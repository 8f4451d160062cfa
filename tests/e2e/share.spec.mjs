// @ts-check
// Share with a carer, as people use it: the person makes a plan, picks what to share, previews
// and confirms; the link (with its QR code) opens in another browser as a read-only plan with
// call links; a damaged link shows nothing from it; a locked link needs its passphrase; a kept
// copy survives a reload.  Screenshots at phone size: tests/e2e/screenshots/phone/share-*.png
import { test, expect, openApp, settle, byRole, mirror, tap, typeInto, leaveField, shot, readContent, importFile, largestPlan, reveal } from './support.mjs';
import { phone } from './playwright.config.mjs';

test.describe.configure({ timeout: 180_000 });
test.skip(({ isMobile }) => !isMobile, 'plans and sharing are not offered on a kiosk');

const plans = readContent('en-GB/plans.json');
const strings = readContent('en-GB/strings.json').strings;
const share = readContent('en-GB/strings-share.json').strings;
const fill = (key, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), strings[key]);
const section = (id) => plans.sections[id].title;
const itemLabel = (id, n) => fill('plans.ui.item_label', { label: plans.fields[id].label, n: String(n) });
const QR_PREFIX = share['share.qr_name'].replace('{link}', '');

async function makePlan(page) {
  await openApp(page, '#/crisis-plan');
  await tap(page, byRole(page, 'button', section('crisis_plan.warning_signs')));
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.warning_signs'].add));
  await typeInto(page, byRole(page, 'textbox', itemLabel('crisis_plan.warning_signs', 1)), 'I stop answering my phone');
  await leaveField(page);
  await openApp(page, '#/crisis-plan');
  await tap(page, byRole(page, 'button', section('crisis_plan.people')));
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  await typeInto(page, byRole(page, 'textbox', plans.items['contact.name'].label).first(), 'Aunt Jo');
  await typeInto(page, byRole(page, 'textbox', plans.items['contact.phone'].label).first(), '020 7946 0000');
  await leaveField(page);
}

// From Home to a made link; returns the link, read from the QR code's accessible name.
async function shareIt(page, testInfo, { passphrase = '', shots = false } = {}) {
  await openApp(page);
  await tap(page, byRole(page, 'button', strings['home.share.title']));
  await expect(mirror(page).getByRole('checkbox', { name: section('crisis_plan.people'), checked: true })).toBeVisible();
  await expect(mirror(page).getByRole('checkbox', { name: section('crisis_plan.treatment') })).toHaveAttribute('aria-disabled', 'true');
  if (shots) await shot(page, 'share-1-picker', testInfo);
  await tap(page, byRole(page, 'button', share['share.preview_button']));
  await expect(byRole(page, 'heading', share['share.preview_heading'], { level: 1 })).toBeVisible();
  await expect(byRole(page, 'link', 'Call Aunt Jo on 020 7946 0000')).toBeVisible();
  if (shots) await shot(page, 'share-2-preview', testInfo);
  if (passphrase) {
    await typeInto(page, byRole(page, 'textbox', share['share.passphrase_label']), passphrase);
    await leaveField(page);
  }
  await tap(page, byRole(page, 'button', share['share.confirm_button']));
  const qr = mirror(page).getByRole('img', { name: new RegExp('^' + QR_PREFIX) });
  await expect(qr).toBeVisible({ timeout: 20_000 });
  const link = (await qr.getAttribute('aria-label')).slice(QR_PREFIX.length);
  if (shots) await shot(page, 'share-3-link-and-qr', testInfo);
  return link;
}

async function openInFreshBrowser(browser, link) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await settle(page);
  return { context, page, errors };
}

test('share a plan: picker, preview, link + QR, print card; the carer opens it read-only, keeps a copy, reloads', async ({ page, browser, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await makePlan(page);
  const link = await shareIt(page, testInfo, { shots: true });
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=1\.1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);  // compressed, not locked
  // The address bar never held the link on the person's side.
  expect(page.url()).not.toContain('#share');

  // Copy link (no navigator.share in desktop Chromium: Copy link is the way).
  await tap(page, byRole(page, 'button', share['share.copy_button']));
  await expect(mirror(page).getByText(share['share.copy.done'], { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // The printable crisis card.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  const printed = page.evaluate(() => new Promise((r) => window.addEventListener('cpa-print', (e) => r(e.detail), { once: true })));
  await tap(page, byRole(page, 'button', share['share.print_button']));
  expect(await printed).toBe(share['share.card.title']);
  const card = page.locator('#cpa-print');
  await expect(card.locator('h1')).toHaveText(share['share.card.title']);
  await expect(card.locator('a[href="tel:+442079460000"]')).toHaveText('020 7946 0000');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'share-4-print-card', testInfo);
  await page.emulateMedia({ media: 'screen' });

  // The carer, in a browser that has never seen the app.
  const carer = await openInFreshBrowser(browser, link);
  const p2 = carer.page;
  await expect(byRole(p2, 'heading', share['share.view.title'], { level: 1 })).toBeVisible();
  await expect(mirror(p2).getByText(/^Shared on \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(mirror(p2).getByText(share['share.view.check_nudge'], { exact: true })).toBeVisible();
  await expect(byRole(p2, 'link', 'Call Aunt Jo on 020 7946 0000')).toHaveAttribute('href', 'tel:+442079460000');
  await expect(mirror(p2).getByText('I stop answering my phone')).toBeVisible();
  await expect(byRole(p2, 'button', 'Help now')).toBeVisible();
  await expect(mirror(p2).getByRole('textbox')).toHaveCount(0);
  expect(p2.url()).not.toContain('#share');  // the link's data left the address bar at once
  // Back does not bring the link back either: its entry was replaced before anything was drawn.
  await p2.goBack();
  expect(p2.url()).not.toContain('#share');
  await p2.goForward();
  await settle(p2);
  expect(p2.url()).toMatch(/#\/shared$/);
  await shot(p2, 'share-5-carer-view', testInfo);

  await tap(p2, byRole(p2, 'button', share['share.keep.button']));
  await expect(mirror(p2).getByText(share['share.keep.done'], { exact: true })).toBeVisible();
  await p2.reload();
  await expect(p2.locator('html')).toHaveAttribute('data-app', 'ready');
  await settle(p2);
  await expect(byRole(p2, 'link', 'Call Aunt Jo on 020 7946 0000')).toBeVisible();
  await expect(mirror(p2).getByText(share['share.keep.kept'], { exact: true })).toBeVisible();
  // Kept apart from the carer's own plans: their own crisis plan is still empty.
  await openApp(p2, '#/', link.split('#')[0]);
  await expect(byRole(p2, 'button', share['share.home.kept_title'])).toBeVisible();
  await openApp(p2, '#/crisis-plan', link.split('#')[0]);
  await expect(byRole(p2, 'button', section('crisis_plan.people'))).toHaveAccessibleDescription(strings['plans.ui.empty_section']);
  expect(carer.errors).toEqual([]);
  await carer.context.close();
});

test('a damaged or cut-off link says so and shows nothing from it', async ({ page, browser }, testInfo) => {
  await makePlan(page);
  const link = await shareIt(page, testInfo);
  const at = link.indexOf('#share=') + 20;
  const flipped = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  for (const bad of [flipped, link.slice(0, link.length - 5)]) {
    const carer = await openInFreshBrowser(browser, bad);
    await expect(byRole(carer.page, 'heading', share['share.open.damaged_title'])).toBeVisible();
    await expect(mirror(carer.page).locator('a[href^="tel:+4420"]')).toHaveCount(0);
    await expect(mirror(carer.page).getByText('Aunt Jo')).toHaveCount(0);
    if (bad === flipped) await shot(carer.page, 'share-6-damaged-link', testInfo);
    await carer.context.close();
  }
});

test('a passphrase-locked link: the wrong passphrase is refused, the right one opens it', async ({ page, browser }, testInfo) => {
  await makePlan(page);
  const link = await shareIt(page, testInfo, { passphrase: 'blue kettle seven' });
  expect(link).toMatch(/#share=1\.3\./);  // compressed and locked
  await expect(mirror(page).getByText(share['share.link.locked_note'], { exact: true })).toBeVisible();
  const carer = await openInFreshBrowser(browser, link);
  const p2 = carer.page;
  await expect(byRole(p2, 'heading', share['share.open.locked_heading'])).toBeVisible();
  await expect(mirror(p2).getByText('Aunt Jo')).toHaveCount(0);
  await typeInto(p2, byRole(p2, 'textbox', share['share.passphrase_label']), 'blue kettle six');
  await leaveField(p2);
  await tap(p2, byRole(p2, 'button', share['share.open.unlock_button']));
  await expect(mirror(p2).getByText(share['share.open.wrong_passphrase'], { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(mirror(p2).getByText('Aunt Jo')).toHaveCount(0);
  await shot(p2, 'share-7-wrong-passphrase', testInfo);
  await typeInto(p2, byRole(p2, 'textbox', share['share.passphrase_label']), 'blue kettle seven');
  await leaveField(p2);
  await tap(p2, byRole(p2, 'button', share['share.open.unlock_button']));
  await expect(byRole(p2, 'link', 'Call Aunt Jo on 020 7946 0000')).toBeVisible({ timeout: 20_000 });
  expect(carer.errors).toEqual([]);
  await carer.context.close();
});

// The largest plan the app allows (every field full, every list at its limit): its link is made,
// checked by the app, and opened as a carer opens it, in a browser that has never seen the app,
// with the link as its first address.  (A fixed 256-byte buffer once cut every link longer than
// 255 characters, and a carer saw "This link is damaged".)
test('the largest plan the app allows: its link opens intact in a new browser, first the checked lines', async ({ page, browser }, testInfo) => {
  await importFile(page, largestPlan(), 'largest.json');
  await openApp(page);
  await tap(page, byRole(page, 'button', strings['home.share.title']));
  await tap(page, byRole(page, 'button', share['share.preview_button']));
  // The preview of the largest plan is hundreds of screens long: reached by the keyboard, as a
  // keyboard or screen-reader user reaches it, not by swiping.
  const confirm = byRole(page, 'button', share['share.confirm_button']);
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'heading', share['share.link.heading'])).toBeVisible({ timeout: 30_000 });
  // Too long for a QR code (the screen says so): the link is read from the screen, as a person
  // copies it.
  await expect(mirror(page).getByText(share['share.link.too_long'], { exact: true })).toHaveCount(1);
  const link = await mirror(page).getByText(/#share=1\.\d\./).textContent();
  expect(link.length).toBeGreaterThan(1000);
  await shot(page, 'share-8-largest-link', testInfo);

  const carer = await openInFreshBrowser(browser, link);
  const p2 = carer.page;
  await expect(byRole(p2, 'heading', share['share.view.title'], { level: 1 })).toBeVisible();
  await expect(byRole(p2, 'heading', share['share.open.damaged_title'])).toHaveCount(0);
  // The app's own lines first, then what the person wrote, under a heading that says so.
  const checked = byRole(p2, 'heading', share['share.view.lines_heading']);
  const own = byRole(p2, 'heading', share['share.view.own_heading']);
  await expect(checked).toHaveCount(1);
  await expect(own).toHaveCount(1);
  await expect(byRole(p2, 'link', 'Call 116 123').first()).toHaveAttribute('href', 'tel:116123');
  // Every warning sign the plan holds arrived (each one fills its field with backslashes).
  const signs = await mirror(p2).getByRole('listitem').filter({ hasText: /^\\+$/ }).count();
  expect(signs).toBeGreaterThanOrEqual(50);
  await shot(p2, 'share-9-largest-carer-view', testInfo);
  expect(carer.errors).toEqual([]);
  await carer.context.close();
});

// Links built by hand, as a forger (or a broken copy-and-paste) would make them, opened as a
// carer opens a link.  The core decodes and inflates them itself, with limits checked before the
// work: whatever the link holds, the page stays up and Help now's numbers are one tap away.
function crc32(text) {
  let crc = 0xFFFFFFFF;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
  }
  return ((crc ^ 0xFFFFFFFF) >>> 0).toString(16).padStart(8, '0');
}
function handMadeLink(base, flags, bytes) {
  const signed = `1.${flags}.${Buffer.from(bytes).toString('base64url')}`;
  return `${base}#share=${signed}.${crc32(signed)}`;
}

test('hand-made links: a forged Samaritans number sits under the heading of the plan it came from; a 16 MB bomb is refused', async ({ page, browser }, testInfo) => {
  await openApp(page);
  const base = new URL('/', page.url()).href;
  const forged = JSON.stringify({ v: 1, d: '2026-11-20', n: 'wales', b: 'Sam\u202e',
    f: { 'crisis_plan.people': [['Samaritans', '', '0906 123 4567', 'any time']] } });
  const { deflateRawSync } = await import('node:zlib');
  const cases = [
    { name: 'forged', link: handMadeLink(base, 1, deflateRawSync(Buffer.from(forged))) },
    { name: 'bomb', link: handMadeLink(base, 1, deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 'a'), { level: 9 })) },
  ];
  expect(cases[1].link.length).toBeLessThan(30_000);
  for (const { name, link } of cases) {
    const carer = await openInFreshBrowser(browser, link);
    const p2 = carer.page;
    if (name === 'forged') {
      const checked = byRole(p2, 'heading', share['share.view.lines_heading']);
      const own = byRole(p2, 'heading', "From Sam's plan");
      await expect(checked).toHaveCount(1);
      await expect(own).toHaveCount(1);
      // Wales's own line is among the app's checked lines; the forged entry is below the heading
      // that says the app has not checked it.
      await expect(byRole(p2, 'link', 'Call 111').first()).toHaveAttribute('href', 'tel:111');
      await reveal(p2, own);
      await shot(p2, 'share-10-forged-samaritans', testInfo);
    } else {
      await expect(byRole(p2, 'heading', share['share.open.too_large_title'])).toBeVisible();
      await expect(mirror(p2).getByText('a'.repeat(40))).toHaveCount(0);
    }
    // Whatever the link held, Help now still works.
    await tap(p2, byRole(p2, 'button', 'Help now'));
    await expect(byRole(p2, 'link', 'Call 116 123').first()).toHaveAttribute('href', 'tel:116123');
    expect(carer.errors).toEqual([]);
    await carer.context.close();
  }
});
