// @ts-check
// What the cross-engine journeys ask of a page, run inside the page itself, so that the same
// questions reach Firefox (WebDriver BiDi) and WebKit (classic WebDriver, no BiDi) alike.
// Elements are found the way tests/e2e/support.mjs finds them: by role and accessible name in
// the accessibility mirror (#cpa-a11y), which is real DOM.

// Runs in the page: `lib` is the object below, `args` come as JSON.
function pageLib() {
  const ROLE_OF_TAG = { BUTTON: 'button', A: 'link', INPUT: 'textbox', TEXTAREA: 'textbox',
    H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading' };
  const lib = {
    state() {
      const html = document.documentElement;
      return { app: html.dataset.app || '', store: html.dataset.store || '', url: location.href, title: document.title };
    },
    role(el) { return el.getAttribute('role') || ROLE_OF_TAG[el.tagName] || ''; },
    // The accessible name as the mirror gives it: aria-label where it sets one, else the text.
    name(el) { return (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim(); },
    all(role, name, options = {}) {
      const root = document.getElementById('cpa-a11y');
      if (!root) return [];
      return /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll('*'))).filter((el) => lib.role(el) === role &&
        (name === undefined || name === null || lib.name(el) === name) &&
        (!options.level || el.tagName === 'H' + options.level) &&
        (options.checked === undefined || el.getAttribute('aria-checked') === String(options.checked)) &&
        (!options.enabled || el.getAttribute('aria-disabled') !== 'true'));
    },
    find(role, name, options) { return lib.all(role, name, options)[0] || null; },
    count(role, name, options) { return lib.all(role, name, options).length; },
    // What is read after an element's name: the texts its aria-describedby points at.
    description(el) {
      return (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
        .map((id) => document.getElementById(id)).filter(Boolean).map((d) => lib.name(d)).join(' ');
    },
    describe(el) {
      return el && { role: lib.role(el), name: lib.name(el), href: el.getAttribute('href'), value: 'value' in el ? el.value : null,
        description: lib.description(el), focused: document.activeElement === el };
    },
    // Every element of the mirror as [role, name] (what a failure message shows).
    outline() {
      const root = document.getElementById('cpa-a11y');
      return root ? Array.from(root.querySelectorAll('[data-cpa-id]')).map((el) => `${lib.role(el) || el.tagName}: ${lib.name(el).slice(0, 60)}`) : [];
    },
    // Keyboard focus on an element (as Tab, or a screen reader, puts it there).
    focus(role, name, options) {
      const el = lib.find(role, name, options);
      if (!el) return false;
      el.focus();
      return document.activeElement === el;
    },
    // The one Tab stop of the group of answers that holds the named one (the chosen answer, or
    // the first while none is), focused as Tab would.
    focusAnswers(name) {
      const radio = lib.find('radio', name);
      const stop = radio && /** @type {HTMLElement[]} */ (Array.from(radio.parentNode.children)).find((el) => lib.role(el) === 'radio' && el.tabIndex === 0);
      if (!stop) return false;
      stop.focus();
      return document.activeElement === stop;
    },
    focusLink(href) {
      const a = /** @type {HTMLElement|null} */ (document.querySelector(`#cpa-a11y a[href="${CSS.escape(href)}"]`));
      if (!a) return false;
      a.focus();
      return document.activeElement === a;
    },
    // The element's middle is on the screen, below the top bar.
    inView(selector) {
      const el = document.querySelector(selector);
      if (!el) return false;
      const box = el.getBoundingClientRect(), middle = box.top + box.height / 2;
      return middle > innerHeight * 0.15 && middle < innerHeight;
    },
    // The mirror has handled a focus that scrolled its region (web/lib_mirror.js onRegionScroll
    // puts the region back and has the app scroll instead), and the app has drawn since.
    focusHandled() {
      const regions = Array.from(document.querySelectorAll('#cpa-a11y .cpa-region'));
      if (regions.some((r) => r.scrollTop !== 0 || r.scrollLeft !== 0)) return false;
      return lib.settle();
    },
    // The app has drawn at this page height: the canvas and the mirror's top-bar area (which
    // spans the whole canvas) fit it.
    drawnAt(height) {
      const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('cpa-canvas'));
      const area = document.querySelector('#cpa-a11y header .cpa-region');
      if (innerHeight !== height || !area || canvas.height !== Math.round(height * devicePixelRatio)) return false;
      if (Math.abs(area.getBoundingClientRect().bottom - height) >= 1) return false;
      return lib.settle();
    },
    // The focused element's box, in CSS pixels, and whether it is wholly inside its scrolling
    // area (below the top bar, above the bottom of the page).
    focusedBox() {
      const el = /** @type {HTMLElement|null} */ (document.activeElement), region = el && el.closest && el.closest('.cpa-region');
      if (!region) return null;
      const box = el.getBoundingClientRect(), area = region.getBoundingClientRect();
      return { x: box.x, y: box.y, w: box.width, h: box.height, inSight: box.top >= area.top - 0.5 && box.bottom <= area.bottom + 0.5,
        padX: parseFloat(el.style.paddingLeft) || 0, padY: parseFloat(el.style.paddingTop) || 0, pageWidth: innerWidth };
    },
    // Whether the engine gives each glyph a whole number of CSS pixels' advance at the focused
    // field's text size (WebKitGTK hints the font at its CSS size, so 'i' at 19 px is 4 px wide,
    // not 4.9; the app's canvas, Chromium and Firefox place glyphs at their true widths).
    wholePixelAdvances() {
      const style = getComputedStyle(document.activeElement);
      const span = document.createElement('span');
      span.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;font-kerning:none';
      span.style.fontFamily = style.fontFamily;
      span.style.fontSize = style.fontSize;
      document.body.appendChild(span);
      const whole = [...'aeiklmnorstw'].every((c) => {
        span.textContent = c;
        return Number.isInteger(span.getBoundingClientRect().width);
      });
      span.remove();
      return whole;
    },
    caretToStart() {
      /** @type {HTMLInputElement} */ (document.activeElement).setSelectionRange(0, 0);
      return lib.settle();
    },
    blur() {
      if (document.activeElement) /** @type {HTMLElement} */ (document.activeElement).blur();
      return true;
    },
    // Links to call or text in the mirror, as [text, href, description].
    callLinks() {
      const root = document.getElementById('cpa-a11y');
      return Array.from(root ? root.querySelectorAll('a[href^="tel:"], a[href^="sms:"]') : [])
        .map((a) => [lib.name(a), a.getAttribute('href'), lib.description(a)]);
    },
    texts() {
      const root = document.getElementById('cpa-a11y');
      return root ? Array.from(root.querySelectorAll('[data-cpa-id]')).map((el) => lib.name(el)) : [];
    },
    // The plain page's crisis lines, as the engine laid them out: [line id, href, text, shown].
    // access: the routes for people who cannot make a voice call (#fallback-access) rather than
    // the crisis lines.
    plainLines(access = false) {
      const lines = Array.from(/** @type {NodeListOf<HTMLLIElement>} */ (document.querySelectorAll('#fallback li[data-line]')))
        .filter((li) => !!li.closest('#fallback-access') === access);
      return lines.map((li) => {
        const a = li.querySelector('a[href]');
        const box = a ? a.getBoundingClientRect() : null;
        return [li.dataset.line, a ? a.getAttribute('href') : '', a ? a.textContent.replace(/\s+/g, ' ').trim() : '',
          !!box && box.width > 0 && box.height > 0 && getComputedStyle(a).visibility === 'visible'];
      });
    },
    // Errors and Content-Security-Policy violations, heard from inside the page (WebKitGTK's
    // driver has no console log): listeners from the moment they are installed, plus what a
    // ReportingObserver already buffered, where the engine has one.
    listen() {
      if (window.__cpaHeard) return true;
      const heard = window.__cpaHeard = [];
      window.addEventListener('error', (e) => heard.push(`error: ${e.message || e.type} ${e.filename || ''}:${e.lineno || ''}`), true);
      window.addEventListener('unhandledrejection', (e) => heard.push(`unhandled rejection: ${e.reason}`));
      document.addEventListener('securitypolicyviolation', (e) => heard.push(`CSP: ${e.violatedDirective} blocked ${e.blockedURI}`), true);
      if (typeof ReportingObserver === 'function') {
        try {
          new ReportingObserver((reports) => {
            for (const r of reports) {
              const body = /** @type {CSPViolationReportBody|null} */ (r.body);
              heard.push(`CSP report: ${body && body.effectiveDirective} blocked ${body && body.blockedURL}`);
            }
          }, { types: ['csp-violation'], buffered: true }).observe();
        } catch (e) { /* an engine without report types */ }
      }
      return true;
    },
    // Two animation frames and a task: the app has drawn what the mirror shows, and the
    // engine has painted it (a screenshot before that can show the screen before).
    settle() {
      return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 30))));
    },
    heard() { return window.__cpaHeard || ['the page was never listened to']; },
  };
  return lib;
}

// An expression for the engine: calls fn(lib, ...args) in the page; its value (or its promise's)
// comes back as JSON.
export function inPage(fn, ...args) {
  return `(${fn})((${pageLib})(), ...${JSON.stringify(args)})`;
}
