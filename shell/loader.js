// Starts the app: fetches the words and fonts while the WebAssembly compiles, then hands them
// over.  Until the first frame the plain-HTML crisis numbers show; if anything fails they stay.
(function () {
  'use strict';
  var root = document.documentElement;
  var status = document.getElementById('fallback-status');

  // The entry quick exit left behind (web/lib_exit.js), reached again by Forward: leave again,
  // before anything of the app starts.
  var exited = window.history.state && window.history.state.cpaExited;
  if (typeof exited === 'string' && /^https:\/\//.test(exited)) {
    root.dataset.app = 'exited';
    window.location.replace(exited);
    return;
  }

  // If the app cannot start, the person's own contacts and coping steps still show: they are
  // read straight from the device's store (the same record the app saves) with no app code.
  var personalShown = false;
  function showPersonal() {
    var section = document.getElementById('fallback-personal');
    if (personalShown || !section || !window.indexedDB) return;
    personalShown = true;
    var open;
    try { open = indexedDB.open('cpa-companion'); } catch (e) { return; }
    open.onupgradeneeded = function () { open.transaction.abort(); };  // nothing stored: do not create
    open.onsuccess = function () {
      var db = open.result;
      if (!db.objectStoreNames.contains('records')) { db.close(); return; }
      var store = db.transaction('records', 'readonly').objectStore('records');
      var latest = store.get('current'), previous = store.get('previous');
      store.transaction.oncomplete = function () {
        db.close();
        var records = readRecords(latest.result) || readRecords(previous.result);
        if (records) renderPersonal(section, records);
      };
    };
  }

  function readRecords(stored) {
    try {
      var envelope = JSON.parse(stored.doc);
      return JSON.parse(envelope.payload).records;
    } catch (e) { return null; }
  }

  function renderPersonal(section, records) {
    var care = records.care_plan || {}, crisis = records.crisis_plan || {};
    var contacts = [].concat(crisis.out_of_hours || [], crisis.people || [], crisis.in_hours || []);
    if (care.team && care.team.out_of_hours_phone) contacts.unshift({ name: care.team.name || '', phone: care.team.out_of_hours_phone });
    if (care.coordinator && care.coordinator.phone) contacts.push({ name: care.coordinator.name || '', phone: care.coordinator.phone });
    var template = document.getElementById('fallback-call-words');
    var words = (template.content || template).textContent;
    var list = document.getElementById('fallback-contacts');
    var shown = 0;
    contacts.forEach(function (c) {
      var digits = String(c.phone || '').replace(/[^0-9+]/g, '');
      if (digits.replace('+', '').length < 3) return;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.className = 'call';
      a.href = 'tel:' + digits;
      a.textContent = words.replace('{name}', c.name || '').replace('{number}', ukNumber(c.phone)).replace(/\s+/g, ' ').trim();
      if (c.relationship || c.when) {
        var p = document.createElement('p');
        p.textContent = [c.relationship, c.when].filter(Boolean).join('. ');
        li.appendChild(p);
      }
      li.appendChild(a);
      list.appendChild(li);
      shown++;
    });
    var helps = (crisis.self_help || []).filter(Boolean);
    if (helps.length) {
      document.getElementById('fallback-helps-heading').hidden = false;
      helps.forEach(function (h) {
        var li = document.createElement('li');
        li.textContent = h;
        document.getElementById('fallback-helps').appendChild(li);
      });
    }
    if (shown || helps.length) section.hidden = false;
  }

  function fail(why) {
    root.dataset.app = 'failed';
    if (status) status.textContent = status.dataset.failed;
    if (why) console.warn('CPA Companion could not start: ' + why);
    window.dispatchEvent(new CustomEvent('cpa-failed', { detail: String(why || '') }));
  }

  // However the start fails (here, or inside the app), the person's own contacts come up.
  window.addEventListener('cpa-failed', showPersonal);

  // A stored number is kept as +44...; people read it as 0...
  function ukNumber(stored) {
    var s = String(stored || '');
    return /^\+44\d{9,10}$/.test(s) ? '0' + s.slice(3) : s;
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
