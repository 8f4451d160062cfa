// @ts-check
// The passphrase lock, the fallback record and large plans, in real Chromium with real
// IndexedDB and WebCrypto: what is stored is unreadable without the passphrase, the app and
// the plain page both stay useful while locked, a killed browser mid-change loses nothing, a
// damaged fallback record is never shown, and the largest plan the app accepts goes through.
import { test, expect, openApp, settle, byRole, mirror, tap, shot, readContent, repoRoot, importFile, largestPlan } from './support.mjs';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test.describe.configure({ timeout: 180_000 });

const strings = { ...readContent('en-GB/strings.json').strings, ...readContent('en-GB/strings-lock.json').strings };
const plans = readContent('en-GB/plans.json');
const crisisLines = readContent('en-GB/crisis_lines.json');
const PASSPHRASE = 'purple kettle morning';
const SECRETS = ['Zebedee Quill', 'Secret marker 7731', '7700 900123', 'Aunt Jo'];

function planFile() {
  return JSON.stringify({
    format: 'cpa-companion-records', schema_version: 1, saved_at: '2026-11-20T08:00:00Z',
    records: {
      care_plan: { coordinator: { name: 'Zebedee Quill', phone: '07700 900123' } },
      crisis_plan: { warning_signs: ['Secret marker 7731'], people: [{ name: 'Aunt Jo', phone: '020 7946 0000' }] },
    },
  });
}

async function waitSaved(page) {
  await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
}

const passwordBox = (page, name) => mirror(page).locator(`input[type="password"][aria-label="${name}"]`);

async function typePassword(page, name, text) {
  const box = passwordBox(page, name);
  await tap(page, box);
  await expect(box).toBeFocused();
  await page.keyboard.type(text, { delay: 2 });
  await page.evaluate(() => document.activeElement && /** @type {HTMLElement} */ (document.activeElement).blur());
  await settle(page);
}

async function setPassphrase(page, passphrase, { minutes = 5 } = {}) {
  await openApp(page, '#/lock');
  await typePassword(page, strings['plans.lock.new_label'], passphrase);
  await typePassword(page, strings['plans.lock.repeat_label'], passphrase);
  await tap(page, byRole(page, 'radio', new RegExp('^' + strings['plans.lock.minutes'].replace('{minutes}', String(minutes)))));
  await tap(page, byRole(page, 'button', strings['plans.lock.set_button']));
}

async function unlock(page, passphrase) {
  await typePassword(page, strings['plans.lock.unlock_label'], passphrase);
  await tap(page, byRole(page, 'button', strings['plans.lock.unlock_button']));
}

// Every value in the records store, as the page's IndexedDB API returns it.
async function storedValues(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readonly');
      const all = tx.objectStore('records').getAll();
      const keys = tx.objectStore('records').getAllKeys();
      tx.oncomplete = () => { open.result.close(); resolve({ keys: keys.result, text: JSON.stringify(all.result) }); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

async function coordinatorName(page, base = undefined) {
  await openApp(page, '#/plan-section/care_plan.coordinator', base);
  return byRole(page, 'textbox', plans.fields['care_plan.coordinator.name'].label);
}

test('with a passphrase set, nothing stored can be read without it; wrong is refused, right opens', async ({ page }, testInfo) => {
  await importFile(page, planFile());
  await setPassphrase(page, PASSPHRASE, { minutes: 5 });
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  await shot(page, 'lock-set', testInfo);
  const stored = await storedValues(page);
  expect(stored.keys).toEqual(expect.arrayContaining(['current', 'previous', 'fallback']));
  expect(stored.keys).not.toContain('fallback_previous');
  for (const secret of SECRETS) expect(stored.text, `"${secret}" stored readable`).not.toContain(secret);
  expect(stored.text).toContain('cpa-companion-locked');

  // An edit while unlocked is stored encrypted too.
  await expect(await coordinatorName(page)).toHaveValue('Zebedee Quill');

  await page.reload();
  await openApp(page, '#/help-now');
  // Help now works locked: every national line, and the person's own contacts wait.
  for (const line of crisisLines.lines) {
    if (line.nation && line.nation !== 'uk') continue;
    await expect(mirror(page).locator(`a[href^="${line.action === 'text' ? 'sms' : 'tel'}:"]`).first()).toBeAttached();
  }
  await expect(byRole(page, 'heading', strings['plans.lock.help_now_locked'])).toBeVisible();
  await expect(mirror(page).getByText('Aunt Jo')).toHaveCount(0);
  await shot(page, 'lock-help-now-locked', testInfo);

  await openApp(page, '#/care-plan');
  await expect(byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 })).toBeVisible();
  await unlock(page, 'not my passphrase');
  await expect(mirror(page).getByText(strings['plans.lock.error_wrong'])).toBeVisible({ timeout: 30_000 });
  await shot(page, 'lock-wrong', testInfo);
  await unlock(page, PASSPHRASE);
  await expect(byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 })).toHaveCount(0, { timeout: 30_000 });
  await expect(await coordinatorName(page)).toHaveValue('Zebedee Quill');

  // Lock now: the plans leave the screen at once.
  await openApp(page, '#/lock');
  await tap(page, byRole(page, 'button', strings['plans.lock.lock_now']));
  await expect(byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 })).toBeVisible();
  await expect(mirror(page).locator('input[type="text"], textarea')).toHaveCount(0);
});

// A password manager sees a form with a new password in it (and may offer to save it); the
// keyboard's Enter in any of its boxes presses the form's button, as on any web form.
test('the new passphrase is a new password inside a form, and Enter sets it; Enter unlocks', async ({ page }) => {
  await importFile(page, planFile());
  await openApp(page, '#/lock');
  const fresh = passwordBox(page, strings['plans.lock.new_label']);
  const repeat = passwordBox(page, strings['plans.lock.repeat_label']);
  await expect(fresh).toHaveAttribute('autocomplete', 'new-password');
  await expect(repeat).toHaveAttribute('autocomplete', 'new-password');
  // (A filter's inner locator is looked for inside the form: the box alone, not from #cpa-a11y.)
  const inForm = (name) => page.locator(`input[type="password"][aria-label="${name}"]`);
  const form = mirror(page).locator('form').filter({ has: inForm(strings['plans.lock.new_label']) });
  await expect(form).toHaveCount(1);
  await expect(form.locator('input[type="password"]')).toHaveCount(2);
  await expect(form.locator('button[type="submit"]')).toHaveText(strings['plans.lock.set_button']);
  await expect(mirror(page).locator('button[type="submit"]')).toHaveCount(1);
  await fresh.focus();
  await page.keyboard.type(PASSPHRASE, { delay: 2 });
  await repeat.focus();
  await page.keyboard.type(PASSPHRASE, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  // Locked again: the passphrase the person has is a current password, and Enter unlocks.
  await page.reload();
  await openApp(page, '#/care-plan');
  const box = passwordBox(page, strings['plans.lock.unlock_label']);
  await expect(box).toHaveAttribute('autocomplete', 'current-password');
  await expect(mirror(page).locator('form').filter({ has: inForm(strings['plans.lock.unlock_label']) }).locator('button[type="submit"]'))
    .toHaveText(strings['plans.lock.unlock_button']);
  await box.focus();
  await page.keyboard.type(PASSPHRASE, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 })).toHaveCount(0, { timeout: 30_000 });
});

// With the plans open and a two-minute lock: still open a minute later, locked just after two.
async function openForTwoMinutesThenLocked(page) {
  await page.clock.fastForward(60_000);
  await settle(page);
  await expect(byRole(page, 'textbox', plans.fields['care_plan.coordinator.name'].label)).toBeVisible();
  await page.clock.fastForward(61_000);
  await settle(page);
  await expect(byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 })).toBeVisible();
}

test('it locks again after the chosen time without use', async ({ page }) => {
  await page.clock.install();
  await importFile(page, planFile());
  await setPassphrase(page, PASSPHRASE, { minutes: 2 });
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  await expect(await coordinatorName(page)).toHaveValue('Zebedee Quill');
  await openForTwoMinutesThenLocked(page);
  await expect(mirror(page).getByText(strings['plans.lock.locked_idle'])).toBeVisible();
  await expect(mirror(page).locator('input[type="text"]')).toHaveCount(0);
  // Opened again, the idle time starts from the unlocking (typing the passphrase is use): the
  // plans stay open, and lock again only after the full time without use.
  await unlock(page, PASSPHRASE);
  await expect(await coordinatorName(page)).toHaveValue('Zebedee Quill', { timeout: 30_000 });
  await openForTwoMinutesThenLocked(page);
});

test.describe('the plain page', () => {
  test.use({ serviceWorkers: 'block' });

  test('locked, it shows the national lines only; unlocked, a damaged fallback record is never shown', async ({ page, context, guard }, testInfo) => {
    guard.consoleErrors.push(/Failed to load resource: net::ERR_FAILED/);
    await importFile(page, planFile());
    // One more save, so a good previous fallback record exists.
    await openApp(page, '#/plan-section/care_plan.coordinator');
    await tap(page, byRole(page, 'textbox', plans.fields['care_plan.coordinator.role'].label));
    await page.keyboard.type('Nurse');
    await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
    await waitSaved(page);

    // Damage the latest fallback record: a digit of Aunt Jo's number changed.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('cpa-companion');
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readwrite');
        const store = tx.objectStore('records');
        const get = store.get('fallback');
        get.onsuccess = () => store.put(get.result.replace('+442079460000', '+442079460009'), 'fallback');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
    const personal = page.locator('#fallback-personal');
    await expect(personal.locator('a[href="tel:+442079460000"]')).toContainText('Aunt Jo');  // the previous good one
    await expect(personal.locator('a[href="tel:+442079460009"]')).toHaveCount(0);
    // The checksum here is the core's: the same vectors, worked out by the page.
    const vectors = JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors/fnv1a64.json'), 'utf8')).vectors;
    const got = await page.evaluate((texts) => texts.map((t) => window.cpaFallback.fnv1a64(t)), vectors.map((v) => v.text));
    expect(got).toEqual(vectors.map((v) => v.fnv1a64));

    // Locked: nothing of the person's shows, the national numbers do.  (A second page: the
    // first one's blocked WebAssembly stays blocked.)
    const app = await context.newPage();
    await setPassphrase(app, PASSPHRASE);
    await expect(mirror(app).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
    await waitSaved(app);
    await app.close();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
    await expect(page.locator('#fallback a[href="tel:116123"]')).toBeVisible();
    await expect(personal).toBeHidden();
    await expect(page.getByText('Aunt Jo')).toHaveCount(0);
    await shot(page, 'lock-fallback-locked', testInfo);
  });
});

// Chromium in its own process group, so it can be killed the way a crash or a flat battery would.
// Every one started is killed after its test, whatever happened in it.
const started = new Set();
test.afterEach(async () => {
  for (const chrome of started) await chrome.kill();
  started.clear();
});

function browserProcess(dir) {
  const proc = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', `--user-data-dir=${dir}`,
    '--remote-debugging-port=0', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  // Chromium prints its DevTools address when it is ready: wait for that line, not for a time.
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    proc.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) resolve(m[1]);
    });
    proc.once('exit', () => reject(new Error('chromium exited: ' + seen.slice(-300))));
  });
  const chrome = {
    proc,
    connect: async () => chromium.connectOverCDP(await ready),
    kill: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      process.kill(-proc.pid, 'SIGKILL');
      await exited;
    },
  };
  started.add(chrome);
  return chrome;
}

async function phonePage(browser) {
  const page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

// Every file of the profile's IndexedDB, as bytes, searched for text in the encodings V8 uses.
function diskHolds(dir, text) {
  const needles = [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le')];
  const walk = (d) => readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  const root = path.join(dir, 'Default', 'IndexedDB');
  return walk(root).some((file) => { const bytes = readFileSync(file); return needles.some((n) => bytes.includes(n)); });
}

// Keeps the lock change's write transaction open (reading on and on) once the app has issued
// its writes, and says so with data-held: the browser is then killed inside the transaction.
function holdTheWrite() {
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (/** @type {Parameters<IDBDatabase['transaction']>} */ ...args) {
    const tx = transaction.apply(this, args);
    if (args[1] === 'readwrite' && document.documentElement.dataset.lock === 'writing') {
      const store = tx.objectStore('records');
      let reads = 0;
      const spin = () => {
        store.get('current').onsuccess = () => {
          // The app's own read answered first, and its writes were issued in that answer.
          if (++reads === 3) document.documentElement.dataset.held = 'writing';
          spin();
        };
      };
      spin();
    }
    return tx;
  };
}

// Starts watching <html> for the attribute value (a MutationObserver: nothing is missed between
// polls, however briefly it lasts); await the result with seenAttribute.
function watchAttribute(page, name, value) {
  return page.evaluate(([n, v]) => {
    const html = document.documentElement;
    window.cpaSeen = new Promise((resolve) => {
      const seen = new MutationObserver(() => { if (html.getAttribute(n) === v) { seen.disconnect(); resolve(); } });
      seen.observe(html, { attributes: true, attributeFilter: [n] });
    });
  }, [name, value]);
}
const seenAttribute = (page) => page.evaluate(() => window.cpaSeen);

// Kills the browser the moment the page says the change has reached this stage (data-lock).
async function killMidChange(baseURL, stage) {
  {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpa-lock-'));
    let chrome = browserProcess(dir);
    let page = await phonePage(await chrome.connect());
    await importFile(page, planFile(), 'plans.json', baseURL);
    await openApp(page, '#/lock', baseURL);
    await typePassword(page, strings['plans.lock.new_label'], PASSPHRASE);
    await typePassword(page, strings['plans.lock.repeat_label'], PASSPHRASE);
    if (stage === 'writing') {
      // The transaction with every re-encrypted copy is open, its writes issued, not committed.
      await page.evaluate(holdTheWrite);
      await watchAttribute(page, 'data-held', 'writing');
    } else {
      // Deriving the new key (PBKDF2, 600,000 rounds): nothing written yet.
      await watchAttribute(page, 'data-lock', 'deriving');
    }
    await tap(page, byRole(page, 'button', strings['plans.lock.set_button']));
    await seenAttribute(page);
    await chrome.kill();

    chrome = browserProcess(dir);
    page = await phonePage(await chrome.connect());
    await openApp(page, '#/plan-section/care_plan.coordinator', baseURL);
    const locked = await byRole(page, 'heading', strings['plans.lock.locked_title'], { level: 1 }).count();
    if (locked) await unlock(page, PASSPHRASE);
    await expect(byRole(page, 'textbox', plans.fields['care_plan.coordinator.name'].label)).toHaveValue('Zebedee Quill', { timeout: 30_000 });
    await chrome.kill();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

test('killing the browser while a passphrase is being set (deriving) loses nothing', ({ baseURL }) => killMidChange(baseURL, 'deriving'));
test('killing the browser while a passphrase is being set (writing) loses nothing', ({ baseURL }) => killMidChange(baseURL, 'writing'));

test('text typed after a passphrase is set never reaches the disk readable', async ({ baseURL }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpa-lock-'));
  const chrome = browserProcess(dir);
  const browser = await chrome.connect();
  const page = await phonePage(browser);
  await openApp(page, '#/lock', baseURL);
  await typePassword(page, strings['plans.lock.new_label'], PASSPHRASE);
  await typePassword(page, strings['plans.lock.repeat_label'], PASSPHRASE);
  await tap(page, byRole(page, 'button', strings['plans.lock.set_button']));
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  const box = await coordinatorName(page, baseURL);
  await tap(page, box);
  await page.keyboard.type('Quokka Marmalade Xylophone');
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
  await waitSaved(page);
  await browser.close();  // Chromium writes its IndexedDB files out as it closes
  await chrome.kill();
  expect(diskHolds(dir, 'Quokka Marmalade')).toBe(false);
  expect(diskHolds(dir, 'cpa-companion-locked')).toBe(true);  // the search does find what is there
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

// Known to fail in Chromium, and kept so that it says when that changes: the records database is
// deleted and made again when a passphrase is first set (web/store.mjs, rewrite), but Chromium
// keeps every database of a site in one LevelDB, where a deleted record stays in the files until
// Chromium compacts them in its own time; no page can make it.  README.md ("What a browser may
// still keep") says so.  What any page can read is tested above: nothing plain.
test('setting a passphrase leaves no plain copy of what was typed before it in the browser\'s files', async ({ baseURL }) => {
  test.fail(true, 'Chromium keeps deleted records in its LevelDB files until it compacts them');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpa-lock-'));
  const chrome = browserProcess(dir);
  const browser = await chrome.connect();
  const page = await phonePage(browser);
  const box = await coordinatorName(page, baseURL);
  await tap(page, box);
  await page.keyboard.type('Wombat Plaintext Before');
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
  await waitSaved(page);
  await tap(page, box);
  await page.keyboard.type(' and more');  // a second save: the first becomes the previous copy
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
  await waitSaved(page);
  await openApp(page, '#/lock', baseURL);
  await typePassword(page, strings['plans.lock.new_label'], PASSPHRASE);
  await typePassword(page, strings['plans.lock.repeat_label'], PASSPHRASE);
  await tap(page, byRole(page, 'button', strings['plans.lock.set_button']));
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  await browser.close();  // Chromium writes its IndexedDB files out as it closes
  await chrome.kill();
  expect(diskHolds(dir, 'Wombat Plaintext')).toBe(false);
  expect(diskHolds(dir, 'cpa-companion-locked')).toBe(true);  // the search does find what is there
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('the largest plan the app accepts: imported, saved twice, and read back after a reload', async ({ page }) => {
  const largest = largestPlan();
  expect(largest.length).toBeGreaterThan(500_000);
  await importFile(page, largest, 'largest.json');
  await openApp(page, '#/plan-section/care_plan.coordinator');
  const role = byRole(page, 'textbox', plans.fields['care_plan.coordinator.role'].label);
  await expect(role).toHaveValue(/^"+$/);
  // A second near-limit copy: the store now holds two, and both reach the core at start.
  await tap(page, byRole(page, 'textbox', plans.fields['care_plan.coordinator.name'].label));
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
  await waitSaved(page);
  const stored = await storedValues(page);
  expect(stored.text.length).toBeGreaterThan(1_000_000);
  await page.reload();
  await openApp(page, '#/plan-section/care_plan.coordinator');
  await expect(byRole(page, 'textbox', plans.fields['care_plan.coordinator.role'].label)).toHaveValue(/^"+$/);
});
