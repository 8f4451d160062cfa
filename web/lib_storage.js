// The person's records in the browser's own storage (IndexedDB).  One object store holds
// "current" and "previous" (the last good copy), and the fallback record for the plain page
// ("fallback", "fallback_previous").  Each save writes them in one transaction, so a crash
// leaves the old records or the new ones, never half.  The C++ core decides what a good record
// is, how to merge and what the fallback shows; this file moves strings, and with a passphrase
// set it encrypts and decrypts them (WebCrypto: PBKDF2-SHA256 -> AES-256-GCM; the format is
// core/store_lock.hpp's).  Writes and lock changes run one at a time, in the order asked.
mergeInto(LibraryManager.library, {
  $CpaStore__deps: ['$CpaCore', '$CpaShare'],
  $CpaStore: {
    db: null,
    available: false,
    baseSaveId: '',     // the save this tab last read or wrote
    pending: null,      // {doc, fallback, revision} waiting for the debounce
    timer: 0,
    running: 0,         // queued writes and lock changes not finished
    others: 0,          // of those, the ones that are not plain writes (lock changes, merges, deleting)
    merging: false,     // a write is merging another tab's save
    newest: 0,          // the newest revision whose write transaction has begun
    unwritten: null,    // the newest save handed to the queue whose turn has not come
    writing: null,      // the save whose quick write is on its way
    quickTx: null,      // and its transaction
    inFlight: {},       // save ids of this tab's quick writes begun and not yet finished
    // The good record and fallback this tab last wrote (or is writing): what a write made while
    // the page closes keeps as the previous copies without reading them first.
    lastRecord: null,
    lastFallback: '',
    queue: null,
    channel: null,
    tabId: '',
    // While this tab holds the passphrase's key: {key, salt, iterations, aad, lockAfter}.  The
    // key is a non-extractable CryptoKey; the passphrase itself is never kept.
    lock: null,
    DB: 'cpa-companion',
    STORE: 'records',
    // Saved when the person pauses for DEBOUNCE_MS, and at least every MAX_WAIT_MS while they
    // type on: "saved as the person types", without a write still on its way whenever they stop
    // (closing the page just after typing then writes in one transaction, in the closing task).
    DEBOUNCE_MS: 250,
    MAX_WAIT_MS: 1000,
    firstUnsaved: 0,    // when the oldest change not yet handed to the queue was made
    ATTEMPTS: 5,        // another tab writing in between: read again and retry

    core: function (name, args, returnsString) { return CpaCore.call(name, args, returnsString); },

    newSaveId: function () {
      return CpaStore.tabId + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
    },

    open: function () {
      CpaStore.tabId = Math.random().toString(36).slice(2, 10);
      CpaStore.queue = Promise.resolve();
      var fail = function (why) {
        CpaStore.available = false;
        CpaStore.core('cpa_storage_loaded', [0, '', '', String(why || 'unavailable')]);
      };
      var request;
      try {
        request = indexedDB.open(CpaStore.DB, 1);
      } catch (e) { fail(e && e.name); return; }
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(CpaStore.STORE)) db.createObjectStore(CpaStore.STORE);
      };
      request.onerror = function () { fail(request.error && request.error.name); };
      request.onblocked = function () { fail('blocked'); };
      request.onsuccess = function () {
        var db = request.result;
        CpaStore.db = db;
        db.onversionchange = function () { db.close(); };
        CpaStore.read(['current', 'previous']).then(function (got) {
          var current = CpaStore.valid(got.current), previous = CpaStore.valid(got.previous);
          CpaStore.available = true;
          CpaStore.baseSaveId = current ? current.save_id : '';
          CpaStore.core('cpa_storage_loaded', [1, current ? current.doc : '', previous ? previous.doc : '', '']);
          CpaStore.listen();
        }, function (e) { fail(e && e.name); });
      };
    },

    // One read-only transaction: {key: stored value}.
    read: function (keys) {
      return new Promise(function (resolve, reject) {
        var tx = CpaStore.db.transaction(CpaStore.STORE, 'readonly');
        var store = tx.objectStore(CpaStore.STORE);
        var requests = keys.map(function (k) { return store.get(k); });
        tx.oncomplete = function () {
          var out = {};
          keys.forEach(function (k, i) { out[k] = requests[i].result; });
          resolve(out);
        };
        tx.onerror = tx.onabort = function () { reject(tx.error); };
      });
    },

    // Writes only if "current" still has the save id read before (no other tab wrote since):
    // resolves 'ok', 'moved' (read again and retry), or the browser's error name.
    writeIf: function (expectedSaveId, write) {
      return new Promise(function (resolve) {
        var failure = null, moved = false;
        try {
          var tx = CpaStore.db.transaction(CpaStore.STORE, 'readwrite', { durability: 'strict' });
          var store = tx.objectStore(CpaStore.STORE);
          var get = store.get('current');
          get.onsuccess = function () {
            var now = get.result && typeof get.result === 'object' ? get.result.save_id : get.result;
            if (now !== expectedSaveId) { moved = true; tx.abort(); return; }
            try { write(store); } catch (e) {
              // A write refused on the spot (a full disk on some browsers): keep the old records.
              failure = e && e.name;
              try { tx.abort(); } catch (ignored) { /* already finished */ }
            }
          };
          tx.oncomplete = function () { resolve('ok'); };
          tx.onabort = function () { resolve(moved ? 'moved' : String(failure || (tx.error && tx.error.name) || 'error')); };
          tx.onerror = function (e) { e.preventDefault && e.preventDefault(); };
        } catch (e) { resolve(String((e && e.name) || 'error')); }
      });
    },

    // A stored value is {doc: string, save_id: string, saved_at: number}; anything else (a
    // damaged value) is passed on as text so the core can say so and offer to export it.
    valid: function (value) {
      if (value === undefined || value === null) return null;
      if (typeof value === 'object' && typeof value.doc === 'string') return value;
      var text;
      try { text = typeof value === 'string' ? value : JSON.stringify(value); } catch (e) { text = String(value); }
      return { doc: text, save_id: 'damaged' };
    },

    // ---- the passphrase lock ----
    lockFields: function (doc) {
      var fields = CpaStore.core('cpa_storage_lock_fields', [doc], true);
      return fields ? JSON.parse(fields) : null;
    },
    isLocked: function (doc) { return doc.indexOf('cpa-companion-locked') >= 0 && !!CpaStore.lockFields(doc); },
    deriveKey: function (passphrase, salt, iterations) {
      return CpaShare.key(passphrase, CpaShare.unb64(salt), iterations);
    },
    decrypt: async function (key, aad, fields) {
      var plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: CpaShare.unb64(fields.iv), additionalData: new TextEncoder().encode(aad) },
        key, CpaShare.unb64(fields.data));
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    },
    // The plain text of a stored document: as it is when not locked; decrypted with this lock's
    // key when it is; null when it is locked and this key does not open it.
    plainOf: async function (doc, lock) {
      if (doc.indexOf('cpa-companion-locked') < 0) return doc;
      var fields = CpaStore.lockFields(doc);
      if (!fields) return doc;  // not a good locked record: the core reads it as damaged
      if (!lock || fields.salt !== lock.salt) return null;
      try { return await CpaStore.decrypt(lock.key, lock.aad, fields); } catch (e) { return null; }
    },
    // What is stored for a plain document: itself, or its locked record under this lock.
    sealed: async function (doc, lock) {
      if (!lock) return doc;
      var iv = crypto.getRandomValues(new Uint8Array(12));
      var data = new Uint8Array(await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: iv, additionalData: new TextEncoder().encode(lock.aad) },
        lock.key, new TextEncoder().encode(doc)));
      return CpaStore.core('cpa_storage_locked_record',
        [lock.iterations, lock.salt, CpaShare.b64(iv), CpaShare.b64(data), lock.lockAfter], true);
    },

    // ---- one job at a time ----
    // kind: 'write' for a plain save; anything else (a lock change, another tab's save, deleting)
    // keeps a save made while the page closes waiting its turn.
    enqueue: function (job, kind) {
      var other = kind !== 'write';
      CpaStore.running++;
      if (other) CpaStore.others++;
      CpaStore.signal();
      CpaStore.queue = CpaStore.queue.then(job).catch(function (e) { console.warn('store: ' + e); })
        .then(function () {
          CpaStore.running--;
          if (other) CpaStore.others--;
          CpaStore.signal();
        });
    },
    // The page says whether every save asked for is durable: data-store="saved"; "waiting" (a
    // change waits for the person to pause, nothing is being written) or "saving" (tests wait for
    // this, and it never holds any of the person's words).
    signal: function () {
      var state = CpaStore.running ? 'saving' : (CpaStore.timer || CpaStore.pending) ? 'waiting' : 'saved';
      document.documentElement.setAttribute('data-store', state);
    },
    stage: function (name) {
      if (name) document.documentElement.setAttribute('data-lock', name);
      else document.documentElement.removeAttribute('data-lock');
    },

    // Other tabs: when one saves, the others read it and merge it into what they show.
    listen: function () {
      if (typeof BroadcastChannel !== 'function') return;
      CpaStore.channel = new BroadcastChannel('cpa-companion-records');
      CpaStore.channel.onmessage = function (e) {
        if (!e.data || e.data.tab === CpaStore.tabId) return;
        CpaStore.enqueue(async function () {
          var got = await CpaStore.read(['current']);
          var current = CpaStore.valid(got.current);
          var saveId = current ? current.save_id : '';
          if (saveId === CpaStore.baseSaveId) return;
          CpaStore.baseSaveId = saveId;
          CpaStore.forgetWritten();
          // An empty document: another tab deleted everything.
          if (!current) { CpaStore.lock = null; CpaStore.core('cpa_storage_changed_elsewhere', ['']); return; }
          var plain = await CpaStore.plainOf(current.doc, CpaStore.lock);
          if (plain === null) {
            // Another tab set or changed the passphrase: the core locks this tab too.
            CpaStore.lock = null;
            CpaStore.core('cpa_storage_changed_elsewhere', [current.doc]);
            return;
          }
          if (plain === current.doc && CpaStore.lock) CpaStore.lock = null;  // the lock was removed there
          CpaStore.core('cpa_storage_changed_elsewhere', [plain]);
        });
      };
    },
    broadcast: function (saveId) {
      if (CpaStore.channel) CpaStore.channel.postMessage({ tab: CpaStore.tabId, save_id: saveId });
    },

    save: function (doc, revision, fallback) {
      var job = { doc: doc, revision: revision, fallback: fallback };
      CpaStore.prepare(job);
      CpaStore.pending = job;
      var now = Date.now();
      if (!CpaStore.timer) CpaStore.firstUnsaved = now;
      clearTimeout(CpaStore.timer);
      var wait = Math.max(0, Math.min(CpaStore.DEBOUNCE_MS, CpaStore.firstUnsaved + CpaStore.MAX_WAIT_MS - now));
      CpaStore.timer = setTimeout(CpaStore.flush, wait);
      CpaStore.signal();
    },

    // urgent: the page is being hidden or closed.  Its script may not run again (a closing page's
    // request callbacks never come), and a job queued behind a write still on its way may never
    // start, so the save is written by writeNow in this very task.  Only when nothing but this
    // tab's own plain writes is under way: a lock change, a merge or deleting keeps the usual order.
    flush: function (urgent) {
      clearTimeout(CpaStore.timer);
      CpaStore.timer = 0;
      // A save handed on already, waiting its turn or being written, counts too.
      var job = CpaStore.pending || (urgent === true ? CpaStore.unwritten || CpaStore.writing : null);
      if (!job) return;
      CpaStore.pending = null;
      var queued = job === CpaStore.unwritten || job === CpaStore.writing;
      var now = urgent === true && CpaStore.others === 0 && !CpaStore.merging &&
        CpaStore.available && CpaStore.db && job.lock === CpaStore.lock && job.stored !== null;
      if (!now) { if (!queued) CpaStore.enqueueWrite(job); return; }
      CpaStore.unwritten = CpaStore.writing = null;
      job.taken = true;  // its place in the queue, if it has one, is skipped
      // A quick write still on its way would hold this one back, and a transaction waiting
      // behind another is lost when the page goes: it is undone, and this one writes the same
      // person's records or newer.
      if (CpaStore.quickTx) {
        CpaStore.quickTx.cpaSuperseded = true;
        try { CpaStore.quickTx.abort(); } catch (e) { /* finished already */ }
      }
      CpaStore.running++;
      CpaStore.signal();
      CpaStore.writeNow(job).then(function (result) {
        if (result !== 'superseded') CpaStore.core('cpa_storage_saved', [job.revision, result === 'ok' ? 1 : 0, result === 'ok' ? '' : result]);
        CpaStore.running--;
        CpaStore.signal();
      });
    },
    enqueueWrite: function (job) {
      CpaStore.unwritten = job;
      CpaStore.enqueue(function () {
        if (CpaStore.unwritten === job) CpaStore.unwritten = null;
        return job.taken ? null : CpaStore.write(job);
      }, 'write');
    },

    // What is stored for the job's document, made as soon as the save is asked for (encrypting
    // takes a moment), so that a write when the page is being hidden can start at once.
    prepare: function (job) {
      job.lock = CpaStore.lock;
      job.stored = job.lock ? null : job.doc;
      job.sealing = job.lock ? CpaStore.sealed(job.doc, job.lock).then(function (s) { job.stored = s; return s; }) : null;
    },

    // The old latest becomes the previous good copy (or, if it cannot be read, is kept aside as
    // "damaged"), the new record becomes the latest, and the fallback record goes with it.
    write: async function (job) {
      var done = function (ok, why) {
        CpaStore.core('cpa_storage_saved', [job.revision, ok ? 1 : 0, ok ? '' : String(why || 'error')]);
      };
      if (!CpaStore.available || !CpaStore.db) { done(false, 'unavailable'); return; }
      if (job.lock !== CpaStore.lock) CpaStore.prepare(job);
      if (job.stored === null) await job.sealing;
      // Nobody else wrote since this tab last looked (the usual case): one transaction that reads
      // the latest copy and writes in its answer.  If the page closes before that answer, flush
      // writes this job again with writeNow.
      CpaStore.writing = job;
      var quick = await CpaStore.writeQuick(job);
      if (CpaStore.writing === job) CpaStore.writing = null;
      if (quick === 'superseded') return;  // a newer save was written when the page was hidden
      if (quick !== 'elsewhere') { done(quick === 'ok', quick); return; }
      CpaStore.merging = true;
      try { await CpaStore.writeMerging(job, done); } finally { CpaStore.merging = false; }
    },

    // Another tab wrote since this one last looked: read, merge and write, again if it moves.
    writeMerging: async function (job, done) {
      var why = 'busy';
      for (var attempt = 0; attempt < CpaStore.ATTEMPTS; attempt++) {
        var lock = CpaStore.lock;
        var got = await CpaStore.read(['current', 'fallback']);
        var existing = CpaStore.valid(got.current);
        var doc = job.doc, fallback = job.fallback;
        var existingPlain = existing ? await CpaStore.plainOf(existing.doc, lock) : null;
        if (existing && existing.save_id !== CpaStore.baseSaveId && existing.save_id !== 'damaged') {
          // Another tab saved since this one last looked: merge, so neither edit is lost.
          if (existingPlain === null) { done(false, 'locked'); return; }
          doc = CpaStore.core('cpa_storage_merge', [existingPlain], true);
          fallback = CpaStore.core('cpa_storage_fallback', [], true);
        }
        var good = existingPlain !== null && CpaStore.core('cpa_storage_is_good', [existingPlain]);
        var fallbackGood = typeof got.fallback === 'string' && CpaStore.core('cpa_storage_fallback_is_good', [got.fallback]);
        var stored = doc === job.doc && lock === job.lock && job.stored !== null ? job.stored : await CpaStore.sealed(doc, lock);
        var saveId = CpaStore.newSaveId();
        var result = await CpaStore.writeIf(got.current && typeof got.current === 'object' ? got.current.save_id : got.current,
          function (store) {
            if (existing) {
              if (good) store.put(existing, 'previous');
              else store.put({ doc: existing.doc, save_id: 'damaged', saved_at: Date.now() }, 'damaged');
            }
            var record = { doc: stored, save_id: saveId, saved_at: Date.now() };
            store.put(record, 'current');
            if (fallback) {
              if (fallbackGood) store.put(got.fallback, 'fallback_previous');
              store.put(fallback, 'fallback');
            }
            CpaStore.wrote(record, fallback);
          });
        if (result === 'ok') {
          CpaStore.baseSaveId = saveId;
          CpaStore.broadcast(saveId);
          done(true);
          return;
        }
        if (result !== 'moved') { done(false, result); return; }
        why = 'busy';
      }
      done(false, why);
    },

    // Every write issued at once, in this task, and committed at once (IDBTransaction.commit):
    // a closing page's script may not run again, and a transaction left to commit itself after
    // its requests answer is undone when the page goes.  Nothing is read first, so the latest
    // and the fallback this tab last wrote become the previous copies.  Only called when this tab
    // has no word of another tab's save waiting (flush): a save made by another tab in the
    // moment before is then replaced here, and kept in that tab, which merges it on its next save.
    writeNow: function (job) {
      return new Promise(function (resolve) {
        if (job.revision < CpaStore.newest) { resolve('superseded'); return; }
        CpaStore.newest = job.revision;
        var saveId = CpaStore.newSaveId();
        CpaStore.inFlight[saveId] = true;
        var finish = function (result) { delete CpaStore.inFlight[saveId]; resolve(result); };
        try {
          var tx = CpaStore.db.transaction(CpaStore.STORE, 'readwrite', { durability: 'strict' });
          var store = tx.objectStore(CpaStore.STORE);
          var record = { doc: job.stored, save_id: saveId, saved_at: Date.now() };
          if (CpaStore.lastRecord) store.put(CpaStore.lastRecord, 'previous');
          store.put(record, 'current');
          if (job.fallback) {
            if (CpaStore.lastFallback) store.put(CpaStore.lastFallback, 'fallback_previous');
            store.put(job.fallback, 'fallback');
          }
          CpaStore.wrote(record, job.fallback);
          tx.oncomplete = function () {
            CpaStore.baseSaveId = saveId;
            CpaStore.broadcast(saveId);
            finish('ok');
          };
          tx.onabort = function () { finish(String((tx.error && tx.error.name) || 'error')); };
          tx.onerror = function (e) { e.preventDefault && e.preventDefault(); };
          if (typeof tx.commit === 'function') tx.commit();
        } catch (e) { finish(String((e && e.name) || 'error')); }
      });
    },
    wrote: function (record, fallback) {
      CpaStore.lastRecord = record;
      if (fallback) CpaStore.lastFallback = fallback;
    },
    forgetWritten: function () {
      CpaStore.lastRecord = null;
      CpaStore.lastFallback = '';
    },

    // Resolves 'ok', 'elsewhere' (another tab wrote: merge), 'superseded' (a newer revision's
    // write has begun already) or the browser's error name.
    writeQuick: function (job) {
      return new Promise(function (resolve) {
        if (job.revision < CpaStore.newest) { resolve('superseded'); return; }
        CpaStore.newest = job.revision;
        var elsewhere = false, failure = null;
        var saveId = CpaStore.newSaveId();
        CpaStore.inFlight[saveId] = true;
        var tx = null;
        var finish = function (result) {
          delete CpaStore.inFlight[saveId];
          if (CpaStore.quickTx === tx) CpaStore.quickTx = null;
          resolve(result);
        };
        try {
          tx = CpaStore.db.transaction(CpaStore.STORE, 'readwrite', { durability: 'strict' });
          CpaStore.quickTx = tx;
          var store = tx.objectStore(CpaStore.STORE);
          var current = store.get('current'), fallback = store.get('fallback');
          fallback.onsuccess = function () {  // after current's answer: requests answer in order
            var existing = CpaStore.valid(current.result);
            var ours = existing && (existing.save_id === CpaStore.baseSaveId || CpaStore.inFlight[existing.save_id]);
            if (existing && !ours && existing.save_id !== 'damaged') {
              elsewhere = true;
              tx.abort();
              return;
            }
            try {
              if (existing) {
                // A locked copy this tab read or wrote itself was checked then; a plain one is checked now.
                var good = CpaStore.isLocked(existing.doc) ? !!ours
                  : !!CpaStore.core('cpa_storage_is_good', [existing.doc]);
                if (good) store.put(existing, 'previous');
                else store.put({ doc: existing.doc, save_id: 'damaged', saved_at: Date.now() }, 'damaged');
              }
              var record = { doc: job.stored, save_id: saveId, saved_at: Date.now() };
              store.put(record, 'current');
              if (job.fallback) {
                var old = fallback.result;
                if (typeof old === 'string' && CpaStore.core('cpa_storage_fallback_is_good', [old])) store.put(old, 'fallback_previous');
                store.put(job.fallback, 'fallback');
              }
              CpaStore.wrote(record, job.fallback);
            } catch (e) {
              // A write refused on the spot (a full disk on some browsers): keep the old records.
              failure = e && e.name;
              try { tx.abort(); } catch (ignored) { /* already finished */ }
            }
          };
          tx.oncomplete = function () {
            CpaStore.baseSaveId = saveId;
            CpaStore.broadcast(saveId);
            finish('ok');
          };
          tx.onabort = function () {
            finish(tx.cpaSuperseded ? 'superseded' : elsewhere ? 'elsewhere' : String(failure || (tx.error && tx.error.name) || 'error'));
          };
          tx.onerror = function (e) { e.preventDefault && e.preventDefault(); };
        } catch (e) { finish(String((e && e.name) || 'error')); }
      });
    },

    unlock: async function (passphrase, aad) {
      var answer = function (ok, latest, previous) { CpaStore.core('cpa_storage_unlocked', [ok ? 1 : 0, latest || '', previous || '']); };
      var got = await CpaStore.read(['current', 'previous']);
      var current = CpaStore.valid(got.current), previous = CpaStore.valid(got.previous);
      var source = current || previous;
      var fields = source ? CpaStore.lockFields(source.doc) : null;
      if (!fields) { answer(false); return; }
      CpaStore.stage('deriving');
      var lock = { salt: fields.salt, iterations: fields.iterations, aad: aad, lockAfter: fields.lock_after_minutes };
      try {
        lock.key = await CpaStore.deriveKey(passphrase, fields.salt, fields.iterations);
      } catch (e) { CpaStore.stage(''); answer(false); return; }
      CpaStore.stage('');
      var latest = current ? await CpaStore.plainOf(current.doc, lock) : '';
      if (latest === null || (!current && (await CpaStore.plainOf(previous.doc, lock)) === null)) { answer(false); return; }
      var before = previous ? await CpaStore.plainOf(previous.doc, lock) : '';
      CpaStore.lock = lock;
      CpaStore.baseSaveId = current ? current.save_id : '';
      CpaStore.forgetWritten();
      answer(true, latest, before === null ? '' : before);
    },

    // Set, change or remove the passphrase: everything stored is re-formed, then written in one
    // transaction; the new key is used only once that transaction has committed.
    changeLock: async function (op) {
      var answer = function (ok, on, why) { CpaStore.core('cpa_storage_lock_changed', [ok ? 1 : 0, on ? 1 : 0, why || '']); };
      if (!CpaStore.available || !CpaStore.db) { answer(false, false, 'unavailable'); return; }
      var got = await CpaStore.read(['current', 'previous', 'damaged']);
      var current = CpaStore.valid(got.current);
      var fields = current ? CpaStore.lockFields(current.doc) : null;
      CpaStore.stage('deriving');
      var old = null;
      if (fields) {
        // Locked now: the passphrase given must open the latest copy.
        old = { salt: fields.salt, iterations: fields.iterations, aad: op.aad, lockAfter: fields.lock_after_minutes };
        try { old.key = await CpaStore.deriveKey(op.current, fields.salt, fields.iterations); } catch (e) { old = null; }
        if (!old || (await CpaStore.plainOf(current.doc, old)) === null) { CpaStore.stage(''); answer(false, true, 'wrong-passphrase'); return; }
      }
      var fresh = null;
      if (op.passphrase) {
        var salt = CpaShare.b64(crypto.getRandomValues(new Uint8Array(16)));
        fresh = { salt: salt, iterations: op.iterations, aad: op.aad, lockAfter: op.lockAfter };
        fresh.key = await CpaStore.deriveKey(op.passphrase, salt, op.iterations);
      }
      var reform = async function (value) {
        var stored = CpaStore.valid(value);
        if (!stored) return null;
        var plain = await CpaStore.plainOf(stored.doc, old);
        return plain === null ? null : { doc: await CpaStore.sealed(plain, fresh), save_id: stored.save_id, saved_at: stored.saved_at };
      };
      // The copy stored until now becomes the previous one, re-formed (or the previous, if the
      // latest cannot be); a copy that cannot be re-formed goes rather than stays readable.
      var previous = (await reform(got.current)) || (await reform(got.previous));
      var damaged = await reform(got.damaged);
      var latest = await CpaStore.sealed(op.doc, fresh);
      var saveId = CpaStore.newSaveId();
      CpaStore.stage('writing');
      var result = await CpaStore.writeIf(got.current && typeof got.current === 'object' ? got.current.save_id : got.current,
        function (store) {
          if (previous) store.put(previous, 'previous'); else store.delete('previous');
          if (damaged) store.put(damaged, 'damaged'); else store.delete('damaged');
          store.put({ doc: latest, save_id: saveId, saved_at: Date.now() }, 'current');
          store.put(op.fallback, 'fallback');
          store.delete('fallback_previous');
        });
      CpaStore.stage('');
      if (result !== 'ok') { answer(false, !!old, result === 'moved' ? 'changed-elsewhere' : result); return; }
      CpaStore.lock = fresh;
      CpaStore.baseSaveId = saveId;
      CpaStore.forgetWritten();
      CpaStore.broadcast(saveId);
      answer(true, !!fresh, '');
    },

    deleteAll: function () {
      clearTimeout(CpaStore.timer);
      CpaStore.timer = 0;
      CpaStore.pending = null;
      CpaStore.enqueue(function () {
        return new Promise(function (resolve) {
          var done = function (ok, why) {
            CpaStore.core('cpa_storage_deleted', [ok ? 1 : 0, ok ? '' : String(why || 'error')]);
            resolve();
          };
          CpaStore.lock = null;
          CpaStore.forgetWritten();
          if (!CpaStore.db) { done(!CpaStore.available, 'unavailable'); return; }
          try {
            var tx = CpaStore.db.transaction(CpaStore.STORE, 'readwrite', { durability: 'strict' });
            tx.objectStore(CpaStore.STORE).clear();
            tx.oncomplete = function () {
              CpaStore.baseSaveId = '';
              CpaStore.broadcast('deleted');
              done(true);
            };
            tx.onabort = function () { done(false, tx.error && tx.error.name); };
          } catch (e) { done(false, e && e.name); }
        });
      });
    },
  },

  cpa_js_storage_open__deps: ['$CpaStore'],
  cpa_js_storage_open: function () {
    CpaStore.open();
    // Leaving the page (closing the tab, switching app, the phone locking): write now, and tell
    // the core (the lock counts time hidden).
    document.addEventListener('visibilitychange', function () {
      var hidden = document.visibilityState === 'hidden';
      if (hidden) CpaStore.flush(true);
      CpaStore.core('cpa_page_visibility', [hidden ? 1 : 0]);
    });
    window.addEventListener('pagehide', function () { CpaStore.flush(true); });
  },

  cpa_js_storage_save__deps: ['$CpaStore'],
  cpa_js_storage_save: function (docPtr, revision, fallbackPtr) {
    CpaStore.save(UTF8ToString(docPtr), revision, UTF8ToString(fallbackPtr));
  },

  cpa_js_storage_delete_all__deps: ['$CpaStore'],
  cpa_js_storage_delete_all: function () { CpaStore.deleteAll(); },

  cpa_js_storage_unlock__deps: ['$CpaStore'],
  cpa_js_storage_unlock: function (passphrasePtr, aadPtr) {
    var passphrase = UTF8ToString(passphrasePtr), aad = UTF8ToString(aadPtr);
    CpaStore.enqueue(function () { return CpaStore.unlock(passphrase, aad); });
  },

  cpa_js_storage_change_lock__deps: ['$CpaStore'],
  cpa_js_storage_change_lock: function (currentPtr, passphrasePtr, iterations, lockAfter, aadPtr, docPtr, fallbackPtr) {
    var op = { current: UTF8ToString(currentPtr), passphrase: UTF8ToString(passphrasePtr), iterations: iterations,
      lockAfter: lockAfter, aad: UTF8ToString(aadPtr), doc: UTF8ToString(docPtr), fallback: UTF8ToString(fallbackPtr) };
    CpaStore.flush();  // the saves already asked for go first, under the key they were made for
    CpaStore.enqueue(function () { return CpaStore.changeLock(op); });
  },

  // Lock: the saves already asked for are written (with the key), then the key is forgotten.
  cpa_js_storage_forget_key__deps: ['$CpaStore'],
  cpa_js_storage_forget_key: function () {
    CpaStore.flush();
    CpaStore.enqueue(function () { CpaStore.lock = null; CpaStore.forgetWritten(); });
  },
});
