// @ts-check
// The key journeys in Firefox ESR and WebKitGTK (the engine of every iPhone browser), against
// the built site (dist/ and the kiosk test site) served by web/serve.mjs with its production
// headers.  The full matrix stays in Chromium (tests/e2e/); here each journey runs once per
// engine, one browser start per engine (plus a fresh profile where the journey needs one).
//   ./cpa test engines          (builds the sites and the largest plan first)
// Environment: CPA_DIST_DIR, CPA_KIOSK_DIST_DIR, CPA_BUILD_DIR (largest-plan.json and
// largest-plan-link.txt, written by tests/e2e/largest_plan.cpp), CPA_ENGINES_PORT (and the next
// port, for the kiosk site; by default CPA_E2E_PORT + 2), CPA_ENGINES (a comma list: firefox,webkit).
// Screenshots at phone size: tests/e2e/screenshots/firefox/ and webkit/ (ignored by git).
import { describe, it, before, after } from 'node:test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { launchChromium, launchFirefox, launchWebKit, own } from './browsers.mjs';
import { Journeys } from './journeys.mjs';
import { repoRoot } from '../e2e/content.mjs';

const port = Number(process.env.CPA_ENGINES_PORT || Number(process.env.CPA_E2E_PORT || 8093) + 2);
const build = process.env.CPA_BUILD_DIR || path.join(repoRoot, 'build');
const dist = process.env.CPA_DIST_DIR || path.join(repoRoot, 'dist');
const sites = {
  base: `http://127.0.0.1:${port}/`,
  kioskBase: `http://127.0.0.1:${port + 1}/`,
  largestPlanFile: path.join(build, 'largest-plan.json'),
  largestLinkFile: path.join(build, 'largest-plan-link.txt'),
};
const wanted = (process.env.CPA_ENGINES || 'firefox,webkit').split(',');
const JOURNEY_MS = 240_000;  // a journey, start to end, on a loaded 2-core machine

async function serve(root, at) {
  const server = own(spawn(process.execPath, [path.join(repoRoot, 'web/serve.mjs'), '--root', root, '--port', String(at), '--quiet'],
    { stdio: ['ignore', 'inherit', 'inherit'] }));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${at}/`)).ok) return server;
    } catch { /* not listening yet */ }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`web/serve.mjs did not start on port ${at}`);
}

const servers = [];
let compressedLink;  // a promise: the link the app made in Chromium
before(async () => {
  servers.push(await serve(dist, port));
  servers.push(await serve(process.env.CPA_KIOSK_DIST_DIR || `${dist}-kiosk`, port + 1));
  // Made beside the engines' first journeys; journey 5 waits for it.
  compressedLink = (async () => {
    const chrome = await launchChromium();
    try {
      const link = await new Journeys(chrome, sites).makeCompressedLinkInApp();
      console.log(`# the largest plan's link, made by the app in Chromium: ${link.length} characters`);
      return link;
    } finally {
      await chrome.close();
    }
  })();
  compressedLink.catch(() => {});  // reported by the journeys that need it
});
after(() => { for (const s of servers) s.kill(); });

for (const [name, launch] of /** @type {[string, typeof launchFirefox][]} */ ([['firefox', launchFirefox], ['webkit', launchWebKit]])) {
  if (!wanted.includes(name)) continue;
  describe(name, () => {
    let engine, journeys;
    before(async () => {
      engine = await launch();
      journeys = new Journeys(engine, sites);
      console.log(`# ${name}: ${engine.version}`);
    });
    after(() => engine && engine.close());
    const journey = (title, fn) => it(title, { timeout: JOURNEY_MS }, () => fn());
    journey('1. the plain page shows every crisis number before the app starts',
      () => journeys.plainPageBeforeTheApp());
    journey('2. first frame; Help now\'s lines are tel:/sms: links in the mirror',
      () => journeys.firstFrameAndHelpNow());
    journey('3. the walk-through to a result, with the keyboard',
      () => journeys.walkThroughToAResult());
    journey('4. a crisis plan section typed in is there after a reload',
      () => journeys.planSectionAfterReload());
    journey('5a. the largest plan\'s uncompressed share link opens in a fresh profile',
      () => journeys.openShareLink(journeys.largestUncompressedLink(), '5a-carer-uncompressed-link'));
    journey('5b. the largest plan\'s link made by the app (compressed, in Chromium) opens in a fresh profile',
      async () => journeys.openShareLink(await compressedLink, '5b-carer-app-link'));
    journey('6. kiosk: attract screen; Help now writes numbers out, no call links',
      () => journeys.kiosk());
    journey('7. typing survives the page shrinking and growing (a phone\'s keyboard), and a field\'s words do not jump when it takes the keyboard',
      () => journeys.typingSurvivesTheKeyboard());
  });
}
