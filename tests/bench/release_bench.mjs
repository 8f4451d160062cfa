// @ts-check
// What asking the network first costs (issue 25), in Chromium at phone size: a returning visit
// (the site's service worker installed, nothing new on the server), timed to the crisis numbers
// painted (the plain page's first contentful paint) and to the app's first frame (data-app
// "ready"), with the cache-first worker every earlier release shipped (recorded in
// tests/vectors/releases/) and with today's network-first one.  Four networks:
//   fast     no throttling
//   slow     CDP: CPU x4, 400 ms round trip, 400 kbit/s (TOOLCHAIN.md's cheap phone, weak signal)
//   offline  Playwright's offline switch
//   lie-fi   the server accepts every request and never answers (a signal that connects and
//            carries nothing): today's worker waits its PAGE_WAIT_MS for the page, then its copy
//   node tests/bench/release_bench.mjs --app DIR [--runs 5]
// It prints numbers and never fails (README.md, "Offline, and new releases", has the last run).
import { chromium } from '@playwright/test';
import { fork } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return pairs;
}, []));
const runs = Number(args.runs || 5);
const app = path.resolve(args.app || path.join(repoRoot, 'dist'));
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };

function siteFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? siteFiles(path.join(dir, e.name), prefix + e.name + '/') : [prefix + e.name]);
}

// The same site with the worker earlier releases shipped.
function cacheFirstSite(dir) {
  cpSync(app, dir, { recursive: true });
  const files = ['./', ...siteFiles(app).filter((f) => f !== '_headers' && f !== 'sw.js' && !/\.(br|gz)$/.test(f))];
  writeFileSync(path.join(dir, 'sw.js'), readFileSync(path.join(repoRoot, 'tests/vectors/releases/sw-cache-first.js'), 'utf8')
    .replace('__CACHE_NAME__', 'cpa-companion-0123456789abcdef').replace('__PRECACHE__', JSON.stringify(files)));
  return dir;
}

// web/serve.mjs behind a door that can stop answering (lie-fi) without refusing connections.
async function serve(root) {
  const child = fork(path.join(repoRoot, 'web/serve.mjs'), ['--root', root, '--port', '0', '--quiet'], { stdio: 'ignore' });
  const inner = new URL((await new Promise((resolve) => child.once('message', resolve))).address);
  const door = { hang: false };
  const proxy = http.createServer((req, res) => {
    if (door.hang) return;  // accepted, never answered
    const out = http.request({ host: inner.hostname, port: inner.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
    req.pipe(out);
  });
  await /** @type {Promise<void>} */ (new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve)));
  return { url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (proxy.address()).port}/`, door, close: () => { proxy.close(); child.kill(); } };
}

const INSTRUMENT = () => {
  window.__times = { ready: null, fcp: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__times.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new MutationObserver(() => {
    if (document.documentElement.dataset.app === 'ready' && window.__times.ready === null) window.__times.ready = performance.now();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-app'] });
};

async function measure(browser, site, network) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => window.__times.ready !== null, null, { timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(site.url);  // now under the worker, which has every file
    await page.waitForFunction(() => window.__times.ready !== null && !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    if (network === 'slow') {
      await cdp.send('Network.enable');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    }
    if (network === 'offline') await context.setOffline(true);
    if (network === 'lie-fi') site.door.hang = true;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(site.url, { waitUntil: 'commit', timeout: 120_000 });
      await page.waitForFunction(() => window.__times.ready !== null && window.__times.fcp !== null, null, { timeout: 120_000 });
      samples.push(await page.evaluate(() => window.__times));
    }
    return samples;
  } finally {
    site.door.hang = false;
    await context.close();
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const show = (xs) => `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))})`;

const temp = mkdtempSync(path.join(os.tmpdir(), 'cpa-release-bench-'));
const sites = { 'cache-first (earlier releases)': await serve(cacheFirstSite(path.join(temp, 'cache-first'))),
  'network-first (today)': await serve(app) };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
try {
  console.log(`Returning visit, median (min-max) of ${runs}, Chromium at 390x844 DPR 3:`);
  console.log('| network | worker | crisis numbers painted | app ready |');
  console.log('|---------|--------|------------------------|-----------|');
  for (const network of ['fast', 'slow', 'offline', 'lie-fi']) {
    for (const [name, site] of Object.entries(sites)) {
      const samples = await measure(browser, site, network);
      console.log(`| ${network} | ${name} | ${show(samples.map((s) => s.fcp))} | ${show(samples.map((s) => s.ready))} |`);
    }
  }
} finally {
  await browser.close();
  for (const site of Object.values(sites)) site.close();
  rmSync(temp, { recursive: true, force: true });
}
