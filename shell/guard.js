// @ts-check
// Whatever happens inside the app, the crisis numbers stay on screen (issue 25).  Runs before
// loader.js.  Once the app has started, a fault in it (a trap in its WebAssembly core, a C++
// exception thrown out of it, memory that could not grow, an abort, any error no code caught)
// or a step that keeps the page busy too long stops the app: the canvas and its mirror go, the
// plain page comes back with every crisis number (and the person's own contacts when their
// fallback record is good: loader.js hears 'cpa-failed'), and it says the app stopped.  Before
// the app has started, the same faults say it could not start.  Nothing runs in the core again.
(function () {
  'use strict';
  var root = document.documentElement;
  // The main thread cannot be interrupted from inside: while one step runs, no script, input or
  // new paint happens on the page.  What still runs is the compositor, which plays opacity
  // animations by itself.  So a panel of the crisis numbers sits over the app, invisible, in an
  // animation that shows it after STALL_MS; a worker (real timers, never the page's) asks the
  // page every BEAT_MS, and each answer starts the animation again.  If the page cannot answer,
  // the compositor shows the numbers; when it answers at last, the worker says how long it
  // waited, and a wait over STALL_MS stops the app.
  var STALL_MS = 4000;
  /** @type {CpaModule|null} the Emscripten module (loader.js hands it over) */
  var core = null;
  /** @type {Worker|null} */
  var watchdog = null;
  /** @type {Animation|null} */
  var animation = null;

  // The plain page's status line, in the site's first language and then its other one (marked
  // with its own lang, so a screen reader speaks each in its language).
  /** @param {string} key  a data-* field of the status line ("loading", "failed", "stopped") */
  function statusSays(key) {
    var status = document.getElementById('fallback-status');
    if (!status || !status.dataset[key]) return;
    status.textContent = status.dataset[key];
    var other = status.dataset[key + 'Other'];
    if (!other) return;
    var span = document.createElement('span');
    span.className = 'other-language';
    span.lang = status.dataset.otherLang || '';
    span.textContent = ' ' + other;
    status.appendChild(span);
  }

  // One way down for every fault.  'failed' before the app was ready, 'stopped' after.
  /** @param {string} why @param {any} [error]  what was thrown, if anything: it may be any value */
  function halt(why, error) {
    var state = root.dataset.app;
    if (state === 'failed' || state === 'stopped' || state === 'exited') {
      // Already down (or gone, after quick exit): still said, never lost.
      if (state !== 'exited') console.error('CPA Companion, after it stopped: ' + why);
      return;
    }
    var stopped = state === 'ready';
    root.dataset.app = stopped ? 'stopped' : 'failed';
    if (core) {
      core.cpaStopped = true;  // web/lib_heap.js: no call reaches the core again
      try { if (core._cpa_stop) core._cpa_stop(); } catch (e) { /* the core is past answering */ }
    }
    if (watchdog) watchdog.terminate();
    if (animation) animation.cancel();
    var mirror = document.getElementById('cpa-a11y');
    if (mirror) mirror.replaceChildren();
    statusSays(stopped ? 'stopped' : 'failed');
    console.error('CPA Companion ' + (stopped ? 'stopped' : 'could not start') + ': ' + why +
      (error && error.stack ? '\n' + error.stack : ''));
    if (stopped) tell();
    window.dispatchEvent(new CustomEvent('cpa-failed', { detail: String(why) }));
  }

  // A screen reader hears it at once, and focus goes to the plain page's heading.
  function tell() {
    window.scrollTo(0, 0);
    var heading = document.getElementById('fallback-heading');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    var alert = document.getElementById('cpa-alert'), status = document.getElementById('fallback-status');
    if (alert && status) setTimeout(function () { alert.textContent = status.textContent; }, 50);
  }

  /** @param {unknown} error */
  function describe(error) {
    if (error instanceof Error) return error.name + ': ' + error.message;
    if (typeof WebAssembly === 'object' && WebAssembly.Exception && error instanceof WebAssembly.Exception) {
      return 'a C++ exception thrown out of the core';
    }
    return String(error);
  }

  window.addEventListener('error', function (e) {
    halt('uncaught ' + describe(e.error || e.message), e.error);
  });
  window.addEventListener('unhandledrejection', function (e) {
    halt('unhandled rejection: ' + describe(e.reason), e.reason);
  });

  // ---- a step that runs too long ----
  /** @param {HTMLElement} panel */
  function restartPanel(panel) {
    if (animation) animation.cancel();
    animation = panel.animate([{ opacity: 0 }, { opacity: 1 }], { delay: STALL_MS, duration: 1, fill: 'both' });
  }
  function watch() {
    var panel = document.getElementById('cpa-stall');
    if (!panel || typeof Worker !== 'function' || !panel.animate) return;
    try { watchdog = new Worker('watchdog.js'); } catch (e) { return; }
    watchdog.onmessage = function (e) {
      if (root.dataset.app !== 'ready') return;
      if (typeof e.data.stalled === 'number') {
        halt('the page did not answer for ' + Math.round(e.data.stalled) + ' ms');
        return;
      }
      restartPanel(panel);
      watchdog.postMessage({ ack: e.data.tick });
    };
    watchdog.onerror = function (e) { e.preventDefault(); console.warn('watchdog not running: ' + e.message); };
    var pause = function (/** @type {boolean} */ paused) {
      if (paused && animation) animation.cancel();
      watchdog.postMessage({ paused: paused, stallMs: STALL_MS });
    };
    // A hidden page may be frozen or throttled, and the browser's print dialog holds the page:
    // neither is the app hanging.
    document.addEventListener('visibilitychange', function () { pause(document.visibilityState === 'hidden'); });
    window.addEventListener('beforeprint', function () { pause(true); });
    window.addEventListener('afterprint', function () { pause(false); });
    pause(document.visibilityState === 'hidden');
  }
  window.addEventListener('cpa-ready', watch, { once: true });

  window.cpaGuard = {
    // The module's options object, which Emscripten makes the module itself.
    attach: function (module) {
      core = module;
      module.onAbort = function (what) { halt('abort: ' + what); };
      module.cpaFault = function (where, error) { halt(describe(error) + ' in ' + where, error); };
    },
    halt: halt,
    say: statusSays,
    STALL_MS: STALL_MS,
  };
})();
