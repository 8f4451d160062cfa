// @ts-check
// ./cpa bench, in the browser: CPA Companion beside the bare Dear ImGui example (the floor), in one
// run, in Debian's Chromium at phone size (390x844, DPR 3), software WebGL.  The two pages are
// loaded alternately, so whatever else the machine is doing falls on both alike.
//   node tests/bench/browser_bench.mjs --app DIR --bare DIR [--runs 5] [--json FILE] [--check]
// Prints one table (ours, bare, ratio) and appends one JSON line to FILE.  With --check it exits
// 1 if a budget (BUDGETS below, issue 12) is not met; without it, it only reports.
import { chromium } from '@playwright/test';
import { fork } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return pairs;
}, []));
const runs = Math.max(5, Number(args.runs || 5));
const sites = { app: path.resolve(args.app), bare: path.resolve(args.bare) };

// A cheap phone on a weak signal: CPU x4 slower, and WebPageTest's "3G Slow" network (400 ms
// round trip, 400 kbit/s each way).  Chromium's own "Slow 3G" preset adds 2 s to every request,
// which no page could meet a 2 s budget under; this is the profile TOOLCHAIN.md names.
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const SLOW_CPU = 4;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

// The app's screens, as a person walks them, and the plan field the edits go into.
const SCREENS = ['#/', '#/help-now', '#/about', '#/eligibility', '#/learn', '#/learn/what-is-cpa', '#/learn/rights',
  '#/care-plan', '#/crisis-plan', '#/plan-section/care_plan.coordinator', '#/plan-section/crisis_plan.people',
  '#/your-data', '#/share', '#/lock', '#/display'];
const EDIT_SCREEN = '#/plan-section/care_plan.coordinator';  // its first field: the co-ordinator's name
const EDITS = 1000;

// ---- in the page: what both pages are measured by, the same instrument for both ----
const INSTRUMENT = () => {
  const B = window.__bench = {
    draws: 0, firstDraw: null, rafCallbacks: 0, drawnFrames: 0, pendingRaf: 0, recording: false, frameMs: [],
    crisis: [], fcp: null, instantiateStart: null, compiledAt: null, instantiateEnd: null, memory: null, tapAt: null, tapMs: null, tapQueued: false, inRaf: false,
  };
  const proto = WebGL2RenderingContext.prototype;
  for (const name of ['drawElements', 'drawArrays']) {
    const real = proto[name];
    proto[name] = function (...a) {
      B.draws++;
      if (B.firstDraw === null) B.firstDraw = performance.now();
      // The app draws a tap's frame in the touch handler itself (not in an animation frame):
      // the tap's frame ends when the script that drew it returns.
      if (!B.inRaf && B.tapAt !== null && B.tapMs === null && !B.tapQueued) {
        B.tapQueued = true;
        queueMicrotask(() => { B.tapMs = performance.now() - B.tapAt; });
      }
      return real.apply(this, a);
    };
  }
  // A frame: one animation-frame callback that drew; its CPU time is the callback's own time.
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => {
    B.pendingRaf++;
    return raf((t) => {
      B.pendingRaf--;
      const draws = B.draws, start = performance.now();
      B.inRaf = true;
      try { cb(t); } finally { B.inRaf = false; }
      const end = performance.now();
      B.rafCallbacks++;
      if (B.draws === draws) return;
      B.drawnFrames++;
      if (B.recording) B.frameMs.push(end - start);
      if (B.tapAt !== null && B.tapMs === null) B.tapMs = end - B.tapAt;
    });
  };
  const keep = (imports) => (result) => {
    B.instantiateEnd = performance.now();
    const instance = result.instance || result;
    const all = [...Object.values(instance.exports || {}), ...Object.values((imports && imports.env) || {})];
    B.memory = all.find((v) => v instanceof WebAssembly.Memory) || null;
    return result;
  };
  for (const name of ['compileStreaming', 'compile']) {
    const real = WebAssembly[name];
    WebAssembly[name] = function (source) {
      if (B.instantiateStart === null) B.instantiateStart = performance.now();
      return real.call(WebAssembly, source).then((module) => { B.compiledAt = performance.now(); return module; });
    };
  }
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const real = WebAssembly[name];
    WebAssembly[name] = function (source, imports) {
      if (B.instantiateStart === null) B.instantiateStart = performance.now();
      return real.call(WebAssembly, source, imports).then(keep(imports));
    };
  }
  window.addEventListener('touchend', (e) => { if (B.tapAt === null) B.tapAt = e.timeStamp; }, true);
  new PerformanceObserver((list) => {
    for (const e of /** @type {PerformanceElementTiming[]} */ (list.getEntries())) B.crisis.push({ at: e.renderTime || e.loadTime, shown: e.intersectionRect.height > 0 });
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') B.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
};

// ---- servers: web/serve.mjs, the same for both sites ----
function serve(root) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(repoRoot, 'web/serve.mjs'), ['--root', root, '--port', '0', '--quiet'], { stdio: 'ignore' });
    child.once('message', (/** @type {{address: string}} */ m) => resolve({ child, url: m.address }));
    child.once('exit', (code) => reject(new Error(`server for ${root} exited (${code})`)));
  });
}

// The file a URL of the site names, and its sizes raw, gzip and brotli (./cpa build's copies).
function fileSizes(root, url) {
  let rel = decodeURIComponent(new URL(url).pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, rel);
  if (!existsSync(file)) return null;
  const size = (f) => (existsSync(f) ? statSync(f).size : null);
  const raw = size(file);
  return { path: rel, raw, gzip: size(file + '.gz') ?? raw, brotli: size(file + '.br') ?? raw };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const spread = (xs) => (xs.length ? [Math.min(...xs), Math.max(...xs)] : [NaN, NaN]);

async function newPage(browser, throttled) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  if (throttled) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU });
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  }
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false }));
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.status = e.response.status; r.encoding = (e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || ''); }
  });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) { r.bytes = e.encodedDataLength; r.done = true; } });
  return { context, page, cdp, requests };
}

const bench = (page, fn, arg) => page.evaluate(fn, arg);
const waitFor = (page, fn, arg, timeout = 180_000) => page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
// The app has stopped asking for frames (it draws only when something changes).
const appIdle = (page) => waitFor(page, () => window.__bench.pendingRaf === 0 && window.__bench.firstDraw !== null);
async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value || 0);
}

// One cold load: a new context (no cache, no service worker yet), until the first frame is drawn.
async function coldLoad(browser, kind, url, throttled) {
  const { context, page, cdp, requests } = await newPage(browser, throttled);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await waitFor(page, () => window.__bench.firstDraw !== null);
    if (kind === 'app') await waitFor(page, () => window.__bench.crisis.length > 0 || window.__bench.fcp !== null);
    const sample = await bench(page, () => {
      const B = window.__bench;
      const shown = B.crisis.filter((c) => c.shown).map((c) => c.at);
      const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]));
      const resources = Object.fromEntries(/** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
        .map((r) => [new URL(r.name).pathname, { start: r.startTime, end: r.responseEnd }]));
      return { firstFrame: B.firstDraw, crisis: shown.length ? Math.max(...shown) : B.fcp, marks, resources,
        instantiate: [B.instantiateStart, B.instantiateEnd], navigation: /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'))[0]?.responseEnd };
    });
    // The page's own requests up to its first frame (the service worker's offline copy, made
    // after it, is counted apart).
    sample.requests = [...requests.values()].filter((r) => r.done && !r.url.startsWith('data:'))
      .map((r) => ({ url: r.url, bytes: r.bytes, encoding: r.encoding, status: r.status }));
    if (!throttled) await unthrottledExtras(page, cdp, kind, sample);
    return sample;
  } finally {
    await context.close();
  }
}

// Idle, tap and (for the app) scrolling its longest screen: only unthrottled.
async function unthrottledExtras(page, cdp, kind, sample) {
  if (kind === 'app') await appIdle(page);
  else await waitFor(page, () => window.__bench.drawnFrames > 30);
  const f0 = await bench(page, () => window.__bench.drawnFrames);
  const t0 = await taskMs(cdp);
  const idleStart = Date.now();
  await page.waitForTimeout(5000);  // the measurement window itself: 5 s of nobody touching it
  sample.idleFrames = (await bench(page, () => window.__bench.drawnFrames)) - f0;
  sample.idleBusyMs = (await taskMs(cdp)) - t0;
  sample.idleSeconds = (Date.now() - idleStart) / 1000;
  // Tap: from the touch reaching the page to the end of the first frame drawn after it.
  const target = kind === 'app'
    ? await page.locator('#cpa-a11y button', { hasText: 'Help now' }).first().boundingBox()
    : { x: 150, y: 300, width: 1, height: 1 };
  await page.touchscreen.tap(target.x + target.width / 2, target.y + target.height / 2);
  await waitFor(page, () => window.__bench.tapMs !== null);
  sample.tapMs = await bench(page, () => window.__bench.tapMs);
  if (kind === 'app') await appIdle(page);
}

// The app's screens, walked once: their length, the scrolling cost of the longest, memory after
// walking them all and after 1,000 edits to a plan.  The bare page: its scrolling cost over its
// demo window and its memory after the same time.
async function walk(browser, kind, url) {
  const { context, page, cdp } = await newPage(browser, false);
  const out = {};
  try {
    await page.goto(url + (kind === 'app' ? '#/' : ''));
    await waitFor(page, () => window.__bench.firstDraw !== null);
    let longest = { route: '', height: 0 };
    if (kind === 'app') {
      await appIdle(page);
      for (const route of SCREENS) {
        await goRoute(page, route);
        const height = await bench(page, () => Math.max(0, ...(window.cpaSemantics?.nodes || []).map((n) => n.y + n.h)));
        if (height > longest.height) longest = { route, height };
      }
      out.memoryAfterWalk = await bench(page, () => window.__bench.memory?.buffer.byteLength ?? null);
      await goRoute(page, longest.route);
      out.longestScreen = longest;
    }
    // Scroll: a finger (the app) or the mouse wheel (the bare example's window does not scroll
    // by touch), 3,000 px down at 1,200 px/s, every drawn frame's CPU time recorded.
    await bench(page, () => { window.__bench.frameMs = []; window.__bench.recording = true; });
    await cdp.send('Input.synthesizeScrollGesture', {
      x: kind === 'app' ? 195 : 120, y: kind === 'app' ? 600 : 200, yDistance: -3000, speed: 1200,
      gestureSourceType: kind === 'app' ? 'touch' : 'mouse',
    });
    if (kind === 'app') await appIdle(page);
    out.scrollFrameMs = await bench(page, () => { window.__bench.recording = false; return window.__bench.frameMs; });
    if (kind === 'app') {
      await goRoute(page, EDIT_SCREEN);
      const field = page.locator('#cpa-a11y').getByRole('textbox').first();
      await field.focus();
      for (let i = 0; i < EDITS / 2; i++) {
        await page.keyboard.press('a');
        await page.keyboard.press('Backspace');
      }
      await waitFor(page, () => document.documentElement.dataset.store === 'saved');
      await appIdle(page);
      out.memoryAfterEdits = await bench(page, () => window.__bench.memory?.buffer.byteLength ?? null);
    } else {
      out.memoryAfterWalk = await bench(page, () => window.__bench.memory?.buffer.byteLength ?? null);
    }
  } finally {
    await context.close();
  }
  return out;
}

// Opens a screen by its address and waits until the app has drawn it and stopped asking for
// frames.  The address it is on already is left as it is (no hashchange would come).
async function goRoute(page, route) {
  const moved = await bench(page, (r) => {
    if (location.hash === r || (r === '#/' && location.hash === '')) return false;
    window.__cpaBenchPrevious = window.cpaSemantics;
    location.hash = r;
    return true;
  }, route);
  if (moved) await waitFor(page, () => window.cpaSemantics !== window.__cpaBenchPrevious);
  await appIdle(page);
}

// ---- run ----
const servers = { app: await serve(sites.app), bare: await serve(sites.bare) };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const chromiumVersion = browser.version();
const samples = { app: { fast: [], slow: [] }, bare: { fast: [], slow: [] } };
const walks = {};
try {
  for (let i = 0; i < runs; i++) {
    for (const throttled of [false, true]) {
      for (const kind of i % 2 ? ['bare', 'app'] : ['app', 'bare']) {
        samples[kind][throttled ? 'slow' : 'fast'].push(await coldLoad(browser, kind, servers[kind].url, throttled));
        process.stderr.write('.');
      }
    }
  }
  for (const kind of ['app', 'bare']) {
    try {
      walks[kind] = await walk(browser, kind, servers[kind].url);
    } catch (e) {  // the loads' numbers still stand; what the walk measures shows as n/a
      process.stderr.write(`\nbench: walking the ${kind} page failed: ${e.message.split('\n')[0]}\n`);
      walks[kind] = { failed: e.message.split('\n')[0] };
    }
  }
  process.stderr.write('\n');
} finally {
  await browser.close();
  servers.app.child.kill();
  servers.bare.child.kill();
}

// ---- the numbers ----
function bytesOf(kind) {
  const first = samples[kind].fast[0];
  const files = first.requests.map((r) => fileSizes(sites[kind], r.url)).filter(Boolean);
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  const sent = samples[kind].fast.map((s) => s.requests.reduce((a, r) => a + r.bytes, 0));
  return { files: files.map((f) => f.path), raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), sent: median(sent) };
}
// What the service worker keeps for offline use, beyond what the first load fetched.
function offlineExtra(kind, loaded) {
  const sw = path.join(sites[kind], 'sw.js');
  if (!existsSync(sw)) return null;
  const list = JSON.parse(/FILES\s*=\s*(\[[^\]]*\])/.exec(readFileSync(sw, 'utf8'))?.[1] || '[]');
  const extra = list.map((p) => (p === './' ? '/index.html' : '/' + p.replace(/^\.\//, '')))
    .filter((p) => !loaded.includes(p)).map((p) => fileSizes(sites[kind], 'http://x' + p)).filter(Boolean);
  return { files: extra.length, brotli: extra.reduce((a, f) => a + f.brotli, 0) };
}

const stat = (xs) => ({ median: median(xs), min: spread(xs)[0], max: spread(xs)[1], n: xs.length });
const pick = (kind, speed, fn) => stat(samples[kind][speed].map(fn).filter((v) => typeof v === 'number' && !Number.isNaN(v)));
const result = { date: new Date().toISOString(), runs, app: {}, bare: {} };
for (const kind of ['app', 'bare']) {
  const r = result[kind];
  r.bytes = bytesOf(kind);
  r.offline = offlineExtra(kind, r.bytes.files);
  r.firstFrame = { fast: pick(kind, 'fast', (s) => s.firstFrame), slow: pick(kind, 'slow', (s) => s.firstFrame) };
  r.crisisVisible = kind === 'app' ? { fast: pick(kind, 'fast', (s) => s.crisis), slow: pick(kind, 'slow', (s) => s.crisis) } : null;
  r.idleFrames = pick(kind, 'fast', (s) => s.idleFrames);
  r.idleBusyMs = pick(kind, 'fast', (s) => s.idleBusyMs);
  r.tapMs = pick(kind, 'fast', (s) => s.tapMs);
  const frames = walks[kind].scrollFrameMs || [];
  r.scroll = { frames: frames.length, medianMs: median(frames), p95Ms: percentile(frames, 0.95), screen: walks[kind].longestScreen || null };
  r.memoryAfterWalk = walks[kind].memoryAfterWalk ?? null;
  r.memoryAfterEdits = walks[kind].memoryAfterEdits ?? null;
  r.walkFailed = walks[kind].failed ?? null;
  // Where the app's first frame goes (median over the unthrottled loads), in ms from navigation.
  if (kind === 'app') {
    const at = (fn) => median(samples.app.fast.map(fn).filter((v) => typeof v === 'number'));
    const res = (p) => (s) => s.resources[p]?.end;
    r.trace = {
      html: at((s) => s.navigation), loader: at(res('/loader.js')), cpaJs: at(res('/cpa.js')), wasm: at(res('/cpa.wasm')),
      content: at(res('/content.json')), fonts: at(res('/fonts/NotoSans-Bold.ttf')),
      compiled: at((s) => s.instantiate[1]), compileStarted: at((s) => s.instantiate[0]),
      mainStart: at((s) => s.marks['cpa-main']), contentParsed: at((s) => s.marks['cpa-content-parsed']),
      started: at((s) => s.marks['cpa-started']), firstFrameStart: at((s) => s.marks['cpa-first-frame']),
      firstDraw: at((s) => s.firstFrame),
    };
  }
}

// ---- budgets (issue 12): ours against the bare page, same run ----
const MB = 1024 * 1024;
const BUDGETS = [
  ['compressed cold-load bytes (brotli) <= 2.0x bare', result.app.bytes.brotli <= 2.0 * result.bare.bytes.brotli],
  ['compressed cold-load bytes (gzip) <= 2.0x bare', result.app.bytes.gzip <= 2.0 * result.bare.bytes.gzip],
  ['first app frame <= 1.5x bare, unthrottled', result.app.firstFrame.fast.median <= 1.5 * result.bare.firstFrame.fast.median],
  ['first app frame <= 1.5x bare, CPU x4 + slow 3G', result.app.firstFrame.slow.median <= 1.5 * result.bare.firstFrame.slow.median],
  ['crisis numbers visible < 100 ms unthrottled', result.app.crisisVisible.fast.median < 100],
  ['crisis numbers visible < 2 s, CPU x4 + slow 3G', result.app.crisisVisible.slow.median < 2000],
  ['0 frames drawn while idle', result.app.idleFrames.max === 0],
  ['per-frame CPU < 2 ms median, scrolling the longest screen', result.app.scroll.medianMs < 2],
  ['wasm memory < 32 MB (after every screen and 1,000 edits)',
    Math.max(result.app.memoryAfterWalk || Infinity, result.app.memoryAfterEdits || Infinity) < 32 * MB],
];
result.budgets = Object.fromEntries(BUDGETS);

// ---- the table ----
const kb = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KB`);
const ms = (s) => (s == null || Number.isNaN(s.median) ? 'n/a' : `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`);
const mbs = (b) => (b == null ? 'n/a' : `${(b / MB).toFixed(1)} MB`);
const ratio = (a, b) => (a == null || b == null || !b ? '' : `${(a / b).toFixed(2)}x`);
const A = result.app, R = result.bare;
const rows = [
  ['cold load, raw bytes', kb(A.bytes.raw), kb(R.bytes.raw), ratio(A.bytes.raw, R.bytes.raw)],
  ['cold load, gzip (-9)', kb(A.bytes.gzip), kb(R.bytes.gzip), ratio(A.bytes.gzip, R.bytes.gzip)],
  ['cold load, brotli (-q 11)', kb(A.bytes.brotli), kb(R.bytes.brotli), ratio(A.bytes.brotli, R.bytes.brotli)],
  ['  as sent to Chromium (with headers)', kb(A.bytes.sent), kb(R.bytes.sent), ratio(A.bytes.sent, R.bytes.sent)],
  ['  files fetched before the first frame', String(A.bytes.files.length), String(R.bytes.files.length), ''],
  ['offline copy after first frame (brotli)', A.offline ? `${kb(A.offline.brotli)} (${A.offline.files} files)` : 'n/a', 'n/a', ''],
  ['crisis numbers visible, unthrottled', ms(A.crisisVisible.fast), 'n/a', ''],
  ['crisis numbers visible, CPU x4 + slow 3G', ms(A.crisisVisible.slow), 'n/a', ''],
  ['first app frame, unthrottled', ms(A.firstFrame.fast), ms(R.firstFrame.fast), ratio(A.firstFrame.fast.median, R.firstFrame.fast.median)],
  ['first app frame, CPU x4 + slow 3G', ms(A.firstFrame.slow), ms(R.firstFrame.slow), ratio(A.firstFrame.slow.median, R.firstFrame.slow.median)],
  ['frames drawn in 5 s idle', `${A.idleFrames.median} (${A.idleFrames.min}-${A.idleFrames.max})`, `${R.idleFrames.median} (${R.idleFrames.min}-${R.idleFrames.max})`, ''],
  ['main-thread busy in 5 s idle', ms(A.idleBusyMs), ms(R.idleBusyMs), ratio(A.idleBusyMs.median, R.idleBusyMs.median)],
  ['frame CPU scrolling, median', `${A.scroll.medianMs.toFixed(2)} ms`, `${R.scroll.medianMs.toFixed(2)} ms`, ratio(A.scroll.medianMs, R.scroll.medianMs)],
  ['frame CPU scrolling, 95th percentile', `${A.scroll.p95Ms.toFixed(2)} ms`, `${R.scroll.p95Ms.toFixed(2)} ms`, ratio(A.scroll.p95Ms, R.scroll.p95Ms)],
  ['tap to drawn frame', ms(A.tapMs), ms(R.tapMs), ratio(A.tapMs.median, R.tapMs.median)],
  ['wasm memory after every screen', mbs(A.memoryAfterWalk), mbs(R.memoryAfterWalk) + ' (at start)', ratio(A.memoryAfterWalk, R.memoryAfterWalk)],
  [`wasm memory after ${EDITS} plan edits`, mbs(A.memoryAfterEdits), 'n/a', ''],
];
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['', 'CPA Companion', 'bare ImGui', 'ratio'][c].length));
const line = (r) => `| ${r.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
const table = [
  `Chromium ${chromiumVersion}, phone 390x844 DPR 3, software WebGL; median (min-max) of ${runs} cold loads each, the two pages alternating.`,
  '',
  line(['', 'CPA Companion', 'bare ImGui', 'ratio']),
  `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
  ...rows.map(line),
  '',
  `Scrolled: ${A.scroll.screen?.route} (${A.scroll.screen?.height} px tall, ${A.scroll.frames} frames); bare: its demo window (${R.scroll.frames} frames).`,
];
if (A.trace) {
  const t = A.trace, f = (v) => (v == null || Number.isNaN(v) ? '?' : v.toFixed(0));
  table.push(`The app's first frame, unthrottled, in ms from navigation: html ${f(t.html)}, loader.js ${f(t.loader)}, ` +
    `content.json ${f(t.content)}, fonts ${f(t.fonts)}, cpa.js ${f(t.cpaJs)}, cpa.wasm ${f(t.wasm)}, ` +
    `compiled ${f(t.compiled)} (started ${f(t.compileStarted)}), main ${f(t.mainStart)}, content parsed ${f(t.contentParsed)}, ` +
    `started ${f(t.started)}, first frame begun ${f(t.firstFrameStart)}, drawn ${f(t.firstDraw)}.`);
}
table.push('', 'Budgets (issue 12):', '');
for (const [name, ok] of BUDGETS) table.push(`- ${ok ? 'met' : '**not met**'}: ${name}`);
console.log(table.join('\n'));
// README.md shows the latest table, between its two marks.
if (args.readme && existsSync(args.readme)) {
  const readme = readFileSync(args.readme, 'utf8');
  const begin = '<!-- bench-table:begin -->', end = '<!-- bench-table:end -->';
  const a = readme.indexOf(begin), b = readme.indexOf(end);
  if (a >= 0 && b > a) {
    writeFileSync(args.readme, readme.slice(0, a + begin.length) + `\n(\`./cpa bench\`, ${result.date.slice(0, 10)})\n\n` +
      table.join('\n') + '\n' + readme.slice(b));
  }
}
if (args.json) {
  mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
  appendFileSync(args.json, JSON.stringify(result) + '\n');
  console.log(`(one JSON line added to ${path.relative(process.cwd(), path.resolve(args.json))})`);
}
if (args.check && BUDGETS.some(([, ok]) => !ok)) process.exit(1);
