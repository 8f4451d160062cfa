// @ts-check
// Share with a carer: the browser's half.  The core decides the link's format and what goes in
// it (src/core/share/share_codec.hpp), and opens links itself (it inflates them: no browser needs
// DecompressionStream); this file compresses where the browser can (CompressionStream
// 'deflate-raw'; elsewhere the core makes an uncompressed link), locks and unlocks (WebCrypto:
// PBKDF2-SHA256 -> AES-256-GCM), copies, shares (navigator.share) and keeps a carer's copy in its
// own IndexedDB database, apart from the person's own records.
// Every answer goes back to the core as an action (src/platform/web/entry_points.cpp).
var LibraryCpaShare = {
  $CpaShare__deps: ['$CpaCore'],
  $CpaShare: {
    DB: 'cpa-shared-with-me',
    STORE: 'copy',
    KEY: 'plan',
    SALT: 16,
    IV: 12,

    /** @param {Uint8Array} bytes @returns {string} */
    b64: function (bytes) {
      var s = '';
      for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
      return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
    /** @param {string} text @returns {Uint8Array<ArrayBuffer>} */
    unb64: function (text) {
      var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
      var out = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
      return out;
    },
    /** @param {Uint8Array<ArrayBuffer>} bytes @param {CompressionStream} stream @returns {Promise<Uint8Array<ArrayBuffer>>} */
    pipe: function (bytes, stream) {
      return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
        .then(function (b) { return new Uint8Array(b); });
    },
    /** @param {string} passphrase @param {Uint8Array<ArrayBuffer>} salt @param {number} iterations @returns {Promise<CryptoKey>} */
    key: function (passphrase, salt, iterations) {
      var subtle = crypto.subtle;
      return subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey'])
        .then(function (base) {
          return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations },
            base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
        });
    },
    /**
     * @param {string} payload @param {number} compress @param {string} passphrase  '' for a link without one
     * @param {string} aad @param {number} iterations @returns {Promise<string>}
     */
    seal: async function (payload, compress, passphrase, aad, iterations) {
      var bytes = new TextEncoder().encode(payload);
      if (compress) bytes = await CpaShare.pipe(bytes, new CompressionStream('deflate-raw'));
      if (passphrase) {
        var salt = crypto.getRandomValues(new Uint8Array(CpaShare.SALT));
        var iv = crypto.getRandomValues(new Uint8Array(CpaShare.IV));
        var key = await CpaShare.key(passphrase, salt, iterations);
        var sealed = new Uint8Array(await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv: iv, additionalData: new TextEncoder().encode(aad) }, key, bytes));
        var all = new Uint8Array(salt.length + iv.length + sealed.length);
        all.set(salt, 0);
        all.set(iv, salt.length);
        all.set(sealed, salt.length + iv.length);
        bytes = all;
      }
      return CpaShare.b64(bytes);
    },
    // A locked link's data, unlocked; the core inflates and reads what comes out.
    /** @param {string} data @param {string} passphrase @param {string} aad @param {number} iterations @returns {Promise<string>} */
    unlock: async function (data, passphrase, aad, iterations) {
      var bytes = CpaShare.unb64(data);
      var salt = bytes.slice(0, CpaShare.SALT);
      var iv = bytes.slice(CpaShare.SALT, CpaShare.SALT + CpaShare.IV);
      var key = await CpaShare.key(passphrase, salt, iterations);
      var plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: iv, additionalData: new TextEncoder().encode(aad) }, key,
        bytes.slice(CpaShare.SALT + CpaShare.IV));
      return CpaShare.b64(new Uint8Array(plain));
    },
    /** @returns {Promise<IDBDatabase>} */
    db: function () {
      return new Promise(function (resolve, reject) {
        var req = indexedDB.open(CpaShare.DB, 1);
        req.onupgradeneeded = function () { req.result.createObjectStore(CpaShare.STORE); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    },
    // Reads the kept copy without creating the database when there is none (a kiosk keeps nothing).
    /** @returns {Promise<string>} */
    readKept: async function () {
      if (!window.indexedDB || !indexedDB.databases) return '';
      var all = await indexedDB.databases();
      if (!all.some(function (d) { return d.name === CpaShare.DB; })) return '';
      var db = await CpaShare.db();
      return new Promise(function (resolve) {
        var req = db.transaction(CpaShare.STORE).objectStore(CpaShare.STORE).get(CpaShare.KEY);
        req.onsuccess = function () { db.close(); resolve(typeof req.result === 'string' ? req.result : ''); };
        req.onerror = function () { db.close(); resolve(''); };
      });
    },
    /** @param {string} doc  '' forgets the copy @returns {Promise<void>} */
    writeKept: async function (doc) {
      var db = await CpaShare.db();
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(CpaShare.STORE, 'readwrite');
        var store = tx.objectStore(CpaShare.STORE);
        if (doc) store.put(doc, CpaShare.KEY); else store.delete(CpaShare.KEY);
        tx.oncomplete = function () { db.close(); resolve(); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    },
    canCompress: function () {
      try { return typeof CompressionStream === 'function' && !!new CompressionStream('deflate-raw'); } catch (e) { return false; }
    },
  },

  cpa_js_share_startup__deps: ['$CpaShare'],
  cpa_js_share_startup: function () {
    var report = function (/** @type {string} */ kept) {
      CpaCore.call('cpa_share_ready',
        [location.origin + location.pathname, typeof navigator.share === 'function' ? 1 : 0,
          CpaShare.canCompress() ? 1 : 0, kept]);
    };
    CpaShare.readKept().then(report, function () { report(''); });
  },

  cpa_js_share_seal__deps: ['$CpaShare'],
  /** @param {number} payloadPtr @param {number} compress @param {number} passPtr @param {number} aadPtr @param {number} iterations */
  cpa_js_share_seal: function (payloadPtr, compress, passPtr, aadPtr, iterations) {
    CpaShare.seal(UTF8ToString(payloadPtr), compress, UTF8ToString(passPtr), UTF8ToString(aadPtr), iterations)
      .then(function (data) { CpaCore.call('cpa_share_sealed', [1, data]); },
        function (e) { console.warn('share: could not make the link: ' + e); CpaCore.call('cpa_share_sealed', [0, '']); });
  },

  cpa_js_share_open__deps: ['$CpaShare'],
  /** @param {number} dataPtr @param {number} passPtr @param {number} aadPtr @param {number} iterations */
  cpa_js_share_open: function (dataPtr, passPtr, aadPtr, iterations) {
    CpaShare.unlock(UTF8ToString(dataPtr), UTF8ToString(passPtr), UTF8ToString(aadPtr), iterations)
      .then(function (data) { CpaCore.call('cpa_share_opened', [1, data]); },
        function () { CpaCore.call('cpa_share_opened', [0, '']); });
  },

  /** @param {number} textPtr */
  cpa_js_share_copy: function (textPtr) {
    var text = UTF8ToString(textPtr);
    var done = function (/** @type {number} */ ok) { CpaCore.call('cpa_share_copied', [ok]); };
    if (!navigator.clipboard || !navigator.clipboard.writeText) { done(0); return; }
    navigator.clipboard.writeText(text).then(function () { done(1); }, function () { done(0); });
  },

  /** @param {number} titlePtr @param {number} textPtr @param {number} urlPtr */
  cpa_js_share_system: function (titlePtr, textPtr, urlPtr) {
    if (typeof navigator.share !== 'function') return;
    navigator.share({ title: UTF8ToString(titlePtr), text: UTF8ToString(textPtr), url: UTF8ToString(urlPtr) })
      .catch(function () { /* the person closed the share sheet */ });
  },

  cpa_js_share_keep__deps: ['$CpaShare'],
  /** @param {number} docPtr */
  cpa_js_share_keep: function (docPtr) {
    var doc = UTF8ToString(docPtr);
    CpaShare.writeKept(doc).then(function () { if (doc) CpaCore.call('cpa_share_kept', [1]); },
      function () { if (doc) CpaCore.call('cpa_share_kept', [0]); });
  },
};
mergeInto(LibraryManager.library, LibraryCpaShare);
