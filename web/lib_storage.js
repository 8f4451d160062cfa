// The person's records in the browser's own storage (IndexedDB).  One object store holds
// "current" and "previous" (the last good copy); each save writes both in one transaction, so a
// crash leaves the old record or the new one, never half.  The C++ core decides what a good
// record is and how to merge; this file only moves strings and reports what happened.
mergeInto(LibraryManager.library, {
  $CpaStore: {
    db: null,
    available: false,
    baseSaveId: '',     // the save this tab last read or wrote
    pending: null,      // {doc, revision} waiting for the debounce
    timer: 0,
    writing: false,
    channel: null,
    tabId: '',
    DB: 'cpa-companion',
    STORE: 'records',
    DEBOUNCE_MS: 250,   // "saved as the person types": well inside a second

    newSaveId: function () {
      return CpaStore.tabId + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);
    },

    open: function () {
      CpaStore.tabId = Math.random().toString(36).slice(2, 10);
      var fail = function (why) {
        CpaStore.available = false;
        ccall('cpa_storage_loaded', null, ['number', 'string', 'string', 'string'], [0, '', '', String(why || 'unavailable')]);
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
        CpaStore.read(function (current, previous) {
          CpaStore.available = true;
          CpaStore.baseSaveId = current ? current.save_id : '';
          ccall('cpa_storage_loaded', null, ['number', 'string', 'string', 'string'],
                [1, current ? current.doc : '', previous ? previous.doc : '', '']);
          CpaStore.listen();
        }, function (why) { fail(why); });
      };
    },

    read: function (done, failed) {
      try {
        var tx = CpaStore.db.transaction(CpaStore.STORE, 'readonly');
        var store = tx.objectStore(CpaStore.STORE);
        var current = store.get('current'), previous = store.get('previous');
        tx.oncomplete = function () { done(CpaStore.valid(current.result), CpaStore.valid(previous.result)); };
        tx.onerror = function () { failed(tx.error && tx.error.name); };
      } catch (e) { failed(e && e.name); }
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

    // Other tabs: when one saves, the others read it and merge it into what they show.
    listen: function () {
      if (typeof BroadcastChannel !== 'function') return;
      CpaStore.channel = new BroadcastChannel('cpa-companion-records');
      CpaStore.channel.onmessage = function (e) {
        if (!e.data || e.data.tab === CpaStore.tabId) return;
        CpaStore.read(function (current) {
          var saveId = current ? current.save_id : '';
          if (saveId === CpaStore.baseSaveId) return;
          CpaStore.baseSaveId = saveId;
          // An empty document: another tab deleted everything.
          ccall('cpa_storage_changed_elsewhere', null, ['string'], [current ? current.doc : '']);
        }, function () {});
      };
    },

    save: function (doc, revision) {
      CpaStore.pending = { doc: doc, revision: revision };
      if (!CpaStore.timer) CpaStore.timer = setTimeout(CpaStore.flush, CpaStore.DEBOUNCE_MS);
      CpaStore.signal();
    },

    // The page says whether every save asked for is durable: data-store="saving" or "saved"
    // (tests wait for this, and it never holds any of the person's words).
    signal: function () {
      var busy = !!(CpaStore.timer || CpaStore.writing || CpaStore.pending);
      document.documentElement.setAttribute('data-store', busy ? 'saving' : 'saved');
    },

    flush: function () {
      clearTimeout(CpaStore.timer);
      CpaStore.timer = 0;
      if (!CpaStore.pending || CpaStore.writing) return;
      var job = CpaStore.pending;
      CpaStore.pending = null;
      if (!CpaStore.available || !CpaStore.db) {
        ccall('cpa_storage_saved', null, ['number', 'number', 'string'], [job.revision, 0, 'unavailable']);
        CpaStore.signal();
        return;
      }
      CpaStore.writing = true;
      var saveId = CpaStore.newSaveId();
      var failure = null, finished = false;
      var finish = function (ok, why) {
        if (finished) return;
        finished = true;
        CpaStore.writing = false;
        if (ok) {
          CpaStore.baseSaveId = saveId;
          if (CpaStore.channel) CpaStore.channel.postMessage({ tab: CpaStore.tabId, save_id: saveId });
        }
        ccall('cpa_storage_saved', null, ['number', 'number', 'string'], [job.revision, ok ? 1 : 0, ok ? '' : String(why || 'error')]);
        if (CpaStore.pending) CpaStore.flush();
        CpaStore.signal();
      };
      try {
        var tx = CpaStore.db.transaction(CpaStore.STORE, 'readwrite', { durability: 'strict' });
        var store = tx.objectStore(CpaStore.STORE);
        var get = store.get('current');
        get.onsuccess = function () {
          try {
            CpaStore.write(store, get.result, job.doc, saveId);
          } catch (e) {
            // A write refused on the spot (a full disk on some browsers): report it, keep the old record.
            failure = e && e.name;
            try { tx.abort(); } catch (ignored) { /* already finished */ }
          }
        };
        tx.oncomplete = function () { finish(true); };
        tx.onabort = function () { finish(false, failure || (tx.error && tx.error.name)); };
        tx.onerror = function (e) { e.preventDefault && e.preventDefault(); };
      } catch (e) {
        finish(false, e && e.name);
      }
    },

    // One transaction: the old latest becomes the previous good copy (or, if it cannot be read,
    // is kept aside as "damaged"), and the new record becomes the latest.
    write: function (store, stored, doc, saveId) {
      var existing = CpaStore.valid(stored);
      if (existing && existing.save_id !== CpaStore.baseSaveId && existing.save_id !== 'damaged') {
        // Another tab saved since this one last looked: merge, so neither edit is lost.
        doc = ccall('cpa_storage_merge', 'string', ['string'], [existing.doc]);
      }
      if (existing) {
        var good = ccall('cpa_storage_is_good', 'number', ['string'], [existing.doc]);
        if (good) store.put(existing, 'previous');
        else store.put({ doc: existing.doc, save_id: 'damaged', saved_at: Date.now() }, 'damaged');
      }
      store.put({ doc: doc, save_id: saveId, saved_at: Date.now() }, 'current');
    },

    deleteAll: function () {
      clearTimeout(CpaStore.timer);
      CpaStore.timer = 0;
      CpaStore.pending = null;
      var done = function (ok, why) {
        ccall('cpa_storage_deleted', null, ['number', 'string'], [ok ? 1 : 0, ok ? '' : String(why || 'error')]);
      };
      if (!CpaStore.db) { done(!CpaStore.available ? true : false, 'unavailable'); return; }
      try {
        var tx = CpaStore.db.transaction(CpaStore.STORE, 'readwrite', { durability: 'strict' });
        tx.objectStore(CpaStore.STORE).clear();
        tx.oncomplete = function () {
          CpaStore.baseSaveId = '';
          if (CpaStore.channel) CpaStore.channel.postMessage({ tab: CpaStore.tabId, save_id: 'deleted' });
          done(true);
        };
        tx.onabort = function () { done(false, tx.error && tx.error.name); };
      } catch (e) { done(false, e && e.name); }
    },
  },

  cpa_js_storage_open__deps: ['$CpaStore'],
  cpa_js_storage_open: function () {
    CpaStore.open();
    // Leaving the page (closing the tab, switching app, the phone locking): write now.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') CpaStore.flush();
    });
    window.addEventListener('pagehide', function () { CpaStore.flush(); });
  },

  cpa_js_storage_save__deps: ['$CpaStore'],
  cpa_js_storage_save: function (docPtr, revision) {
    CpaStore.save(UTF8ToString(docPtr), revision);
  },

  cpa_js_storage_delete_all__deps: ['$CpaStore'],
  cpa_js_storage_delete_all: function () { CpaStore.deleteAll(); },
});
