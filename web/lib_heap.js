// @ts-check
// Calls into the core with strings of any size.  ccall's 'string' arguments are copied onto the
// 5 MB C stack (up to 4 bytes a character), so a large import, or two near-limit records read at
// start, would overflow it.  Here every string argument is copied into malloc'd heap memory and
// freed once the call returns; a string result is read back before anything else runs.
//
// Two rules keep what comes in from taking the core down (issue 25).  No string longer than the
// core's largest input limit plus one byte is copied in (core/support/input_limits.hpp): a longer one is
// cut there, before the copy, and the core refuses it as too large with its own message.  And once
// the app has stopped (shell/guard.js sets Module.cpaStopped), nothing calls into the core again;
// a fault thrown out of a call is told to the guard (Module.cpaFault) before it goes on up.
var LibraryCpaHeap = {
  $CpaCore__deps: ['malloc', 'free'],
  $CpaCore: {
    maxInput: 0,  // the core's cpa_max_input_bytes(), asked once
    // The text as the core may take it: whole, or cut one past the largest limit.
    /** @param {string} value @returns {string} */
    fit: function (value) {
      if (!CpaCore.maxInput) CpaCore.maxInput = Module['_cpa_max_input_bytes']();
      return value.length > CpaCore.maxInput + 1 ? value.slice(0, CpaCore.maxInput + 1) : value;
    },
    // name: an EMSCRIPTEN_KEEPALIVE function ("cpa_storage_loaded"); args: numbers and strings;
    // returnsString: the function returns a const char* to read as text.
    /**
     * @param {string} name @param {(number|string)[]} [args] @param {boolean} [returnsString]
     * @returns {any} the core's number, or its text when returnsString
     */
    call: function (name, args, returnsString) {
      if (Module['cpaStopped']) return returnsString ? '' : 0;
      var fn = Module[/** @type {`_cpa_${string}`} */ ('_' + name)];
      if (!fn) throw new Error('no core function ' + name);
      /** @type {number[]} */
      var owned = [];
      try {
        var values = (args || []).map(function (value) {
          if (typeof value !== 'string') return value;
          value = CpaCore.fit(value);
          var size = lengthBytesUTF8(value) + 1;
          var ptr = _malloc(size);
          if (!ptr) throw new Error('out of memory: ' + size + ' bytes for ' + name);
          owned.push(ptr);
          stringToUTF8(value, ptr, size);
          return ptr;
        });
        var result = fn.apply(null, values);
        return returnsString ? UTF8ToString(result) : result;
      } catch (e) {
        if (Module['cpaFault']) Module['cpaFault'](name, e);
        throw e;
      } finally {
        if (!Module['cpaStopped']) owned.forEach(function (ptr) { _free(ptr); });
      }
    },
  },

  // The files the page fetched for the core (the words, the fonts), handed over by their URL
  // rather than through a file system: the loader passes them in as Module.cpaAssets, the
  // dyslexia-friendly font is added when it arrives.  The core asks a file's size, then takes
  // its bytes into its own memory, and the page lets go of its copy.
  $CpaAssets: {
    files: function () { return Module['cpaAssets'] || (Module['cpaAssets'] = {}); },
  },
  cpa_js_asset_size__deps: ['$CpaAssets'],
  /** @param {number} urlPtr */
  cpa_js_asset_size: function (urlPtr) {
    var bytes = CpaAssets.files()[UTF8ToString(urlPtr)];
    return bytes ? bytes.length : -1;
  },
  cpa_js_asset_take__deps: ['$CpaAssets'],
  /** @param {number} urlPtr @param {number} dest @param {number} size */
  cpa_js_asset_take: function (urlPtr, dest, size) {
    var url = UTF8ToString(urlPtr), files = CpaAssets.files(), bytes = files[url];
    if (!bytes || bytes.length !== size) return 0;
    HEAPU8.set(bytes, dest);
    delete files[url];
    return 1;
  },
  // A language the site ships in a file of its own (core LoadLanguage): fetched (the offline
  // copy answers when there is no network), kept as an asset, and the core told; the file is
  // "" when it could not be fetched, or had not arrived within the core's wait (the fetch is
  // then given up).  The core checks it is this release's file.
  cpa_js_load_language__deps: ['$CpaAssets', '$CpaCore'],
  /** @param {number} localePtr @param {number} filePtr @param {number} waitMs */
  cpa_js_load_language: function (localePtr, filePtr, waitMs) {
    var locale = UTF8ToString(localePtr), file = UTF8ToString(filePtr);
    var stop = new AbortController();
    var timer = setTimeout(function () {
      stop.abort(new Error(file + ': no answer in ' + waitMs / 1000 + ' s'));
    }, waitMs);
    fetch(file, { signal: stop.signal }).then(function (r) {
      if (!r.ok) throw new Error(file + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (buffer) {
      CpaAssets.files()[file] = new Uint8Array(buffer);
      return file;
    }, function (e) {
      console.warn('language not loaded: ' + (stop.signal.aborted ? stop.signal.reason : e));
      return '';
    }).then(function (arrived) {
      clearTimeout(timer);
      CpaCore.call('cpa_language_loaded', [locale, arrived]);
    });
  },
};
mergeInto(LibraryManager.library, LibraryCpaHeap);
