// @ts-check
// Shared e2e helpers.  Tests find things the way a person (or a screen reader) does: by role
// and name in the accessibility mirror, and tap them on the canvas like a finger.
import { test as playwrightTest, expect } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot, screenshotDir, readContent } from './content.mjs';

export { repoRoot, screenshotDir, readContent, expectedHref } from './content.mjs';

// The files the site serves (the service worker keeps exactly these): Cache Storage may hold
// nothing else.  Both sites (phone and kiosk) are built from the same files.
const distDir = process.env.CPA_DIST_DIR || path.join(repoRoot, 'dist');
function siteFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...siteFiles(path.join(dir, entry.name), rel + '/'));
    else out.push(rel);
  }
  return out;
}
export const appFiles = new Set(['', ...siteFiles(distDir).filter((f) => f !== '_headers')]);

// What a page keeps on the device outside IndexedDB: sessionStorage, localStorage and every URL
// in Cache Storage.  Asked of a page showing the app's own origin.
export async function keptOutsideIndexedDB(page) {
  return page.evaluate(async () => {
    const cached = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
    }
    return { session: sessionStorage.length, local: localStorage.length, cached };
  });
}

// Every test: no console errors, no page errors, no request leaves the site's origin, and the
// privacy checks: no Content-Security-Policy violation on any page the test opened (an init
// script hears every securitypolicyviolation event), no cookies, nothing in localStorage or
// sessionStorage, and nothing in Cache Storage but the app's own files.
// A test expecting a request elsewhere (quick exit's neutral site) lists it in guard.requests.
/** @typedef {{consoleErrors: RegExp[], requests: RegExp[]}} Guard  what a test allows beyond the rules */
/** @typedef {import('@playwright/test').PlaywrightTestArgs & import('@playwright/test').PlaywrightTestOptions} TestArgs */
/** @typedef {import('@playwright/test').PlaywrightWorkerArgs & import('@playwright/test').PlaywrightWorkerOptions} WorkerArgs */
export const test = playwrightTest.extend(/** @type {import('@playwright/test').Fixtures<{guard: Guard}, {}, TestArgs, WorkerArgs>} */ ({
  guard: [async ({ page, context, baseURL }, use) => {
    const problems = [];
    const origin = new URL(baseURL).origin;
    const allowed = { consoleErrors: [], requests: [] };
    const violations = [];
    await context.exposeBinding('__cpaCspViolation', (_source, v) => { violations.push(v); });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cpaCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, file: e.sourceFile,
          line: e.lineNumber, page: location.href });
      }, true);
    });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const url = r.url();
      // tel:, sms: and mailto: go to the phone's own apps, not over the network.
      if (url.startsWith(origin) || /^(data|blob|tel|sms|mailto):/.test(url)) return;
      if (allowed.requests.some((re) => re.test(url))) return;
      problems.push(`request left the origin: ${url}`);
    });
    await use(allowed);
    const unexpected = problems.filter((p) => !allowed.consoleErrors.some((re) => re.test(p)));
    expect(unexpected, 'console errors, page errors or requests to other origins').toEqual([]);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(await context.cookies(), 'cookies').toEqual([]);
    const stored = await context.storageState();
    expect(stored.origins.filter((o) => o.localStorage.length > 0), 'localStorage').toEqual([]);
    for (const open of context.pages()) {
      const at = open.isClosed() ? '' : open.url();
      if (!/^https?:\/\/127\.0\.0\.1:/.test(at)) continue;  // a page that left (quick exit) or closed
      const pageOrigin = new URL(at).origin;
      const kept = await keptOutsideIndexedDB(open);
      expect(kept.session, `sessionStorage at ${at}`).toBe(0);
      expect(kept.local, `localStorage at ${at}`).toBe(0);
      const strangers = kept.cached.filter((url) => !url.startsWith(pageOrigin + '/') ||
        !appFiles.has(new URL(url).pathname.slice(1)));
      expect(strangers, `Cache Storage at ${at} holds only the app's own files`).toEqual([]);
    }
  }, { auto: true }],
}));
export { expect };

// base: the site's address, for pages made outside the test's own context (a relaunched browser).
export async function openApp(page, hash = '', base = undefined) {
  await inFront(page);
  await page.goto(base ? new URL(hash, base).href : '/' + hash);
  await page.waitForFunction(() => document.documentElement.dataset.app !== 'loading');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await settle(page);
}

// Two animation frames: the app has drawn and the mirror is up to date.
export async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))));
}

// Counts the animation frames the page draws, and keeps the ones it has asked for and not yet
// had: the app draws only when something asked for a frame, so none asked for means idle.
// Call before the page loads.
export async function trackFrames(page) {
  await page.addInitScript(() => {
    window.__frames = 0;
    const pending = new Set();
    const raf = window.requestAnimationFrame.bind(window);
    const cancel = window.cancelAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      const id = raf((t) => { pending.delete(id); window.__frames++; cb(t); });
      pending.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => { pending.delete(id); cancel(id); };
    window.__framesAskedFor = () => pending.size;
  });
}

// Waits for the app to stop asking for frames (polled on a timer, not on frames of its own).
export async function waitUntilIdle(page) {
  await page.waitForFunction(() => window.__framesAskedFor() === 0, null, { polling: 20 });
}

export function mirror(page) { return page.locator('#cpa-a11y'); }

export function byRole(page, role, name, options = {}) {
  return mirror(page).getByRole(role, { name, exact: true, ...options });
}

// A finger drag on the canvas: touch start, moves, end (Chrome DevTools Protocol touch events).
// Each event carries the time a phone would stamp it with (a move every 16 ms, then the finger
// held still for 150 ms before lifting: a drag, not a flick).  The app reads those times, not
// the clock, so nothing here has to wait for them to pass.
export async function swipe(page, x, fromY, toY, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  const start = Date.now() / 1000;
  const at = (ms) => start + ms / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromY), timestamp: at(0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(fromY + ((toY - fromY) * i) / steps),
      timestamp: at(i * 16) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(steps * 16 + 150) });
  await cdp.detach();
  await settle(page);
}

// A person uses the tab in front.  A tab behind it draws about once a second (Chromium holds its
// animation frames back), so in a test with two tabs each step first brings its tab to the front,
// as the person switching tabs does.
export async function inFront(page) {
  await page.bringToFront();
}

// Scrolls, like a person dragging the screen, until the element's middle is in its view.
export async function reveal(page, locator) {
  await inFront(page);
  for (let i = 0; i < 40; i++) {  // a bound: long screens (a carer's view, a result) take many swipes
    const box = await locator.boundingBox();
    const clip = await locator.evaluate((el) => el.closest('.cpa-region').getBoundingClientRect().toJSON());
    if (!box) throw new Error('element has no box');
    const middle = box.y + box.height / 2;
    if (middle > clip.y + 4 && middle < clip.y + clip.height - 4) return box;
    const x = clip.x + clip.width - 8;  // drag near the edge, away from the buttons
    const target = clip.y + clip.height / 2;
    const delta = Math.max(-clip.height * 0.6, Math.min(clip.height * 0.6, target - middle));
    const start = delta < 0 ? clip.y + clip.height * 0.8 : clip.y + clip.height * 0.2;
    await swipe(page, x, start, start + delta);
  }
  throw new Error('could not scroll the element into view');
}

// A tap with a finger on the canvas where the element is drawn.
// The element must be where it was a frame before: words that change above it as a save
// completes (the store's durability, a notice) move it, and a finger aimed at the old place
// would press something else.
export async function tap(page, locator) {
  let box = await reveal(page, locator);
  for (let i = 0; i < 20; i++) {  // a bound: a screen that never stops moving fails here
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    const now = await reveal(page, locator);
    if (now.x === box.x && now.y === box.y && now.width === box.width && now.height === box.height) break;
    if (i === 19) throw new Error('the element kept moving: nothing to tap');
    box = now;
  }
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  try {
    await page.touchscreen.tap(x, y);
  } catch (e) {
    // A browser attached over CDP (the crash test) has no touch screen: click instead.
    if (!/hasTouch/.test(String(e && e.message))) throw e;
    await page.mouse.click(x, y);
  }
  await settle(page);
}

// Taps a text field on the canvas (the phone keyboard opens: its DOM input takes focus) and
// types into it with real key presses.
export async function typeInto(page, field, text) {
  await tap(page, field);
  await expect(field).toBeFocused();
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

// Leaves the focused field (as a tap elsewhere does), and lets the app draw the result.
export async function leaveField(page) {
  await page.evaluate(() => document.activeElement && /** @type {HTMLElement} */ (document.activeElement).blur());
  await settle(page);
}

// The phone's pixel density.  The phone's tests run at 1 where density does not matter
// (playwright.config.mjs): Chromium's software GL then draws a ninth of the pixels, and those
// pixels were most of what the browser tests cost (issue 26: a walk through the questions took
// 21 s of processor time at 3, 9 s at 1).  What a person sees is still looked at at 3: every
// phone screenshot is taken at 3 (shot), and the tests about density itself run at 3 throughout
// (test.use(atPhoneDensity)).
export const PHONE_DENSITY = 3;
/** @type {any} a fixture override: the phone at its real density, the kiosk as it is */
export const atPhoneDensity = {
  // Playwright reads a fixture's needs from its first parameter: none here, hence {}.
  // eslint-disable-next-line no-empty-pattern
  deviceScaleFactor: async ({}, use, testInfo) =>
    use(testInfo.project.name === 'phone' ? PHONE_DENSITY : testInfo.project.use.deviceScaleFactor),
};

// One DevTools session per page, kept open for the page's life: closing it would take the
// page's emulated screen with it.
/** @type {WeakMap<import('@playwright/test').Page, import('@playwright/test').CDPSession>} */
const devtoolsOf = new WeakMap();
async function devtools(page) {
  if (!devtoolsOf.has(page)) devtoolsOf.set(page, await page.context().newCDPSession(page));
  return /** @type {import('@playwright/test').CDPSession} */ (devtoolsOf.get(page));
}

// Moves the page to a screen of another pixel density, as a window dragged from a laptop's
// screen to a monitor: the size stays, no resize event fires, and the app follows the density's
// media query (web/lib_platform.js watchDensity).  Waits until the app has drawn at it.
export async function setDensity(page, density, { mobile = true } = {}) {
  const cdp = await devtools(page);
  const size = page.viewportSize();
  if (!size) throw new Error('setDensity: the page has no emulated size');
  const screen = await page.evaluate(() => ({ width: window.screen.width, height: window.screen.height,
    angle: window.screen.orientation.angle, type: window.screen.orientation.type }));
  await cdp.send('Emulation.setDeviceMetricsOverride', { mobile, width: size.width, height: size.height,
    screenWidth: screen.width, screenHeight: screen.height, deviceScaleFactor: density,
    // The Screen Orientation API's portrait-primary is DevTools' portraitPrimary.
    screenOrientation: { angle: screen.angle, type: /** @type {any} */ (screen.type.replace(/-(\w)/, (_, c) => c.toUpperCase())) } });
  // An idle page looks at its media queries again only when it next paints: a one-pixel
  // capture makes it paint.
  await cdp.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width: 1, height: 1, scale: 1 } });
  await page.waitForFunction((d) => {
    if (devicePixelRatio !== d) return false;
    if (document.documentElement.dataset.app !== 'ready') return true;  // the plain page: no canvas drawn
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas'));
    const css = canvas.getBoundingClientRect().width;
    return css === 0 || canvas.width === Math.round(css * d);  // 0: hidden (the print view)
  }, density);
  await settle(page);
}

// A screenshot, at the phone's real density on the phone (the page goes to 3 for the picture and
// back).  drawn: the caller has already waited for the frame it shows (needed while the page's
// clock is paused, when no animation frame or timer runs for settle to wait on; the picture is
// then taken at the density the test runs at).
export async function shot(page, name, testInfo, { drawn = false } = {}) {
  const dir = path.join(screenshotDir, testInfo.project.name);
  const file = path.join(dir, `${name}.png`);
  mkdirSync(dir, { recursive: true });
  if (!drawn) await settle(page);
  const density = await page.evaluate(() => devicePixelRatio);
  if (drawn || testInfo.project.name !== 'phone' || density === PHONE_DENSITY) {
    await page.screenshot({ path: file });
    return;
  }
  const mobile = Boolean(testInfo.project.use.isMobile);
  await setDensity(page, PHONE_DENSITY, { mobile });
  const { data } = await (await devtools(page)).send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(file, Buffer.from(data, 'base64'));
  await setDensity(page, density, { mobile });
}

// A saved copy of plans loaded through Your data › Load a copy, as a person picks the file; waits
// until the store says it is saved.
export async function importFile(page, text, name = 'plans.json', base = undefined) {
  const strings = readContent('en-GB/strings.json').strings;
  await openApp(page, '#/your-data', base);
  const chooser = page.waitForEvent('filechooser');
  await tap(page, byRole(page, 'button', strings['data.import']));
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(mirror(page).getByText(strings['plans.import.done'])).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
}

// The largest plan the app accepts, as tests/e2e/largest_plan.cpp writes it (an export file).
export function largestPlan() {
  return readFileSync(path.join(process.env.CPA_BUILD_DIR || path.join(repoRoot, 'build'), 'largest-plan.json'), 'utf8');
}

// ---- what real phones do to the page while a person uses it (phone-behaviour.spec.mjs) ----

// The app has drawn at the page's present size: the canvas holds that many device pixels, and
// the mirror's top-bar area (which spans the whole canvas) has that size.
export async function drawnAtSize(page) {
  await page.waitForFunction(() => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas'));
    const box = canvas.getBoundingClientRect();
    const area = document.querySelector('#cpa-a11y header .cpa-region');
    if (!area) return false;
    const r = area.getBoundingClientRect();
    return canvas.width === Math.round(box.width * devicePixelRatio) &&
      canvas.height === Math.round(box.height * devicePixelRatio) &&
      Math.abs(r.bottom - box.bottom) < 1 && Math.abs(r.right - box.right) < 1;
  }, null, { polling: 'raf' });
  await settle(page);
}

// Chrome on Android: index.html asks for interactive-widget=resizes-content, so the keyboard
// opening shrinks the layout viewport (the page) to what is left above it, and closing it gives
// the page its full height back.  Modelled by resizing the page while a field has focus.
const fullSizes = new WeakMap();
export const androidKeyboard = {
  name: 'Android',
  async open(page, height = 500) {
    if (!fullSizes.has(page)) fullSizes.set(page, page.viewportSize());
    await page.setViewportSize({ width: fullSizes.get(page).width, height });
    await drawnAtSize(page);
  },
  async close(page) {
    const full = fullSizes.get(page);
    if (!full) return;
    fullSizes.delete(page);
    await page.setViewportSize(full);
    await drawnAtSize(page);
  },
};

// The element with focus, once the app has scrolled it into sight: inside its scrolling area
// (so below the top bar, never under it) and inside what the screen shows (the visual
// viewport: above an iPhone's keyboard).  Waits for it; fails with the rectangles if it never is.
export async function focusedInSight(page) {
  const inSight = (answer) => {
    const el = document.activeElement;
    const region = el && el.closest && el.closest('.cpa-region');
    if (!region) return answer ? false : `focus is on ${el ? el.tagName : 'nothing'}, not in the mirror`;
    const box = el.getBoundingClientRect(), area = region.getBoundingClientRect();
    const vv = window.visualViewport || { offsetTop: 0, height: innerHeight };
    const top = Math.max(area.top, vv.offsetTop), bottom = Math.min(area.bottom, vv.offsetTop + vv.height);
    if (answer) return box.top >= top - 0.5 && box.bottom <= bottom + 0.5 && region.scrollTop === 0;
    return `${el.tagName} "${el.getAttribute('aria-label') || el.textContent}" at ${box.top}..${box.bottom}, ` +
      `in sight ${top}..${bottom}, its area scrolled ${region.scrollTop} px`;
  };
  try {
    await page.waitForFunction(inSight, true, { polling: 'raf', timeout: 10_000 });
  } catch (e) {
    throw new Error(`the focused element is not in sight: ${await page.evaluate(inSight, false)}`);
  }
}

// The app's Emscripten module, as window.__cpaCore, for tests that force a fault through the page
// (an exported function called with a bad pointer, memory asked past its limit).  The app has no
// such control: the test wraps the module factory as cpa.js defines it.  Call before the page loads.
export async function exposeCore(page) {
  await page.addInitScript(() => {
    let factory = null;
    Object.defineProperty(window, 'createCpaModule', {
      configurable: true,
      get() { return factory && ((options) => { window.__cpaCore = options; return factory(options); }); },
      set(value) { factory = value; },
    });
  });
}

// A past release's store (tests/vectors/store/<name>.json), as that release left it in IndexedDB.
export function storeVector(name) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors/store', `${name}.json`), 'utf8'));
}
export const storeVectorNames = readdirSync(path.join(repoRoot, 'tests/vectors/store'))
  .filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

// Writes records into the app's database as a release left them, before the app opens it: from a
// page of the site that is not the app (its icon), so nothing of the app runs while it is written.
export async function seedStore(page, records, base = undefined) {
  // The icon shown as a page has no icon of its own, so the browser asks for /favicon.ico, which
  // the site does not have (the app's page names icon.svg): that 404 is the test's, not the app's.
  await page.route(/\/favicon\.ico$/, (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto(base ? new URL('icon.svg', base).href : '/icon.svg');
  await page.evaluate((values) => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      for (const [key, value] of Object.entries(values)) tx.objectStore('records').put(value, key);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }), records);
}
