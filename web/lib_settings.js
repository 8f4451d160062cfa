// The person's settings (today: whether Quick exit is on) in their own small IndexedDB database,
// apart from the records store.  It is read while the WebAssembly compiles, and main() waits for
// it (a run dependency), so the first frame already shows Quick exit, or not: it never flashes.
// The core decides what is kept and when (a kiosk keeps nothing); this file only stores it.
mergeInto(LibraryManager.library, {
  $CpaSettings: {
    DB: 'cpa-companion-settings',
    STORE: 'settings',
    KEY: 'settings',
    value: null,  // what was stored: {quick_exit: boolean}, or null when nothing (or unreadable)
    db: null,

    open: function (done) {
      if (CpaSettings.db) { done(CpaSettings.db); return; }
      var request;
      try {
        request = window.indexedDB.open(CpaSettings.DB, 1);
      } catch (e) { done(null); return; }
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(CpaSettings.STORE)) db.createObjectStore(CpaSettings.STORE);
      };
      request.onsuccess = function () {
        CpaSettings.db = request.result;
        // "Delete everything" in another tab deletes the database: let it.
        CpaSettings.db.onversionchange = function () { CpaSettings.db.close(); CpaSettings.db = null; };
        done(CpaSettings.db);
      };
      request.onerror = function () { done(null); };
      request.onblocked = function () { done(null); };
    },

    // Reads without creating anything: a device that never changed a setting has no database.
    read: function (done) {
      var request;
      try {
        // Private modes may have no indexedDB, or one that throws on touch: then nothing is stored.
        request = window.indexedDB.open(CpaSettings.DB);
      } catch (e) { done(); return; }
      request.onupgradeneeded = function () { request.transaction.abort(); };
      request.onerror = function (e) { if (e && e.preventDefault) e.preventDefault(); done(); };
      request.onblocked = function () { done(); };
      request.onsuccess = function () {
        var db = request.result;
        try {
          var get = db.transaction(CpaSettings.STORE, 'readonly').objectStore(CpaSettings.STORE).get(CpaSettings.KEY);
          get.onsuccess = function () {
            var v = get.result;
            CpaSettings.value = v && typeof v.quick_exit === 'boolean' ? { quick_exit: v.quick_exit } : null;
            db.close();
            done();
          };
          get.onerror = function () { db.close(); done(); };
        } catch (e) { db.close(); done(); }
      };
    },

    save: function (quickExit) {
      CpaSettings.value = { quick_exit: quickExit };
      CpaSettings.open(function (db) {
        if (!db) return;  // no storage: the setting lasts as long as the page
        try {
          var tx = db.transaction(CpaSettings.STORE, 'readwrite', { durability: 'strict' });
          tx.objectStore(CpaSettings.STORE).put({ quick_exit: quickExit }, CpaSettings.KEY);
          tx.oncomplete = function () { document.documentElement.setAttribute('data-settings', 'saved'); };
        } catch (e) { /* kept for this page only */ }
      });
    },

    remove: function () {
      CpaSettings.value = null;
      if (CpaSettings.db) { CpaSettings.db.close(); CpaSettings.db = null; }
      try {
        var request = window.indexedDB.deleteDatabase(CpaSettings.DB);
        request.onsuccess = function () { document.documentElement.setAttribute('data-settings', 'deleted'); };
      } catch (e) { /* nothing stored */ }
    },
  },
  // Start reading as soon as the module is made, alongside the WebAssembly; main() waits.
  $CpaSettings__postset: 'addRunDependency("cpa-settings"); CpaSettings.read(function () { removeRunDependency("cpa-settings"); });',

  cpa_js_settings_quick_exit__deps: ['$CpaSettings'],
  cpa_js_settings_quick_exit: function () {
    return CpaSettings.value ? (CpaSettings.value.quick_exit ? 1 : 0) : -1;
  },
  cpa_js_settings_save__deps: ['$CpaSettings'],
  cpa_js_settings_save: function (quickExit) { CpaSettings.save(!!quickExit); },
  cpa_js_settings_delete__deps: ['$CpaSettings'],
  cpa_js_settings_delete: function () { CpaSettings.remove(); },
});
