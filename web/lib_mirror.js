// The accessibility mirror: every frame's semantic nodes become real DOM elements laid over
// the canvas (buttons, links, headings, text), kept stable between frames.  Screen readers and
// keyboards use them; activating one does what a tap on the canvas does.  They are also what
// the end-to-end tests find by role and name.
mergeInto(LibraryManager.library, {
  $CpaMirror__deps: ['$CpaCore'],
  $CpaMirror: {
    root: null,
    regions: null,   // Map: clip key -> region element (made in install: library objects are serialised)
    elements: null,  // Map: node id -> element
    title: '',
    lastPointer: 0,
    ownPress: 0,     // the element a press was kept from the canvas for (onPress)
    cleared: false,  // quick exit emptied the mirror for good

    tagFor: function (node) {
      switch (node.role) {
        case 'button': case 'checkbox': return 'button';
        case 'img': return 'div';
        case 'link': return 'a';
        case 'heading': return 'h' + Math.min(6, Math.max(1, node.level || 2));
        case 'textbox': return 'input';
        case 'textarea': return 'textarea';
        default: return 'p';
      }
    },

    region: function (clip) {
      var key = clip.join(',');
      var region = CpaMirror.regions.get(key);
      if (!region) {
        region = document.createElement('div');
        region.className = 'cpa-region';
        region.style.left = clip[0] + 'px';
        region.style.top = clip[1] + 'px';
        region.style.width = clip[2] + 'px';
        region.style.height = clip[3] + 'px';
        region.addEventListener('scroll', CpaMirror.onRegionScroll);
        CpaMirror.regions.set(key, region);
      }
      region._cpaUsed = true;
      return region;
    },

    apply: function (el, node, clip) {
      var sig = JSON.stringify(node);
      if (el._cpaSig === sig) return;
      el._cpaSig = sig;
      el.dataset.cpaId = String(node.id);
      el.style.left = (node.x - clip[0]) + 'px';
      el.style.top = (node.y - clip[1]) + 'px';
      el.style.width = Math.max(1, node.w) + 'px';
      el.style.height = Math.max(1, node.h) + 'px';
      if (node.role === 'textbox' || node.role === 'textarea') {
        CpaMirror.applyField(el, node);
      } else if (el.textContent !== node.name) {
        el.textContent = node.name;
      }
      if (node.role === 'link') el.setAttribute('href', node.href || '#');
      if (node.role === 'button') el.type = 'button';
      if (node.role === 'status' || node.role === 'listitem' || node.role === 'checkbox' || node.role === 'img') el.setAttribute('role', node.role);
      if (node.role === 'checkbox') el.setAttribute('aria-checked', String(!!node.checked));
      if (node.role === 'img') el.setAttribute('aria-label', node.name);
      if (node.desc) el.setAttribute('aria-description', node.desc);
      else el.removeAttribute('aria-description');
      if (node.disabled) el.setAttribute('aria-disabled', 'true');
      else el.removeAttribute('aria-disabled');
      if ('expanded' in node) el.setAttribute('aria-expanded', String(node.expanded));
      else el.removeAttribute('aria-expanded');
    },

    isField: function (el) { return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'); },

    // A text field's DOM input sits exactly over the field drawn on the canvas, with the same
    // text size and padding.  Unfocused, its text is transparent; focused, it shows its own text,
    // caret and selection, and the canvas leaves the field empty.
    applyField: function (el, node) {
      if (el.tagName === 'INPUT') {
        var type = node.itype || 'text';
        if (el.type !== type) el.type = type;
        el.autocomplete = type === 'tel' ? 'tel' : type === 'email' ? 'email' : type === 'password' ? 'current-password' : 'off';
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
        var mine = function (e) { if (document.activeElement === el) e.stopPropagation(); };
        el.addEventListener('touchstart', mine, { passive: true });
        el.addEventListener('mousedown', mine);
      }
    },

    focusInput: function (id) {
      var el = CpaMirror.elements.get(id);
      if (!el || !CpaMirror.isField(el)) return;
      el.focus({ preventScroll: true });
      try {
        if (el.type === 'date' && el.showPicker) el.showPicker();
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

    update: function (tree) {
      if (CpaMirror.cleared) return;
      var seen = new Set();
      var order = new Map();  // region -> elements in order
      CpaMirror.regions.forEach(function (r) { r._cpaUsed = false; });
      for (var i = 0; i < tree.nodes.length; i++) {
        var node = tree.nodes[i];
        var clip = node.clip || [0, 0, window.innerWidth, window.innerHeight];
        var region = CpaMirror.region(clip);
        var el = CpaMirror.elements.get(node.id);
        var tag = CpaMirror.tagFor(node);
        if (!el || el.tagName.toLowerCase() !== tag) {
          if (el) el.remove();
          el = document.createElement(tag);
          if (tag[0] === 'h') el.tabIndex = -1;  // focusable by script, for announcing a new screen
          CpaMirror.elements.set(node.id, el);
        }
        CpaMirror.apply(el, node, clip);
        seen.add(node.id);
        if (!order.has(region)) order.set(region, []);
        order.get(region).push(el);
      }
      CpaMirror.elements.forEach(function (el, id) {
        if (!seen.has(id)) { el.remove(); CpaMirror.elements.delete(id); }
      });
      // Regions in first-use order, elements in reading order; only move what is out of place
      // (moving an element would lose its focus).
      var regionIndex = 0;
      order.forEach(function (els, region) {
        if (CpaMirror.root.children[regionIndex] !== region) {
          CpaMirror.root.insertBefore(region, CpaMirror.root.children[regionIndex] || null);
        }
        regionIndex++;
        for (var k = 0; k < els.length; k++) {
          if (region.children[k] !== els[k]) region.insertBefore(els[k], region.children[k] || null);
        }
        while (region.children.length > els.length) region.lastChild.remove();
      });
      CpaMirror.regions.forEach(function (r, key) {
        if (!r._cpaUsed) { r.remove(); CpaMirror.regions.delete(key); }
      });
      if (tree.title !== CpaMirror.title) {
        var first = CpaMirror.title === '';
        CpaMirror.title = tree.title;
        document.title = tree.title;
        if (!first) CpaMirror.announceNewScreen();
      }
    },

    // A new screen: move focus to its heading, so screen readers say where the person is.
    announceNewScreen: function () {
      var active = document.activeElement;
      if (active && active !== document.body && !CpaMirror.root.contains(active)) return;
      var heading = CpaMirror.root.querySelector('h1');
      if (heading) heading.focus({ preventScroll: true });
    },

    idOf: function (target) {
      var el = target && target.closest ? target.closest('[data-cpa-id]') : null;
      return el ? Number(el.dataset.cpaId) : 0;
    },

    // A press on an element whose region the browser has scrolled (to show it: a click from
    // assistive technology or a test, a find-in-page) and that the app has not yet scrolled to:
    // the canvas still draws something else at that point, so the press is kept from the canvas
    // and the click activates this element itself.
    onPress: function (e) {
      CpaMirror.ownPress = 0;
      var el = e.target && e.target.closest ? e.target.closest('[data-cpa-id]') : null;
      if (!el || CpaMirror.isField(el)) return;
      var region = el.parentElement;
      if (!region || (region.scrollTop === 0 && region.scrollLeft === 0)) return;
      CpaMirror.ownPress = Number(el.dataset.cpaId);
      e.stopPropagation();
    },

    onClick: function (e) {
      var id = CpaMirror.idOf(e.target);
      if (!id) return;
      var own = CpaMirror.ownPress === id;
      CpaMirror.ownPress = 0;
      // A mouse or touch click already reached the canvas through the root's listeners.
      if (!own && e.detail > 0 && performance.now() - CpaMirror.lastPointer < 1500) {
        e.preventDefault();
        return;
      }
      var el = e.target.closest('[data-cpa-id]');
      var href = el.getAttribute('href');
      // Keyboard or screen reader: a link out (tel:, sms:, https:) is a real link, let it go.
      if (el.tagName === 'A' && href && href[0] !== '#') return;
      e.preventDefault();
      _cpa_activate(id);
    },

    // The browser scrolled a region to show an element (a screen reader moved to it): undo the
    // DOM scroll and let the app scroll its own view instead.
    onRegionScroll: function (e) {
      var region = e.currentTarget;
      var top = region.scrollTop;
      if (top === 0 && region.scrollLeft === 0) return;
      var middle = top + region.clientHeight / 2, best = null, bestDistance = Infinity;
      for (var i = 0; i < region.children.length; i++) {
        var c = region.children[i];
        var d = Math.abs(c.offsetTop + c.offsetHeight / 2 - middle);
        if (d < bestDistance) { bestDistance = d; best = c; }
      }
      region.scrollTop = 0;
      region.scrollLeft = 0;
      if (best) _cpa_focus(Number(best.dataset.cpaId));
    },

    install: function () {
      CpaMirror.root = document.getElementById('cpa-a11y');
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
        var id = CpaMirror.idOf(e.target);
        if (!id) return;
        if (CpaMirror.isField(e.target)) _cpa_text_focus(id);
        else _cpa_focus(id);
      });
      CpaMirror.root.addEventListener('focusout', function (e) {
        if (CpaMirror.isField(e.target)) _cpa_text_focus(0);
      });
      CpaMirror.root.addEventListener('input', function (e) {
        var id = CpaMirror.idOf(e.target);
        if (id && CpaMirror.isField(e.target)) CpaCore.call('cpa_text_input', [id, e.target.value]);
      });
      // A tap anywhere else puts the keyboard away, as in any other app.
      var away = function (e) {
        var active = document.activeElement;
        if (CpaMirror.isField(active) && CpaMirror.root.contains(active) && e.target !== active) active.blur();
      };
      stage.addEventListener('touchstart', away, { capture: true, passive: true });
      stage.addEventListener('mousedown', away, true);
      // The phone keyboard opening shrinks the view: keep the field being edited in sight.
      if (window.visualViewport) {
        window.visualViewport.addEventListener('resize', function () {
          var active = document.activeElement;
          if (CpaMirror.isField(active)) _cpa_focus(CpaMirror.idOf(active));
        });
      }
    },
  },

  cpa_js_focus_input__deps: ['$CpaMirror'],
  cpa_js_focus_input: function (id) { CpaMirror.focusInput(id >>> 0); },  // wasm passes a uint32 as a signed int

  cpa_js_update_mirror__deps: ['$CpaMirror'],
  cpa_js_update_mirror: function (jsonPtr) {
    CpaMirror.update(JSON.parse(UTF8ToString(jsonPtr)));
  },
});
