// @ts-check
// The store in real Chromium (issue 25): two tabs are two pages of one browser context, sharing
// its IndexedDB and BroadcastChannel.  Delete everything in one tab is never undone by another,
// two tabs adding to one list keep both items, a full disk's failed save is written once there is
// room (by the page's closing write), a database from a newer release is read and never written,
// Delete everything removes every database and cache the app made, and a private window's sign
// is told in plain words.
//
// What a private window is, we can model only in part: every Playwright context is Chromium's
// own "off the record" profile, and Chromium makes it look like a normal one (measured on this
// machine's Chromium: storage.estimate() and webkitTemporaryStorage both give a quota of 10 GiB in a
// new context and in a persistent profile, persisted() false in both, service workers present), so the app cannot tell and says its
// storage may be cleared.  Firefox's private windows have no navigator.serviceWorker: that sign is
// modelled by removing it before the app starts.  Closing the window (the context) and opening a
// new one shows what the person would lose.
import { test, expect, openApp, settle, byRole, mirror, tap, reveal, typeInto, leaveField, shot, readContent } from './support.mjs';

test.describe.configure({ timeout: 150_000 });

const plans = readContent('en-GB/plans.json');
const strings = { ...readContent('en-GB/strings.json').strings, ...readContent('en-GB/strings-store.json').strings };
const label = (id) => plans.fields[id].label;
const itemLabel = (id, n) => strings['plans.ui.item_label'].replace('{label}', label(id)).replace('{n}', String(n));
const section = (id) => plans.sections[id].title;

async function openSection(page, planRoute, sectionId) {
  await openApp(page, `#/${planRoute}`);
  await tap(page, byRole(page, 'button', section(sectionId)));
  await expect(byRole(page, 'heading', section(sectionId), { level: 1 })).toBeVisible();
}
const waitSaved = (page) => expect(page.locator('html')).toHaveAttribute('data-store', 'saved');
const coordinator = (page) => byRole(page, 'textbox', label('care_plan.coordinator.name'));

// What the records database holds now, read as another tab would ({} when there is none).
function storedRecords(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'cpa-companion')) return {};
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('cpa-companion');
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readonly');
        const keys = tx.objectStore('records').getAllKeys(), values = tx.objectStore('records').getAll();
        tx.oncomplete = () => {
          open.result.close();
          const out = {};
          keys.result.forEach((k, i) => { out[k] = values.result[i]; });
          resolve(out);
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  });
}

async function deleteEverything(page) {
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'button', strings['data.delete']));
  await tap(page, byRole(page, 'button', strings['data.delete_yes']));
}

test('Delete everything in one tab is never undone by another tab\'s next save', async ({ context }, testInfo) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openSection(a, 'care-plan', 'care_plan.coordinator');
  await typeInto(a, coordinator(a), 'Deleted Person');
  await leaveField(a);
  await waitSaved(a);
  await openSection(b, 'care-plan', 'care_plan.coordinator');
  await expect(coordinator(b)).toHaveValue('Deleted Person');
  await deleteEverything(a);
  await expect(mirror(a).getByText(strings['data.deleted'])).toBeVisible();
  // The other tab has forgotten it too, and says why.
  await expect(coordinator(b)).toHaveValue('');
  await expect(mirror(b).getByText(strings['plans.store.deleted_elsewhere'])).toBeVisible();
  await shot(b, 'store-deleted-elsewhere', testInfo);
  // Its next save holds only what is typed from now on.
  await openSection(b, 'care-plan', 'care_plan.gp');
  await typeInto(b, byRole(b, 'textbox', label('care_plan.gp.name')), 'Typed after');
  await leaveField(b);
  await waitSaved(b);
  const stored = JSON.stringify(await storedRecords(b));
  expect(stored).toContain('Typed after');
  expect(stored).not.toContain('Deleted Person');
  await a.reload();
  await openSection(a, 'care-plan', 'care_plan.coordinator');
  await expect(coordinator(a)).toHaveValue('');
});

test('two tabs adding to the same list at once keep both items, apart', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const signs = 'crisis_plan.warning_signs';
  for (const page of [a, b]) {
    await openSection(page, 'crisis-plan', signs);
    await tap(page, byRole(page, 'button', plans.fields[signs].add));
    const first = byRole(page, 'textbox', itemLabel(signs, 1));
    await tap(page, first);
    await expect(first).toBeFocused();
  }
  await Promise.all([
    a.keyboard.type('Sign from tab A', { delay: 5 }),
    b.keyboard.type('Sign from tab B', { delay: 5 }),
  ]);
  await Promise.all([leaveField(a), leaveField(b)]);
  const both = ['Sign from tab A', 'Sign from tab B'];
  for (const page of [a, b]) {
    await expect(async () => {
      await settle(page);
      const values = await mirror(page).locator('input, textarea').evaluateAll((els) => els.map((e) => e.value).filter(Boolean));
      expect(values.slice().sort()).toEqual(both);
    }).toPass({ timeout: 30_000 });
  }
  await Promise.all([waitSaved(a), waitSaved(b)]);
  await a.reload();
  await openSection(a, 'crisis-plan', signs);
  const values = await mirror(a).locator('input, textarea').evaluateAll((els) => els.map((e) => e.value).filter(Boolean));
  expect(values.slice().sort()).toEqual(both);
});

test('out of space, then space again: the failed save is written by the closing write when the page is hidden', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'current' && window.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await page.evaluate(() => { window.__diskFull = true; });
  await typeInto(page, coordinator(page), 'Written later');
  await leaveField(page);
  await expect(byRole(page, 'heading', strings['plans.ui.not_saved_title'])).toBeVisible();
  // Room again (the person freed some space); then the page is hidden, as when they switch app.
  await page.evaluate(() => {
    window.__diskFull = false;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await waitSaved(page);
  expect(JSON.stringify(await storedRecords(page))).toContain('Written later');
  await page.reload();
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(coordinator(page)).toHaveValue('Written later');
  await expect(byRole(page, 'heading', strings['plans.ui.not_saved_title'])).toHaveCount(0);
});

test('a database from a newer release: the plans are read and shown, never written, and Help now has my contact', async ({ page }, testInfo) => {
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await tap(page, byRole(page, 'button', plans.fields['crisis_plan.people'].add));
  await typeInto(page, byRole(page, 'textbox', plans.items['contact.name'].label).first(), 'Aunt Jo');
  await typeInto(page, byRole(page, 'textbox', plans.items['contact.phone'].label).first(), '020 7946 0000');
  await leaveField(page);
  await waitSaved(page);
  // A newer release opens the store (a deployment later rolled back): the version goes up.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cpa-companion', 9);
    open.onsuccess = () => { open.result.close(); resolve(); };
    open.onerror = () => reject(open.error);
  }));
  // This tab heard it: it stops writing and says reload.
  await expect(mirror(page).getByText(strings['plans.store.newer_elsewhere']).first()).toBeAttached();
  const before = await storedRecords(page);
  await page.reload();
  await openApp(page, '#/help-now');
  await expect(byRole(page, 'link', strings['help_now.call_person'].replace('{name}', 'Aunt Jo').replace('{number}', '020 7946 0000')))
    .toHaveAttribute('href', 'tel:+442079460000');
  await openApp(page, '#/your-data');
  await expect(mirror(page).getByText(strings['plans.store.newer_readable'])).toBeVisible();
  await expect(mirror(page).getByText(strings['plans.store.unavailable'])).toHaveCount(0);
  await shot(page, 'store-newer-database', testInfo);
  await openSection(page, 'crisis-plan', 'crisis_plan.people');
  await typeInto(page, byRole(page, 'textbox', plans.items['contact.name'].label).first(), ' changed');
  await leaveField(page);
  await settle(page);
  expect(await storedRecords(page)).toEqual(before);
});

test('Delete everything removes every database and cache the app made, and says it is done', async ({ page }) => {
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await typeInto(page, coordinator(page), 'Sam');
  await leaveField(page);
  await waitSaved(page);
  // A setting, a carer's kept copy and the offline copy, as a person's device would have them.
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'checkbox', strings['data.quick_exit_setting']));
  await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
  await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('cpa-shared-with-me', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('copy');
    open.onsuccess = () => { open.result.close(); resolve(); };
  }));
  await page.waitForFunction(async () => (await caches.keys()).length > 0, null, { timeout: 30_000 });
  await deleteEverything(page);
  await expect(mirror(page).getByText(strings['data.deleted'])).toBeVisible();
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('cpa-')),
    caches: await caches.keys(),
  }));
  expect(left).toEqual({ databases: [], caches: [] });
  await page.reload();
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(coordinator(page)).toHaveValue('');
});

// Found by the issue 25 fault study (docs/research/issue-25-faults.md): the page deleted the
// settings database twice, and with another tab holding it open Delete everything never finished
// ("Deleting everything. Please wait." for good).  It is deleted once now, by the store, which
// gives a tab that holds it a few seconds and then names the part it could not delete.
test('Delete everything while another tab holds a database open says which part was not deleted', async ({ page, context }) => {
  await openApp(page, '#/your-data');
  await tap(page, byRole(page, 'checkbox', strings['data.quick_exit_setting']));
  await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
  const holder = await context.newPage();  // a page of the site that is not the app: it never lets go
  await holder.route(/\/favicon\.ico$/, (route) => route.fulfill({ status: 204, body: '' }));
  await holder.goto('/icon.svg');
  await holder.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('cpa-companion-settings');
    open.onsuccess = () => { window.held = open.result; resolve(); };
  }));
  await deleteEverything(page);
  const says = strings['data.delete_failed'].replace('{parts}', strings['data.delete_part.settings']);
  await expect(mirror(page).getByText(says)).toBeVisible({ timeout: 15_000 });
  await holder.close();
});

test('a private window sign (no service worker, as in Firefox): the plan says it may be lost, and what to do', async ({ page }, testInfo) => {
  await page.addInitScript(() => { delete /** @type {{serviceWorker?: ServiceWorkerContainer}} */ (Navigator.prototype).serviceWorker; });
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(mirror(page).getByText(strings['plans.store.lasting.private'])).toBeVisible();
  await shot(page, 'store-private-window', testInfo);
});

test('a Chromium private window cannot be told apart: the app says its storage may be cleared, and closing the window loses the plan', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });  // off the record, as a private window
  const page = await context.newPage();
  await openSection(page, 'care-plan', 'care_plan.coordinator');
  await expect(mirror(page).getByText(strings['plans.store.lasting.may_clear'])).toBeVisible();
  await typeInto(page, coordinator(page), 'Only in this window');
  await leaveField(page);
  await waitSaved(page);
  await context.close();
  const again = await (await browser.newContext({ baseURL })).newPage();
  await openSection(again, 'care-plan', 'care_plan.coordinator');
  await expect(coordinator(again)).toHaveValue('');
  await again.context().close();
});

// Safari on an iPhone (its user agent; every iPhone browser is Safari's WebKit underneath): a
// site's storage is erased after 7 days without a visit unless the app is on the Home Screen.
test.describe('on an iPhone', () => {
  test.use({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' });

  test('once a plan has words in it, Home says how to keep it on the Home Screen, with the Share button drawn; opened from the Home Screen, it does not', async ({ page }, testInfo) => {
    await openApp(page, '#/');
    const card = byRole(page, 'heading', strings['home_screen.title'], { level: 2 });
    await expect(mirror(page).locator('h1')).toHaveCount(1);
    await expect(card).toHaveCount(0);  // nothing written yet: nothing to lose
    await openSection(page, 'care-plan', 'care_plan.coordinator');
    await expect(mirror(page).getByText(strings['plans.store.lasting.iphone'])).toBeVisible();
    await typeInto(page, coordinator(page), 'Written on an iPhone');
    await leaveField(page);
    await waitSaved(page);
    await openApp(page, '#/');
    await expect(card).toHaveCount(1);
    const icon = mirror(page).getByRole('img', { name: strings['home_screen.share_icon'], exact: true });
    await expect(icon).toHaveCount(1);
    await reveal(page, icon);
    await shot(page, 'iphone-home-screen-card', testInfo);
    // Opened from its Home Screen icon (Safari says so in navigator.standalone): kept, no card.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true }));
    await page.reload();
    await openSection(page, 'care-plan', 'care_plan.coordinator');
    await expect(coordinator(page)).toHaveValue('Written on an iPhone');
    // What the browser says of its storage is known once the words say it (kept, or may clear).
    const said = (key) => mirror(page).getByText(strings[key], { exact: true });
    await expect(said('plans.store.lasting.kept').or(said('plans.store.lasting.may_clear'))).toHaveCount(1);
    await openApp(page, '#/');
    await expect(mirror(page).locator('h1')).toHaveCount(1);
    await expect(card).toHaveCount(0);
  });
});
