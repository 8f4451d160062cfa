// Starts the app: fetches the words and fonts while the WebAssembly compiles, then hands them
// over.  Until the first frame the plain-HTML crisis numbers show; if anything fails they stay.
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('fallback-status');

  function fail(why) {
    root.dataset.app = 'failed';
    if (status) status.textContent = status.dataset.failed;
    if (why) console.warn('CPA Companion could not start: ' + why);
    window.dispatchEvent(new CustomEvent('cpa-failed', { detail: String(why || '') }));
  }

  function webgl2Available() {
    try {
      var c = document.createElement('canvas');
      return !!(window.WebGL2RenderingContext && c.getContext('webgl2'));
    } catch (e) { return false; }
  }

  // Keep the whole site on the device, so it opens with no signal next time.
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(function (e) { console.warn('offline copy not kept: ' + e.message); });
  }

  if (typeof WebAssembly !== 'object' || !webgl2Available()) {
    fail('WebAssembly or WebGL2 is not available in this browser');
    return;
  }

  function fetchBytes(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }

  var assets = {
    '/assets/content.json': 'content.json',
    '/assets/fonts/NotoSans-Regular.ttf': 'fonts/NotoSans-Regular.ttf',
    '/assets/fonts/NotoSans-Bold.ttf': 'fonts/NotoSans-Bold.ttf',
  };
  var files = Object.keys(assets).map(function (path) {
    return fetchBytes(assets[path]).then(function (bytes) { return [path, bytes]; });
  });

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src + ' did not load')); };
      document.head.appendChild(s);
    });
  }

  Promise.all([Promise.all(files), loadScript('cpa.js')]).then(function (results) {
    var loaded = results[0];
    return window.createCpaModule({
      preRun: [function (Module) {
        Module.FS.mkdirTree('/assets/fonts');
        loaded.forEach(function (f) { Module.FS.writeFile(f[0], f[1]); });
      }],
      printErr: function (text) { console.warn(text); },
    });
  }).catch(function (e) { fail(e && e.message ? e.message : e); });
})();
