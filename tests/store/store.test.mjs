// @ts-check
// The store module (web/store.mjs) in Node, against a real IndexedDB implementation
// (fake-indexeddb, pinned in package.json): two tabs, the page closing mid-write, a full disk, a
// damaged copy, a database from a newer release, the passphrase set / changed / removed,
// upgrades blocked by an older tab, and Delete everything.  Each test is one "browser profile"
// (a new IDBFactory); two stores on one factory are two tabs.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { createStore, DB_NAME, REWRITE_DB, STORE } from '../../web/store.mjs';

const LOCKED = 'cpa-companion-locked';
const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
const unb64 = (text) => new Uint8Array(Buffer.from(text, 'base64url'));
async function deriveKey(passphrase, salt, iterations) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
// The core's locked record (core/lock/store_lock.hpp), as far as the store needs it.
const lockedRecord = (f) => JSON.stringify({ envelope: LOCKED, envelope_version: 1, kdf: 'PBKDF2-SHA256', iterations: f.iterations,
  salt: f.salt, cipher: 'AES-256-GCM', iv: f.iv, data: f.data, lock_after_minutes: f.lock_after_minutes });
function lockFields(doc) {
  try {
    const r = JSON.parse(doc);
    return r.envelope === LOCKED && r.salt && r.iv && r.data ? r : null;
  } catch (e) { return null; }
}

let channels = 0;
const open = [];  // every tab made in a test, closed after it (a BroadcastChannel keeps Node running)
afterEach(() => { for (const t of open.splice(0)) t.store.close(); });
// A tab: the store plus every event it reported.
function tab(indexedDB, options = {}) {
  const events = [];
  const env = { indexedDB, report: (e) => events.push(e), lockFields, lockedRecord, crypto, b64, unb64, deriveKey,
    BroadcastChannel, channelName: options.channelName, debounceMs: 0, maxWaitMs: 0, blockedMs: 200, ...options };
  const store = createStore(env);
  const made = { store, events, env, of: (type) => events.filter((e) => e.type === type) };
  open.push(made);
  return made;
}
function profile() {
  const indexedDB = new IDBFactory();
  const channelName = 'test-' + (++channels);
  return { indexedDB, tab: (options = {}) => tab(indexedDB, { channelName, ...options }) };
}

async function until(check, what) {
  for (let i = 0; i < 400; i++) {
    const got = check();
    if (got) return got;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail('never happened: ' + what);
}
/** @type {(t: any, type: string, pred?: (e: any) => boolean) => Promise<any>} */
const event = (t, type, pred = () => true) => until(() => t.events.find((e) => e.type === type && pred(e)), type);

// What the database holds, read as another tab would.
async function stored(indexedDB, name = DB_NAME) {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const out = {};
  if (db.objectStoreNames.contains(STORE)) {
    const tx = db.transaction(STORE, 'readonly');
    const keys = tx.objectStore(STORE).getAllKeys(), values = tx.objectStore(STORE).getAll();
    await new Promise((r) => { tx.oncomplete = r; });
    keys.result.forEach((k, i) => { out[k] = values.result[i]; });
  }
  db.close();
  return out;
}
async function exists(indexedDB, name) {
  return (await indexedDB.databases()).some((d) => d.name === name);
}
const save = (revision, doc, extra = {}) => ({ revision, doc, fallback: 'fallback ' + revision, keepDamaged: false,
  keepFallback: true, urgent: false, ...extra });

test('a first save, then a reopen: the latest copy, the one before it, and the plain page\'s record', async () => {
  const p = profile();
  const a = p.tab();
  await a.store.open();
  assert.deepEqual(a.of('loaded')[0], { type: 'loaded', latest: '', previous: '', fallback: '', setAside: [], newer: false });
  a.store.save(save(1, 'one'));
  await event(a, 'saved', (e) => e.revision === 1);
  a.store.save(save(2, 'two'));
  await event(a, 'saved', (e) => e.revision === 2);
  const db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'two');
  assert.equal(db.previous.doc, 'one');
  assert.equal(db.fallback, 'fallback 2');
  assert.equal(db.fallback_previous, 'fallback 1');
  a.store.close();
  const again = p.tab();
  await again.store.open();
  assert.equal(again.of('loaded')[0].latest, 'two');
  assert.equal(again.of('loaded')[0].previous, 'one');
  assert.equal(again.of('loaded')[0].fallback, 'fallback 2');
});

test('two tabs: a save in one is heard in the other, and a write based on old records never replaces it', async () => {
  const p = profile();
  const a = p.tab(), b = p.tab();
  await a.store.open();
  await b.store.open();
  a.store.save(save(1, 'from A'));
  await event(a, 'saved');
  const heard = await event(b, 'changed-elsewhere');
  assert.equal(heard.latest, 'from A');
  // A third tab opened before A's save and never heard it: its write finds A's and gives it back
  // to its core to merge, writing nothing.
  const stale = p.tab({ BroadcastChannel: undefined });
  await stale.store.open();
  a.store.save(save(2, 'from A again'));
  await event(a, 'saved', (e) => e.revision === 2);
  stale.store.save(save(1, 'stale'));
  const found = await event(stale, 'changed-elsewhere');
  assert.equal(found.latest, 'from A again');
  assert.equal(stale.of('saved').length, 0);
  assert.equal((await stored(p.indexedDB)).current.doc, 'from A again');
  // Asked again (the core's merge), it is written on top of A's.
  stale.store.save(save(2, 'merged'));
  await event(stale, 'saved');
  const db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'merged');
  assert.equal(db.previous.doc, 'from A again');
});

test('the page closing mid-write: the urgent save is issued in the same task, and a write still reading gives way', async () => {
  const p = profile();
  const a = p.tab({ debounceMs: 50, maxWaitMs: 50 });
  await a.store.open();
  a.store.save(save(1, 'first'));
  await event(a, 'saved');
  a.store.save(save(2, 'typed'));                    // waiting for the pause
  a.store.save(save(3, 'typed more', { urgent: true }));  // the page is being hidden
  // Nothing awaited: a reader opened now queues behind the write already issued.
  const db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'typed more');
  assert.equal(db.previous.doc, 'first');
  await event(a, 'saved', (e) => e.revision === 3);
  await new Promise((r) => setTimeout(r, 80));
  assert.equal(a.of('saved').some((e) => e.revision === 2), false, 'the older words are never written over the newer');
  assert.equal((await stored(p.indexedDB)).current.doc, 'typed more');
});

test('a full disk: the save fails with QuotaExceededError, nothing changes, and the same save asked again succeeds', async () => {
  const p = profile();
  const a = p.tab();
  await a.store.open();
  a.store.save(save(1, 'kept'));
  await event(a, 'saved');
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (key === 'current') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.call(this, value, key);
  };
  try {
    a.store.save(save(2, 'no room'));
    const failed = await event(a, 'save-failed');
    assert.deepEqual(failed, { type: 'save-failed', revision: 2, why: 'QuotaExceededError' });
    a.store.save(save(3, 'no room, closing', { urgent: true }));
    await event(a, 'save-failed', (e) => e.revision === 3);
    const db = await stored(p.indexedDB);
    assert.equal(db.current.doc, 'kept');
    assert.equal(db.fallback, 'fallback 1');
  } finally {
    IDBObjectStore.prototype.put = put;
  }
  // Room again: the core asks for the very revision that failed (nothing typed since), at once
  // (the page hidden) and later; each is written.
  a.store.save(save(3, 'no room, closing', { urgent: true }));
  await event(a, 'saved', (e) => e.revision === 3);
  assert.equal((await stored(p.indexedDB)).current.doc, 'no room, closing');
  a.store.save(save(4, 'room again'));
  await event(a, 'saved', (e) => e.revision === 4);
  assert.equal((await stored(p.indexedDB)).current.doc, 'room again');
});

test('a damaged latest copy is passed on as it is, and kept aside (never thrown away) when written over', async () => {
  const p = profile();
  const a = p.tab();
  await a.store.open();
  a.store.save(save(1, 'good'));
  await event(a, 'saved');
  a.store.close();
  await new Promise((resolve) => {
    const r = p.indexedDB.open(DB_NAME);
    r.onsuccess = () => {
      const tx = r.result.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put('garbage{', 'current');
      tx.objectStore(STORE).put({ doc: 'old damage', save_id: 'damaged', saved_at: 1 }, 'damaged');  // an older release's form
      tx.oncomplete = () => { r.result.close(); resolve(); };
    };
  });
  const b = p.tab();
  await b.store.open();
  const loaded = b.of('loaded')[0];
  assert.equal(loaded.latest, 'garbage{');
  assert.deepEqual(loaded.setAside, ['old damage']);
  // The person chose to start again: the core asks to keep the unreadable copy aside.
  b.store.save(save(2, 'fresh start', { keepDamaged: true }));
  await event(b, 'saved');
  const db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'fresh start');
  assert.deepEqual(db.damaged.map((r) => r.doc), ['old damage', 'garbage{']);
});

test('a database from a newer release (rolled back): read, reported as newer, and never written', async () => {
  const p = profile();
  await new Promise((resolve) => {
    const r = p.indexedDB.open(DB_NAME, 7);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => {
      const tx = r.result.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put({ doc: 'newer plans', save_id: 'n', saved_at: 1 }, 'current');
      tx.objectStore(STORE).put('newer fallback', 'fallback');
      tx.objectStore(STORE).put('something only the newer release knows', 'newer_key');
      tx.oncomplete = () => { r.result.close(); resolve(); };
    };
  });
  const a = p.tab();
  await a.store.open();
  const loaded = a.of('loaded')[0];
  assert.equal(loaded.newer, true);
  assert.equal(loaded.latest, 'newer plans');
  assert.equal(loaded.fallback, 'newer fallback');
  assert.equal(a.of('unavailable').length, 0);
  a.store.save(save(1, 'less'));
  const refused = await event(a, 'save-failed');
  assert.equal(refused.why, 'newer');
  const db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'newer plans');
  assert.equal(db.newer_key, 'something only the newer release knows');
});

test('a newer release opened in another tab: this tab writes what waits, lets go, and says so', async () => {
  const p = profile();
  const a = p.tab({ debounceMs: 10_000, maxWaitMs: 10_000 });
  await a.store.open();
  a.store.save(save(1, 'waiting when the newer release came'));
  const newer = await new Promise((resolve, reject) => {
    const r = p.indexedDB.open(DB_NAME, 2);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  newer.close();
  await event(a, 'newer-elsewhere');
  await event(a, 'saved', (e) => e.revision === 1);
  assert.equal((await stored(p.indexedDB)).current.doc, 'waiting when the newer release came');
});

test('an upgrade blocked by an older tab that holds the database: reported, then opened when it lets go', async () => {
  const p = profile();
  const old = await new Promise((resolve) => {
    const r = p.indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);  // no versionchange handler: it never closes by itself
  });
  const a = p.tab({ dbVersion: 2 });
  const opening = a.store.open();
  await event(a, 'blocked');
  assert.equal(a.of('loaded').length, 0);
  old.close();
  await opening;
  assert.equal(a.of('loaded').length, 1);
  assert.equal(a.of('unavailable').length, 0);
});

test('Delete everything: every database and cache goes, it says when it is done, and every other tab forgets', async () => {
  const p = profile();
  const cacheNames = new Set(['cpa-companion-abc']);
  const caches = { keys: async () => [...cacheNames], delete: async (n) => cacheNames.delete(n) };
  let unregistered = 0;
  const serviceWorker = { getRegistrations: async () => [{ unregister: async () => { unregistered++; return true; } }] };
  for (const name of ['cpa-companion-settings', 'cpa-shared-with-me']) {
    await new Promise((resolve) => {
      const r = p.indexedDB.open(name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('x');
      r.onsuccess = () => { r.result.close(); resolve(); };
    });
  }
  const a = p.tab({ caches, serviceWorker });
  const b = p.tab({ debounceMs: 10_000, maxWaitMs: 10_000 });
  await a.store.open();
  await b.store.open();
  a.store.save(save(1, 'my plans'));
  await event(a, 'saved');
  await event(b, 'changed-elsewhere');
  b.store.save(save(2, 'typed in B, not yet written'));
  a.store.deleteEverything();
  assert.deepEqual((await event(a, 'deleted')).failed, []);
  await event(b, 'deleted-elsewhere');
  for (const name of [DB_NAME, 'cpa-companion-settings', 'cpa-shared-with-me', REWRITE_DB])
    assert.equal(await exists(p.indexedDB, name), false, name + ' is gone');
  assert.equal(cacheNames.size, 0);
  assert.equal(unregistered, 1);
  // B's next save writes only what is typed from now on; what it held is never written back.
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(await exists(p.indexedDB, DB_NAME), false);
  b.store.save(save(4, 'new after the delete', { urgent: true }));
  await event(b, 'saved', (e) => e.revision === 4);
  const db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'new after the delete');
  assert.equal(db.previous, undefined);
});

// Another tab's open connection to the settings database, which never lets go.
function holdSettingsOpen(p) {
  return new Promise((resolve) => {
    const r = p.indexedDB.open('cpa-companion-settings', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('x');
    r.onsuccess = () => resolve(r.result);
  });
}

test('Delete everything says plainly which part failed (a tab that holds a database open)', async () => {
  const p = profile();
  const holder = await holdSettingsOpen(p);
  const a = p.tab();
  await a.store.open();
  a.store.deleteEverything();
  assert.deepEqual((await event(a, 'deleted')).failed, ['settings']);
  holder.close();
});

// Found by the issue 25 fault study (docs/research/issue-25-faults.md): the page once deleted the
// settings database twice (web/lib_settings.js, then deleteEverything).  With another tab holding
// it, the first request is blocked, and the second, queued behind it, gets no blocked event
// (Chromium and fake-indexeddb alike).  The page now deletes it once (the store); and should any
// delete wait behind another, the store's ceiling still reports it as not done.
test('Delete everything after something else already asked to delete the settings database, which a tab holds open', async () => {
  const p = profile();
  const holder = await holdSettingsOpen(p);
  const a = p.tab();
  await a.store.open();
  p.indexedDB.deleteDatabase('cpa-companion-settings');  // what web/lib_settings.js asks first
  a.store.deleteEverything();
  try {
    assert.deepEqual((await event(a, 'deleted')).failed, ['settings']);
  } finally {
    holder.close();
  }
});

async function setLock(t, doc, passphrase, extra = {}) {
  t.store.changeLock({ current: '', passphrase, iterations: 1000, lockAfter: 5, aad: 'aad', doc, fallback: 'locked fallback',
    rewrite: true, ...extra });
  return event(t, 'lock-changed', (e) => e.ok || e.why);
}

test('a passphrase set for the first time: the database is written anew, nothing plain is left in it', async () => {
  const p = profile();
  const a = p.tab(), b = p.tab();
  await a.store.open();
  await b.store.open();
  a.store.save(save(1, 'Secret plain words'));
  await event(a, 'saved');
  a.store.save(save(2, 'Secret plain words, more'));
  await event(a, 'saved', (e) => e.revision === 2);
  const changed = await setLock(a, 'Secret plain words, more', 'purple kettle');
  assert.equal(changed.ok, true);
  assert.equal(changed.on, true);
  const db = await stored(p.indexedDB);
  const text = JSON.stringify(db);
  assert.equal(text.includes('Secret plain'), false, 'no plain copy of the plans');
  assert.ok(db.current.doc.includes(LOCKED));
  assert.ok(db.previous.doc.includes(LOCKED));
  assert.equal(db.fallback, 'locked fallback');
  assert.equal(db.fallback_previous, undefined);
  assert.equal(await exists(p.indexedDB, REWRITE_DB), false);
  // The other tab heard it and is told of a record it cannot open (its core locks).
  const heard = await event(b, 'changed-elsewhere', (e) => e.latest.includes(LOCKED));
  assert.equal(heard.locked, false);
  assert.equal(b.of('deleted-elsewhere').length, 0);
  // Saves from now on are encrypted, and another tab's unlock reads them.
  a.store.save(save(3, 'Typed after the lock'));
  await event(a, 'saved', (e) => e.revision === 3);
  assert.equal(JSON.stringify(await stored(p.indexedDB)).includes('Typed after'), false);
  const c = p.tab();
  await c.store.open();
  c.store.unlock('purple kettle', 'aad');
  const opened = await event(c, 'unlocked');
  assert.equal(opened.ok, true);
  assert.equal(opened.latest, 'Typed after the lock');
  assert.equal(opened.previous, 'Secret plain words, more');
});

test('changing or removing the passphrase keeps every copy it cannot re-encrypt, aside, as it was', async () => {
  const p = profile();
  const a = p.tab();
  await a.store.open();
  a.store.save(save(1, 'plans'));
  await event(a, 'saved');
  await setLock(a, 'plans', 'first passphrase');
  // A copy locked another way (an older passphrase) and a damaged locked copy, as a disk fault might leave.
  const strange = lockedRecord({ iterations: 1000, salt: b64(new Uint8Array(16).fill(7)), iv: b64(new Uint8Array(12)), data: 'AAAA', lock_after_minutes: 5 });
  await new Promise((resolve) => {
    const r = p.indexedDB.open(DB_NAME);
    r.onsuccess = () => {
      const tx = r.result.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put({ doc: strange, save_id: 'p', saved_at: 1 }, 'previous');
      tx.objectStore(STORE).put([{ doc: LOCKED + ' damaged {', save_id: 'damaged', saved_at: 2 }], 'damaged');
      tx.oncomplete = () => { r.result.close(); resolve(); };
    };
  });
  a.store.changeLock({ current: 'first passphrase', passphrase: 'second passphrase', iterations: 1000, lockAfter: 5, aad: 'aad',
    doc: 'plans', fallback: 'locked fallback', rewrite: false });
  const changed = await event(a, 'lock-changed', (e) => e.on && a.of('lock-changed').indexOf(e) === 1);
  assert.equal(changed.ok, true);
  let db = await stored(p.indexedDB);
  const kept = db.damaged.map((r) => r.doc);
  assert.ok(kept.includes(strange), 'the copy under another passphrase is kept as it was');
  assert.equal(kept.length, 2, 'the damaged copy is kept too (re-encrypted: it had no lock of its own)');
  // Removed: the copies it cannot open are still there.
  a.store.changeLock({ current: 'second passphrase', passphrase: '', iterations: 1000, lockAfter: 5, aad: 'aad',
    doc: 'plans', fallback: 'plain fallback', rewrite: false });
  const removed = await event(a, 'lock-changed', (e) => !e.on);
  assert.equal(removed.ok, true);
  db = await stored(p.indexedDB);
  assert.equal(db.current.doc, 'plans');
  assert.ok(db.damaged.map((r) => r.doc).includes(strange));
  assert.deepEqual(removed.setAside.includes(strange), true);
  // A wrong passphrase changes nothing.
  await setLock(a, 'plans', 'third one', { rewrite: true });
  a.store.changeLock({ current: 'not it', passphrase: '', iterations: 1000, lockAfter: 5, aad: 'aad', doc: 'plans',
    fallback: 'x', rewrite: false });
  assert.equal((await event(a, 'lock-changed', (e) => e.why === 'wrong-passphrase')).ok, false);
});

test('a browser killed between deleting and remaking the database for the lock: the next start puts the records back', async () => {
  const p = profile();
  const values = { current: { doc: LOCKED + ' the plans', save_id: 's', saved_at: 1 }, fallback: 'locked fallback' };
  await new Promise((resolve) => {
    const r = p.indexedDB.open(REWRITE_DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => {
      const tx = r.result.transaction(STORE, 'readwrite');
      for (const [k, v] of Object.entries(values)) tx.objectStore(STORE).put(v, k);
      tx.oncomplete = () => { r.result.close(); resolve(); };
    };
  });
  const a = p.tab();
  await a.store.open();
  assert.equal(a.of('loaded')[0].latest, LOCKED + ' the plans');
  assert.equal(await exists(p.indexedDB, REWRITE_DB), false);
});

test('persistent storage: asked for, and what the browser answers is reported', async () => {
  const p = profile();
  let granted = false;
  const storage = { persisted: async () => granted, persist: async () => { granted = true; return true; } };
  const a = p.tab({ storage, device: { noServiceWorker: false, iphone: true, homeScreen: false } });
  await a.store.open();
  assert.deepEqual(a.of('durability')[0], { type: 'durability', persisted: false, noServiceWorker: false, iphone: true, homeScreen: false });
  await a.store.persist();
  assert.equal(a.of('durability')[1].persisted, true);
});

test('a request for persistent storage never answered (Firefox asks the person) holds back no save', async () => {
  const p = profile();
  const storage = { persisted: async () => false, persist: () => new Promise(() => {}) };
  const a = p.tab({ storage });
  await a.store.open();
  a.store.persist();
  a.store.save(save(1, 'written while the question is open'));
  await event(a, 'saved', (e) => e.revision === 1);
  assert.equal((await stored(p.indexedDB)).current.doc, 'written while the question is open');
});

test('no IndexedDB at all (a browser that refuses it): reported unavailable, with the reason', async () => {
  const indexedDB = { open() { throw new DOMException('blocked', 'SecurityError'); } };
  const a = tab(/** @type {any} */ (indexedDB));
  await a.store.open();
  assert.deepEqual(a.of('unavailable'), [{ type: 'unavailable', why: 'SecurityError' }]);
});
