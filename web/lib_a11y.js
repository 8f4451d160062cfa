// @ts-check
// What the accessibility mirror (lib_mirror.js) adds for keyboards and screen readers beyond one
// element per node: answers that behave as radios (one Tab stop a group; the arrow keys move to
// the next answer and choose it, as native radios do), messages said once as they appear (a
// field's error, politely), and forms (Enter in a field presses the form's button).  The app
// decides what each node is and what is said (src/ui/widgets/semantics.hpp); this carries it out.
var LibraryCpaA11y = {
  $CpaA11y__deps: ['$CpaPage'],
  $CpaA11y: {
    /** @type {HTMLElement|null} */
    root: null,
    /** @type {Map<number, string>|null} the id of a node with words to say -> the words last said for it */
    said: null,

    /** @param {HTMLElement} root */
    install: function (root) {
      CpaA11y.said = new Map();
      CpaA11y.typed = new Set();
      CpaA11y.left = new Set();
      CpaA11y.root = root;
      root.addEventListener('keydown', CpaA11y.onRadioKey);
      // Enter in a form's field "clicks" its submit button (the mirror's click activates it);
      // the form itself is never sent anywhere.
      root.addEventListener('submit', function (e) { e.preventDefault(); });
      root.addEventListener('input', CpaA11y.noteTyped);
      root.addEventListener('focusout', CpaA11y.noteLeft);
    },

    // A field just left shows the value as the app keeps it ("0845 790 9090" for "08457 90 90 90").
    // The mirror writes values only into fields without focus, and only when the tree changes;
    // a message shown while typing means nothing changes when the field is left, so the value
    // is set here.  From a tree built after the last key typed, never an older one: a field left
    // within a frame of a key waits for the next tree (which that key changes).
    /** @type {Set<number>|null} ids of fields typed in since the last tree */
    typed: null,
    /** @type {Set<number>|null} ids of fields left before a tree had their last keys */
    left: null,
    /** @param {Event} e */
    noteTyped: function (e) {
      var el = /** @type {HTMLElement} */ (e.target);
      if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') CpaA11y.typed.add(Number(el.dataset.cpaId));
    },
    /** @param {Event} e */
    noteLeft: function (e) {
      var el = /** @type {HTMLElement} */ (e.target);
      if (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') return;
      var id = Number(el.dataset.cpaId);
      if (CpaA11y.typed.has(id)) CpaA11y.left.add(id);
      else if (window.cpaSemantics) CpaA11y.showStored(CpaA11y.root, window.cpaSemantics, new Set([id]));
    },
    /** @param {HTMLElement} root @param {CpaSemantics} tree @param {Set<number>} ids */
    showStored: function (root, tree, ids) {
      if (!ids.size) return;
      for (var i = 0; i < tree.nodes.length; i++) {
        var node = tree.nodes[i];
        if (!ids.has(node.id) || typeof node.value !== 'string') continue;
        var el = /** @type {HTMLInputElement|null} */ (root.querySelector('[data-cpa-id="' + node.id + '"]'));
        if (el && document.activeElement !== el && el.value !== node.value) el.value = node.value;
      }
    },

    // After each update of the mirror (newScreen: the screen's title changed).
    /** @param {HTMLElement} root @param {CpaSemantics} tree @param {boolean} newScreen */
    afterUpdate: function (root, tree, newScreen) {
      CpaA11y.typed.clear();
      CpaA11y.showStored(root, tree, CpaA11y.left);
      CpaA11y.left.clear();
      CpaA11y.rove(root);
      CpaA11y.sayNew(tree, newScreen);
    },

    /** @param {Element} group @returns {HTMLElement[]} */
    radiosOf: function (group) {
      return Array.prototype.filter.call(group.children, function (/** @type {Element} */ el) { return el.getAttribute('role') === 'radio'; });
    },

    // One Tab stop a group of answers: the chosen one, or the first when none is chosen.
    /** @param {HTMLElement} root */
    rove: function (root) {
      var groups = root.querySelectorAll('[role=radiogroup]');
      for (var i = 0; i < groups.length; i++) {
        var radios = CpaA11y.radiosOf(groups[i]);
        var stop = radios.filter(function (r) { return r.getAttribute('aria-checked') === 'true'; })[0] || radios[0];
        radios.forEach(function (r) {
          var index = r === stop ? 0 : -1;
          if (r.tabIndex !== index) r.tabIndex = index;
        });
      }
    },

    // Arrow keys on an answer: the next (or previous) one in its group, round the ends, takes
    // focus and is chosen.  Choosing never moves on: Continue does.
    /** @param {KeyboardEvent} e */
    onRadioKey: function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      var radio = /** @type {HTMLElement|null} */ (e.target);
      var step = /** @type {Record<string, number>} */ ({ ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 })[e.key];
      if (!step || !radio || radio.getAttribute('role') !== 'radio' || !radio.parentNode) return;
      var radios = CpaA11y.radiosOf(/** @type {Element} */ (radio.parentNode));
      var at = radios.indexOf(radio);
      if (at < 0) return;
      var next = radios[(at + step + radios.length) % radios.length];
      e.preventDefault();  // not a scroll (lib_mirror.js's keys leave a handled key alone)
      next.focus({ preventScroll: true });
      _cpa_activate(Number(next.dataset.cpaId));
    },

    // Words the app marked to be said (node.live) are said once, politely, as they appear or
    // change; those already there when a screen opens are read with it instead.
    /** @param {CpaSemantics} tree @param {boolean} newScreen */
    sayNew: function (tree, newScreen) {
      var now = new Map();
      for (var i = 0; i < tree.nodes.length; i++) {
        var node = tree.nodes[i];
        if (!node.live) continue;
        now.set(node.id, node.live);
        if (!newScreen && CpaA11y.said.get(node.id) !== node.live) CpaPage.say(node.live, false);
      }
      CpaA11y.said = now;
    },
  },
};
mergeInto(LibraryManager.library, LibraryCpaA11y);
