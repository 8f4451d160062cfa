// Browser numbers for ./cpa bench: start-up to first frame, tap-to-drawn time, frames drawn
// while still, and memory, in Debian's Chromium at phone size (390x844, DPR 3).
// Usage: node tests/bench/browser_bench.mjs <base-url> [runs]
import { chromium } from '@playwright/test';

const base = process.argv[2];
const runs = Number(process.argv[3] || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
});
const starts = [], taps = [], idle = [], wasmMemory = [], jsHeap = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => { window.__frames++; cb(t); });
    const capture = (result) => { const inst = result.instance || result; window.__wasmExports = inst.exports; return result; };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(capture);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...a) => plain(...a).then(capture);
    addEventListener('cpa-ready', () => { window.__readyAt = performance.now(); });
  });
  await page.goto(base);
  await page.waitForFunction(() => window.__readyAt);
  starts.push(await page.evaluate(() => window.__readyAt));
  await page.waitForTimeout(300);
  const f0 = await page.evaluate(() => window.__frames);
  await page.waitForTimeout(2000);
  idle.push(((await page.evaluate(() => window.__frames)) - f0) / 2);
  // Tap to next painted frame, timed inside the page: from the touchend reaching the page to
  // the first animation frame after the app's handler has run.
  await page.evaluate(() => {
    window.addEventListener('touchend', () => { window.__t0 = performance.now(); }, true);
    window.addEventListener('touchend', () => {
      requestAnimationFrame(() => { window.__tapMs = performance.now() - window.__t0; });
    }, false);
  });
  const button = page.locator('#cpa-a11y button', { hasText: 'Help now' }).first();
  const box = await button.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => document.title === 'Help now' && window.__tapMs !== undefined);
  taps.push(await page.evaluate(() => window.__tapMs));
  const mem = await page.evaluate(() => {
    const exports = window.__wasmExports || {};
    const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    return { wasm: memory ? memory.buffer.byteLength : 0, js: performance.memory ? performance.memory.usedJSHeapSize : 0 };
  });
  wasmMemory.push(mem.wasm);
  jsHeap.push(mem.js);
  await context.close();
}
await browser.close();
const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
console.log(`start-up to first frame (median of ${runs}): ${median(starts).toFixed(0)} ms  [${starts.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`tap "Help now" to next frame (median):     ${median(taps).toFixed(0)} ms  [${taps.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`frames drawn per second while still:       ${median(idle).toFixed(1)}`);
console.log(`wasm memory after start:                   ${mb(median(wasmMemory))}`);
console.log(`JS heap after start:                       ${mb(median(jsHeap))}`);
console.log('(software WebGL in headless Chromium on this machine; a phone GPU differs)');
