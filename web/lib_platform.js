// @ts-check
// The page half of the platform seam: history, links, announcements, sizes, start-up state.
// Linked into cpa.js with --js-library; C++ declares these in src/platform/web/js_api.hpp.
var LibraryCpaPlatform = {
  $CpaPage__deps: ['$CpaCore'],
  $CpaPage: {
    // Which of this page's own history entries shows: 0 for the first (every start replaces the
    // entry it loaded in), one more for each pushed.  Quick exit goes back this many to leave.
    entry: 0,
    clearing: false,  // a kiosk visit's history is being cleared (cpa_js_kiosk_clear_visit)
    /** @param {string} name @param {string} text */
    callString: function (name, text) {
      CpaCore.call(name, [text]);
    },
    // An iPhone's keyboard covers the bottom of the page rather than shrinking it (Chrome on
    // Android shrinks the page itself: index.html asks for interactive-widget=resizes-content).
    // The app is laid out in what the screen still shows, as on Android, so the field being
    // typed in can be scrolled into sight above the keyboard.  Not while the page is pinch-
    // zoomed: then the person is looking closer at the page as it is.
    fitVisibleArea: function () {
      var view = window.visualViewport, root = document.getElementById('cpa-root');
      if (!view || !root) return;
      var covered = Math.abs(view.scale - 1) < 0.01 && view.height < window.innerHeight - 1;
      var top = covered ? Math.max(0, view.offsetTop) + 'px' : '';
      var height = covered ? view.height + 'px' : '';
      if (root.style.top !== top) root.style.top = top;
      if (root.style.height !== height) {
        root.style.height = height;
        root.style.bottom = covered ? 'auto' : '';
      }
    },
    // A window moved to a screen of another pixel density (a laptop's own and a monitor's) fires
    // no resize: the canvas and the text are fitted to the new density all the same, or they
    // would be drawn blurred (or with four times the pixels the screen shows).  A query for the
    // density now changes once; then the next is watched.
    watchDensity: function () {
      if (!window.matchMedia) return;
      var list = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var changed = function () {
        if (list.removeEventListener) list.removeEventListener('change', changed);
        else if (list.removeListener) list.removeListener(changed);
        _cpa_resized();
        CpaPage.watchDensity();
      };
      if (list.addEventListener) list.addEventListener('change', changed);
      else if (list.addListener) list.addListener(changed);
    },
    // One polite live region for what the person should hear (saved, cleared, unlocked, a
    // field's message), and an assertive one only for errors that lose work.
    /** @param {string} text @param {boolean} urgent */
    say: function (text, urgent) {
      var live = document.getElementById(urgent ? 'cpa-alert' : 'cpa-live');
      if (!live) return;
      live.textContent = '';
      // A fresh text node after a tick makes screen readers announce even a repeated message.
      setTimeout(function () { live.textContent = text; }, 50);
    },
    // The fallback page steps aside once the app has drawn, and comes back if it fails.
    /** @param {'ready'|'failed'} state */
    setStatus: function (state) {
      document.documentElement.dataset.app = state;
      var status = document.getElementById('fallback-status');
      if (status && state === 'failed') status.textContent = status.dataset.failed;
    },
  },

  cpa_js_install__deps: ['$CpaPage', '$CpaMirror', '$CpaExit'],
  cpa_js_install: function () {
    window.addEventListener('popstate', function () {
      // Quick exit's and a kiosk's own steps through history are not the person moving.
      if (document.documentElement.dataset.app === 'exited' || CpaPage.clearing) return;
      var state = window.history.state;
      if (state && typeof state.cpa === 'number') {
        CpaPage.entry = state.cpa;
      } else {
        // A fragment typed into the address bar is a new entry the app did not make: count it.
        CpaPage.entry += 1;
        history.replaceState({ cpa: CpaPage.entry }, '');
      }
      CpaPage.callString('cpa_history_changed', window.location.hash || '#/');
    });
    CpaExit.install();
    // A kiosk page brought back from the back-forward cache (Back after leaving it) would show
    // the last visitor's screen: the core clears the visit first.
    window.addEventListener('pageshow', function (e) {
      if (e.persisted) _cpa_kiosk_restored(performance.now());
    });
    if (window.visualViewport) {
      var fit = function () { CpaPage.fitVisibleArea(); _cpa_resized(); };
      window.visualViewport.addEventListener('resize', fit);
      window.visualViewport.addEventListener('scroll', fit);
      CpaPage.fitVisibleArea();
    }
    CpaPage.watchDensity();
    CpaMirror.install();
  },

  cpa_js_open_url__deps: ['$CpaPage'],
  /** @param {number} urlPtr */
  cpa_js_open_url: function (urlPtr) {
    var url = UTF8ToString(urlPtr);
    // Tests and the kiosk can see what was opened; it never leaves the page.
    window.dispatchEvent(new CustomEvent('cpa-open-url', { detail: url }));
    if (/^(tel|sms|mailto):/.test(url)) {
      var a = document.createElement('a');
      a.href = url;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } else if (/^https:/.test(url)) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  },

  cpa_js_history__deps: ['$CpaPage'],
  /** @param {number} op @param {number} pathPtr */
  cpa_js_history: function (op, pathPtr) {
    var path = UTF8ToString(pathPtr);
    if (op === 1) {
      CpaPage.entry += 1;
      history.pushState({ cpa: CpaPage.entry }, '', path);
    } else if (op === 2) {
      history.replaceState({ cpa: CpaPage.entry }, '', path);
    } else if (op === 3) {
      history.back();
    }
  },

  cpa_js_announce__deps: ['$CpaPage'],
  /** @param {number} textPtr @param {number} urgent */
  cpa_js_announce: function (textPtr, urgent) { CpaPage.say(UTF8ToString(textPtr), !!urgent); },

  // Printing: the core's HTML goes into #cpa-print, which is all that print CSS shows.
  /** @param {number} titlePtr @param {number} htmlPtr */
  cpa_js_print: function (titlePtr, htmlPtr) {
    var area = document.getElementById('cpa-print');
    area.innerHTML = UTF8ToString(htmlPtr);
    area.dataset.title = UTF8ToString(titlePtr);
    document.documentElement.dataset.printing = 'yes';
    window.dispatchEvent(new CustomEvent('cpa-print', { detail: area.dataset.title }));
    var done = function () {
      delete document.documentElement.dataset.printing;
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    setTimeout(function () { window.print(); }, 0);
  },

  /** @param {number} namePtr @param {number} mimePtr @param {number} dataPtr @param {number} size */
  cpa_js_download: function (namePtr, mimePtr, dataPtr, size) {
    var name = UTF8ToString(namePtr);
    var bytes = HEAPU8.slice(dataPtr, dataPtr + size);
    var blob = new Blob([bytes], { type: UTF8ToString(mimePtr) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },

  // Kiosk mode: the address asks for it, and the core's wake-up time (core::WakeAt), on
  // performance.now()'s clock.  One timer at a time; nothing runs between wake-ups.
  cpa_js_kiosk_requested: function () {
    return new URLSearchParams(window.location.search).get('mode') === 'kiosk' ? 1 : 0;
  },
  $CpaWake: { timer: 0 },
  cpa_js_wake_at__deps: ['$CpaWake'],
  /** @param {number} atMs */
  cpa_js_wake_at: function (atMs) {
    clearTimeout(CpaWake.timer);
    var fire = function () {
      var now = performance.now();
      // A timer may come a moment early: wait out the rest rather than wake the core for nothing.
      if (now < atMs) { CpaWake.timer = setTimeout(fire, Math.ceil(atMs - now)); return; }
      CpaWake.timer = 0;
      _cpa_kiosk_wake(now);
    };
    CpaWake.timer = setTimeout(fire, Math.max(0, Math.ceil(atMs - performance.now())));
  },

  // A kiosk visit is over (core::ClearVisit): nothing of it stays in the page.  The print area
  // (Ctrl+P would print it), the live regions, a file chooser; and this tab's history, as quick
  // exit does it: back to the first entry this page made, which becomes Home, and one entry on
  // top, which drops every screen of the visit (and their titles) from Forward.
  cpa_js_kiosk_clear_visit__deps: ['$CpaPage', '$CpaExit'],
  cpa_js_kiosk_clear_visit: function () {
    ['cpa-live', 'cpa-alert', 'cpa-print'].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.replaceChildren();
    });
    delete document.documentElement.dataset.printing;
    var file = document.getElementById('cpa-file');
    if (file) file.remove();
    var home = window.location.pathname + window.location.search + '#/';
    var back = Math.max(0, Math.min(CpaPage.entry, window.history.length - 1));
    var finish = function () {
      window.history.replaceState({ cpa: 0 }, '', home);
      window.history.pushState({ cpa: 1 }, '', home);
      CpaPage.entry = 1;
      CpaPage.clearing = false;
      window.dispatchEvent(new Event('cpa-visit-cleared'));
    };
    if (back === 0) { finish(); return; }
    CpaPage.clearing = true;
    CpaExit.step(function () { window.history.go(-back); }, finish);
  },

  /** @param {number} nowPtr @param {number} nowSize @param {number} todayPtr @param {number} todaySize */
  cpa_js_clock: function (nowPtr, nowSize, todayPtr, todaySize) {
    var d = new Date();
    var pad = function (/** @type {number} */ n) { return (n < 10 ? '0' : '') + n; };
    stringToUTF8(d.toISOString().replace(/\.\d+Z$/, 'Z'), nowPtr, nowSize);
    stringToUTF8(d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()), todayPtr, todaySize);
  },

  // The device's file chooser, for importing a saved copy.  Only the start of a huge file is
  // read: enough for the core to say it is too large.
  cpa_js_choose_file__deps: ['$CpaCore'],
  cpa_js_choose_file: function () {
    var input = /** @type {HTMLInputElement|null} */ (document.getElementById('cpa-file'));
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.id = 'cpa-file';
      input.accept = '.json,application/json';
      input.className = 'visually-hidden';
      input.tabIndex = -1;
      input.setAttribute('aria-hidden', 'true');
      input.addEventListener('change', function () {
        var file = input.files && input.files[0];
        input.value = '';
        if (!file) return;
        // Read no more than the core accepts, plus a byte so it can say the file is too big.
        var limit = CpaCore.call('cpa_max_import_bytes', []) + 1;
        (file.size > limit ? file.slice(0, limit) : file).text().then(function (text) {
          CpaCore.call('cpa_file_chosen', [text]);
        }, function () { CpaCore.call('cpa_file_chosen', ['']); });
      });
      document.body.appendChild(input);
    }
    input.click();
  },

  /** @param {number} namePtr */
  cpa_js_mark: function (namePtr) {
    if (window.performance && performance.mark) performance.mark(UTF8ToString(namePtr));
  },

  cpa_js_app_ready__deps: ['$CpaPage'],
  cpa_js_app_ready: function () {
    CpaPage.setStatus('ready');
    window.dispatchEvent(new Event('cpa-ready'));
  },

  cpa_js_app_failed__deps: ['$CpaPage'],
  /** @param {number} messagePtr */
  cpa_js_app_failed: function (messagePtr) {
    var detail = UTF8ToString(messagePtr);
    console.warn('CPA Companion could not start: ' + detail);
    CpaPage.setStatus('failed');
    window.dispatchEvent(new CustomEvent('cpa-failed', { detail: detail }));
  },

  cpa_js_css_width: function () {
    return document.getElementById('cpa-canvas').getBoundingClientRect().width;
  },
  cpa_js_css_height: function () {
    return document.getElementById('cpa-canvas').getBoundingClientRect().height;
  },
};
mergeInto(LibraryManager.library, LibraryCpaPlatform);
