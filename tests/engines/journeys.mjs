// @ts-check
// The key journeys, the same in every engine: each takes an engine from browsers.mjs and the
// site's addresses, and throws (with what the page showed) when a person would notice a fault.
// Nothing here sleeps: every wait is for the thing itself (an element in the mirror, the
// page's data-app / data-store), polled, with limits generous for a loaded 2-core machine.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inPage } from './in_page.mjs';
import { readPng, inkExtent } from './png.mjs';
import { PHONE } from './browsers.mjs';
import { readContent, expectedHref, screenshotDir } from '../e2e/content.mjs';

const crisis = readContent('en-GB/crisis_lines.json');
const eligibility = readContent('en-GB/eligibility.json');
const plans = readContent('en-GB/plans.json');
const strings = readContent('en-GB/strings.json').strings;
const share = readContent('en-GB/strings-share.json').strings;
const kiosk = readContent('en-GB/strings-kiosk.json').strings;
const access = readContent('en-GB/access_routes.json');
const fill = (text, values) => Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), text);

const STEP_MS = 60_000;  // one screen to the next, or a page to its first frame

/**
 * A browser, as browsers.mjs drives it (the Chromium one only makes a share link: makeCompressedLinkInApp).
 * @typedef {Awaited<ReturnType<typeof import('./browsers.mjs').launchFirefox | typeof import('./browsers.mjs').launchChromium>>} Engine
 */
export class Journeys {
  /**
   * @param {Engine} engine
   * @param {{base: string, kioskBase: string, largestPlanFile: string, largestLinkFile: string}} sites
   */
  constructor(engine, { base, kioskBase, largestPlanFile, largestLinkFile }) {
    this.engine = engine;
    this.base = base;
    this.kioskBase = kioskBase;
    this.largestPlanFile = largestPlanFile;
    this.largestLinkFile = largestLinkFile;
    this.shots = path.join(screenshotDir, engine.name);
    mkdirSync(this.shots, { recursive: true });
  }

  // ---- the journeys ----

  // 1. The plain page's crisis numbers are in the HTML itself: with no script at all the engine
  // shows every line, with the number and link the Chromium tests pin (content/common/crisis_lines.json).
  async plainPageBeforeTheApp() {
    const page = await this.engine.fresh({ noScript: true });
    try {
      await page.goto(this.base);
      const state = await ask(page, (lib) => lib.state());
      assert.equal(state.app, 'loading', 'no script ran: the app never started');
      // Grouped by nation on the page: compared in the content's order.
      const shown = await ask(page, (lib) => lib.plainLines());
      const order = (rows) => [...rows].sort((a, b) => a[0].localeCompare(b[0]));
      const want = crisis.lines.map((l) => [l.id, expectedHref(l), true]);
      assert.deepEqual(order(shown.map(([id, href, , visible]) => [id, href, visible])), order(want),
        'each crisis line, shown, with its link');
      // And every route for people who cannot make a voice call, each with its link.
      const routes = await ask(page, (lib) => lib.plainLines(true));
      assert.deepEqual(routes.map(([id]) => id).sort(), access.routes.map((r) => r.id).sort(),
        'each route for people who cannot make a voice call');
      for (const [id, href, , visible] of routes) assert.ok(href && visible, `${id} has a link that shows`);
      for (const line of crisis.lines) {
        const [, , text] = shown.find(([id]) => id === line.id);
        assert.ok(text.includes(line.number), `${line.name}: "${text}" shows ${line.number}`);
      }
      await this.screenshot(page, '1-plain-page', { settle: false });
    } finally {
      await page.close();
    }
  }

  // 2. The first frame, then Help now (opened with the keyboard): every line a real tel:/sms:
  // link in the accessibility mirror, found by its number's name and its line's description.
  async firstFrameAndHelpNow() {
    const page = this.engine.main;
    await this.openApp(page, this.base);
    await this.see(page, 'button', strings.help_now);
    await this.screenshot(page, '2-home');
    await this.activate(page, 'button', strings.help_now);
    await this.see(page, 'heading', strings['help_now.title'], { level: 1 });
    const links = await ask(page, (lib) => lib.callLinks());
    for (const line of crisis.lines) {
      const link = links.find(([, href, description]) => href === expectedHref(line) && description === line.name);
      assert.ok(link, `${line.name}: a link to ${expectedHref(line)} (links: ${JSON.stringify(links)})`);
      assert.ok(link[0].includes(line.number), `${line.name}: "${link[0]}" shows ${line.number}`);
    }
    await this.screenshot(page, '2-help-now');
    await this.quiet(page);
  }

  // 3. The walk-through ("What support could I get?") to a result, with the keyboard through the mirror's buttons:
  // England, No to every question.
  async walkThroughToAResult() {
    const page = this.engine.main;
    await this.openApp(page, this.base + '#/');
    await this.activate(page, 'button', strings['home.eligibility.title']);
    await this.see(page, 'heading', strings['eligibility.nation.heading'], { level: 1 });
    await this.choose(page, eligibility.nations.find((n) => n.id === 'england').name);
    const questions = eligibility.questions;
    for (let i = 0; i < questions.length; i++) {
      await this.see(page, 'heading', questions[i].text, { level: 1 });
      await this.choose(page, strings['eligibility.answer.no']);
    }
    await this.see(page, 'heading', strings['eligibility.summary.heading'], { level: 1 });
    await this.activate(page, 'button', strings['eligibility.summary.see_result']);
    const result = eligibility.results.find((r) => r.id === 'may-not-be-offered').title;
    await this.see(page, 'heading', result, { level: 1 });
    assert.match((await ask(page, (lib) => lib.state())).url, /#\/eligibility\/result$/);
    await this.screenshot(page, '3-result');
    await this.quiet(page);
  }

  // 4. A crisis plan section typed into (real key presses into the mirror's field) and there
  // again after a reload: the engine's IndexedDB.
  async planSectionAfterReload() {
    const page = this.engine.main;
    const section = plans.sections['crisis_plan.warning_signs'].title;
    const field = fill(strings['plans.ui.item_label'], { label: plans.fields['crisis_plan.warning_signs'].label, n: '1' });
    const typed = 'I stop answering my phone';
    await this.openApp(page, this.base + '#/crisis-plan');
    await this.activate(page, 'button', section);
    await this.see(page, 'heading', section, { level: 1 });
    await this.activate(page, 'button', plans.fields['crisis_plan.warning_signs'].add);
    await this.see(page, 'textbox', field);
    assert.ok(await ask(page, (lib, f) => lib.focus('textbox', f), field), 'the field takes the keyboard');
    await page.type(typed);
    await this.waitFor(page, `the field holds "${typed}"`, (lib, f) => lib.describe(lib.find('textbox', f)).value, [field],
      (value) => value === typed);
    await ask(page, (lib) => lib.blur());
    await this.waitFor(page, 'the store says saved', (lib) => lib.state().store, [], (store) => store === 'saved');
    await page.reload();
    await this.openApp(page, null);
    await this.openApp(page, this.base + '#/crisis-plan');
    await this.activate(page, 'button', section);
    await this.waitFor(page, `"${typed}" back after the reload`, (lib, f) => (lib.describe(lib.find('textbox', f)) || {}).value,
      [field], (value) => value === typed);
    await this.screenshot(page, '4-plan-after-reload');
    await this.quiet(page);
  }

  // 5. A share link opened as a carer opens it: in a profile that has never seen the site, the
  // link as its first address.  The plan is the largest the app allows; the carer must see it
  // (its first contact's call link), never "This link is damaged".
  async openShareLink(link, shotName) {
    const plan = JSON.parse(readFileSync(this.largestPlanFile, 'utf8'));
    const contact = plan.records.crisis_plan.people[0];
    const carer = await this.engine.fresh();
    try {
      await carer.goto(link);
      await this.openApp(carer, null);
      // The plan opens (a compressed link is inflated as it opens): wait for the contact's call
      // link, somewhere down a very long screen, or for "damaged".
      const href = `tel:${contact.phone}`;
      const damaged = share['share.open.damaged_title'];
      const found = await this.waitFor(carer, `the first contact's call link (${href}), or "${damaged}"`,
        (lib, h, d) => lib.callLinks().find(([, to]) => to === h) || (lib.count('heading', d) ? 'damaged' : null),
        [href, damaged], (f) => f !== null);
      assert.notEqual(found, 'damaged', `the carer is told "${damaged}" (a link of ${link.length} characters)`);
      assert.equal(await ask(carer, (lib, t) => lib.count('heading', t, { level: 1 }), share['share.view.title']), 1,
        'the shared plan\'s heading');
      assert.ok(found[0].includes(contact.name), `the call link names the contact (${found[0].slice(0, 40)}...)`);
      assert.ok(await ask(carer, (lib, h) => lib.focusLink(h), href), 'the call link takes the keyboard');
      await this.waitFor(carer, 'the call link in view', (lib, h) => lib.inView(`a[href="${h}"]`), [href], (yes) => yes);
      assert.doesNotMatch((await ask(carer, (lib) => lib.state())).url, /#share/, 'the link left the address bar');
      await this.screenshot(carer, shotName);
      await this.quiet(carer);
    } finally {
      await carer.close();
    }
  }

  largestUncompressedLink() {
    const fragment = readFileSync(this.largestLinkFile, 'utf8').trim();
    assert.match(fragment, /^#share=1\.0\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/, 'an unlocked, uncompressed link');
    return this.base + fragment;
  }

  // The link the app itself makes (in Chromium, which compresses it): the largest plan loaded
  // from its export file, Share with a carer, every part chosen, the link read off the screen.
  async makeCompressedLinkInApp() {
    const page = this.engine.main;
    await this.openApp(page, this.base + '#/your-data');
    await page.chooseFile(() => this.activate(page, 'button', strings['data.import']), 'largest.json',
      readFileSync(this.largestPlanFile, 'utf8'));
    await this.waitFor(page, 'the plan loaded', (lib, t) => lib.texts().includes(t), [strings['plans.import.done']], (ok) => ok);
    await this.waitFor(page, 'the store says saved', (lib) => lib.state().store, [], (store) => store === 'saved');
    await this.openApp(page, this.base + '#/');
    await this.activate(page, 'button', strings['home.share.title']);
    await this.see(page, 'checkbox', null);
    // Every part: tick each one left unticked, one at a time, as the screen redraws.
    for (let i = 0; i < 20; i++) {
      const unticked = await ask(page, (lib) => lib.describe(lib.find('checkbox', null, { checked: false, enabled: true })));
      if (!unticked) break;
      await this.activate(page, 'checkbox', unticked.name);
      await this.see(page, 'checkbox', unticked.name, { checked: true });
    }
    assert.equal(await ask(page, (lib) => lib.count('checkbox', null, { checked: false })), 0, 'every part chosen');
    await this.activate(page, 'button', share['share.preview_button']);
    await this.activate(page, 'button', share['share.confirm_button']);
    await this.see(page, 'heading', share['share.link.heading']);
    const link = await ask(page, (lib, start) => lib.texts().find((t) => t.startsWith(start)) || null, this.base + '#share=');
    assert.match(link || '', /#share=1\.1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/, 'a compressed, unlocked link');
    await this.screenshot(page, '5-link-made');
    await this.quiet(page);
    return link;
  }

  // 6. The kiosk site: the attract screen, then Help now with the numbers written out and no
  // tel:/sms: link (a kiosk cannot make a call).
  async kiosk() {
    const page = this.engine.main;
    await this.openApp(page, this.kioskBase);
    await this.see(page, 'button', kiosk['kiosk.attract.begin']);
    await this.screenshot(page, '6-kiosk-attract');
    await this.activate(page, 'button', kiosk['kiosk.attract.help_now']);
    await this.see(page, 'heading', strings['help_now.title'], { level: 1 });
    const texts = await ask(page, (lib) => lib.texts());
    for (const line of crisis.lines) {
      // As Help now words it: the number alone, or "Text SHOUT to 85258".
      const written = line.text_body ? fill(strings['help_now.text'], { body: line.text_body, number: line.number }) : line.number;
      assert.ok(texts.includes(written), `${line.name}: "${written}" written out (${JSON.stringify(texts)})`);
    }
    assert.deepEqual(await ask(page, (lib) => lib.callLinks()), [], 'no tel: or sms: links on a kiosk');
    await this.screenshot(page, '6-kiosk-help-now');
    await this.quiet(page);
  }

  // 7. Typing survives the keyboard.  A field takes the keyboard; the page shrinks to 500 px, as
  // Chrome on Android's does when its keyboard opens (here the window itself shrinks: these
  // drivers have no on-screen keyboard); typing goes on; the page grows back; more typing.  The
  // field keeps the focus, stays in sight, and holds every character, after a reload too.
  // And the field's words are drawn as wide by the engine (focused) as by the app's canvas (not
  // focused), so they do not jump when the field takes the keyboard.
  async typingSurvivesTheKeyboard() {
    const page = this.engine.main;
    const label = plans.fields['care_plan.coordinator.hours'].label;
    const parts = ['Weekdays after ', 'six, and ', 'weekends'];
    const route = this.base + '#/plan-section/care_plan.coordinator';
    await this.openApp(page, route);
    await this.see(page, 'textbox', label);
    assert.ok(await ask(page, (lib, f) => lib.focus('textbox', f), label), 'the field takes the keyboard');
    await this.waitFor(page, 'the focus handled', (lib) => lib.focusHandled(), [], (done) => done);
    await page.type(parts[0]);
    for (const [height, typed] of [[500, parts[1]], [PHONE.height, parts[2]]]) {
      await page.resize(PHONE.width, height);
      await this.waitFor(page, `a frame at ${height} px high`, (lib, h) => lib.drawnAt(h), [height], (done) => done);
      const box = await this.waitFor(page, 'the field focused and in sight', (lib) => lib.focusedBox(), [],
        (b) => b !== null && b.inSight);
      assert.ok(box, `the field keeps the focus at ${height} px`);
      await page.type(typed);
    }
    const value = parts.join('');
    await this.waitFor(page, `the field holds "${value}"`, (lib, f) => lib.describe(lib.find('textbox', f)).value, [label],
      (v) => v === value);
    await this.sameWidthFocusedAndNot(page);
    await this.waitFor(page, 'the store says saved', (lib) => lib.state().store, [], (store) => store === 'saved');
    await page.reload();  // the page comes back at the same route
    await this.openApp(page, null);
    await this.waitFor(page, `"${value}" back after the reload`, (lib, f) => (lib.describe(lib.find('textbox', f)) || {}).value,
      [label], (v) => v === value);
    await this.quiet(page);
  }

  // The focused field's words, drawn by the engine, against the same words drawn by the app
  // once the field is left: their ends within 1.5% of their width (the 4% seen in WebKitGTK
  // would be 12 px off; Firefox's own rounding is about 1%).  Not where the engine rounds every
  // glyph's advance to a whole CSS pixel: that is WebKitGTK on Linux (it hints the font at its
  // CSS size, whatever the pixel density; no style the page can set changes it), not the
  // CoreText that draws text on an iPhone, so it is noted, not failed.
  async sameWidthFocusedAndNot(page) {
    const box = await ask(page, (lib) => lib.caretToStart() && lib.focusedBox());
    const wholePixels = await ask(page, (lib) => lib.wholePixelAdvances());
    await this.screenshot(page, '7-field-drawn-by-engine');
    await ask(page, (lib) => lib.blur());
    await this.screenshot(page, '7-field-drawn-by-app');
    const focused = readPng(readFileSync(path.join(this.shots, '7-field-drawn-by-engine.png')));
    const left = readPng(readFileSync(path.join(this.shots, '7-field-drawn-by-app.png')));
    const scale = focused.width / box.pageWidth;
    const inner = { x: Math.round((box.x + box.padX / 2) * scale), y: Math.round((box.y + box.padY / 2) * scale),
      w: Math.round((box.w - box.padX) * scale), h: Math.round((box.h - box.padY) * scale) };
    const engine = inkExtent(focused, inner), app = inkExtent(left, inner);
    assert.ok(Number.isFinite(engine.width) && Number.isFinite(app.width), 'words drawn in the field, focused and not');
    const off = Math.max(Math.abs(engine.left - app.left), Math.abs(engine.right - app.right)) / scale;
    const words = `the field's words are ${(app.width / scale).toFixed(1)} px wide drawn by the app and ` +
      `${(engine.width / scale).toFixed(1)} px drawn by ${this.engine.name} (ends ${off.toFixed(1)} px apart: ` +
      `left ${((engine.left - app.left) / scale).toFixed(1)}, right ${((engine.right - app.right) / scale).toFixed(1)})`;
    if (wholePixels) {
      console.log(`# ${this.engine.name}: every glyph advance is a whole CSS pixel (the font hinted at its CSS size): ${words}`);
      return;
    }
    assert.ok(off <= Math.max(1.5, 0.015 * app.width / scale), words);
  }

  // ---- steps ----

  // settle: false for a page with no script (WebKit with JavaScript off runs no animation frame).
  async screenshot(page, name, { settle = true } = {}) {
    if (settle) await ask(page, (lib) => lib.settle());
    await page.screenshot(path.join(this.shots, `${name}.png`));
  }

  // Goes to url (null: stays) and waits for the first frame; listens for errors from then on.
  async openApp(page, url) {
    if (url) await page.goto(url);
    await ask(page, (lib) => lib.listen());
    const app = await this.waitFor(page, 'the app to start', (lib) => lib.state().app, [], (a) => a !== 'loading');
    assert.equal(app, 'ready', `the app started (html data-app="${app}")`);
  }

  // Waits until the mirror holds the element; `also`: an element that ends the wait early (a
  // failure that is already on the screen).
  /**
   * @param {any} page @param {string} role @param {string} name @param {object} [options]
   * @param {{also?: [string, string]}} [ends]
   */
  async see(page, role, name, options = {}, { also } = {}) {
    const found = await this.waitFor(page, `${role} "${name}"`,
      (lib, r, n, o, a) => lib.count(r, n, o) > 0 || (a ? lib.count(a[0], a[1]) > 0 : false), [role, name, options, also || null],
      (ok) => ok);
    return found;
  }

  // Keyboard focus on the element, then Enter: what a keyboard or switch user does.  Enter waits
  // until the page has dealt with the focus, as it has by the time a person presses a key: an
  // element off the screen scrolls the mirror's region, and the region's scroll event, handled a
  // frame later, would otherwise land on the next screen and scroll it (see web/lib_mirror.js).
  async activate(page, role, name, options = {}) {
    await this.see(page, role, name, options);
    assert.ok(await ask(page, (lib, r, n, o) => lib.focus(r, n, o), role, name, options), `${role} "${name}" takes the keyboard`);
    await this.waitFor(page, 'the focus handled', (lib) => lib.focusHandled(), [], (done) => done);
    await page.press('Enter');
  }

  // A question page by keyboard, as on GOV.UK's: Tab reaches the answers (one stop for the
  // group), the arrow keys move to the answer and choose it (the page stays), then Continue.
  async choose(page, name) {
    await this.see(page, 'radio', name);
    const at = (await ask(page, (lib) => lib.state())).url;
    assert.ok(await ask(page, (lib, n) => lib.focusAnswers(n), name), `the answers holding "${name}" take the keyboard`);
    await this.waitFor(page, 'the focus handled', (lib) => lib.focusHandled(), [], (done) => done);
    const chosen = () => ask(page, (lib, n) => lib.count('radio', n, { checked: true }) > 0, name);
    for (let i = 0; i < 6 && !(await chosen()); i++) {
      await page.press('ArrowDown');
      await this.waitFor(page, 'a frame drawn', (lib) => lib.settle(), [], (done) => done);
    }
    assert.ok(await chosen(), `"${name}" chosen with the arrow keys`);
    assert.equal((await ask(page, (lib) => lib.state())).url, at, 'choosing an answer stays on the page');
    await this.activate(page, 'button', strings['eligibility.continue']);
  }

  // Polls fn(lib, ...args) in the page until done(value); fails with the mirror's outline.
  async waitFor(page, what, fn, args, done, timeout = STEP_MS) {
    const until = Date.now() + timeout;
    let value;
    for (;;) {
      value = await ask(page, fn, ...args);
      if (done(value)) return value;
      if (Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const outline = await ask(page, (lib) => [lib.state(), lib.outline().slice(0, 30)]).catch((e) => String(e));
    throw new Error(`waited ${timeout / 1000}s for ${what}; last ${JSON.stringify(value)}; page: ${JSON.stringify(outline)}`);
  }

  // No error and no CSP violation heard in the page, and none in the engine's log.
  async quiet(page) {
    assert.deepEqual(await ask(page, (lib) => lib.heard()), [], 'errors or CSP violations heard in the page');
    assert.deepEqual(page.logged, [], 'errors in the browser log');
  }
}

function ask(page, fn, ...args) { return page.run(inPage(fn, ...args)); }
