// @ts-check
// Quick exit (core/quick_exit/quick_exit.hpp), carried out: the core decides when; this file takes the app
// off the screen at once and leaves for the neutral address.  It also passes every released key
// to the core, which counts Shift pressed on its own (the GOV.UK "Exit this page" pattern).
var LibraryCpaExit = {
  $CpaExit__deps: ['$CpaPage', '$CpaMirror'],
  $CpaExit: {
    leaving: false,
    lastKeyWasModified: false,
    STEP_LIMIT_MS: 400,   // a history step that has not come back by then is not waited for
    SAVE_LIMIT_MS: 1500,  // a save still running by then is left to finish as the page goes
    url: '',              // the neutral address it left for

    install: function () {
      // As GOV.UK does: keyup, in the capture phase (before any field or the canvas), with Shift
      // counted only when pressed on its own, so typing capitals never counts.  Nothing is ever
      // prevented, so typing in a field works as usual.
      document.addEventListener('keyup', function (e) {
        if (CpaExit.leaving) return;
        var alone = e.key === 'Shift' && !CpaExit.lastKeyWasModified && !e.isComposing;
        CpaExit.lastKeyWasModified = !!e.shiftKey;
        _cpa_quick_exit_key(alone ? 1 : 0, performance.now());
      }, true);
      // A page kept in the browser's back-forward cache after leaving: leave again at once.
      window.addEventListener('pageshow', function (e) {
        if (e.persisted && CpaExit.leaving && CpaExit.url) window.location.replace(CpaExit.url);
      });
    },

    // Off the screen, in this same task: nothing of the app is painted again.
    /** @param {string} title */
    hide: function (title) {
      var root = document.documentElement;
      root.dataset.app = 'exited';  // CSS hides the canvas, the mirror and the plain page
      document.title = title;
      var canvas = /** @type {HTMLCanvasElement|null} */ (document.getElementById('cpa-canvas'));
      if (canvas) {
        try {
          var gl = canvas.getContext('webgl2');
          if (gl) { gl.clearColor(1, 1, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT); }
        } catch (e) { /* hidden anyway */ }
        canvas.hidden = true;
      }
      var active = /** @type {HTMLElement|null} */ (document.activeElement);
      if (active && active.blur) active.blur();
      CpaMirror.clear();
      ['cpa-live', 'cpa-alert', 'cpa-print'].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) el.replaceChildren();
      });
      var file = document.getElementById('cpa-file');
      if (file) file.remove();
    },

    // A save still on its way: the store writes at once when the page is hidden (pagehide), so
    // ask for that now, and wait for html[data-store=saved], for a moment at most.
    /** @param {() => void} next */
    afterSave: function (next) {
      var root = document.documentElement;
      var saving = function () { var s = root.getAttribute('data-store'); return s === 'saving' || s === 'waiting'; };
      if (!saving()) { next(); return; }
      var done = false;
      var finish = function () {
        if (done) return;
        done = true;
        observer.disconnect();
        clearTimeout(limit);
        next();
      };
      var observer = new MutationObserver(function () { if (!saving()) finish(); });
      observer.observe(root, { attributes: true, attributeFilter: ['data-store'] });
      var limit = setTimeout(finish, CpaExit.SAVE_LIMIT_MS);
      window.dispatchEvent(new Event('pagehide'));
    },

    // One step through this tab's history, then next (on popstate, or after a short limit).
    /** @param {() => void} move @param {() => void} next */
    step: function (move, next) {
      var done = false;
      var finish = function () {
        if (done) return;
        done = true;
        window.removeEventListener('popstate', finish);
        clearTimeout(limit);
        next();
      };
      window.addEventListener('popstate', finish);
      var limit = setTimeout(finish, CpaExit.STEP_LIMIT_MS);
      move();
    },

    // This tab's history, as far as a page may change it: back to the first entry this page
    // made, which is replaced by the bare address marked "exited"; one new entry on top of it
    // drops every screen the person had visited from Forward; back onto the first, which the
    // neutral site then replaces.  What is left: Back goes to whatever came before the app;
    // Forward reaches only the bare address, which leaves again at once (shell/loader.js).
    // Entries from before the page last loaded (a reload) belong to another document and
    // cannot be reached without leaving; the browser's own history list keeps the address.
    /** @param {string} url @param {string} title */
    leave: function (url, title) {
      if (CpaExit.leaving) return;
      CpaExit.leaving = true;
      CpaExit.url = url;
      CpaExit.hide(title);
      var bare = window.location.pathname + window.location.search;
      var marked = { cpaExited: url };
      var entries = Math.max(0, Math.min(CpaPage.entry, window.history.length - 1));
      CpaExit.afterSave(function () {
        var toFirst = entries > 0
          ? function (/** @type {() => void} */ next) { CpaExit.step(function () { window.history.go(-entries); }, next); }
          : function (/** @type {() => void} */ next) { next(); };
        toFirst(function () {
          window.history.replaceState(marked, title, bare);
          window.history.pushState(marked, title, bare);
          CpaExit.step(function () { window.history.back(); }, function () {
            window.dispatchEvent(new CustomEvent('cpa-quick-exit', { detail: url }));
            window.location.replace(url);
          });
        });
      });
    },
  },

  cpa_js_quick_exit__deps: ['$CpaExit'],
  /** @param {number} urlPtr @param {number} titlePtr */
  cpa_js_quick_exit: function (urlPtr, titlePtr) {
    CpaExit.leave(UTF8ToString(urlPtr), UTF8ToString(titlePtr));
  },
};
mergeInto(LibraryManager.library, LibraryCpaExit);
