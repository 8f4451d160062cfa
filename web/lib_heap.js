// Calls into the core with strings of any size.  ccall's 'string' arguments are copied onto the
// 5 MB C stack (up to 4 bytes a character), so a large import, or two near-limit records read at
// start, would overflow it.  Here every string argument is copied into malloc'd heap memory and
// freed once the call returns; a string result is read back before anything else runs.
mergeInto(LibraryManager.library, {
  $CpaCore__deps: ['malloc', 'free'],
  $CpaCore: {
    // name: an EMSCRIPTEN_KEEPALIVE function ("cpa_storage_loaded"); args: numbers and strings;
    // returnsString: the function returns a const char* to read as text.
    call: function (name, args, returnsString) {
      var fn = Module['_' + name];
      if (!fn) throw new Error('no core function ' + name);
      var owned = [];
      try {
        var values = (args || []).map(function (value) {
          if (typeof value !== 'string') return value;
          var size = lengthBytesUTF8(value) + 1;
          var ptr = _malloc(size);
          if (!ptr) throw new Error('out of memory: ' + size + ' bytes for ' + name);
          owned.push(ptr);
          stringToUTF8(value, ptr, size);
          return ptr;
        });
        var result = fn.apply(null, values);
        return returnsString ? UTF8ToString(result) : result;
      } finally {
        owned.forEach(function (ptr) { _free(ptr); });
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
  cpa_js_asset_size: function (urlPtr) {
    var bytes = CpaAssets.files()[UTF8ToString(urlPtr)];
    return bytes ? bytes.length : -1;
  },
  cpa_js_asset_take__deps: ['$CpaAssets'],
  cpa_js_asset_take: function (urlPtr, dest, size) {
    var url = UTF8ToString(urlPtr), files = CpaAssets.files(), bytes = files[url];
    if (!bytes || bytes.length !== size) return 0;
    HEAPU8.set(bytes, dest);
    delete files[url];
    return 1;
  },
});
