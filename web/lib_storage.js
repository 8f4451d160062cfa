// @ts-check
// The person's records in the browser's own storage: the page's side of web/store.mjs (the store
// itself, a plain module tested in Node; tools/js_library_from_module.mjs makes it the library
// entry $CpaStoreModule).  This file only connects it: the browser's objects go in, and every
// event the store reports goes to the core as an action (src/platform/web/entry_points.cpp).
// The page says whether every save asked for is durable (data-store: "saved"; "waiting" while a
// change waits for the person to pause; "saving") and how far a lock change is (data-lock); tests
// wait for these, and they never hold any of the person's words.
var LibraryCpaStorage = {
  $CpaStore__deps: ['$CpaCore', '$CpaShare', '$CpaStoreModule'],
  $CpaStore: {
    /** @type {ReturnType<typeof import('./store.mjs').createStore>|null} */
    store: null,

    // What the page can tell about keeping its storage (the core decides what it means).
    device: function () {
      var ua = navigator.userAgent || '';
      var standalone = navigator.standalone === true ||
        (!!window.matchMedia && window.matchMedia('(display-mode: standalone)').matches);
      return {
        // Firefox's private windows have no service workers (see content/common/sources.json).
        noServiceWorker: !!window.isSecureContext && !('serviceWorker' in navigator),
        // Every iPhone and iPad browser is WebKit, under Safari's rules; an iPad may say it is a Mac.
        iphone: /iPhone|iPad|iPod/.test(ua) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1),
        homeScreen: standalone,
      };
    },

    /** @param {import('./store.mjs').StoreEvent} e */
    report: function (e) {
      var core = function (/** @type {string} */ name, /** @type {(number|string)[]} */ args) { CpaCore.call(name, args); };
      var list = function (/** @type {string[]|undefined} */ items) { return JSON.stringify(items || []); };
      switch (e.type) {
        case 'state': document.documentElement.setAttribute('data-store', e.state); return;
        case 'stage':
          if (e.stage) document.documentElement.setAttribute('data-lock', e.stage);
          else document.documentElement.removeAttribute('data-lock');
          return;
        case 'loaded': core('cpa_storage_loaded', [1, e.latest, e.previous, e.fallback, list(e.setAside), e.newer ? 1 : 0, '']); return;
        case 'unavailable': core('cpa_storage_loaded', [0, '', '', '', '[]', 0, e.why]); return;
        case 'blocked': core('cpa_storage_blocked', []); return;
        case 'saved': core('cpa_storage_saved', [e.revision, 1, '']); return;
        case 'save-failed': core('cpa_storage_saved', [e.revision, 0, e.why]); return;
        case 'changed-elsewhere': core('cpa_storage_changed_elsewhere', [e.latest, e.locked ? 1 : 0]); return;
        case 'deleted-elsewhere': core('cpa_storage_deleted_elsewhere', []); return;
        case 'newer-elsewhere': core('cpa_storage_newer_elsewhere', []); return;
        case 'deleted':
          if (e.failed.length) console.warn('Delete everything: not deleted: ' + e.failed.join(', '));
          core('cpa_storage_deleted', [list(e.failed)]);
          return;
        case 'durability':
          core('cpa_storage_durability', [e.persisted ? 1 : 0, e.noServiceWorker ? 1 : 0, e.iphone ? 1 : 0, e.homeScreen ? 1 : 0]);
          return;
        case 'unlocked': core('cpa_storage_unlocked', [e.ok ? 1 : 0, e.latest, e.previous, e.fallback, list(e.setAside)]); return;
        case 'lock-changed': core('cpa_storage_lock_changed', [e.ok ? 1 : 0, e.on ? 1 : 0, e.why, list(e.setAside)]); return;
      }
    },

    open: function () {
      var indexedDB;
      try {
        indexedDB = window.indexedDB;  // a private mode may throw here, or have none
        if (!indexedDB) throw new DOMException('no IndexedDB', 'NotSupportedError');
      } catch (e) {
        CpaStore.report({ type: 'unavailable', why: String((e && e.name) || 'unavailable') });
        return;
      }
      CpaStore.store = CpaStoreModule().createStore({
        indexedDB: indexedDB,
        report: CpaStore.report,
        lockFields: function (doc) {
          var fields = CpaCore.call('cpa_storage_lock_fields', [doc], true);
          return fields ? JSON.parse(fields) : null;
        },
        lockedRecord: function (f) {
          return CpaCore.call('cpa_storage_locked_record', [f.iterations, f.salt, f.iv, f.data, f.lock_after_minutes], true);
        },
        crypto: window.crypto,
        b64: CpaShare.b64,
        unb64: CpaShare.unb64,
        deriveKey: CpaShare.key,
        BroadcastChannel: typeof BroadcastChannel === 'function' ? BroadcastChannel : undefined,
        caches: window.caches,
        serviceWorker: navigator.serviceWorker,
        storage: navigator.storage,
        device: CpaStore.device(),
      });
      CpaStore.store.open();
    },
  },

  cpa_js_storage_open__deps: ['$CpaStore'],
  cpa_js_storage_open: function () {
    CpaStore.open();
    // Leaving the page (closing the tab, switching app, the phone locking): the core writes what
    // is not yet durable at once, and counts the time hidden for the lock.
    document.addEventListener('visibilitychange', function () {
      _cpa_page_visibility(document.visibilityState === 'hidden' ? 1 : 0);
    });
    window.addEventListener('pagehide', function () { _cpa_page_visibility(1); });
  },

  cpa_js_storage_save__deps: ['$CpaStore'],
  /**
   * @param {number} docPtr @param {number} revision @param {number} fallbackPtr @param {number} keepDamaged
   * @param {number} keepFallback @param {number} urgent
   */
  cpa_js_storage_save: function (docPtr, revision, fallbackPtr, keepDamaged, keepFallback, urgent) {
    if (!CpaStore.store) return;
    CpaStore.store.save({ revision: revision, doc: UTF8ToString(docPtr), fallback: UTF8ToString(fallbackPtr),
      keepDamaged: !!keepDamaged, keepFallback: !!keepFallback, urgent: !!urgent });
  },

  cpa_js_storage_persist__deps: ['$CpaStore'],
  cpa_js_storage_persist: function () { if (CpaStore.store) CpaStore.store.persist(); },

  cpa_js_storage_delete_all__deps: ['$CpaStore'],
  cpa_js_storage_delete_all: function () {
    if (CpaStore.store) CpaStore.store.deleteEverything();
    else CpaCore.call('cpa_storage_deleted', ['[]']);  // no storage at all: nothing was kept
  },

  cpa_js_storage_unlock__deps: ['$CpaStore'],
  /** @param {number} passphrasePtr @param {number} aadPtr */
  cpa_js_storage_unlock: function (passphrasePtr, aadPtr) {
    if (CpaStore.store) CpaStore.store.unlock(UTF8ToString(passphrasePtr), UTF8ToString(aadPtr));
  },

  cpa_js_storage_change_lock__deps: ['$CpaStore'],
  /**
   * @param {number} currentPtr @param {number} passphrasePtr @param {number} iterations @param {number} lockAfter
   * @param {number} aadPtr @param {number} docPtr @param {number} fallbackPtr @param {number} rewrite
   */
  cpa_js_storage_change_lock: function (currentPtr, passphrasePtr, iterations, lockAfter, aadPtr, docPtr, fallbackPtr, rewrite) {
    if (!CpaStore.store) return;
    CpaStore.store.changeLock({ current: UTF8ToString(currentPtr), passphrase: UTF8ToString(passphrasePtr),
      iterations: iterations, lockAfter: lockAfter, aad: UTF8ToString(aadPtr), doc: UTF8ToString(docPtr),
      fallback: UTF8ToString(fallbackPtr), rewrite: !!rewrite });
  },

  cpa_js_storage_forget_key__deps: ['$CpaStore'],
  cpa_js_storage_forget_key: function () { if (CpaStore.store) CpaStore.store.forgetKey(); },
};
mergeInto(LibraryManager.library, LibraryCpaStorage);
