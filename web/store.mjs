// @ts-check
// The person's records in the browser's own storage (IndexedDB): the JavaScript half of the
// store.  The C++ core decides what is written and when (core/plans/plans_store.hpp): what a good
// record is, which copy becomes the previous one, how two tabs' edits merge, when a failed save
// is tried again.  This module carries out one kind of write (writeRecords), reports the outcome
// of every effect it is given (save, delete, lock change) as an event the core turns into an
// action, and tells the core what it hears from other tabs.  It holds no rule of the app's own.
//
// The database "cpa-companion", object store "records", keys:
//   current, previous           {doc, save_id, saved_at}: the latest copy and the one before
//   damaged                     [{doc, save_id, saved_at}...]: copies kept aside (unreadable, or
//                               not re-locked); an older release wrote one record here
//   fallback, fallback_previous the plain page's record (core/lock/store_lock.hpp), and the last good one
// With a passphrase set, each doc is a locked record (AES-256-GCM; core/lock/store_lock.hpp).
//
// Other tabs: a save is announced on a BroadcastChannel; Delete everything deletes the database,
// which every other tab hears as its connection's versionchange (newVersion null); a newer release
// opening the database with a higher version is heard the same way (newVersion higher).  A release
// that changes what the store holds raises DB_VERSION.
//
// No object spread ({...x}) and no destructuring: Emscripten 3.1.6's JS optimizer
// (acorn-optimizer.js) cannot walk the one and prints the other wrongly (checked by
// tools/js_library_from_module.mjs).
// Runs in the page (web/lib_storage.js wraps it) and in Node with fake-indexeddb
// (tests/store/store.test.mjs): every browser object it uses comes in through `env`.

export const DB_NAME = 'cpa-companion';
export const DB_VERSION = 1;
export const STORE = 'records';
// A passphrase set for the first time rewrites the database; its records wait here meanwhile.
export const REWRITE_DB = 'cpa-companion-rewrite';
// Everything else the app keeps on the device, by the part Delete everything names.
export const OTHER_DATABASES = [['settings', 'cpa-companion-settings'], ['shared', 'cpa-shared-with-me']];
export const KEYS = ['current', 'previous', 'damaged', 'fallback', 'fallback_previous'];
const LOCKED = 'cpa-companion-locked';

/** @typedef {{doc: string, save_id: string, saved_at: number}} StoredRecord */
/** @typedef {{record: StoredRecord|null, fallback: string|null, setAside: StoredRecord[]}} Stored */
/** @typedef {{iterations: number, salt: string, iv: string, data: string, lock_after_minutes?: number}} LockFields */
/** @typedef {{key: CryptoKey, salt: string, iterations: number, aad: string, lockAfter: number}} Lock */
/**
 * A save the core asked for (core::SaveRecords).
 * @typedef {{revision: number, doc: string, fallback: string, keepDamaged: boolean, keepFallback: boolean,
 *   urgent: boolean, lock?: Lock|null, stored?: string|null, sealing?: Promise<string>}} SaveOp
 */
/**
 * A lock change the core asked for (core::ChangeStoreLock).
 * @typedef {{current: string, passphrase: string, iterations: number, lockAfter: number, aad: string,
 *   doc: string, fallback: string, rewrite: boolean}} LockOp
 */
/**
 * What one write does, decided by the core and carried out in one transaction.
 *  expect: the save id "current" must still have ('' when empty), or null for a write that cannot
 *    wait to read first (the page is closing): then it commits at once.
 *  current: the new latest copy.  keep: what becomes of the copy it replaces.
 *  previous, setAside: given outright (a lock change) instead of following from `keep`.
 * @typedef {{expect: string|null, current: StoredRecord, keep?: 'previous'|'damaged', previous?: StoredRecord|null,
 *   setAside?: StoredRecord[], fallback?: string, keepFallback?: boolean, dropFallbackPrevious?: boolean,
 *   revision?: number}} WriteOp
 */
/**
 * @typedef {{type: 'loaded', latest: string, previous: string, fallback: string, setAside: string[], newer: boolean}
 *   | {type: 'unavailable', why: string} | {type: 'blocked'}
 *   | {type: 'saved', revision: number} | {type: 'save-failed', revision: number, why: string}
 *   | {type: 'changed-elsewhere', latest: string, locked: boolean}
 *   | {type: 'deleted-elsewhere'} | {type: 'newer-elsewhere'} | {type: 'deleted', failed: string[]}
 *   | {type: 'durability', persisted: boolean, noServiceWorker: boolean, iphone: boolean, homeScreen: boolean}
 *   | {type: 'unlocked', ok: boolean, latest: string, previous: string, fallback: string, setAside: string[]}
 *   | {type: 'lock-changed', ok: boolean, on: boolean, why: string, setAside: string[]}
 *   | {type: 'state', state: 'saved'|'saving'|'waiting'} | {type: 'stage', stage: string}} StoreEvent
 */
/**
 * @typedef {Object} StoreEnv
 * @property {IDBFactory} indexedDB
 * @property {(event: StoreEvent) => void} report
 * @property {(doc: string) => LockFields|null} lockFields  the core's reading of a locked record
 * @property {(fields: LockFields) => string} lockedRecord  the core's locked record for these fields
 * @property {Crypto} crypto
 * @property {(bytes: Uint8Array) => string} b64  base64url, as the share links use it (web/lib_share.js)
 * @property {(text: string) => Uint8Array<ArrayBuffer>} unb64
 * @property {(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) => Promise<CryptoKey>} deriveKey
 * @property {typeof BroadcastChannel} [BroadcastChannel]
 * @property {string} [channelName]
 * @property {CacheStorage} [caches]
 * @property {ServiceWorkerContainer} [serviceWorker]
 * @property {{persisted?: () => Promise<boolean>, persist?: () => Promise<boolean>}} [storage]
 * @property {{noServiceWorker: boolean, iphone: boolean, homeScreen: boolean}} [device]
 * @property {number} [dbVersion]
 * @property {number} [debounceMs]
 * @property {number} [maxWaitMs]
 * @property {number} [blockedMs]  how long Delete everything waits for a tab that holds the database
 */

/** @param {IDBTransaction} tx @returns {Promise<void>} */
function finished(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error || new DOMException('aborted', 'AbortError'));
    tx.onerror = (e) => e.preventDefault();
  });
}

/**
 * A stored value as a record; anything else (damage) as text, so the core can say so.
 * @param {any} value  what the database held: anything, after damage  @returns {StoredRecord|null}
 */
function asRecord(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && typeof value.doc === 'string') return value;
  let text;
  try { text = typeof value === 'string' ? value : JSON.stringify(value); } catch (e) { text = String(value); }
  return { doc: text, save_id: 'damaged', saved_at: 0 };
}

/** The copies kept aside: a list, or the one record an older release kept. @param {any} value @returns {StoredRecord[]} */
function asList(value) {
  if (Array.isArray(value)) return value.map(asRecord).filter((r) => r !== null);
  const one = asRecord(value);
  return one ? [one] : [];
}

/** @param {StoreEnv} env */
export function createStore(env) {
  const version = env.dbVersion || DB_VERSION;
  const debounceMs = env.debounceMs ?? 250, maxWaitMs = env.maxWaitMs ?? 1000;
  const tabId = Math.random().toString(36).slice(2, 10);
  /** @type {IDBDatabase|null} */
  let db = null;
  let readOnly = false;       // a newer release's database: read, never written
  let closing = false;        // this tab is deleting or rewriting the database itself
  /** @type {Stored} the stored values as this tab last read or wrote them */
  let base = { record: null, fallback: null, setAside: [] };
  /** @type {Lock|null} while this tab holds the passphrase's key */
  let lock = null;
  /** @type {SaveOp|null} */
  let pending = null;
  /** @type {ReturnType<typeof setTimeout>|null} */
  let timer = null;
  let firstUnsaved = 0;
  let running = 0;
  /** @type {Promise<any>} */
  let queue = Promise.resolve();
  /** @type {{tx: IDBTransaction, superseded: boolean, revision: number}|null} a write that reads first, on its way */
  let checking = null;
  let lastIssued = 0;         // the newest revision whose write has begun
  let highestAsked = 0;       // the newest revision the core asked to save
  let forgottenUpTo = 0;      // saves up to here held what was deleted elsewhere: never written
  let forgotten = false;      // the core has been told everything was deleted (and nothing since)
  /** @type {BroadcastChannel|null} */
  let channel = null;

  const report = env.report;
  const signal = () => report({ type: 'state', state: running ? 'saving' : (timer || pending) ? 'waiting' : 'saved' });
  const newId = () => tabId + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);

  /** One job at a time, in the order asked. @param {() => Promise<any>|any} job */
  function enqueue(job) {
    running++;
    signal();
    queue = queue.then(job).catch((e) => console.warn('store: ' + e)).then(() => { running--; signal(); });
    return queue;
  }

  // ---- opening ----
  /** @param {string} name @param {number|undefined} v @param {boolean} create */
  function openDatabase(name, v, create) {
    return new Promise((resolve, reject) => {
      const request = v === undefined ? env.indexedDB.open(name) : env.indexedDB.open(name, v);
      request.onupgradeneeded = (e) => {
        if (!create && e.oldVersion === 0) { /** @type {IDBTransaction} */ (request.transaction).abort(); return; }
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      request.onblocked = () => report({ type: 'blocked' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = (e) => { e.preventDefault(); reject(request.error); };
    });
  }

  /** Every key's value, in one read. @param {IDBDatabase} from @returns {Promise<Record<string, any>>} */
  async function readAll(from) {
    if (!from.objectStoreNames.contains(STORE)) return {};
    const tx = from.transaction(STORE, 'readonly');
    const store = tx.objectStore(STORE);
    const requests = KEYS.map((k) => store.get(k));
    await finished(tx);
    /** @type {Record<string, any>} */
    const out = {};
    KEYS.forEach((k, i) => { out[k] = requests[i].result; });
    return out;
  }

  /** @param {Record<string, any>} got @returns {Stored} */
  function storedOf(got) {
    return { record: asRecord(got.current), fallback: typeof got.fallback === 'string' ? got.fallback : null,
      setAside: asList(got.damaged) };
  }

  /** @param {IDBDatabase} opened */
  function attach(opened) {
    db = opened;
    opened.onversionchange = (e) => {
      if (e.newVersion === null) { opened.close(); if (db === opened) db = null; if (!closing) deletedOrRewritten(); return; }
      // A newer release opened the store: what waits is written first (closing lets it finish).
      if (pending && !readOnly) writeNow(pending);
      opened.close();
      db = null;
      readOnly = true;
      report({ type: 'newer-elsewhere' });
    };
    // The browser closed it (the person cleared the site's data): everything is gone.
    opened.onclose = () => { if (db === opened) { db = null; forget(); } };
  }

  async function open() {
    try {
      await recoverRewrite();
      try {
        attach(await openDatabase(DB_NAME, version, true));
      } catch (e) {
        if (!e || e.name !== 'VersionError') throw e;
        // Made by a newer release (a deployment rolled back): read what can be read, never write.
        readOnly = true;
        attach(await openDatabase(DB_NAME, undefined, false));
      }
      const got = await readAll(/** @type {IDBDatabase} */ (db));
      base = storedOf(got);
      const previous = asRecord(got.previous);
      report({ type: 'loaded', latest: base.record ? base.record.doc : '', previous: previous ? previous.doc : '',
        fallback: base.fallback || '', setAside: base.setAside.map((r) => r.doc), newer: readOnly });
      listen();
      await durability();
    } catch (e) {
      report({ type: 'unavailable', why: String((e && e.name) || e || 'unavailable') });
    }
    signal();
  }

  // Opens the database again for a write after it was deleted elsewhere (a new, empty one).
  async function ensureDatabase() {
    if (db) return db;
    if (readOnly) return null;
    try { attach(await openDatabase(DB_NAME, version, true)); } catch (e) { return null; }
    return db;
  }

  // ---- the passphrase lock's cryptography (the format is the core's) ----
  /** @param {string} doc @param {Lock|null} withLock @returns {Promise<string|null>} */
  async function plainOf(doc, withLock) {
    if (doc.indexOf(LOCKED) < 0) return doc;
    const fields = env.lockFields(doc);
    if (!fields) return doc;  // not a good locked record: the core reads it as damaged
    if (!withLock || fields.salt !== withLock.salt) return null;
    try {
      const plain = await env.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: env.unb64(fields.iv), additionalData: new TextEncoder().encode(withLock.aad) },
        withLock.key, env.unb64(fields.data));
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch (e) { return null; }
  }
  /** @param {string} doc @param {Lock|null} withLock @returns {Promise<string>} */
  async function sealed(doc, withLock) {
    if (!withLock) return doc;
    const iv = env.crypto.getRandomValues(new Uint8Array(12));
    const data = new Uint8Array(await env.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(withLock.aad) },
      withLock.key, new TextEncoder().encode(doc)));
    return env.lockedRecord({ iterations: withLock.iterations, salt: withLock.salt, iv: env.b64(iv),
      data: env.b64(data), lock_after_minutes: withLock.lockAfter });
  }
  /** @param {string} passphrase @param {LockFields} fields @param {string} aad @returns {Promise<Lock|null>} */
  async function lockFrom(passphrase, fields, aad) {
    try {
      const key = await env.deriveKey(passphrase, env.unb64(fields.salt), fields.iterations);
      return { key, salt: fields.salt, iterations: fields.iterations, aad, lockAfter: fields.lock_after_minutes || 5 };
    } catch (e) { return null; }
  }

  // ---- the one write ----
  /**
   * Carries out a write the core decided, in one transaction: the latest copy, what becomes of the
   * one it replaces, the copies kept aside and the plain page's record.  Resolves 'ok', 'moved'
   * (another tab wrote first: nothing was written), 'superseded' (an urgent write took its place)
   * or the browser's error name.  Only a write that cannot wait (expect null) commits at once.
   * @param {IDBDatabase} into @param {WriteOp} op @returns {Promise<string>}
   */
  function writeRecords(into, op) {
    return new Promise((resolve) => {
      let moved = false, failure = '';
      /** @type {Stored|null} */
      let next = null;
      let tx;
      const me = { tx: /** @type {any} */ (null), superseded: false, revision: op.revision || 0 };
      try {
        tx = into.transaction(STORE, 'readwrite', { durability: 'strict' });
      } catch (e) { resolve(String((e && e.name) || 'error')); return; }
      me.tx = tx;
      const store = tx.objectStore(STORE);
      /** @param {Stored} replaced */
      const put = (replaced) => {
        let setAside = op.setAside || replaced.setAside;
        if (op.previous !== undefined) {
          if (op.previous) store.put(op.previous, 'previous'); else store.delete('previous');
        } else if (replaced.record && op.keep === 'damaged') {
          setAside = setAside.concat([Object.assign({}, replaced.record, { save_id: 'damaged', saved_at: Date.now() })]);
        } else if (replaced.record) {
          store.put(replaced.record, 'previous');
        }
        if (setAside.length) store.put(setAside, 'damaged'); else store.delete('damaged');
        store.put(op.current, 'current');
        if (op.fallback) {
          if (op.keepFallback && replaced.fallback) store.put(replaced.fallback, 'fallback_previous');
          store.put(op.fallback, 'fallback');
        }
        if (op.dropFallbackPrevious) store.delete('fallback_previous');
        next = { record: op.current, fallback: op.fallback || replaced.fallback, setAside };
      };
      const guarded = (/** @type {Stored} */ replaced) => {
        try { put(replaced); } catch (e) {
          // Refused on the spot (a full disk, on some browsers): the old records stay.
          failure = String((e && e.name) || 'error');
          try { tx.abort(); } catch (ignored) { /* finished already */ }
        }
      };
      tx.oncomplete = () => {
        if (checking === me) checking = null;
        if (next) base = next;
        resolve('ok');
      };
      tx.onabort = () => {
        if (checking === me) checking = null;
        resolve(me.superseded ? 'superseded' : moved ? 'moved' : failure || String((tx.error && tx.error.name) || 'error'));
      };
      tx.onerror = (e) => e.preventDefault();
      if (op.expect === null) {
        guarded(base);
        if (!failure && typeof tx.commit === 'function') tx.commit();
        return;
      }
      checking = me;
      const current = store.get('current'), fallback = store.get('fallback'), damaged = store.get('damaged');
      damaged.onsuccess = () => {  // requests answer in order: all three are in
        const now = asRecord(current.result);
        if ((now ? now.save_id : '') !== op.expect) { moved = true; tx.abort(); return; }
        guarded({ record: now, fallback: typeof fallback.result === 'string' ? fallback.result : null,
          setAside: asList(damaged.result) });
      };
    });
  }

  /** What another tab wrote, as the core should hear it. @param {StoredRecord} current */
  async function tellChanged(current) {
    const plain = await plainOf(current.doc, lock);
    if (plain === null) {
      // Another tab set or changed the passphrase: the core locks this tab too.
      lock = null;
      report({ type: 'changed-elsewhere', latest: current.doc, locked: false });
      return;
    }
    if (plain === current.doc && lock) lock = null;  // the lock was removed there
    report({ type: 'changed-elsewhere', latest: plain, locked: !!lock });
  }

  /** Reads what another tab wrote; tells the core if it is new to this tab. */
  async function readChanged() {
    if (!db) return;
    const got = await readAll(db);
    const now = storedOf(got);
    const before = base.record ? base.record.save_id : '';
    base = now;
    if (!now.record) { if (before) forget(); return; }
    forgotten = false;
    if (now.record.save_id !== before) await tellChanged(now.record);
  }

  /** @param {SaveOp} op */
  function prepare(op) {
    op.lock = lock;
    op.stored = lock ? null : op.doc;
    op.sealing = lock ? sealed(op.doc, lock).then((s) => { op.stored = s; return s; }) : Promise.resolve(op.doc);
  }

  /** @param {SaveOp} op @param {string} result */
  function answer(op, result) {
    if (result === 'ok') {
      forgotten = false;
      broadcast({ saved: base.record ? base.record.save_id : '' });
      report({ type: 'saved', revision: op.revision });
    } else if (result !== 'superseded' && result !== 'moved') {
      // Nothing was written: the core asks for this revision again (a retry), and it must go.
      if (lastIssued === op.revision) lastIssued = op.revision - 1;
      report({ type: 'save-failed', revision: op.revision, why: result });
    }
  }

  /** @param {SaveOp} op */
  function recordOf(op) {
    return { doc: /** @type {string} */ (op.stored), save_id: newId(), saved_at: Date.now() };
  }

  /** A save waited for its turn. @param {SaveOp} op */
  async function write(op) {
    if (op.revision <= lastIssued || op.revision <= forgottenUpTo) return;
    const into = readOnly ? null : await ensureDatabase();
    if (!into) { report({ type: 'save-failed', revision: op.revision, why: readOnly ? 'newer' : 'unavailable' }); return; }
    if (op.lock !== lock) prepare(op);  // the lock changed while it waited
    await op.sealing;
    if (op.revision <= lastIssued || op.revision <= forgottenUpTo) return;
    lastIssued = op.revision;
    const result = await writeRecords(into, { expect: base.record ? base.record.save_id : '', current: recordOf(op),
      keep: op.keepDamaged ? 'damaged' : 'previous', fallback: op.fallback, keepFallback: op.keepFallback,
      revision: op.revision });
    if (result === 'moved') await readChanged();  // the core merges and asks again
    answer(op, result);
  }

  /**
   * The page is being hidden or closed: its script may not run again, so the save is written in
   * this very task and committed at once.  A write that reads first and has not committed yet is
   * undone in its favour (it holds older words).  Between the two, a save another tab made in the
   * same moment may be replaced; that tab's core heard it first and merges on its next save.
   * @param {SaveOp} op
   */
  function writeNow(op) {
    if (op.revision < lastIssued || op.revision <= forgottenUpTo) return;
    // Already written, or committing: unless it is the write that reads first, still undoable.
    if (op.revision === lastIssued && !(checking && checking.revision === op.revision)) return;
    if (!db || readOnly || op.stored === null || op.stored === undefined || op.lock !== lock) { enqueue(() => write(op)); return; }
    if (checking) {
      checking.superseded = true;
      try { checking.tx.abort(); } catch (e) { /* committing already: this write follows it */ }
    }
    lastIssued = op.revision;
    running++;
    signal();
    writeRecords(db, { expect: null, current: recordOf(op), keep: op.keepDamaged ? 'damaged' : 'previous',
      fallback: op.fallback, keepFallback: op.keepFallback })
      .then((result) => { answer(op, result); running--; signal(); });
  }

  /** @param {SaveOp} op */
  function save(op) {
    highestAsked = Math.max(highestAsked, op.revision);
    // An urgent save of what already waits takes its sealed form, ready at once.
    if (op.urgent && pending && pending.revision === op.revision && pending.lock === lock) op = Object.assign({}, pending, { urgent: true });
    else prepare(op);
    if (op.urgent) {
      clearTimeout(timer);
      timer = null;
      if (pending && pending.revision <= op.revision) pending = null;
      writeNow(op);
      signal();
      return;
    }
    pending = op;
    const now = Date.now();
    if (!timer) firstUnsaved = now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, firstUnsaved + maxWaitMs - now)));
    signal();
  }

  function flush() {
    clearTimeout(timer);
    timer = null;
    const op = pending;
    pending = null;
    if (op) enqueue(() => write(op));
    signal();
  }

  // ---- other tabs ----
  /** @param {object} message */
  function broadcast(message) {
    if (channel) channel.postMessage(Object.assign({ tab: tabId }, message));
  }

  function listen() {
    if (channel || !env.BroadcastChannel) return;
    channel = new env.BroadcastChannel(env.channelName || 'cpa-companion-records');
    channel.onmessage = (e) => {
      if (!e.data || e.data.tab === tabId) return;
      if (e.data.deleted) { forget(); return; }
      enqueue(readChanged);
    };
  }

  // Everything was deleted elsewhere: what waits to be written held it, so it never is.
  function forget() {
    if (forgotten) return;
    forgotten = true;
    forgottenUpTo = highestAsked;
    clearTimeout(timer);
    timer = null;
    pending = null;
    base = { record: null, fallback: null, setAside: [] };
    lock = null;
    report({ type: 'deleted-elsewhere' });
    signal();
  }

  // The database was deleted by another tab: Delete everything, or a passphrase set there (the
  // database written anew).  The new one, if any, is ready by the time this open is answered
  // (requests for one database are answered in the order made).
  async function deletedOrRewritten() {
    clearTimeout(timer);
    timer = null;
    pending = null;
    try {
      const opened = await openDatabase(DB_NAME, undefined, false);
      const got = await readAll(opened);
      if (!asRecord(got.current)) { opened.close(); forget(); return; }
      attach(opened);
      base = storedOf(got);
      forgotten = false;
      await tellChanged(/** @type {StoredRecord} */ (base.record));
    } catch (e) {
      forget();
    }
  }

  // ---- the passphrase lock ----
  /** @param {string} passphrase @param {string} aad */
  async function unlock(passphrase, aad) {
    const fail = () => report({ type: 'unlocked', ok: false, latest: '', previous: '', fallback: '', setAside: [] });
    if (!db) { fail(); return; }
    const got = await readAll(db);
    const current = asRecord(got.current), previous = asRecord(got.previous);
    const source = current || previous;
    const fields = source ? env.lockFields(source.doc) : null;
    if (!fields) { fail(); return; }
    report({ type: 'stage', stage: 'deriving' });
    const opened = await lockFrom(passphrase, fields, aad);
    report({ type: 'stage', stage: '' });
    if (!opened) { fail(); return; }
    const latest = current ? await plainOf(current.doc, opened) : '';
    if (latest === null || (!current && previous && (await plainOf(previous.doc, opened)) === null)) { fail(); return; }
    const before = previous ? await plainOf(previous.doc, opened) : '';
    const setAside = [];
    for (const r of asList(got.damaged)) setAside.push((await plainOf(r.doc, opened)) ?? r.doc);
    lock = opened;
    base = storedOf(got);
    report({ type: 'unlocked', ok: true, latest, previous: before ?? '', fallback: base.fallback || '', setAside });
  }

  /**
   * Set, change or remove the passphrase.  Everything stored is re-formed under the new key (or
   * none); a copy the old key cannot open is kept as it is, aside, never deleted.  Then one write
   * (or, setting it for the first time, the whole database written anew); the new key is used
   * only once that has committed.
   * @param {LockOp} op
   */
  async function changeLock(op) {
    const answerCore = (/** @type {boolean} */ ok, /** @type {boolean} */ on, why = '', /** @type {string[]} */ setAside = []) =>
      report({ type: 'lock-changed', ok, on, why, setAside });
    const into = await ensureDatabase();
    if (!into) { answerCore(false, false, 'unavailable'); return; }
    const got = await readAll(into);
    const current = asRecord(got.current);
    const fields = current ? env.lockFields(current.doc) : null;
    report({ type: 'stage', stage: 'deriving' });
    /** @type {Lock|null} */
    let old = null;
    if (fields) {
      // Locked now: the passphrase given must open the latest copy.
      old = await lockFrom(op.current, fields, op.aad);
      if (!old || (await plainOf(/** @type {StoredRecord} */ (current).doc, old)) === null) {
        report({ type: 'stage', stage: '' });
        answerCore(false, true, 'wrong-passphrase');
        return;
      }
    }
    /** @type {Lock|null} */
    let fresh = null;
    if (op.passphrase) {
      const salt = env.b64(env.crypto.getRandomValues(new Uint8Array(16)));
      fresh = await lockFrom(op.passphrase, { salt, iterations: op.iterations, iv: '', data: '', lock_after_minutes: op.lockAfter }, op.aad);
      if (!fresh) { report({ type: 'stage', stage: '' }); answerCore(false, !!old, 'error'); return; }
      fresh.lockAfter = op.lockAfter;
    }
    /** @type {StoredRecord[]} */
    const setAside = [];
    /** Re-formed under the new key, or kept aside as it is. @param {StoredRecord|null} r @returns {Promise<StoredRecord|null>} */
    const reform = async (r) => {
      if (!r) return null;
      const plain = await plainOf(r.doc, old);
      if (plain === null) { setAside.push(r); return null; }
      return { doc: await sealed(plain, fresh), save_id: r.save_id, saved_at: r.saved_at };
    };
    // The copy stored until now becomes the previous one (or the previous, if it cannot be); each
    // is tried, so one the old key cannot open is kept aside rather than dropped.
    const fromCurrent = await reform(current), fromPrevious = await reform(asRecord(got.previous));
    const previous = fromCurrent || fromPrevious;
    for (const r of asList(got.damaged)) { const again = await reform(r); if (again) setAside.push(again); }
    const latest = { doc: await sealed(op.doc, fresh), save_id: newId(), saved_at: Date.now() };
    report({ type: 'stage', stage: 'writing' });
    const toWrite = { expect: current ? current.save_id : '', current: latest, previous, setAside, fallback: op.fallback,
      keepFallback: false, dropFallbackPrevious: true };
    const result = op.rewrite ? await rewrite(toWrite) : await writeRecords(into, toWrite);
    report({ type: 'stage', stage: '' });
    if (result !== 'ok') { answerCore(false, !!old, result === 'moved' ? 'changed-elsewhere' : result); return; }
    lock = fresh;
    broadcast({ saved: latest.save_id });
    const readable = [];
    for (const r of setAside) readable.push((await plainOf(r.doc, fresh)) ?? r.doc);
    answerCore(true, !!fresh, '', readable);
  }

  /**
   * The whole database written anew: no plain copy that a delete can reach stays in the
   * browser's files.  The records first go to a database of their own, so a browser killed
   * between the delete and the new database loses nothing (recoverRewrite finishes the job).
   * @param {WriteOp} op @returns {Promise<string>}
   */
  async function rewrite(op) {
    /** @type {Record<string, any>} */
    const values = { current: op.current, fallback: op.fallback };
    if (op.previous) values.previous = op.previous;
    if (op.setAside && op.setAside.length) values.damaged = op.setAside;
    try {
      if (!db || (base.record ? base.record.save_id : '') !== op.expect) {
        const now = db ? storedOf(await readAll(db)) : base;
        if ((now.record ? now.record.save_id : '') !== op.expect) return 'moved';
      }
      await putAll(REWRITE_DB, values);
      closing = true;
      if (db) db.close();
      db = null;
      await replaceDatabase(values);
      await deleteDatabase(REWRITE_DB);
      base = { record: op.current, fallback: op.fallback || null, setAside: op.setAside || [] };
      return 'ok';
    } catch (e) {
      return String((e && e.name) || 'error');
    } finally {
      closing = false;
    }
  }

  /** A database with one store holding these values, made or overwritten. @param {string} name @param {Record<string, any>} values */
  async function putAll(name, values) {
    const into = await openDatabase(name, 1, true);
    const tx = into.transaction(STORE, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(STORE);
    for (const key of KEYS) if (values[key] !== undefined) store.put(values[key], key); else store.delete(key);
    try { await finished(tx); } finally { into.close(); }
  }

  /** Deletes the records database and makes it again holding these values, in one go. @param {Record<string, any>} values */
  function replaceDatabase(values) {
    return new Promise((resolve, reject) => {
      const removal = env.indexedDB.deleteDatabase(DB_NAME);
      removal.onerror = (e) => { e.preventDefault(); };
      // Asked for at once, behind the delete: no other tab's open comes between them.
      const request = env.indexedDB.open(DB_NAME, version);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE);
        for (const key of KEYS) if (values[key] !== undefined) store.put(values[key], key);
      };
      request.onsuccess = () => { attach(request.result); resolve(undefined); };
      request.onerror = (e) => { e.preventDefault(); reject(request.error); };
    });
  }

  // A passphrase was being set when the browser stopped: its records are in REWRITE_DB.  If the
  // records database lost them (deleted, not yet made again), they are put back; then it goes.
  async function recoverRewrite() {
    let staged;
    try { staged = await openDatabase(REWRITE_DB, undefined, false); } catch (e) { return; }
    const values = await readAll(staged);
    staged.close();
    let main = null;
    try { main = await openDatabase(DB_NAME, undefined, false); } catch (e) { /* not there */ }
    const kept = main ? asRecord((await readAll(main)).current) : null;
    if (main) main.close();
    if (!kept && asRecord(values.current)) await putAll(DB_NAME, values);
    await deleteDatabase(REWRITE_DB);
  }

  /** @param {string} name @returns {Promise<string>} 'ok', 'blocked' (another tab holds it), or an error name */
  // A tab that holds the database is given blockedMs to let go after the browser says it is
  // blocked.  A request queued behind another delete of the same database is told nothing at all
  // (Chromium, fake-indexeddb), so every delete also has a ceiling, five times that, after which
  // it is reported as not done rather than left waiting for ever.
  function deleteDatabase(name) {
    return new Promise((resolve) => {
      const patience = env.blockedMs ?? 3000;
      /** @type {ReturnType<typeof setTimeout>|null} */
      let wait = null;
      const ceiling = setTimeout(() => resolve('blocked'), 5 * patience);
      const done = (/** @type {string} */ outcome) => { clearTimeout(wait); clearTimeout(ceiling); resolve(outcome); };
      const request = env.indexedDB.deleteDatabase(name);
      request.onsuccess = () => done('ok');
      request.onerror = (e) => { e.preventDefault(); done(String((request.error && request.error.name) || 'error')); };
      request.onblocked = () => { wait = setTimeout(() => done('blocked'), patience); };
    });
  }

  // ---- deleting everything ----
  async function deleteEverything() {
    clearTimeout(timer);
    timer = null;
    pending = null;
    forgottenUpTo = highestAsked;
    lock = null;
    base = { record: null, fallback: null, setAside: [] };
    closing = true;
    if (db) db.close();
    db = null;
    /** @type {string[]} */
    const failed = [];
    const gone = async (/** @type {string} */ part, /** @type {string} */ name) => {
      if ((await deleteDatabase(name)) !== 'ok' && !failed.includes(part)) failed.push(part);
    };
    await gone('records', DB_NAME);
    await gone('records', REWRITE_DB);
    for (const other of OTHER_DATABASES) await gone(other[0], other[1]);
    try {
      if (env.caches) for (const name of await env.caches.keys()) if (!(await env.caches.delete(name))) throw new Error(name);
      // The offline copy's worker goes too; the page registers it again on its next visit.
      if (env.serviceWorker) for (const r of await env.serviceWorker.getRegistrations()) await r.unregister();
    } catch (e) { failed.push('offline'); }
    closing = false;
    readOnly = false;
    broadcast({ deleted: true });
    report({ type: 'deleted', failed });
  }

  // ---- how long it will last ----
  async function durability() {
    let persisted = false;
    try { persisted = !!(env.storage && env.storage.persisted && await env.storage.persisted()); } catch (e) { /* unknown: not kept */ }
    const device = env.device || { noServiceWorker: false, iphone: false, homeScreen: false };
    report({ type: 'durability', persisted, noServiceWorker: device.noServiceWorker, iphone: device.iphone,
      homeScreen: device.homeScreen });
  }

  return {
    open,
    save,
    /** Writes what waits now (the page is closing), if the core has not asked already. */
    flush,
    /** @param {string} passphrase @param {string} aad */
    unlock: (passphrase, aad) => enqueue(() => unlock(passphrase, aad)),
    /** @param {LockOp} op */
    changeLock: (op) => { flush(); return enqueue(() => changeLock(op)); },
    // Lock: the saves already asked for are written (with the key), then the key is forgotten.
    forgetKey: () => { flush(); return enqueue(() => { lock = null; }); },
    deleteEverything: () => enqueue(deleteEverything),
    // Not in the queue of writes: Firefox asks the person first, and its question may stay
    // unanswered for as long as the page is open, so no save may wait on it.
    persist: () => {
      const storage = env.storage;
      const asked = storage && storage.persist ? Promise.resolve().then(() => storage.persist()) : Promise.resolve(false);
      return asked.catch(() => false).then(durability);
    },
    /** Resolves when every job asked for so far has finished (tests). */
    idle: () => queue,
    close: () => {
      clearTimeout(timer);
      timer = null;
      if (channel) channel.close();
      channel = null;
      if (db) db.close();
      db = null;
    },
  };
}
