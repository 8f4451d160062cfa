// @ts-check
// Whatever happens inside the app, the crisis numbers stay on screen (issue 25; hazard H17).
// Each fault is forced through the page as it could happen: an exported function of the core
// called with a bad pointer (a trap), memory asked past the app's limit (a failed growth, which
// aborts), a fault in a call the page makes from a promise, a main thread kept busy for seconds,
// and a store record too large to open.  There is no control in the app that does any of this.
import { test, expect, openApp, settle, byRole, mirror, tap, shot, readContent, expectedHref, exposeCore, seedStore, storeVector, screenshotDir } from './support.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const crisis = readContent('en-GB/crisis_lines.json');
const strings = readContent('en-GB/strings.json').strings;

// The console's errors, as a person's browser would log them.
function consoleErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

// What every fault must end in: the plain page, every crisis number a link, the words that the
// app stopped, focus on its heading, and nothing of the app left to tap or read.
async function expectStopped(page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'stopped');
  const fallback = page.locator('#fallback');
  await expect(fallback).toBeVisible();
  await expect(page.locator('#fallback-status')).toContainText(strings['fallback.stopped']);
  for (const line of crisis.lines) {
    const link = fallback.locator(`li[data-line="${line.id}"] a[href="${expectedHref(line)}"]`);
    await expect(link, line.id).toBeVisible();
    await expect(link).toContainText(line.number);
  }
  await expect(page.locator('#cpa-root')).toBeHidden();
  await expect(page.locator('#cpa-stall')).toBeHidden();
  await expect(page.locator('#cpa-a11y *')).toHaveCount(0);
  await expect(page.locator('#fallback-heading')).toBeFocused();
  await expect(page.locator('#cpa-alert')).toContainText(strings['fallback.stopped']);
}

// Nothing the person does afterwards brings the stopped app back or reaches its core.
async function expectStaysStopped(page) {
  await page.keyboard.press('Escape');
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.height, height: size.width });
  await page.setViewportSize(size);
  await page.evaluate(() => window.dispatchEvent(new Event('cpa-ready')));
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'stopped');
  await expect(page.locator('#fallback-status')).toContainText(strings['fallback.stopped']);
}

test('a trap in the core (an exported function given a bad pointer): the plain page, every number, and the app says it stopped', async ({ page, guard }, testInfo) => {
  guard.consoleErrors.push(/CPA Companion stopped: uncaught RuntimeError: memory access out of bounds/,
    /page error: memory access out of bounds/);
  const errors = consoleErrors(page);
  await exposeCore(page);
  await openApp(page, '#/help-now');
  await page.evaluate(() => setTimeout(() => window.__cpaCore._cpa_storage_lock_fields(0x7ffffff0)));
  await expectStopped(page);
  expect(errors.filter((e) => /^CPA Companion stopped: uncaught RuntimeError: memory access out of bounds/.test(e))).toHaveLength(1);
  await shot(page, 'stopped-after-trap', testInfo);
  await expectStaysStopped(page);
  expect(errors).toHaveLength(1);  // and nothing ran in the core again to fail a second time
});

test('memory that cannot grow aborts the core: the plain page, with my own contacts from the last release store', async ({ page, guard }, testInfo) => {
  guard.consoleErrors.push(/CPA Companion stopped: abort: OOM/, /CPA Companion, after it stopped: uncaught RuntimeError: Aborted\(OOM\)/,
    /page error: Aborted\(OOM\)/);
  const errors = consoleErrors(page);
  await exposeCore(page);
  await seedStore(page, storeVector('2026-12-06-warnings').records);
  await openApp(page, '#/help-now');
  await expect(byRole(page, 'link', 'Call Aunt Jo on 020 7946 0000')).toHaveCount(1);
  // More than the 256 MB the app may grow to (CMakeLists.txt): the growth fails, and aborts.
  await page.evaluate(() => setTimeout(() => window.__cpaCore._malloc(300 * 1024 * 1024)));
  await expectStopped(page);
  const personal = page.locator('#fallback-personal');
  await expect(personal.getByRole('link', { name: 'Call Aunt Jo on 020 7946 0000' })).toHaveAttribute('href', 'tel:+442079460000');
  await expect(personal.getByText('Walk the dog')).toBeVisible();
  expect(errors[0]).toBe('CPA Companion stopped: abort: OOM');
  await personal.scrollIntoViewIfNeeded();
  await shot(page, 'stopped-after-oom-personal', testInfo);
  await expectStaysStopped(page);
});

test('a fault in a call the page makes from a promise (a file being loaded) is not swallowed: the app stops and says so', async ({ page, guard }) => {
  guard.consoleErrors.push(/CPA Companion stopped: RuntimeError: memory access out of bounds in cpa_file_chosen/,
    /CPA Companion, after it stopped: unhandled rejection: RuntimeError: memory access out of bounds/,
    /page error: memory access out of bounds/);
  const errors = consoleErrors(page);
  await exposeCore(page);
  await openApp(page, '#/your-data');
  // The core's entry for a chosen file, as the page calls it, given a pointer past its memory.
  await page.evaluate(() => {
    const core = window.__cpaCore, real = core._cpa_file_chosen;
    core._cpa_file_chosen = () => real(0x7ffffff0);
  });
  const chooser = page.waitForEvent('filechooser');
  await tap(page, byRole(page, 'button', strings['data.import']));
  await (await chooser).setFiles({ name: 'plans.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expectStopped(page);
  expect(errors[0]).toMatch(/^CPA Companion stopped: RuntimeError: memory access out of bounds in cpa_file_chosen/);
});

// The frames the compositor sends, as a screen shows them, while the page's own thread is stuck
// (a screenshot would wait for that thread; a screencast does not).
async function watchScreen(page) {
  const { PNG } = (await import('playwright-core/lib/utilsBundle')).default;
  const cdp = await page.context().newCDPSession(page);
  const frames = [];
  cdp.on('Page.screencastFrame', (f) => {
    frames.push({ at: Date.now(), png: Buffer.from(f.data, 'base64') });
    cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => {});
  });
  await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
  // The colour at (x, y) of the screen, as fractions of its size.
  const colour = (frame, x, y) => {
    const png = PNG.sync.read(frame.png);
    const at = (Math.floor(y * png.height) * png.width + Math.floor(x * png.width)) * 4;
    return [png.data[at], png.data[at + 1], png.data[at + 2]];
  };
  return { frames, colour, stop: () => cdp.send('Page.stopScreencast').then(() => cdp.detach()) };
}

test('a step that keeps the page busy too long: the numbers show over the app while it is stuck, then the app stops', async ({ page, guard }, testInfo) => {
  test.setTimeout(90_000);
  guard.consoleErrors.push(/CPA Companion stopped: the page did not answer for \d+ ms/);
  const errors = consoleErrors(page);
  await exposeCore(page);
  await openApp(page, '#/help-now');
  await expect(page.locator('#cpa-stall li[data-line="samaritans"]')).toHaveText('Samaritans Call 116 123');
  const screen = await watchScreen(page);
  const stallMs = await page.evaluate(() => window.cpaGuard.STALL_MS);
  // The main thread kept busy in one task, calling into the core, for the limit and 2.5 s more.
  const stuck = Date.now();
  await page.evaluate((ms) => setTimeout(() => {
    const end = performance.now() + ms;
    while (performance.now() < end) window.__cpaCore._cpa_scroll_by(0);
  }), stallMs + 2500);
  await expectStopped(page);
  await screen.stop();
  // While it was stuck: the top bar's blue (the app) at first, then the panel's white, drawn by
  // the compositor alone, before the page could answer again.
  const during = screen.frames.filter((f) => f.at > stuck && f.at < stuck + stallMs + 2000);
  const white = during.find((f) => screen.colour(f, 0.02, 0.01).every((c) => c > 240));
  expect(white, 'a frame with the numbers over the app while the page was stuck').toBeTruthy();
  expect(white.at - stuck).toBeGreaterThan(stallMs - 1200);
  const dir = path.join(screenshotDir, testInfo.project.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'stalled-numbers-over-the-app.png'), white.png);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^CPA Companion stopped: the page did not answer for \d+ ms/);
});

test('a store record too large to open: the app starts, names the limit, keeps the record, and Help now works', async ({ page }, testInfo) => {
  const vector = storeVector('2026-12-06-warnings');
  const huge = { ...vector.records.current, doc: vector.records.current.doc + ' '.repeat(3 * 1024 * 1024) };
  await seedStore(page, { current: huge });
  await openApp(page, '#/your-data');
  await expect(byRole(page, 'heading', strings['data.damaged_title'])).toBeVisible();
  const says = strings['plans.store.too_large'].replace('{max}', '2.7 MB');
  await expect(mirror(page).getByText(says, { exact: false })).toBeVisible();
  await shot(page, 'store-record-too-large', testInfo);
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'link', 'Call 116 123').first()).toHaveAttribute('href', 'tel:116123');
  // The record is still there, whole.
  const kept = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('cpa-companion');
    open.onsuccess = () => {
      const get = open.result.transaction('records').objectStore('records').get('current');
      get.onsuccess = () => { open.result.close(); resolve(get.result.doc.length); };
    };
  }));
  expect(kept).toBe(huge.doc.length);
});
