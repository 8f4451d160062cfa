// @ts-check
// Starts the app: fetches the words and fonts while the WebAssembly compiles, then hands them
// over.  Until the first frame the plain-HTML crisis numbers show; if anything fails they stay.
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('fallback-status');
  // shell/guard.js (run first) says it in both languages; without it, the first language.
  var say = function (/** @type {string} */ key) {
    if (window.cpaGuard) window.cpaGuard.say(key);
    else if (status) status.textContent = status.dataset[key];
  };
  // "Loading" is said only once a script runs that can load the app: without scripts the page
  // says it could not start (<noscript>), and a page whose scripts never arrive says neither.
  if (status && root.dataset.app !== 'failed') say('loading');

  // The entry quick exit left behind (web/lib_exit.js), reached again by Forward: leave again,
  // before anything of the app starts.
  var exited = window.history.state && window.history.state.cpaExited;
  if (typeof exited === 'string' && /^https:\/\//.test(exited)) {
    root.dataset.app = 'exited';
    window.location.replace(exited);
    return;
  }

  // If the app cannot start, the person's own contacts and coping steps still show.  The app
  // writes them, already chosen and worded as Help now shows them, as a sealed record of their
  // own ("fallback"; core/lock/store_lock.hpp); this page checks its length and checksum, falls back
  // to the last good one, and draws it with textContent only.  With a passphrase set the record
  // holds nothing, and only the national lines above show.
  var personalShown = false;
  function showPersonal() {
    var section = document.getElementById('fallback-personal');
    if (personalShown || !section || !window.indexedDB) return;
    personalShown = true;
    /** @type {IDBOpenDBRequest} */
    var open;
    try { open = indexedDB.open('cpa-companion'); } catch (e) { return; }
    open.onupgradeneeded = function () { open.transaction.abort(); };  // nothing stored: do not create
    open.onsuccess = function () {
      var db = open.result;
      if (!db.objectStoreNames.contains('records')) { db.close(); return; }
      var store = db.transaction('records', 'readonly').objectStore('records');
      var latest = store.get('fallback'), previous = store.get('fallback_previous');
      store.transaction.oncomplete = function () {
        db.close();
        var record = openRecord(latest.result) || openRecord(previous.result);
        if (record && !record.locked) renderPersonal(section, record.sections || []);
      };
    };
  }

  // FNV-1a 64 of the UTF-8 bytes, as 16 hex digits: the core's definition (tests/vectors/fnv1a64.json).
  /** @param {string} value @returns {string} */
  function fnv1a64(value) {
    var bytes = new TextEncoder().encode(value);
    var hash = 0xcbf29ce484222325n, prime = 0x100000001b3n, mask = 0xffffffffffffffffn;
    for (var i = 0; i < bytes.length; i++) hash = ((hash ^ BigInt(bytes[i])) * prime) & mask;
    return hash.toString(16).padStart(16, '0');
  }

  // The record's payload when its size, name, length and checksum all agree; else null.  The
  // size is checked before it is read (the core's limit for a store record, written into the
  // page when the site was built).
  /**
   * What the record holds, as the core writes it; read from storage, so each field is checked
   * before it is shown.
   * @typedef {{heading?: string, contacts?: FallbackContact[], items?: string[]}} FallbackSection
   * @typedef {{label?: string, href?: string, relationship?: string, when?: string, warning?: string}} FallbackContact
   */
  /** @param {unknown} stored  what the database held @returns {{locked: boolean, sections: FallbackSection[]}|null} */
  function openRecord(stored) {
    try {
      var section = document.getElementById('fallback-personal');
      var limit = section ? Number(section.dataset.maxBytes) : 0;
      if (typeof stored !== 'string' || !(limit > 0) || stored.length > limit) return null;
      var sealed = JSON.parse(stored);
      if (sealed.fallback !== 'cpa-companion-fallback' || sealed.version !== 1 || typeof sealed.payload !== 'string') return null;
      if (new TextEncoder().encode(sealed.payload).length !== sealed.length || fnv1a64(sealed.payload) !== sealed.fnv1a64) return null;
      var payload = JSON.parse(sealed.payload);
      return payload && typeof payload.locked === 'boolean' && Array.isArray(payload.sections) ? payload : null;
    } catch (e) { return null; }
  }

  /** @template {keyof HTMLElementTagNameMap} K @param {K} tag @param {unknown} value */
  function text(tag, value) {
    var el = document.createElement(tag);
    el.textContent = String(value);
    return el;
  }

  /** @param {HTMLElement} section @param {FallbackSection[]} sections */
  function renderPersonal(section, sections) {
    var shown = 0;
    sections.forEach(function (s) {
      var contacts = Array.isArray(s.contacts) ? s.contacts : [], items = Array.isArray(s.items) ? s.items : [];
      if (!contacts.length && !items.length) return;
      section.appendChild(text('h3', s.heading || ''));
      var list = document.createElement('ul');
      list.className = 'crisis-lines';
      contacts.forEach(function (c) {
        var li = document.createElement('li');
        var about = [c.relationship, c.when].filter(Boolean).join('. ');
        if (about) li.appendChild(text('p', about));
        // Only a call or text link the core made; anything else is shown as words.  16 digits:
        // a text relay prefix (18001) before an 11-digit number.
        var href = String(c.href || '');
        if (/^(tel|sms):\+?[0-9]{3,16}$/.test(href)) {
          var a = text('a', c.label || '');
          a.className = 'call';
          a.href = href;
          li.appendChild(a);
        } else {
          li.appendChild(text('p', c.label || ''));
        }
        // Core's warning: a national service's name with another number, or a number it will not call.
        if (c.warning) li.appendChild(text('p', c.warning));
        list.appendChild(li);
        shown++;
      });
      items.forEach(function (item) { list.appendChild(text('li', item)); shown++; });
      section.appendChild(list);
    });
    if (shown) section.hidden = false;
  }
  window.cpaFallback = { fnv1a64: fnv1a64, openRecord: openRecord };

  /** @param {string} [why] */
  function fail(why) {
    root.dataset.app = 'failed';
    say('failed');
    if (why) console.warn('CPA Companion could not start: ' + why);
    window.dispatchEvent(new CustomEvent('cpa-failed', { detail: String(why || '') }));
  }

  // However the start fails (here, or inside the app), the person's own contacts come up.
  window.addEventListener('cpa-failed', showPersonal);

  // Only whether the browser knows WebGL2 at all: making a context here would hold up the first
  // paint of the crisis numbers and the fetches below (the first context in a page costs 100 ms
  // or more while the GPU process starts).  The app's own context is made after the first paint
  // (warmGraphics), beside the downloads; if it cannot be made the app says so and this page stays.
  function webgl2Available() { return !!window.WebGL2RenderingContext; }

  // Keep the whole site on the device, so it opens with no signal next time: once the app has
  // drawn (or could not start), so the copy does not compete with the first load for a weak signal.
  function keepOffline() {
    window.removeEventListener('cpa-ready', keepOffline);
    window.removeEventListener('cpa-failed', keepOffline);
    if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
    navigator.serviceWorker.register('sw.js').catch(function (e) { console.warn('offline copy not kept: ' + e.message); });
  }
  window.addEventListener('cpa-ready', keepOffline);
  window.addEventListener('cpa-failed', keepOffline);

  if (typeof WebAssembly !== 'object' || !webgl2Available()) {
    fail('WebAssembly or WebGL2 is not available in this browser');
    return;
  }

  /** @param {string} url @returns {Promise<[string, Uint8Array]>} */
  function fetchBytes(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (b) { return [url, new Uint8Array(b)]; });
  }

  // Everything at once: the WebAssembly compiles as it streams in, while the words, the fonts
  // and cpa.js arrive beside it.
  var compiled = fetch('cpa.wasm').then(function (response) {
    if (!response.ok) throw new Error('cpa.wasm: HTTP ' + response.status);
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
  });
  compiled.catch(function () { /* reported when the module asks for it (instantiateWasm) */ });
  var files = Promise.all(['content.json', 'fonts/NotoSans-Regular.ttf', 'fonts/NotoSans-Bold.ttf'].map(fetchBytes));

  // The graphics context the app will draw on, made once the plain page has been painted, while
  // the files are still on their way, with the attributes web_backend.cpp asks for (the app's
  // request then gets this same context).
  function warmGraphics() {
    var canvas = /** @type {HTMLCanvasElement|null} */ (document.getElementById('cpa-canvas'));
    try {
      if (canvas) canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false, powerPreference: 'low-power' });
    } catch (e) { /* the app reports it */ }
  }
  window.requestAnimationFrame(function () { setTimeout(warmGraphics, 0); });

  /** @param {string} src */
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src + ' did not load')); };
      document.head.appendChild(s);
    });
  }

  // The module's own instantiation, from the module compiled above.
  /** @type {CpaModule['instantiateWasm']} */
  function instantiateWasm(imports, receive) {
    compiled.then(function (module) {
      return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
    }).catch(function (e) { fail(e && e.message ? e.message : e); });
    return {};
  }

  Promise.all([files, loadScript('cpa.js')]).then(function (results) {
    /** @type {Record<string, Uint8Array>} */
    var assets = {};
    results[0].forEach(function (f) { assets[f[0]] = f[1]; });
    /** @type {CpaModule} */
    var options = {
      cpaAssets: assets,  // taken by the core (web/lib_heap.js)
      instantiateWasm: instantiateWasm,
      printErr: function (message) { console.warn(message); },
    };
    // Emscripten makes these options the module itself: the guard hears its aborts and faults
    // (shell/guard.js), and can stop it.
    if (window.cpaGuard) window.cpaGuard.attach(options);
    return window.createCpaModule(options);
  }).catch(function (e) { fail(e && e.message ? e.message : e); });
})();
