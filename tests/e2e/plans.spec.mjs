// @ts-check
// My care plan and My crisis plan, as a person uses them: typing through the phone keyboard's
// text agent, and everything still there after a reload, a closed tab, a killed browser, a
// damaged store, a broken import file, and in a second tab.
import { test, expect, openApp, settle, byRole, mirror, tap, typeInto, leaveField, reveal, shot, readContent } from './support.mjs';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';

// Filling in forms by tapping and typing on a 3x phone drawn in software GL is slow on a
// loaded 2-core machine: these walks get more than the default minute.
test.describe.configure({ timeout: 150_000 });

const plans = readContent('en-GB/plans.json');
const strings = { ...readContent('en-GB/strings.json').strings, ...readContent('en-GB/strings-store.json').strings };
const fill = (key, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), strings[key]);
const section = (id) => plans.sections[id].title;
const label = (id) => plans.fields[id].label;
const itemLabel = (id, n) => fill('plans.ui.item_label', { label: label(id), n: String(n) });
const sub = (key) => plans.items[key].label;

async function openSection(page, planRoute, sectionId, base = undefined) {
  await openApp(page, `#/${planRoute}`, base);
  await tap(page, byRole(page, 'button', section(sectionId)));
  await expect(byRole(page, 'heading', section(sectionId), { level: 1 })).toBeVisible();
}

async function fillCarePlan(page) {
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.name')), 'Sam Okafor');
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.phone')), '07700 900123');
  await leaveField(page);
}

async function fillCrisisPlan(page) {
  await openSection(page, 'crisis-plan', 'crisis_plan.warning_signs');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.warning_signs'].add));
  await typeInto(page, byRole(page, 'textbox', itemLabel('crisis_plan.warning_signs', 1)), 'I stop answering my phone');
  await leaveField(page);
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  await typeInto(page, byRole(page, 'textbox', sub('contact.name')).first(), 'Aunt Jo');
  await typeInto(page, byRole(page, 'textbox', sub('contact.phone')).first(), '020 7946 0000');
  await leaveField(page);
}

async function expectFilledIn(page) {
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Sam Okafor');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.phone'))).toHaveValue('07700 900123');
  await openSection(page, 'crisis-plan', 'crisis_plan.warning_signs');
  await expect(byRole(page, 'textbox', itemLabel('crisis_plan.warning_signs', 1))).toHaveValue('I stop answering my phone');
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await expect(byRole(page, 'textbox', sub('contact.name')).first()).toHaveValue('Aunt Jo');
}

async function waitSaved(page) {
  // Saving is debounced (within a second) and confirmed by IndexedDB's transaction; the page
  // says when every save asked for is durable.
  await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
}

test('both plans, typed in, are there after a reload, and Help now shows my people', async ({ page }, testInfo) => {
  await fillCarePlan(page);
  await shot(page, 'care-plan-coordinator', testInfo);
  await fillCrisisPlan(page);
  await shot(page, 'crisis-plan-people', testInfo);
  await waitSaved(page);
  await page.reload();
  await expectFilledIn(page);
  await openApp(page, '#/help-now');
  const call = byRole(page, 'link', fill('help_now.call_person', { name: 'Aunt Jo', number: '020 7946 0000' }));
  await expect(call).toHaveAttribute('href', 'tel:+442079460000');
  await expect(byRole(page, 'link', fill('help_now.call_person', { name: 'Sam Okafor', number: '07700 900123' })))
    .toHaveAttribute('href', 'tel:+447700900123');
  await reveal(page, byRole(page, 'heading', strings['help_now.my_people_heading']));
  await shot(page, 'help-now-personal', testInfo);
});

test('a phone number that is not a UK number gets a clear message when the box is left', async ({ page }) => {
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  const phone = byRole(page, 'textbox', label('care_plan.coordinator.phone'));
  await typeInto(page, phone, '12345');
  await leaveField(page);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  // The message is text on the screen, and the field's description (aria-describedby) points at it.
  await expect(phone).toHaveAccessibleDescription(new RegExp('^' + strings['plans.error.phone'].slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(mirror(page).getByText(strings['plans.error.phone'], { exact: true })).toBeVisible();
});

// Everything the polite live region says, in order (each message is put there once, fresh).
async function listenToLiveRegions(page) {
  await page.addInitScript(() => {
    window.__said = [];
    document.addEventListener('DOMContentLoaded', () => {
      for (const id of ['cpa-live', 'cpa-alert']) {
        const region = document.getElementById(id);
        new MutationObserver(() => { if (region.textContent) window.__said.push([id, region.textContent]); })
          .observe(region, { childList: true, characterData: true, subtree: true });
      }
    });
  });
}
const said = (page) => page.evaluate(() => window.__said);

test('a number no more typing can put right shows its message while typing, said once and politely', async ({ page }, testInfo) => {
  await listenToLiveRegions(page);
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  const phone = byRole(page, 'textbox', sub('contact.phone')).first();
  await typeInto(page, phone, '0909 879 0000');
  await expect(phone).toBeFocused();  // still typing
  const premium = strings['plans.error.phone_premium'];
  await expect(mirror(page).getByText(premium, { exact: true })).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  // The message first, then the box's hint.
  await expect(phone).toHaveAccessibleDescription(new RegExp('^' + premium.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ' '));
  const message = `${sub('contact.phone')}: ${premium}`;
  await expect.poll(() => said(page)).toContainEqual(['cpa-live', message]);
  await shot(page, 'crisis-plan-people-premium-while-typing', testInfo);
  // More typing that leaves the message as it is (a space), and leaving the box: not said again.
  // (A digit more would change it, to "Enter a UK phone number", and that change is said.)
  await page.keyboard.type(' ', { delay: 5 });
  await page.keyboard.press('Backspace');
  await leaveField(page);
  expect((await said(page)).filter(([, text]) => text === message)).toHaveLength(1);
  expect((await said(page)).filter(([id]) => id === 'cpa-alert')).toEqual([]);
});

test('a number that may be unfinished is told when the box is left, said once', async ({ page }) => {
  await listenToLiveRegions(page);
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  const phone = byRole(page, 'textbox', sub('contact.phone')).first();
  await typeInto(page, phone, '0770 090012');  // one digit short
  const wrong = strings['plans.error.phone'];
  await expect(mirror(page).getByText(wrong, { exact: true })).toHaveCount(0);
  await leaveField(page);
  await expect(mirror(page).getByText(wrong, { exact: true })).toBeVisible();
  await expect.poll(() => said(page)).toContainEqual(['cpa-live', `${sub('contact.phone')}: ${wrong}`]);
});

test('after Add a person the keyboard is in the new person\'s name box; other people\'s numbers are not filled with mine', async ({ page }) => {
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  const name = byRole(page, 'textbox', sub('contact.name')).first();
  await expect(name).toBeFocused();
  await page.keyboard.type('Aunt Jo', { delay: 5 });
  await expect(name).toHaveValue('Aunt Jo');
  // A second person: the keyboard goes to their name, not the first's.
  await leaveField(page);
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  await expect(byRole(page, 'textbox', sub('contact.name')).nth(1)).toBeFocused();
  // Every number and email is someone else's: the browser is asked not to offer the person's own.
  for (const box of await mirror(page).locator('input').all()) await expect(box).toHaveAttribute('autocomplete', 'off');
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(mirror(page).locator('input[type="tel"], input[type="email"]')).toHaveCount(2);
  for (const box of await mirror(page).locator('input').all()) await expect(box).toHaveAttribute('autocomplete', 'off');
});

test('a contact named Samaritans with the old 0845 number is warned in the form and on Help now, never called', async ({ page }, testInfo) => {
  const samaritans = readContent('en-GB/crisis_lines.json').lines.find((line) => line.id === 'samaritans');
  const warning = fill('contacts.not_service_number', { service: 'Samaritans', number: samaritans.number });
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  await typeInto(page, byRole(page, 'textbox', sub('contact.name')).first(), 'Samaritans');
  await typeInto(page, byRole(page, 'textbox', sub('contact.phone')).first(), '08457 90 90 90');
  await leaveField(page);
  // A screen reader reads the warning as text next to the number; the number is kept.
  await expect(mirror(page).getByText(warning, { exact: true })).toBeAttached();
  await expect(byRole(page, 'textbox', sub('contact.phone')).first()).toHaveValue('0845 790 9090');
  await reveal(page, mirror(page).getByText(warning, { exact: true }));
  await shot(page, 'crisis-plan-people-warning', testInfo);
  await openApp(page, '#/help-now');
  await expect(mirror(page).getByText(warning, { exact: true })).toBeAttached();
  await expect(page.locator('#cpa-a11y a[href*="845"]')).toHaveCount(0);
  await reveal(page, mirror(page).getByText(warning, { exact: true }));
  await shot(page, 'help-now-warning', testInfo);
});

// A browser profile kept on disk, so that closing the page and opening it again reads the same store.
async function persistentPhone(dir, baseURL) {
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium',
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, baseURL,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  return { context, page: context.pages()[0] || await context.newPage() };
}

// Types into the coordinator's name; after the first part, between(page) runs; types the rest
// and at once closes the page as a person closes a tab (its pagehide runs, the tab goes, the
// browser stays open), opens it again in the same profile and expects the whole name.
async function typeCloseReopen(baseURL, first, rest, between) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpa-profile-'));
  let { context, page } = await persistentPhone(dir, baseURL);
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  const name = () => byRole(page, 'textbox', label('care_plan.coordinator.name'));
  await typeInto(page, name(), first);
  await between(page);
  await page.keyboard.type(rest, { delay: 5 });
  await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
  await context.close();
  ({ context, page } = await persistentPhone(dir, baseURL));
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(name()).toHaveValue(first + rest);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

// The last words wait for the person to pause when the page closes: written as it goes.
test('closing the page straight after typing loses nothing', ({ baseURL }) =>
  typeCloseReopen(baseURL, 'Typed then', ' closed',
    (page) => expect(page.locator('html')).toHaveAttribute('data-store', 'saved')));

// A save of the first words is still being written (the test keeps its transaction open) when
// the page closes: the last words are written too.
test('closing the page while an earlier save is still being written loses nothing', ({ baseURL }) =>
  typeCloseReopen(baseURL, 'Typed then', ' closed', async (page) => {
    await expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
    await page.evaluate(() => {
      const html = document.documentElement;
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (/** @type {Parameters<IDBDatabase['transaction']>} */ ...args) {
        const tx = transaction.apply(this, args);
        if (this.name === 'cpa-companion' && args[1] === 'readwrite' && !html.dataset.held) {
          html.dataset.held = 'saving';
          const store = tx.objectStore('records');
          const spin = () => { store.get('current').onsuccess = spin; };
          spin();
        }
        return tx;
      };
    });
    // One more letter, and the save it makes (after the person's pause) begins and is held.
    await page.keyboard.type(',', { delay: 5 });
    await page.waitForFunction(() => document.documentElement.dataset.held === 'saving');
    await page.keyboard.press('Backspace');
  }));

test('killing the browser as soon as an edit is saved loses nothing', async ({ baseURL }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpa-profile-'));
  // Port 0: Chromium picks a free port and says where it listens on stderr ("DevTools listening
  // on ws://..."); the test connects when it says so, rather than trying again and again.
  const launch = () => {
    /** @type {import('node:child_process').ChildProcess & {listening?: Promise<string>}} */
    const p = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', `--user-data-dir=${dir}`,
      '--remote-debugging-port=0', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', 'about:blank'],
      { stdio: ['ignore', 'ignore', 'pipe'], detached: true });  // its own process group: a crash takes every Chromium process down
    p.listening = new Promise((resolve, reject) => {
      let output = '';
      p.stderr.on('data', (chunk) => {  // read to the end, so Chromium never blocks on a full pipe
        output += chunk;
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(output);
        if (m) resolve(m[1]);
      });
      p.once('exit', () => reject(new Error(`chromium exited before listening: ${output.slice(-500)}`)));
    });
    return p;
  };
  const crash = async (p) => {
    if (p.exitCode === null) {
      process.kill(-p.pid, 'SIGKILL');
      await new Promise((r) => p.once('exit', r));
    }
  };
  const connect = async () => chromium.connectOverCDP(await proc.listening);
  let proc = launch();
  let browser = await connect();
  let page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await openSection(page, 'care-plan', 'care_plan.coordinator', baseURL);
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.name')), 'Survives a crash');
  await waitSaved(page);
  await crash(proc);
  proc = launch();
  browser = await connect();
  page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await openSection(page, 'care-plan', 'care_plan.coordinator', baseURL);
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Survives a crash');
  await browser.close();
  await crash(proc);
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('a damaged store: the app still starts, says so plainly, and restores the last good copy', async ({ page }, testInfo) => {
  await fillCarePlan(page);
  await waitSaved(page);
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.role')), 'Nurse');
  await leaveField(page);
  await waitSaved(page);
  // Damage the latest record, as a crash or a disk fault might.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      const get = store.get('current');
      get.onsuccess = () => { store.put({ ...get.result, doc: get.result.doc.slice(0, 40) + '#garbage' }, 'current'); };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await openApp(page, '#/your-data');
  await expect(byRole(page, 'heading', strings['data.damaged_title'])).toBeVisible();
  await shot(page, 'data-damaged', testInfo);
  await tap(page, byRole(page, 'button', strings['data.restore']));
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Sam Okafor');
});

test('a broken import file: every problem is listed and nothing changes', async ({ page }, testInfo) => {
  await fillCarePlan(page);
  await openApp(page, '#/your-data');
  const chooser = page.waitForEvent('filechooser');
  await tap(page, byRole(page, 'button', strings['data.import']));
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cpa-companion-records", "schema_version": 1, "records": {"care_plan": {"coordinator": {"phone": "abc"}}, "oops": 1}}') });
  await settle(page);
  await expect(mirror(page).getByRole('listitem').first()).toBeVisible();
  expect(await mirror(page).getByRole('listitem').count()).toBeGreaterThan(1);
  await shot(page, 'import-broken', testInfo);
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Sam Okafor');
});

test('export then import gives back exactly the same plans', async ({ page }) => {
  await fillCarePlan(page);
  await fillCrisisPlan(page);
  await openApp(page, '#/your-data');
  const download = page.waitForEvent('download');
  await tap(page, byRole(page, 'button', strings['data.export']));
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('cpa-companion-records');
  // Change something, then load the saved copy back.
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.name')), ' changed');
  await leaveField(page);
  await openApp(page, '#/your-data');
  const chooser = page.waitForEvent('filechooser');
  await tap(page, byRole(page, 'button', strings['data.import']));
  await (await chooser).setFiles(file);
  await settle(page);
  const again = page.waitForEvent('download');
  await tap(page, byRole(page, 'button', strings['data.export']));
  const second = JSON.parse(readFileSync(await (await again).path(), 'utf8'));
  expect(second.records).toEqual(exported.records);
});

test('the review date goes into a calendar file any calendar app can read', async ({ page }) => {
  await openSection(page, 'care-plan', 'care_plan.reviews');
  const next = byRole(page, 'textbox', label('care_plan.next_review'));
  await tap(page, next);
  await expect(next).toBeFocused();
  // The phone's own date picker sets the box's value and reports it, as fill() does.
  await next.fill('2026-12-01');
  await expect(next).toHaveValue('2026-12-01');
  await leaveField(page);
  await openApp(page, '#/care-plan');
  const download = page.waitForEvent('download');
  await tap(page, byRole(page, 'button', strings['plans.ui.add_to_calendar']));
  const ics = readFileSync(await (await download).path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  expect(event.getFirstPropertyValue('dtstart').toString()).toBe('2026-12-01');
  expect(event.getFirstPropertyValue('summary')).toBeTruthy();
});

test('two tabs: an edit in one shows in the other, and edits in both are kept', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openSection(a, 'care-plan', 'care_plan.coordinator');
  await openSection(b, 'care-plan', 'care_plan.gp');
  await typeInto(a, byRole(a, 'textbox', label('care_plan.coordinator.name')), 'From tab A');
  await leaveField(a);
  await typeInto(b, byRole(b, 'textbox', label('care_plan.gp.name')), 'From tab B');
  await leaveField(b);
  await waitSaved(a);
  await waitSaved(b);
  await openSection(a, 'care-plan', 'care_plan.gp');
  await expect(byRole(a, 'textbox', label('care_plan.gp.name'))).toHaveValue('From tab B');
  await openSection(b, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(b, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('From tab A');
  await b.reload();
  await openSection(b, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(b, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('From tab A');
});

test('two tabs typing at the same moment into different sections: after a reload both edits are there', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openSection(a, 'care-plan', 'care_plan.coordinator');
  await openSection(b, 'care-plan', 'care_plan.gp');
  // Truly at once: both tabs have unsaved words when the other's save arrives.  Both fields are
  // focused first (the other tab's save shows a notice that moves the page, so a tap during it
  // could land beside the field); then both type together.
  const fieldA = byRole(a, 'textbox', label('care_plan.coordinator.name'));
  const fieldB = byRole(b, 'textbox', label('care_plan.gp.name'));
  for (const [page, field] of [[a, fieldA], [b, fieldB]]) {
    await tap(page, field);
    await expect(field).toBeFocused();
  }
  await Promise.all([
    a.keyboard.type('Typed in A at once', { delay: 5 }),
    b.keyboard.type('Typed in B at once', { delay: 5 }),
  ]);
  await Promise.all([settle(a), settle(b)]);
  await Promise.all([leaveField(a), leaveField(b)]);
  // Each tab takes in the other's edit (a merge is saved again), then both are durable.
  for (const page of [a, b]) {
    await openSection(page, 'care-plan', 'care_plan.coordinator');
    await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Typed in A at once');
    await openSection(page, 'care-plan', 'care_plan.gp');
    await expect(byRole(page, 'textbox', label('care_plan.gp.name'))).toHaveValue('Typed in B at once');
  }
  await Promise.all([waitSaved(a), waitSaved(b)]);
  for (const page of [a, b]) {
    await page.reload();
    await openSection(page, 'care-plan', 'care_plan.coordinator');
    await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Typed in A at once');
    await openSection(page, 'care-plan', 'care_plan.gp');
    await expect(byRole(page, 'textbox', label('care_plan.gp.name'))).toHaveValue('Typed in B at once');
  }
});

test('with no storage (private mode), the app works and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await openApp(page, '#/your-data');
  await expect(mirror(page).getByText(strings['plans.store.memory_only'] || 'not', { exact: false }).first()).toBeVisible();
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.name')), 'Only in memory');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Only in memory');
});

test('a full disk: the person is told their latest changes are not saved', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'current' && window.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await page.evaluate(() => { window.__diskFull = true; });
  await typeInto(page, byRole(page, 'textbox', label('care_plan.coordinator.name')), 'No room');
  await leaveField(page);
  await waitSaved(page);
  await expect(byRole(page, 'heading', strings['plans.ui.not_saved_title'])).toBeVisible();
});

test('Delete everything says exactly what goes, and then it is gone', async ({ page }) => {
  await listenToLiveRegions(page);
  await fillCarePlan(page);
  await waitSaved(page);
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'button', strings['data.delete']));
  await expect(byRole(page, 'heading', strings['data.delete_confirm_title'])).toBeVisible();
  await tap(page, byRole(page, 'button', strings['data.delete_yes']));
  await waitSaved(page);
  // It says it is done, once the device has removed them: on the screen and to a screen reader.
  await expect(mirror(page).getByText(strings['data.deleted'], { exact: true })).toBeVisible();
  await expect.poll(() => said(page)).toContainEqual(['cpa-live', strings['data.deleted']]);
  await page.reload();
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('');
});

test('the phone keyboard: composing a word (IME) and pasting both reach the field', async ({ page, context }) => {
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  const name = byRole(page, 'textbox', label('care_plan.coordinator.name'));
  await tap(page, name);
  await expect(name).toBeFocused();
  // A predictive keyboard composes a word, underlined, then commits it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'Sa', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'Sam', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: 'Sam' });
  await settle(page);
  await expect(name).toHaveValue('Sam');
  // Paste from the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText(' Okafor'));
  await page.keyboard.press('End');
  await page.keyboard.press('Control+V');
  await settle(page);
  await expect(name).toHaveValue('Sam Okafor');
  await leaveField(page);
  await expect(name).toHaveValue('Sam Okafor');
  await waitSaved(page);
  await page.reload();
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(byRole(page, 'textbox', label('care_plan.coordinator.name'))).toHaveValue('Sam Okafor');
});

test.describe('without the offline copy', () => {
  // The service worker would serve the app from its own copy, past the blocked request.
  test.use({ serviceWorkers: 'block' });

test('if the app cannot start, the plain page still shows my own contacts and what helps me', async ({ page, guard }, testInfo) => {
  await fillCrisisPlan(page);
  await openSection(page, 'crisis-plan', 'crisis_plan.self_help');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.self_help'].add));
  await typeInto(page, byRole(page, 'textbox', itemLabel('crisis_plan.self_help', 1)), 'Walk the dog');
  await leaveField(page);
  await waitSaved(page);
  guard.consoleErrors.push(/Failed to load resource: net::ERR_FAILED/);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  const personal = page.locator('#fallback-personal');
  await expect(personal).toBeVisible();
  await expect(personal.locator('a[href="tel:+442079460000"]')).toContainText('Aunt Jo');
  await expect(personal.getByText('Walk the dog')).toBeVisible();
  await personal.scrollIntoViewIfNeeded();
  await shot(page, 'fallback-personal', testInfo);
});
});
