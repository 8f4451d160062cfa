// Issue 25's faults that main tests only in Node or in C++ (web/store.mjs, core's plans_store),
// written as browser tests so that the same test can be run against the app as it was before the
// store and guard branches (d837e25) and as it is now.  Research, not part of the suite:
// docs/research/issue-25-faults.md says how each was run and what it showed.
//
// Run (the file is copied beside support.mjs; the words the person should see are main's):
//   cp docs/research/issue-25-faults/faults25-extra.spec.mjs tests/e2e/
//   CPA_NEW_CONTENT=/path/to/main/content CPA_E2E_PORT=8400 ./cpa test e2e tests/e2e/faults25-extra.spec.mjs
// Against d837e25 the worktree also needs main's tests/e2e/support.mjs and tests/vectors/store/.
import { test, expect, openApp, settle, byRole, mirror, tap, typeInto, leaveField, readContent, repoRoot, seedStore, storeVector, importFile } from './support.mjs';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';

test.describe.configure({ timeout: 180_000 });

// What the person should be told: main's words (d837e25 has no strings-store.json).
const newContent = process.env.CPA_NEW_CONTENT || path.join(repoRoot, 'content');
const said = JSON.parse(readFileSync(path.join(newContent, 'en-GB/strings-store.json'), 'utf8')).strings;
const strings = { ...readContent('en-GB/strings.json').strings, ...readContent('en-GB/strings-lock.json').strings };
const plans = readContent('en-GB/plans.json');
const coordinator = (page) => byRole(page, 'textbox', plans.fields['care_plan.coordinator.name'].label);
const waitSaved = (page) => expect(page.locator('html')).toHaveAttribute('data-store', 'saved');

async function openCoordinator(page) {
  await openApp(page, '#/care-plan');
  await tap(page, byRole(page, 'button', plans.sections['care_plan.coordinator'].title));
  await expect(coordinator(page)).toBeVisible();
}

// Every value of the records database, as text, read as another tab would.
function storedText(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readonly');
      const all = tx.objectStore('records').getAll(), keys = tx.objectStore('records').getAllKeys();
      tx.oncomplete = () => { open.result.close(); resolve({ keys: keys.result, text: JSON.stringify(all.result) }); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

// Fault: "A store from an older release has no record for the plain page until its first save, so
// if the app cannot start straight after an upgrade, the person's own contacts are not shown."
test('a store from the first records release: after one start with nothing typed, the plain page shows my own contact when the app cannot start', async ({ page }) => {
  const vector = storeVector('2026-11-23-records');
  expect(vector.records.fallback).toBeUndefined();  // that release wrote no record for the plain page
  await seedStore(page, vector.records);
  await openApp(page, '#/help-now');
  await expect(byRole(page, 'link', 'Call Aunt Jo on 020 7946 0000')).toHaveCount(1);
  // The first start writes the plain page's record (soft: the person's view below is the point).
  let keys = [];
  for (let i = 0; i < 50 && !keys.includes('fallback'); i++) {  // up to 5 s for the start's writes
    keys = (await storedText(page)).keys;
    if (!keys.includes('fallback')) await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  }
  expect.soft(keys, 'a fallback record after the first start').toContain('fallback');
  // The next visit, the app cannot start (a browser without WebAssembly): the plain page only.
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  await expect(page.locator('#fallback-personal').getByRole('link', { name: 'Call Aunt Jo on 020 7946 0000' }))
    .toHaveAttribute('href', 'tel:+442079460000');
});

const FIRST = 'purple kettle morning', SECOND = 'green teapot evening';
async function typePassword(page, name, text) {
  const box = mirror(page).locator(`input[type="password"][aria-label="${name}"]`);
  await tap(page, box);
  await expect(box).toBeFocused();
  await page.keyboard.type(text, { delay: 2 });
  await leaveField(page);
}

// Fault: "setting, changing or removing the passphrase deletes copies it cannot re-encrypt,
// damaged ones included, although the app promises that a damaged record is never thrown away."
test('changing the passphrase keeps a copy it cannot re-encrypt (one kept aside, locked under an older passphrase)', async ({ page }) => {
  // lock.spec.mjs's plan file, as both releases import it.
  await importFile(page, JSON.stringify({ format: 'cpa-companion-records', schema_version: 1, saved_at: '2026-11-20T08:00:00Z',
    records: {
      care_plan: { coordinator: { name: 'Zebedee Quill', phone: '07700 900123' } },
      crisis_plan: { warning_signs: ['Secret marker 7731'], people: [{ name: 'Aunt Jo', phone: '020 7946 0000' }] },
    } }));
  await openApp(page, '#/lock');
  await typePassword(page, strings['plans.lock.new_label'], FIRST);
  await typePassword(page, strings['plans.lock.repeat_label'], FIRST);
  await tap(page, byRole(page, 'button', strings['plans.lock.set_button']));
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  // A copy kept aside that is locked another way (an older passphrase's salt; well formed, so the
  // core reads it as a locked record, not as damage), as both releases
  // store one copy kept aside: {doc, save_id: 'damaged', saved_at} under the key "damaged".
  const strange = JSON.stringify({ envelope: 'cpa-companion-locked', envelope_version: 1, kdf: 'PBKDF2-SHA256', iterations: 600000,
    salt: 'BwcHBwcHBwcHBwcHBwcHBw', cipher: 'AES-256-GCM', iv: 'AAAAAAAAAAAAAAAA', data: 'QUFBQUFBQUFBQUFBQUFBQUFBQUE', lock_after_minutes: 5 });
  await page.evaluate((doc) => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion');
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      tx.objectStore('records').put({ doc, save_id: 'damaged', saved_at: 1 }, 'damaged');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), strange);
  expect((await storedText(page)).text).toContain('BwcHBwcHBwcHBwcHBwcHBw');
  // Changed on the lock screen, as a person changes it.
  await openApp(page, '#/lock');
  await typePassword(page, strings['plans.lock.current_label'], FIRST);
  await typePassword(page, strings['plans.lock.new_label'], SECOND);
  await typePassword(page, strings['plans.lock.repeat_label'], SECOND);
  await tap(page, byRole(page, 'button', strings['plans.lock.change_button']));
  await expect(mirror(page).getByText(strings['plans.lock.changed'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  expect((await storedText(page)).text, 'the copy it could not re-encrypt is still stored').toContain('BwcHBwcHBwcHBwcHBwcHBw');
});

// Fault: "text typed before a passphrase was set can stay in the browser's database files".  The
// files themselves are lock.spec.mjs's test (known to fail in Chromium on both releases); this is
// what any page can read.
test('after a passphrase is first set, no record a page can read holds the words typed before it', async ({ page }) => {
  await openCoordinator(page);
  await typeInto(page, coordinator(page), 'Wombat Plaintext Before');
  await leaveField(page);
  await waitSaved(page);
  await typeInto(page, coordinator(page), ' and more');  // a second save: the first becomes the previous copy
  await leaveField(page);
  await waitSaved(page);
  expect((await storedText(page)).text).toContain('Wombat');
  await openApp(page, '#/lock');
  await typePassword(page, strings['plans.lock.new_label'], FIRST);
  await typePassword(page, strings['plans.lock.repeat_label'], FIRST);
  await tap(page, byRole(page, 'button', strings['plans.lock.set_button']));
  await expect(mirror(page).getByText(strings['plans.lock.set'])).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  expect((await storedText(page)).text).not.toContain('Wombat');
});

// Fault: "a failed delete is written only to the console".  Another tab (here a page of the site
// that is not the app) holds the settings database open and never lets go, so it cannot be deleted.
test('Delete everything while another tab holds a database open: the person is told what was not deleted', async ({ page, context }) => {
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'checkbox', strings['data.quick_exit_setting']));
  await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
  const holder = await context.newPage();
  await holder.route(/\/favicon\.ico$/, (route) => route.fulfill({ status: 204, body: '' }));
  await holder.goto('/icon.svg');
  await holder.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('cpa-companion-settings');
    open.onsuccess = () => { window.held = open.result; resolve(); };  // no onversionchange: it never closes
  }));
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'button', strings['data.delete']));
  await tap(page, byRole(page, 'button', strings['data.delete_yes']));
  const failed = said['data.delete_failed'].split('{parts}')[0];
  await expect(mirror(page).getByText(failed, { exact: false })).toBeVisible({ timeout: 15_000 });
  await holder.close();
});

// Fault: "Safari erases storage after 7 days unused ... this issue makes the store ready for it:
// it knows and reports whether its storage is persistent."
test('after the first save, the app asks the browser to keep its storage, and says whether it will', async ({ page }) => {
  await page.addInitScript(() => {
    window.__persistAsked = 0;
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () { window.__persistAsked++; return persist.call(this); };
  });
  await openCoordinator(page);
  await typeInto(page, coordinator(page), 'Kept or not');
  await leaveField(page);
  await waitSaved(page);
  await expect.poll(() => page.evaluate(() => window.__persistAsked), { message: 'navigator.storage.persist() asked' }).toBe(1);
  const words = (key) => mirror(page).getByText(said[key], { exact: true });
  await expect(words('plans.store.lasting.kept').or(words('plans.store.lasting.may_clear'))).toHaveCount(1);
});

// Fault: "A share link of 21 KB that inflates to 16 MB of JSON crashes the core".  The link is a
// plan whose one warning sign is 16 MB long, compressed (what a carer's page is given).
function crc32(text) {
  let crc = 0xFFFFFFFF;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
  }
  return ((crc ^ 0xFFFFFFFF) >>> 0).toString(16).padStart(8, '0');
}
test('a 16 MB JSON bomb in a share link: the app stays up and Help now has its numbers', async ({ page }) => {
  const json = `{"v":1,"d":"2026-11-20","n":"england","b":"Sam","f":{"crisis_plan.warning_signs":["${'a'.repeat(16 * 1024 * 1024)}"]}}`;
  const signed = `1.1.${deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url')}`;
  const link = `/#share=${signed}.${crc32(signed)}`;
  expect(link.length).toBeLessThan(30_000);
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await settle(page);
  await tap(page, byRole(page, 'button', 'Help now'));
  await expect(byRole(page, 'link', 'Call 116 123').first()).toHaveAttribute('href', 'tel:116123');
});
