// @ts-check
// The accessibility mirror: every frame's semantic nodes become real DOM elements laid over
// the canvas (buttons, links, headings, text), kept stable between frames.  Screen readers and
// keyboards use them; activating one does what a tap on the canvas does.  They are also what
// the end-to-end tests find by role and name.
/**
 * An element of the mirror (a node's, or a region's), with what the mirror keeps on it: the
 * signature of what apply() last made of it, whether a field's own touch handlers are on, and a
 * region's landmark and whether this frame used it.
 * @typedef {HTMLElement & {_cpaSig?: string, _cpaField?: boolean, _cpaLandmark?: 'banner'|'main', _cpaUsed?: boolean}} MirrorElement
 */
var LibraryCpaMirror = {
  $CpaMirror__deps: ['$CpaCore', '$CpaA11y'],
  $CpaMirror: {
    /** @type {HTMLElement|null} */
    root: null,
    /** @type {Map<string, MirrorElement>|null} slot -> region element (made in install: library objects are serialised) */
    regions: null,
    /** @type {Map<number, MirrorElement>|null} node id -> element */
    elements: null,
    title: '',
    depth: 0,
    /** @type {Record<number, number>} screen depth -> the id of the control last activated there */
    openedFrom: {},
    /** @type {{banner: HTMLElement, main: HTMLElement}|null} */
    landmarks: null,
    lastPointer: 0,
    /** @type {Element|null} the heading announceNewScreen focused, until the focus moves on */
    openingHeading: null,
    ownPress: 0,     // the element a press was kept from the canvas for (onPress)
    cleared: false,  // quick exit emptied the mirror for good

    /** @param {CpaSemanticNode} node @returns {string} */
    tagFor: function (node) {
      switch (node.role) {
        case 'button': case 'checkbox': case 'radio': return 'button';
        case 'img': case 'radiogroup': case 'list': case 'dialog': case 'progressbar': return 'div';
        case 'link': return 'a';
        case 'heading': return 'h' + Math.min(6, Math.max(1, node.level || 2));
        case 'textbox': return 'input';
        case 'textarea': return 'textarea';
        case 'form': return 'form';
        default: return 'p';
      }
    },

    /** @type {Record<string, number>} */
    GROUPS: { radiogroup: 1, list: 1, dialog: 1, form: 1 },
    /** @type {Record<string, number>} */
    ROLES: { status: 1, listitem: 1, checkbox: 1, img: 1, radio: 1, radiogroup: 1, list: 1, dialog: 1, progressbar: 1 },
    /** @type {Record<string, number>} */
    NAMED: { img: 1, radiogroup: 1, list: 1, dialog: 1, progressbar: 1 },

    // The top bar's nodes go in the banner landmark (<header>), the screen's in <main>; within
    // each, one region per visible area (the bar, the scrolling content) clips what it holds.
    // A region is known by its place in its landmark (the first area of <main>, ...), never by
    // its rectangle: the phone's keyboard, turning the phone or a new text size change every
    // rectangle, and a region made again would take the focused element out of the page (and
    // the keyboard, and what is typed next, with it).
    /** @param {string} slot @param {number[]} clip @param {'banner'|'main'} landmark @returns {MirrorElement} */
    region: function (slot, clip, landmark) {
      var region = CpaMirror.regions.get(slot);
      if (!region) {
        region = document.createElement('div');
        region._cpaLandmark = landmark;
        region.className = 'cpa-region';
        region.addEventListener('scroll', CpaMirror.onRegionScroll);
        CpaMirror.regions.set(slot, region);
      }
      var box = [clip[0] + 'px', clip[1] + 'px', clip[2] + 'px', clip[3] + 'px'];
      if (region.style.left !== box[0]) region.style.left = box[0];
      if (region.style.top !== box[1]) region.style.top = box[1];
      if (region.style.width !== box[2]) region.style.width = box[2];
      if (region.style.height !== box[3]) region.style.height = box[3];
      region._cpaUsed = true;
      return region;
    },

    // origin: where the element's container sits, in canvas CSS pixels.
    /** @param {MirrorElement} el @param {CpaSemanticNode} node @param {number[]} origin */
    apply: function (el, node, origin) {
      var sig = JSON.stringify(node) + origin.join(',');
      if (el._cpaSig === sig) return;
      el._cpaSig = sig;
      el.dataset.cpaId = String(node.id);
      el.id = 'cpa-n' + node.id;
      el.className = CpaMirror.GROUPS[node.role] ? 'cpa-group' : 'cpa-node';
      el.style.left = (node.x - origin[0]) + 'px';
      el.style.top = (node.y - origin[1]) + 'px';
      el.style.width = Math.max(1, node.w) + 'px';
      el.style.height = Math.max(1, node.h) + 'px';
      if (node.role === 'textbox' || node.role === 'textarea') {
        CpaMirror.applyField(/** @type {HTMLInputElement|HTMLTextAreaElement} */ (el), node);
      } else if (!CpaMirror.GROUPS[node.role] && node.role !== 'progressbar' && el.textContent !== node.name) {
        el.textContent = node.name;
      }
      if (node.role === 'link') el.setAttribute('href', node.href || '#');
      if (el.tagName === 'BUTTON') /** @type {HTMLButtonElement} */ (el).type = node.submit ? 'submit' : 'button';
      el.hidden = !!node.hidden;  // words only read as another node's description
      if (CpaMirror.ROLES[node.role]) el.setAttribute('role', node.role);
      if (node.role === 'checkbox' || node.role === 'radio') el.setAttribute('aria-checked', String(!!node.checked));
      if (CpaMirror.NAMED[node.role] && node.name) el.setAttribute('aria-label', node.name);
      if (node.role === 'progressbar') {
        el.setAttribute('aria-valuemin', '0');
        el.setAttribute('aria-valuemax', '100');
        el.setAttribute('aria-valuenow', String(node.now || 0));
        el.setAttribute('aria-valuetext', node.name);
      }
      if (node.describedby) el.setAttribute('aria-describedby', node.describedby.map(function (/** @type {number} */ d) { return 'cpa-n' + d; }).join(' '));
      else el.removeAttribute('aria-describedby');
      if (node.disabled) el.setAttribute('aria-disabled', 'true');
      else el.removeAttribute('aria-disabled');
      if ('expanded' in node) el.setAttribute('aria-expanded', String(node.expanded));
      else el.removeAttribute('aria-expanded');
      // Words in another language than the page's ("Cymraeg" on an English screen) are spoken
      // in their own language.
      if (node.lang) el.setAttribute('lang', node.lang);
      else el.removeAttribute('lang');
    },

    /** @param {Element|null} el @returns {el is HTMLInputElement | HTMLTextAreaElement} */
    isField: function (el) { return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'); },

    // A text field's DOM input sits exactly over the field drawn on the canvas, with the same
    // text size and padding.  Unfocused, its text is transparent; focused, it shows its own text,
    // caret and selection, and the canvas leaves the field empty.
    /** @param {(HTMLInputElement|HTMLTextAreaElement) & MirrorElement} el @param {CpaSemanticNode} node */
    applyField: function (el, node) {
      if (el.tagName === 'INPUT') {
        var type = node.itype || 'text';
        if (el.type !== type) /** @type {HTMLInputElement} */ (el).type = type;
        el.autocomplete = /** @type {AutoFill} */ (node.ac || 'off');  // never the person's own number or email: these are other people's
      }
      el.setAttribute('aria-label', node.name);
      if (node.invalid) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
      el.style.fontSize = node.fs + 'px';
      el.style.lineHeight = (node.fs * 1.36) + 'px';
      el.style.padding = node.py + 'px ' + node.px + 'px';
      // While the person is typing, the DOM holds the truth; never overwrite it mid-word.
      if (document.activeElement !== el && el.value !== node.value) el.value = node.value;
      if (!el._cpaField) {
        el._cpaField = true;
        // Touches and clicks on the focused field are for the field (caret, selection, paste
        // menu), not for the canvas.
        var mine = function (/** @type {Event} */ e) { if (document.activeElement === el) e.stopPropagation(); };
        el.addEventListener('touchstart', mine, { passive: true });
        el.addEventListener('mousedown', mine);
      }
    },

    /** @param {number} id */
    focusInput: function (id) {
      var el = CpaMirror.elements.get(id);
      if (!el || !CpaMirror.isField(el)) return;
      el.focus({ preventScroll: true });
      try {
        if (el.type === 'date' && 'showPicker' in el) el.showPicker();
        else el.setSelectionRange(el.value.length, el.value.length);
      } catch (e) { /* some input types have no selection */ }
    },

    // Quick exit: every element goes, and nothing is mirrored again.
    clear: function () {
      CpaMirror.cleared = true;
      if (CpaMirror.root) CpaMirror.root.replaceChildren();
      if (CpaMirror.elements) CpaMirror.elements.clear();
      if (CpaMirror.regions) CpaMirror.regions.clear();
    },

    // Puts el at position k of parent.  The element holding the focus is never the one moved
    // (a moved element loses it): what stands in its way goes to the end, to be placed in turn.
    /** @param {Element} parent @param {number} k @param {Element} el */
    place: function (parent, k, el) {
      if (parent.children[k] === el) return;
      if (el.parentNode === parent && el.contains(document.activeElement)) {
        while (parent.children[k] !== el) parent.appendChild(parent.children[k]);
        return;
      }
      parent.insertBefore(el, parent.children[k] || null);
    },

    // The browser scrolls a region to show what takes focus; the app scrolls its own view
    // instead (see onRegionScroll).
    unscroll: function () {
      CpaMirror.regions.forEach(function (r) {
        if (r.scrollTop !== 0) r.scrollTop = 0;
        if (r.scrollLeft !== 0) r.scrollLeft = 0;
      });
    },

    /** @param {CpaSemantics} tree */
    update: function (tree) {
      if (CpaMirror.cleared) return;
      // What the app meant each element to be: the accessibility tests hold Chromium's own
      // accessibility tree to it.  (Nothing here that the elements do not show already.)
      window.cpaSemantics = tree;
      /** @type {Set<number>} */
      var seen = new Set();
      /** @type {Map<MirrorElement, MirrorElement[]>} container (a region or a group's element) -> its elements in order */
      var order = new Map();
      /** @type {Map<MirrorElement, number[]>} container -> [x, y] of its top left on the canvas */
      var origins = new Map();
      /** @type {Map<string, MirrorElement>} this frame's visible areas: landmark and clip -> region */
      var areas = new Map();
      var slots = { banner: 0, main: 0 };
      CpaMirror.regions.forEach(function (r) { r._cpaUsed = false; });
      for (var i = 0; i < tree.nodes.length; i++) {
        var node = tree.nodes[i];
        var container = node.parent ? CpaMirror.elements.get(node.parent) : null;
        if (!container || !seen.has(node.parent)) {
          var clip = node.clip || [0, 0, window.innerWidth, window.innerHeight];
          var landmark = /** @type {'banner'|'main'} */ (node.lm === 'banner' ? 'banner' : 'main');
          var area = landmark + ':' + clip.join(',');
          if (!areas.has(area)) areas.set(area, CpaMirror.region(landmark + slots[landmark]++, clip, landmark));
          container = areas.get(area);
          origins.set(container, [clip[0], clip[1]]);
        }
        var el = CpaMirror.elements.get(node.id);
        var tag = CpaMirror.tagFor(node);
        if (!el || el.tagName.toLowerCase() !== tag) {
          if (el) el.remove();
          el = document.createElement(tag);
          if (tag[0] === 'h') el.tabIndex = -1;  // focusable by script, for announcing a new screen
          CpaMirror.elements.set(node.id, el);
        }
        CpaMirror.apply(el, node, origins.get(container));
        if (CpaMirror.GROUPS[node.role]) origins.set(el, [node.x, node.y]);
        seen.add(node.id);
        if (!order.has(container)) order.set(container, []);
        order.get(container).push(el);
      }
      CpaMirror.elements.forEach(function (stale, id) {
        if (!seen.has(id)) { stale.remove(); CpaMirror.elements.delete(id); }
      });
      // Regions in first-use order within their landmark, elements in reading order; only move
      // what is out of place (moving an element would lose its focus).
      var placed = { banner: 0, main: 0 };
      order.forEach(function (els, parent) {
        if (parent._cpaLandmark) {
          CpaMirror.place(CpaMirror.landmarks[parent._cpaLandmark], placed[parent._cpaLandmark]++, parent);
        }
        for (var k = 0; k < els.length; k++) CpaMirror.place(parent, k, els[k]);
        while (parent.children.length > els.length) parent.lastChild.remove();
      });
      CpaMirror.regions.forEach(function (r, key) {
        if (!r._cpaUsed) { r.remove(); CpaMirror.regions.delete(key); }
      });
      // A new screen starts where the app put it: a region the browser scrolled to show what had
      // focus on the last screen (Enter pressed within a frame of the focus moving) is put back
      // now, before its scroll event arrives and is taken for this screen's.
      if (tree.title !== CpaMirror.title || tree.depth !== CpaMirror.depth) CpaMirror.unscroll();
      // A new language is the same screen in other words: the title changes, but focus stays
      // where the person is (on the language switch) rather than going to a new screen's heading.
      var relabelled = !!tree.lang && document.documentElement.lang !== tree.lang;
      if (relabelled) document.documentElement.lang = tree.lang;
      CpaA11y.afterUpdate(CpaMirror.root, tree, tree.title !== CpaMirror.title);
      if (tree.title !== CpaMirror.title) {
        var first = CpaMirror.title === '';
        var back = tree.depth < CpaMirror.depth;
        CpaMirror.title = tree.title;
        document.title = tree.title;
        if (!first && !relabelled) CpaMirror.announceNewScreen(back ? CpaMirror.openedFrom[tree.depth] : 0);
      }
      CpaMirror.depth = tree.depth;
    },

    // The same tree, scrolled: only the rectangles change (p: x, y, w, h per node, in the
    // tree's order).  Each element is moved within its container, as apply() places it; the
    // tree the tests read (window.cpaSemantics) moves with them.
    /** @param {Float32Array} p */
    move: function (p) {
      var tree = window.cpaSemantics;
      if (CpaMirror.cleared || !tree || p.length !== tree.nodes.length * 4) return;
      /** @type {Map<number, number[]>} group id -> [x, y] */
      var origins = new Map();
      for (var i = 0; i < tree.nodes.length; i++) {
        var node = tree.nodes[i];
        var at = function (/** @type {number} */ k) { return Math.round(p[4 * i + k] * 10) / 10; };  // float32 to the JSON's tenths
        node.x = at(0); node.y = at(1); node.w = at(2); node.h = at(3);
        var el = CpaMirror.elements.get(node.id);
        if (!el) continue;
        var clip = node.clip || [0, 0, 0, 0];
        var origin = node.parent && origins.has(node.parent) ? origins.get(node.parent) : clip;
        if (CpaMirror.GROUPS[node.role]) origins.set(node.id, [node.x, node.y]);
        el._cpaSig = '';  // what apply() last made of it no longer holds
        var left = (node.x - origin[0]) + 'px', top = (node.y - origin[1]) + 'px';
        var width = Math.max(1, node.w) + 'px', height = Math.max(1, node.h) + 'px';
        if (el.style.left !== left) el.style.left = left;
        if (el.style.top !== top) el.style.top = top;
        if (el.style.width !== width) el.style.width = width;
        if (el.style.height !== height) el.style.height = height;
      }
    },

    // A new screen: move focus to its heading, so screen readers say where the person is; back
    // on a screen they left, to the control that took them away (restore: its id).
    /** @param {number} restore */
    announceNewScreen: function (restore) {
      var active = document.activeElement;
      if (active && active !== document.body && !CpaMirror.root.contains(active)) return;
      var opener = restore ? CpaMirror.elements.get(restore) : null;
      if (opener && opener.isConnected) {
        opener.focus({ preventScroll: true });
        _cpa_focus(restore);
        return;
      }
      var heading = CpaMirror.root.querySelector('h1');
      CpaMirror.openingHeading = heading;
      if (heading) heading.focus({ preventScroll: true });
    },

    /** @param {Element|null} target @returns {number} */
    idOf: function (target) {
      var el = /** @type {HTMLElement|null} */ (target && target.closest ? target.closest('[data-cpa-id]') : null);
      return el ? Number(el.dataset.cpaId) : 0;
    },

    // A press on an element whose region the browser has scrolled (to show it: a click from
    // assistive technology or a test, a find-in-page) and that the app has not yet scrolled to:
    // the canvas still draws something else at that point, so the press is kept from the canvas
    // and the click activates this element itself.
    /** @param {Event} e */
    onPress: function (e) {
      CpaMirror.ownPress = 0;
      var target = /** @type {Element|null} */ (e.target);
      var el = /** @type {HTMLElement|null} */ (target && target.closest ? target.closest('[data-cpa-id]') : null);
      if (!el || CpaMirror.isField(el)) return;
      var region = el.closest('.cpa-region');
      if (!region || (region.scrollTop === 0 && region.scrollLeft === 0)) return;
      CpaMirror.ownPress = Number(el.dataset.cpaId);
      e.stopPropagation();
    },

    /** @param {MouseEvent} e */
    onClick: function (e) {
      var target = /** @type {Element} */ (e.target);
      var id = CpaMirror.idOf(target);
      if (!id) return;
      var own = CpaMirror.ownPress === id;
      CpaMirror.ownPress = 0;
      // A mouse or touch click already reached the canvas through the root's listeners.
      if (!own && e.detail > 0 && performance.now() - CpaMirror.lastPointer < 1500) {
        e.preventDefault();
        return;
      }
      var el = target.closest('[data-cpa-id]');
      var href = el.getAttribute('href');
      // Keyboard or screen reader: a link out (tel:, sms:, https:) is a real link, let it go.
      if (el.tagName === 'A' && href && href[0] !== '#') return;
      e.preventDefault();
      CpaMirror.openedFrom[CpaMirror.depth] = id;
      _cpa_activate(id);
    },

    // The browser scrolled a region to show an element (a screen reader's cursor moved to it, a
    // find in the page): undo the DOM scroll and let the app scroll its own view instead, to the
    // element that has the focus if it is in this region (the focus is the truth), or else to
    // the one the browser brought nearest the middle.
    /** @param {Event} e */
    onRegionScroll: function (e) {
      var region = /** @type {HTMLElement} */ (e.currentTarget);
      if (region.scrollTop === 0 && region.scrollLeft === 0) return;
      var active = document.activeElement;
      /** @type {HTMLElement|null} */
      var best = active && region.contains(active) ? active.closest('[data-cpa-id]') : null;
      if (!best) {
        var box = region.getBoundingClientRect();
        var middle = box.top + box.height / 2, bestDistance = Infinity;
        var nodes = /** @type {NodeListOf<HTMLElement>} */ (region.querySelectorAll('.cpa-node'));
        for (var i = 0; i < nodes.length; i++) {
          var r = nodes[i].getBoundingClientRect();
          var d = Math.abs(r.top + r.height / 2 - middle);
          if (d < bestDistance) { bestDistance = d; best = nodes[i]; }
        }
      }
      region.scrollTop = 0;
      region.scrollLeft = 0;
      if (best) _cpa_focus(Number(best.dataset.cpaId));
    },

    // The focused element is in the app's view: after the view changed size (the phone's
    // keyboard, turning the phone), or the text size or the screen's density changed, the app
    // scrolls it back into sight.  Not the heading the app focused as the screen opened
    // (announceNewScreen), while it still has the focus: it only tells a screen reader where the
    // person is, and a person who has swiped down the page since, and turns the phone, stays
    // where they were reading.
    keepFocusInView: function () {
      var el = document.activeElement;
      var id = CpaMirror.idOf(el);
      if (id && el && el !== CpaMirror.openingHeading && CpaMirror.root.contains(el)) _cpa_focus(id);
    },

    // Keys the mirror answers itself: Escape leaves a text field (without going Back); the arrow
    // keys, Page Up/Down, Home and End scroll the screen when no field has the keyboard.
    /** @param {KeyboardEvent} e */
    onKey: function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || CpaMirror.cleared) return;
      var t = /** @type {HTMLElement} */ (e.target);
      if (e.key === 'Tab') { CpaMirror.keepInDialog(e); return; }
      if (CpaMirror.isField(t)) {
        if (e.key === 'Escape' && CpaMirror.root.contains(t)) {
          t.blur();
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      }
      var page = window.innerHeight * 0.8;
      var step = /** @type {Record<string, number>} */ ({ ArrowDown: 48, ArrowUp: -48, PageDown: page, PageUp: -page, Home: -1e6, End: 1e6 })[e.key];
      if (step === undefined) return;
      e.preventDefault();
      _cpa_scroll_by(step);
    },

    // A confirmation (role=dialog) keeps Tab within the page's own controls: past its last one
    // to the first (the top bar, where Help now is), and back.
    /** @param {KeyboardEvent} e */
    keepInDialog: function (e) {
      if (!CpaMirror.root.querySelector('[role=dialog]')) return;
      var all = /** @type {NodeListOf<HTMLElement>} */ (CpaMirror.root.querySelectorAll('button.cpa-node, a.cpa-node, input.cpa-node, textarea.cpa-node'));
      if (!all.length) return;
      var first = all[0], last = all[all.length - 1];
      var to = !e.shiftKey && e.target === last ? first : e.shiftKey && e.target === first ? last : null;
      if (!to) return;
      e.preventDefault();
      to.focus();
    },

    install: function () {
      document.addEventListener('keydown', CpaMirror.onKey);
      CpaMirror.root = document.getElementById('cpa-a11y');
      CpaMirror.landmarks = { banner: document.createElement('header'), main: document.createElement('main') };
      CpaMirror.root.replaceChildren(CpaMirror.landmarks.banner, CpaMirror.landmarks.main);
      CpaA11y.install(CpaMirror.root);
      CpaMirror.regions = new Map();
      CpaMirror.elements = new Map();
      var stage = document.getElementById('cpa-root');
      var mark = function () { CpaMirror.lastPointer = performance.now(); };
      stage.addEventListener('mousedown', mark, true);
      stage.addEventListener('touchstart', mark, { capture: true, passive: true });
      CpaMirror.root.addEventListener('click', CpaMirror.onClick);
      CpaMirror.root.addEventListener('mousedown', CpaMirror.onPress, true);
      CpaMirror.root.addEventListener('touchstart', CpaMirror.onPress, { capture: true, passive: true });
      CpaMirror.root.addEventListener('focusin', function (e) {
        var target = /** @type {Element} */ (e.target);
        if (target !== CpaMirror.openingHeading) CpaMirror.openingHeading = null;
        var id = CpaMirror.idOf(target);
        if (!id) return;
        if (CpaMirror.isField(target)) _cpa_text_focus(id);
        else _cpa_focus(id);
        if (target.tagName !== 'H1') CpaMirror.openedFrom[CpaMirror.depth] = id;
      });
      CpaMirror.root.addEventListener('focusout', function (e) {
        if (CpaMirror.isField(/** @type {Element} */ (e.target))) _cpa_text_focus(0);
      });
      CpaMirror.root.addEventListener('input', function (e) {
        var target = /** @type {Element} */ (e.target);
        var id = CpaMirror.idOf(target);
        if (id && CpaMirror.isField(target)) CpaCore.call('cpa_text_input', [id, target.value]);
      });
      // A tap anywhere else puts the keyboard away, as in any other app.
      var away = function (/** @type {Event} */ e) {
        var active = document.activeElement;
        if (CpaMirror.isField(active) && CpaMirror.root.contains(active) && e.target !== active) active.blur();
      };
      stage.addEventListener('touchstart', away, { capture: true, passive: true });
      stage.addEventListener('mousedown', away, true);
      // The phone's keyboard opening or closing, or the phone turning, resizes the view: the
      // focused element (the field being typed in) stays in sight.
      window.addEventListener('resize', CpaMirror.keepFocusInView);
      if (window.visualViewport) window.visualViewport.addEventListener('resize', CpaMirror.keepFocusInView);
    },
  },

  cpa_js_focus_input__deps: ['$CpaMirror'],
  /** @param {number} id */
  cpa_js_focus_input: function (id) { CpaMirror.focusInput(id >>> 0); },  // wasm passes a uint32 as a signed int

  cpa_js_layout_changed__deps: ['$CpaMirror'],
  cpa_js_layout_changed: function () { if (CpaMirror.root) CpaMirror.keepFocusInView(); },

  cpa_js_move_mirror__deps: ['$CpaMirror'],
  /** @param {number} ptr @param {number} count */
  cpa_js_move_mirror: function (ptr, count) {
    CpaMirror.move(HEAPF32.subarray(ptr >> 2, (ptr >> 2) + count));
  },

  cpa_js_update_mirror__deps: ['$CpaMirror'],
  /** @param {number} jsonPtr */
  cpa_js_update_mirror: function (jsonPtr) {
    CpaMirror.update(JSON.parse(UTF8ToString(jsonPtr)));
  },
};
mergeInto(LibraryManager.library, LibraryCpaMirror);
