// @ts-check
// Firefox ESR and WebKitGTK (the engine of every iPhone browser), both from Debian, each on an
// X display of its own (Xvfb): headless Firefox refuses WebGL2, and WebKitGTK's MiniBrowser has
// no headless mode.  Each engine gives "profiles": a page in a browser profile of its own, with
// the few things the journeys do to it (go, run a script, press keys, type, take a screenshot).
// A profile is a phone's screen: 390 x 844 CSS pixels at 3 device pixels to one.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';

export const PHONE = { width: 390, height: 844, scale: 3 };
const FIREFOX = '/usr/bin/firefox-esr';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';  // from libwebkit2gtk-4.1-0

// Every process started here goes when this one does, however it ends (a failed run must not
// leave an X server or a driver behind on a shared machine).
const children = new Set();
process.on('exit', () => { for (const child of children) child.kill(); });
export function own(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

// An X server on a free display number (Xvfb picks it and writes it to fd 3).
function startXvfb(width, height) {
  return new Promise((resolve, reject) => {
    const x = own(spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
    let out = '', err = '';
    x.stderr.on('data', (d) => { err += d; });
    x.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ display: ':' + out.trim(), stop: () => x.kill() });
    });
    x.on('exit', (code) => reject(new Error(`Xvfb stopped (${code}): ${err.slice(-500)}`)));
  });
}

// ---- Firefox: puppeteer-core over WebDriver BiDi ----

// Keys as WebDriver names them, for both engines.
const SELENIUM_KEYS = { Enter: Key.ENTER, Tab: Key.TAB, Escape: Key.ESCAPE, End: Key.END, Home: Key.HOME,
  PageDown: Key.PAGE_DOWN, PageUp: Key.PAGE_UP, Space: Key.SPACE, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP };

function firefoxProfile(page, { onClose = async () => {} } = {}) {
  const logged = [];
  page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') logged.push(`console error: ${m.text()}`); });
  return {
    logged,
    goto: (url) => page.goto(url, { waitUntil: 'load', timeout: 120_000 }),
    reload: () => page.reload({ waitUntil: 'load', timeout: 120_000 }),
    run: (expression) => page.evaluate(expression),
    press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
    type: (text) => page.keyboard.type(text),
    // The page's size in CSS pixels (a phone's keyboard opening shrinks it).
    resize: (width, height) => page.setViewport({ width, height, deviceScaleFactor: PHONE.scale }),
    screenshot: (file) => page.screenshot({ path: file }),
    close: onClose,
  };
}

export async function launchFirefox() {
  const x = await startXvfb(1280, 1024);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: false,
    env: { ...process.env, DISPLAY: x.display }, protocolTimeout: 180_000,
    // Nothing leaves the machine: no updates, no telemetry, no first-run pages.
    extraPrefsFirefox: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false, 'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false } });
  // Without a window manager Firefox's window is never made active, so no focus event reaches
  // a page (the mirror's fields and buttons listen for focusin) and Enter on a focused button
  // does not click it: one X click on the page area (blank: nothing is loaded yet) makes it
  // active.  (A click on the tab strip, or xdotool windowfocus, does not.)
  const env = { ...process.env, DISPLAY: x.display };
  const windows = execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--class', 'firefox'], { env })
    .toString().trim().split('\n');
  const page = (await browser.pages())[0];
  for (let i = 0; i < 50 && !(await page.evaluate(() => document.hasFocus())); i++) {
    execFileSync('xdotool', ['mousemove', '--window', windows[0], '200', '300', 'click', '1'], { env });
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await page.evaluate(() => document.hasFocus()))) throw new Error('Firefox\'s window never took the focus');
  await page.setViewport({ width: PHONE.width, height: PHONE.height, deviceScaleFactor: PHONE.scale });
  return {
    name: 'firefox',
    version: await browser.version(),
    main: firefoxProfile(page),
    // A browser profile that has never seen the site (a BiDi user context: its own storage).
    // noScript: every script the page asks for is refused, so the page is as it arrives.
    async fresh({ noScript = false } = {}) {
      const context = await browser.createBrowserContext();
      const fresh = await context.newPage();
      await fresh.setViewport({ width: PHONE.width, height: PHONE.height, deviceScaleFactor: PHONE.scale });
      if (noScript) {
        await fresh.setRequestInterception(true);
        fresh.on('request', (r) => (new URL(r.url()).pathname.endsWith('.js') ? r.abort() : r.continue()));
      }
      return firefoxProfile(fresh, { onClose: () => context.close() });
    },
    async close() { await browser.close().catch(() => {}); x.stop(); },
  };
}

// ---- WebKitGTK: selenium-webdriver against WebKitWebDriver, driving MiniBrowser ----

// A GTK style sheet that shrinks MiniBrowser's toolbar: without it the window cannot be made
// narrower than about 447 px, and a phone is 390.
const TOOLBAR_CSS = `toolbar, toolbar *, headerbar, headerbar *, entry, button, box {
  min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n`;

// On a free port: a few tries at random ones (another run on this machine may hold one).
async function startWebKitDriver(display, config) {
  let error;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await startWebKitDriverOn(20000 + Math.floor(Math.random() * 20000), display, config);
    } catch (e) { error = e; }
  }
  throw error;
}

async function startWebKitDriverOn(port, display, config) {
  const driver = own(spawn('WebKitWebDriver', [`--port=${port}`], {
    // GDK_SCALE=3: devicePixelRatio 3, as on an iPhone.
    env: { ...process.env, DISPLAY: display, GDK_SCALE: String(PHONE.scale), XDG_CONFIG_HOME: config },
    stdio: ['ignore', 'ignore', 'pipe'],
  }));
  let err = '';
  driver.stderr.on('data', (d) => { err += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {  // until it answers (a few hundred ms; generous on a loaded machine)
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, stop: () => driver.kill() };
    } catch { /* not listening yet */ }
    if (driver.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill();
  throw new Error(`WebKitWebDriver did not start: ${err.slice(-500)}`);
}

// One WebKitWebDriver serves one session at a time: each profile has its own.
async function webkitProfile(display, config, args) {
  const server = await startWebKitDriver(display, config);
  const driver = await new Builder().usingServer(server.url).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...args] },
  }).build();
  await driver.manage().setTimeouts({ script: 120_000, pageLoad: 120_000 });
  // The window holds the toolbar and the page: size it so the page is the phone's screen.
  await driver.manage().window().setRect({ width: PHONE.width, height: PHONE.height });
  const inner = await driver.executeScript('return window.innerHeight');
  const toolbar = PHONE.height - inner;
  await driver.manage().window().setRect({ width: PHONE.width, height: PHONE.height + toolbar });
  const keys = (key) => SELENIUM_KEYS[key] || key;
  return {
    logged: [],  // WebKitWebDriver has no console log: the journeys listen from inside the page
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    run: (expression) => driver.executeScript(`return ${expression}`),
    press: (key) => driver.actions().keyDown(keys(key)).keyUp(keys(key)).perform(),
    type: (text) => driver.actions().sendKeys(text).perform(),
    // The page's size in CSS pixels: the window, with the toolbar above the page.
    resize: (width, height) => driver.manage().window().setRect({ width, height: height + toolbar }),
    screenshot: async (file) => writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')),
    async close() {
      await driver.quit().catch(() => {});
      server.stop();
    },
  };
}

export async function launchWebKit() {
  const x = await startXvfb(PHONE.width * PHONE.scale + 60, (PHONE.height + 60) * PHONE.scale);
  const config = mkdtempSync(path.join(os.tmpdir(), 'cpa-webkit-'));
  mkdirSync(path.join(config, 'gtk-3.0'));
  writeFileSync(path.join(config, 'gtk-3.0', 'gtk.css'), TOOLBAR_CSS);
  const version = execFileSync(MINIBROWSER, ['--version'], { env: { ...process.env, DISPLAY: x.display } }).toString().trim();
  // Each session is a new MiniBrowser, and in automation mode its storage lives only as long as
  // it does: so a new session is a profile that has never seen the site.
  const open = [];
  const profile = async (args = []) => {
    const p = await webkitProfile(x.display, config, args);
    open.push(p);
    return p;
  };
  return {
    name: 'webkit',
    version,
    main: await profile(),
    // noScript: MiniBrowser with JavaScript off (the driver's own scripts still run).
    fresh: ({ noScript = false } = {}) => profile(noScript ? ['--enable-javascript=false'] : []),
    async close() {
      for (const p of open) await p.close();
      x.stop();
      rmSync(config, { recursive: true, force: true });
    },
  };
}

// ---- Chromium (Playwright), for what only the app can make: a compressed share link ----

export async function launchChromium() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: PHONE.scale, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const logged = [];
  page.on('pageerror', (e) => logged.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') logged.push(`console error: ${m.text()}`); });
  page.setDefaultTimeout(120_000);
  return {
    name: 'chromium',
    main: {
      logged,
      goto: (url) => page.goto(url),
      reload: () => page.reload(),
      run: (expression) => page.evaluate(expression),
      press: (key) => page.keyboard.press(key),
      type: (text) => page.keyboard.type(text),
      screenshot: (file) => page.screenshot({ path: file }),
      // The file a person picks in the chooser that act() opens.
      async chooseFile(act, name, text) {
        const chooser = page.waitForEvent('filechooser');
        await act();
        await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      },
    },
    close: () => browser.close(),
  };
}
