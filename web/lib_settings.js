// @ts-check
// The person's settings (Quick exit, text size, colours, motion, font) in their own small
// IndexedDB database, apart from the records store.  It is read while the WebAssembly compiles,
// and main() waits for it (a run dependency), so the first frame already has them: nothing
// flashes.  The core writes the document and decides what is kept and when (a kiosk keeps
// nothing) and what applies; this file only stores the document, reads the device's media
// queries for the core, and dresses the page around the canvas as the core says.
var LibraryCpaSettings = {
  $CpaSettings__deps: ['$CpaAssets'],
  $CpaSettings: {
    DB: 'cpa-companion-settings',
    STORE: 'settings',
    KEY: 'settings',
    /** @type {string|null} the stored document (text), or null when nothing (or unreadable) */
    value: null,
    /** @type {IDBDatabase|null} */
    db: null,

    /** @param {(db: IDBDatabase|null) => void} done */
    open: function (done) {
      if (CpaSettings.db) { done(CpaSettings.db); return; }
      /** @type {IDBOpenDBRequest} */
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
    /** @param {() => void} done */
    read: function (done) {
      /** @type {IDBOpenDBRequest} */
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
            // Text as the core wrote it; an object from before the display settings (the core
            // reads what it can and takes defaults for the rest).
            if (typeof v === 'string') CpaSettings.value = v;
            else if (v && typeof v === 'object') { try { CpaSettings.value = JSON.stringify(v); } catch (e) { CpaSettings.value = null; } }
            db.close();
            CpaSettings.prefetchFont(done);
          };
          get.onerror = function () { db.close(); done(); };
        } catch (e) { db.close(); done(); }
      };
    },

    // Someone who chose the dyslexia-friendly font gets it in the first frame: fetched here,
    // with the settings, before main() runs.  Only a head start: the core decides whether it is
    // used (not on a kiosk, not if the document is unreadable) and fetches it itself otherwise.
    /** @param {() => void} done */
    prefetchFont: function (done) {
      var wanted = false;
      try { wanted = JSON.parse(CpaSettings.value).dyslexia_font === true; } catch (e) { /* no document */ }
      if (!wanted) { done(); return; }
      CpaSettings.loadFont(function () { done(); });
    },

    FONTS: ['fonts/OpenDyslexic-Regular.otf', 'fonts/OpenDyslexic-Bold.otf'],
    /** @param {(ok: boolean) => void} done */
    loadFont: function (done) {
      Promise.all(CpaSettings.FONTS.map(function (url) {
        return fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
          return r.arrayBuffer();
        });
      })).then(function (buffers) {
        CpaSettings.FONTS.forEach(function (url, i) { CpaAssets.files()[url] = new Uint8Array(buffers[i]); });
        done(true);
      }).catch(function (e) { console.warn('dyslexia-friendly font not loaded: ' + e); done(false); });
    },

    // The device's display preferences, as the core takes them (js_api.hpp: the bits).
    QUERIES: ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)',
              '(prefers-reduced-motion: reduce)'],
    media: function () {
      var bits = 0;
      if (!window.matchMedia) return 0;
      CpaSettings.QUERIES.forEach(function (q, i) { if (window.matchMedia(q).matches) bits |= (1 << i); });
      return bits;
    },
    // The colours the device forces (forced-colors: active), as CSS system colours: a probe the
    // browser leaves as it is (forced-color-adjust: none) is coloured with each keyword in turn
    // and its computed colour read back, as 0xRRGGBB.  Null when the browser cannot say.
    SYSTEM: ['Canvas', 'CanvasText', 'LinkText', 'ButtonFace', 'ButtonText', 'Highlight', 'HighlightText'],
    systemColours: function () {
      if (!document.body || !window.getComputedStyle || !window.CSS || !CSS.supports('color', 'CanvasText')) return null;
      var probe = document.createElement('span');
      probe.setAttribute('aria-hidden', 'true');
      probe.style.setProperty('position', 'absolute');
      probe.style.setProperty('forced-color-adjust', 'none');
      document.body.appendChild(probe);
      /** @type {number[]} */
      var out = [];
      CpaSettings.SYSTEM.forEach(function (name) {
        probe.style.setProperty('color', name);
        var m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
        out.push(m ? (Number(m[1]) << 16 | Number(m[2]) << 8 | Number(m[3])) >>> 0 : -1);
      });
      probe.remove();
      return out.indexOf(-1) < 0 ? out : null;
    },
    listening: false,
    listen: function () {
      if (CpaSettings.listening || !window.matchMedia) return;
      CpaSettings.listening = true;
      CpaSettings.QUERIES.forEach(function (q) {
        var list = window.matchMedia(q);
        var changed = function () { _cpa_display_changed(); };
        if (list.addEventListener) list.addEventListener('change', changed);
        else if (list.addListener) list.addListener(changed);
      });
    },

    // The page around the canvas and the browser's own bar follow the theme the app draws
    // (its colours come from the core's theme, not from here).
    /** @param {string} theme @param {string} pageColour @param {string} barColour @param {boolean} dyslexia */
    showPage: function (theme, pageColour, barColour, dyslexia) {
      var root = document.documentElement;
      root.setAttribute('data-theme', theme);
      root.setAttribute('data-font', dyslexia ? 'dyslexia' : 'app');
      root.style.backgroundColor = pageColour;
      if (document.body) document.body.style.backgroundColor = pageColour;
      var meta = document.querySelector('meta[name="theme-color"]');
      if (meta) meta.setAttribute('content', barColour);
    },

    /** @param {string} text */
    save: function (text) {
      CpaSettings.value = text;
      CpaSettings.open(function (db) {
        if (!db) return;  // no storage: the setting lasts as long as the page
        try {
          var tx = db.transaction(CpaSettings.STORE, 'readwrite', { durability: 'strict' });
          tx.objectStore(CpaSettings.STORE).put(text, CpaSettings.KEY);
          tx.oncomplete = function () { document.documentElement.setAttribute('data-settings', 'saved'); };
        } catch (e) { /* kept for this page only */ }
      });
    },

  },
  // Start reading as soon as the module is made, alongside the WebAssembly; main() waits.
  $CpaSettings__postset: 'addRunDependency("cpa-settings"); CpaSettings.read(function () { removeRunDependency("cpa-settings"); });',

  cpa_js_settings_document__deps: ['$CpaSettings'],
  /** @param {number} out @param {number} size */
  cpa_js_settings_document: function (out, size) {
    if (CpaSettings.value === null) return -1;
    if (lengthBytesUTF8(CpaSettings.value) + 1 > size) return -1;
    return stringToUTF8(CpaSettings.value, out, size);
  },
  cpa_js_settings_save__deps: ['$CpaSettings'],
  /** @param {number} text */
  cpa_js_settings_save: function (text) { CpaSettings.save(UTF8ToString(text)); },
  cpa_js_display_media__deps: ['$CpaSettings'],
  cpa_js_display_media: function () {
    CpaSettings.listen();
    return CpaSettings.media();
  },
  cpa_js_system_colours__deps: ['$CpaSettings'],
  /** @param {number} out @param {number} count */
  cpa_js_system_colours: function (out, count) {
    var colours = CpaSettings.systemColours();
    if (!colours || colours.length < count) return 0;
    for (var i = 0; i < count; i++) HEAPU32[(out >> 2) + i] = colours[i];
    return 1;
  },
  cpa_js_display_page__deps: ['$CpaSettings'],
  /** @param {number} theme @param {number} pageColour @param {number} barColour @param {number} dyslexia */
  cpa_js_display_page: function (theme, pageColour, barColour, dyslexia) {
    CpaSettings.showPage(UTF8ToString(theme), UTF8ToString(pageColour), UTF8ToString(barColour), !!dyslexia);
  },
  cpa_js_load_dyslexia_font__deps: ['$CpaSettings'],
  cpa_js_load_dyslexia_font: function () {
    CpaSettings.loadFont(function (ok) { _cpa_fonts_loaded(ok ? 1 : 0); });
  },
};
mergeInto(LibraryManager.library, LibraryCpaSettings);
