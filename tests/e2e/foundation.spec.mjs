// @ts-check
// The foundation, as a person uses it: the home screen, "Help now" from anywhere, every crisis
// line a real link, Back, deep links, the plain-HTML fallback, and a page that stays still.
import { test, expect, openApp, settle, byRole, mirror, tap, swipe, reveal, shot, readContent, expectedHref, repoRoot, trackFrames, waitUntilIdle, atPhoneDensity, setDensity, PHONE_DENSITY } from './support.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const crisis = readContent('en-GB/crisis_lines.json');
const access = readContent('en-GB/access_routes.json');

// Where a route for people who cannot make a voice call leads: its web address, a text, or a
// call (a relay prefix before a crisis line's own number, when it names one).
function routeHref(route) {
  if (route.web) return route.web;
  if (route.text) return expectedHref({ action: 'text', number: route.text, text_body: route.text_body });
  const line = route.before_line ? crisis.lines.find((l) => l.id === route.before_line) : null;
  return expectedHref({ action: 'call', number: route.call + (line ? line.number : '') });
}

test('home shows every part and a Help now button', { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
  await openApp(page);
  await expect(byRole(page, 'button', 'Help now')).toBeVisible();
  await expect(byRole(page, 'heading', 'CPA Companion')).toBeVisible();
  for (const part of ['What support could I get?', 'Understand your care', 'My care plan', 'My crisis plan',
    'Share with a carer', 'Your data and settings', 'About this app']) {
    await expect(byRole(page, 'button', part)).toHaveCount(1);
  }
  await expect(page).toHaveTitle('CPA Companion');
  await shot(page, 'home', testInfo);
});

test('Help now, tapped on the canvas, opens the crisis screen with every line as a link', { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
  await openApp(page);
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/help-now$/);
  // Three NHS lines share 111 (England, Wales, Scotland): each line is found by its own name,
  // the text drawn above its link, which describes the link (aria-describedby).
  for (const line of crisis.lines) {
    const links = mirror(page).locator(`a[href="${expectedHref(line)}"]`);
    const describedBy = await links.evaluateAll((els) => els.map((el) => (el.getAttribute('aria-describedby') || '')
      .split(' ').map((id) => (document.getElementById(id) || {}).textContent || '').join(' ')));
    expect(describedBy.filter((d) => d === line.name), `${line.name} links to ${expectedHref(line)}`).toHaveLength(1);
    const link = links.nth(describedBy.indexOf(line.name));
    await expect(link).toHaveAccessibleDescription(line.name);
    await expect(link).toHaveText(new RegExp(line.number.replace(/ /g, '\\s')));
  }
  // Each nation's own NHS line is under its nation's name, never offered as everyone's.
  for (const heading of ['Anywhere in the UK', 'In England', 'In Wales', 'In Scotland', 'In Northern Ireland']) {
    await expect(byRole(page, 'heading', heading, { level: 2 })).toHaveCount(1);
  }
  await shot(page, 'help-now', testInfo);
});

test('tapping a call button opens the tel: link', async ({ page }) => {
  await openApp(page, '#/help-now');
  const opened = page.evaluate(() => new Promise((r) => window.addEventListener('cpa-open-url', (e) => r(e.detail), { once: true })));
  await tap(page, byRole(page, 'link', 'Call 116 123'));
  expect(await opened).toBe('tel:116123');
});

test('Back in the app and the browser Back button both return Home', async ({ page }) => {
  await openApp(page);
  await tap(page, byRole(page, 'button', 'Help now'));
  await tap(page, byRole(page, 'button', 'Back'));
  await expect(byRole(page, 'heading', 'CPA Companion')).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  await tap(page, byRole(page, 'button', 'About this app'));
  await expect(byRole(page, 'heading', 'About this app')).toBeVisible();
  await page.goBack();
  await settle(page);
  await expect(byRole(page, 'heading', 'CPA Companion')).toBeVisible();
});

test('a deep link opens Help now, and Back from it goes Home, not off the site', async ({ page }) => {
  await openApp(page, '#/help-now');
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
  await tap(page, byRole(page, 'button', 'Back'));
  await expect(byRole(page, 'heading', 'CPA Companion')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/');
});

test('keyboard only: Tab to Help now and press Enter', async ({ page }) => {
  await openApp(page);
  const help = byRole(page, 'button', 'Help now');
  for (let i = 0; i < 5 && !(await help.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(help).toBeFocused();
  await page.keyboard.press('Enter');
  await settle(page);
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
  // The new screen's heading has focus, so a screen reader says where the person is.
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeFocused();
});

test('dragging a finger scrolls the crisis screen', async ({ page }) => {
  await openApp(page, '#/help-now');
  const shout = byRole(page, 'link', 'Text SHOUT to 85258');
  const before = (await shout.boundingBox()).y;
  const size = page.viewportSize();
  await swipe(page, size.width - 10, size.height * 0.8, size.height * 0.3);
  const after = (await shout.boundingBox()).y;
  expect(before - after).toBeGreaterThan(size.height * 0.3);
});

test.describe('without the offline copy', () => {
  // The service worker serves its own copy of cpa.wasm, past the test's blocked request.
  test.use({ serviceWorkers: 'block' });

test('with the WebAssembly blocked, the plain page shows the same crisis numbers', async ({ page, guard }, testInfo) => {
  guard.consoleErrors.push(/Failed to load resource: net::ERR_FAILED/);  // the block itself
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  const fallback = page.locator('#fallback');
  await expect(fallback).toBeVisible();
  await expect(fallback.getByText('The app could not start')).toBeVisible();
  for (const line of crisis.lines) {
    const link = fallback.locator(`li[data-line="${line.id}"] a[href="${expectedHref(line)}"]`);
    await expect(link).toBeVisible();
    await expect(link).toContainText(line.number);
  }
  await expect(fallback.getByRole('heading', { name: 'In Scotland', level: 2 })).toBeVisible();
  await shot(page, 'fallback-no-wasm', testInfo);
});

test('with a broken font file, the app does not start and the plain page shows the crisis numbers', async ({ page }) => {
  // Bytes that are not a font (the app has no other font to fall back on: ImGui's is not linked).
  await page.route('**/fonts/NotoSans-Regular.ttf', (route) => route.fulfill({ status: 200, body: Buffer.alloc(4096, 7) }));
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  const fallback = page.locator('#fallback');
  await expect(fallback.getByText('The app could not start')).toBeVisible();
  for (const line of crisis.lines) {
    await expect(fallback.locator(`li[data-line="${line.id}"] a[href="${expectedHref(line)}"]`)).toBeVisible();
  }
  await expect(page.locator('#cpa-a11y button')).toHaveCount(0);  // nothing of the app was drawn
});
});

test('the crisis numbers are in the page before any script runs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseURL);
  for (const line of crisis.lines) {
    await expect(page.locator(`#fallback li[data-line="${line.id}"] a[href="${expectedHref(line)}"]`)).toBeVisible();
  }
  await context.close();
});

test('the panel for people who cannot make a voice call is in the page before any script runs', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseURL);
  const panel = page.locator('#fallback-access');
  await expect(panel.getByRole('heading', { name: access.heading, level: 2 })).toBeVisible();
  for (const route of access.routes) {
    await expect(panel.locator(`li[data-line="${route.id}"] a[href="${routeHref(route)}"]`), route.id).toBeVisible();
  }
  for (const href of ['tel:18000', 'sms:999', 'tel:18001111']) await expect(panel.locator(`a[href="${href}"]`)).toHaveCount(1);
  await context.close();
});

test('Help now shows the panel for people who cannot make a voice call, each route a link', async ({ page }, testInfo) => {
  await openApp(page, '#/help-now');
  const heading = byRole(page, 'heading', access.heading, { level: 2 });
  await expect(heading).toHaveCount(1);
  for (const route of access.routes) {
    await expect(mirror(page).locator(`a[href="${routeHref(route)}"]`), route.id).toHaveCount(1);
  }
  await reveal(page, heading);
  await shot(page, 'help-now-access', testInfo);
  await reveal(page, byRole(page, 'link', 'Call 18000'));
  await shot(page, 'help-now-access-relay', testInfo);
});

test('the site is served with the production headers', async ({ page }) => {
  const response = await page.goto('/');
  const wanted = readFileSync(path.join(repoRoot, 'shell/_headers'), 'utf8').split('\n')
    .filter((l) => /^\s+\S/.test(l)).map((l) => {
      const at = l.indexOf(':');
      return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
    });
  const headers = response.headers();
  for (const [name, value] of wanted) expect(headers[name.toLowerCase()], name).toBe(value);
  expect(headers['content-security-policy']).toContain("default-src 'none'");
});

test.describe('at the phone\'s real pixel density', () => {
  test.use(atPhoneDensity);

  test('the canvas is drawn at the screen pixel density, and nothing is drawn while the screen is still', { tag: '@kiosk-size' }, async ({ page }, testInfo) => {
    await trackFrames(page);
    await openApp(page);
    const { width, dpr, cssWidth } = await page.evaluate(() => {
      const c = /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas'));
      return { width: c.width, dpr: devicePixelRatio, cssWidth: c.getBoundingClientRect().width };
    });
    expect(dpr).toBe(testInfo.project.name === 'phone' ? PHONE_DENSITY : 1);
    expect(width).toBe(Math.round(cssWidth * dpr));
    // First the app settles and stops asking for frames (if it never does, this times out).
    await waitUntilIdle(page);
    // Then a measurement window, not a wait for anything: while nothing happens for this long,
    // not one frame may be drawn.
    const IDLE_MEASUREMENT_MS = 1000;
    const idle = await page.evaluate((ms) => new Promise((resolve) => {
      const start = window.__frames;
      setTimeout(() => resolve(window.__frames - start), ms);
    }), IDLE_MEASUREMENT_MS);
    expect(idle, 'animation frames while nothing changes').toBe(0);
    // A tap is drawn straight away.
    await tap(page, byRole(page, 'button', 'About this app'));
    await expect(byRole(page, 'heading', 'About this app')).toBeVisible();
  });
});

// A window dragged from a laptop's screen to a monitor of another density: no resize event, the
// same size, but the canvas must be drawn at the new density (or it is blurred) and the text
// rasterised for it.  The app follows the density's media query.  The reader keeps their place:
// opening a screen put the focus on its heading, and the person has swiped down since; laying
// the page out again must not pull them back up to it (only a field being typed in, or a control
// reached with the keyboard, is brought back into sight).
test('a window moved to a screen of another pixel density is drawn at that density, with no resize, and the reader keeps their place', async ({ page }) => {
  await openApp(page);
  await tap(page, byRole(page, 'button', 'About this app'));
  await expect(byRole(page, 'heading', 'About this app', { level: 1 })).toBeFocused();
  const last = mirror(page).getByRole('heading').last();
  await reveal(page, last);
  const inSight = async () => {
    const box = await last.boundingBox();
    const view = await last.evaluate((el) => el.closest('.cpa-region').getBoundingClientRect().toJSON());
    return box.y + box.height / 2 > view.y && box.y + box.height / 2 < view.y + view.height;
  };
  await page.evaluate(() => { window.__resized = 0; window.addEventListener('resize', () => { window.__resized++; }); });
  const canvas = () => page.evaluate(() => {
    const c = /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas'));
    return { width: c.width, height: c.height, css: c.getBoundingClientRect().width, dpr: devicePixelRatio };
  });
  const before = await canvas();
  for (const density of [2, 1]) {
    await setDensity(page, density);  // waits for the canvas to follow: a timeout here is the failure
    const now = await canvas();
    expect(now.dpr).toBe(density);
    expect(now.width).toBe(Math.round(now.css * density));
    expect(now.height).toBe(Math.round(before.height / before.dpr * density));
    expect(await inSight(), `at density ${density}: still where the person was reading`).toBe(true);
  }
  expect(await page.evaluate(() => window.__resized), 'no resize event: the density alone changed').toBe(0);
  // Still drawn and still used: a tap lands where the mirror says the button is.
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
});

test('turning the phone round lays the screen out again', async ({ page }) => {
  await openApp(page);
  const size = page.viewportSize();
  const before = await byRole(page, 'button', 'Help now').boundingBox();
  await page.setViewportSize({ width: size.height, height: size.width });
  await settle(page);
  await settle(page);
  const after = await byRole(page, 'button', 'Help now').boundingBox();
  expect(after.x).not.toBe(before.x);
  const canvasWidth = await page.evaluate(() => /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas')).width);
  expect(canvasWidth).toBe(Math.round(size.height * (await page.evaluate(() => devicePixelRatio))));
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
});

test('the app recovers when the graphics context is lost', async ({ page }) => {
  await openApp(page);
  // Wait for the browser's own lost and restored events, not for a time.
  await page.evaluate(() => new Promise((resolve) => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas'));
    const ext = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
    canvas.addEventListener('webglcontextlost', () => setTimeout(() => ext.restoreContext()), { once: true });
    canvas.addEventListener('webglcontextrestored', () => resolve(), { once: true });
    ext.loseContext();
  }));
  await settle(page);
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
  // Something other than the background colour is on the canvas again.
  const png = await page.locator('#cpa-canvas').screenshot();
  expect(png.length).toBeGreaterThan(5000);
});

test('once loaded, the app and Help now open with no network', async ({ page, context }) => {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();  // now controlled by the service worker, which has every file
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await settle(page);
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'link', 'Call 116 123')).toHaveAttribute('href', 'tel:116123');
  await context.setOffline(false);
});

test('a flick keeps the screen scrolling after the finger lifts, then it stops', async ({ page }) => {
  await trackFrames(page);
  await openApp(page, '#/help-now');
  const shout = byRole(page, 'link', 'Text SHOUT to 85258');
  const before = (await shout.boundingBox()).y;
  const size = page.viewportSize();
  // A finger moving 40 px every 16 ms, stamped with the times a phone's screen would give: the
  // software-drawn test browser is slower than a phone, but the app reads the finger's times.
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x: size.width - 10, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  const start = Date.now() / 1000;
  const at = (ms) => start + ms / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(size.height * 0.7), timestamp: at(0) });
  for (let i = 1; i <= 4; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(size.height * 0.7 - i * 40), timestamp: at(i * 16) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(80) });
  // It glides (a phone's scrolling slows over a second or two): frames are asked for while it
  // moves, and none once it has stopped.
  expect(await page.evaluate(() => window.__framesAskedFor()), 'still gliding after the lift').toBeGreaterThan(0);
  await waitUntilIdle(page);
  const settled = (await shout.boundingBox()).y;
  // The finger moved 160 px; the screen went on well past that after the lift.
  expect(before - settled).toBeGreaterThan(160 + 100);
  // Stopped for good: nothing asks for a frame, so nothing moves.
  await settle(page);
  expect((await shout.boundingBox()).y).toBe(settled);
  await waitUntilIdle(page);
});
