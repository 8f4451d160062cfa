// @ts-check
// Which release a person runs, and how a new one reaches them (issue 25; hazard H17): the
// headers the site is served with, the release on About, and upgrades from every past
// release's store under that release's own service worker.
//
// The upgrades are served from a folder of their own on CPA_E2E_PORT + 4 (web/serve.mjs, with
// the production headers), through a link that is pointed at one release and then the next, as
// a host's deploy does.  A past release is made from today's build with Samaritans' number
// changed to one from Ofcom's drama range (it reaches no one, and only these tests ever serve
// it), so the test can see which release a page runs; the past releases' service worker is the
// one they shipped, recorded (tests/vectors/releases/README.md says why).
import { test, expect, openApp, settle, byRole, mirror, tap, reveal, shot, readContent, seedStore, storeVector, storeVectorNames, repoRoot } from './support.mjs';
import { kioskPort } from './playwright.config.mjs';
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const strings = readContent('en-GB/strings.json').strings;
const dist = process.env.CPA_DIST_DIR || path.join(repoRoot, 'dist');
const work = path.join(process.env.CPA_BUILD_DIR || path.join(repoRoot, 'build'), 'e2e-release');
const port = Number(process.env.CPA_E2E_PORT || 8093) + 4;
const base = `http://127.0.0.1:${port}/`;

const releaseOf = (dir) => /data-release="([^"]+)"/.exec(readFileSync(path.join(dir, 'index.html'), 'utf8'))[1];
const today = releaseOf(dist);

function siteFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? siteFiles(path.join(dir, e.name), prefix + e.name + '/') : [prefix + e.name]);
}

// Today's build as another release: Samaritans' number changed on the plain page and in the
// app's content, a release of its own, and either today's service worker or the recorded
// cache-first one every earlier release shipped.
function release(name, { samaritans, cacheFirst }) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(dist, dir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  const id = `${name}-${createHash('sha256').update(name + samaritans).digest('hex').slice(0, 8)}`;
  const digits = samaritans.replace(/\D/g, '');
  const bundle = JSON.parse(readFileSync(path.join(dir, 'content.json'), 'utf8'));
  const lines = JSON.parse(bundle.files['common/crisis_lines.json']);  // every locale's numbers
  lines.lines.find((l) => l.id === 'samaritans').number = samaritans;
  bundle.files['common/crisis_lines.json'] = JSON.stringify(lines);
  writeFileSync(path.join(dir, 'content.json'), JSON.stringify(bundle));
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8').replaceAll('116 123', samaritans)
    .replaceAll('tel:116123', `tel:${digits}`).replace(`data-release="${today}"`, `data-release="${id}"`);
  writeFileSync(path.join(dir, 'index.html'), html);
  const files = ['./', ...siteFiles(dir).filter((f) => f !== '_headers' && f !== 'sw.js')];
  const sw = cacheFirst
    ? readFileSync(path.join(repoRoot, 'tests/vectors/releases/sw-cache-first.js'), 'utf8')
      .replace('__CACHE_NAME__', 'cpa-companion-' + createHash('sha256').update(id).digest('hex').slice(0, 16))
      .replace('__PRECACHE__', JSON.stringify(files))
    : readFileSync(path.join(dist, 'sw.js'), 'utf8').replace(`'${today}'`, `'${id}'`);
  writeFileSync(path.join(dir, 'sw.js'), sw);
  return { dir, id, samaritans, href: `tel:${digits}` };
}
const todays = { dir: dist, id: today, samaritans: '116 123', href: 'tel:116123' };

// The host: web/serve.mjs on a link that a deploy points at another release's folder.
let server = null;
const live = path.join(work, 'live');
function deploy(site) {
  rmSync(live, { force: true });
  symlinkSync(site.dir, live);
}

test.describe('releases', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  test.beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    deploy(todays);
    server = fork(path.join(repoRoot, 'web/serve.mjs'), ['--root', live, '--port', String(port), '--quiet'], { stdio: 'ignore' });
    await new Promise((resolve, reject) => { server.once('message', resolve); server.once('exit', reject); });
  });
  test.afterAll(() => { if (server) server.kill(); });
  test.beforeEach(({ guard }) => { guard.requests.push(new RegExp(`^${base}`)); });

  async function installed(page) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  }

  async function upgradeFrom(name, page, testInfo) {
    const vector = storeVector(name);
    const old = release(`before-${name}`, { samaritans: '01632 960 123', cacheFirst: true });
    deploy(old);
    await seedStore(page, vector.records, base);
    await openApp(page, '', base);
    await installed(page);
    await expect(page.locator('html')).toHaveAttribute('data-release', old.id);
    await tap(page, byRole(page, 'button', 'Help now'));
    await expect(byRole(page, 'link', `Call ${old.samaritans}`).first()).toHaveAttribute('href', old.href);

    deploy(todays);
    const started = Date.now();
    await page.reload();  // the first visit that reaches the network after the deploy
    await expect(page.locator('html')).toHaveAttribute('data-release', today, { timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    testInfo.annotations.push({ type: 'upgrade', description: `today's release ran ${Date.now() - started} ms after the reload` });
    await settle(page);
    await tap(page, byRole(page, 'button', 'Help now'));
    await expect(byRole(page, 'link', 'Call 116 123').first()).toHaveAttribute('href', 'tel:116123');
    await expect(byRole(page, 'link', `Call ${old.samaritans}`)).toHaveCount(0);
    await expect(page.locator('#fallback li[data-line="samaritans"] a[href^="tel:"]')).toHaveAttribute('href', 'tel:116123');
    // The person's own contacts, from the old store, on Help now; their words in the plan.
    await expect(byRole(page, 'link', 'Call Aunt Jo on 020 7946 0000')).toHaveCount(1);
    await openApp(page, '#/plan-section/crisis_plan.self_help', base);
    await settle(page);
    const values = await mirror(page).locator('input, textarea').evaluateAll((els) => els.map((e) => e.value));
    expect(values).toEqual(expect.arrayContaining(['Walk the dog', 'Ring my sister']));
    await openApp(page, '#/plan-section/crisis_plan.practical', base);
    await settle(page);
    const practical = await mirror(page).locator('input, textarea').evaluateAll((els) => els.map((e) => e.value));
    expect(practical).toEqual(expect.arrayContaining(['Next door feeds Mabli the cat']));
    // Only today's copy is kept.
    expect(await page.evaluate(() => caches.keys())).toEqual([`cpa-release-${today}`]);
    await shot(page, `upgraded-from-${name}`, testInfo);
  }
  // One test a past store format (tests/vectors/store/), each named in the hazard log.
  test('a store from 2026-11-23-records, under the cache-first service worker of its day: the first load after the deploy runs the new release, and every field is there', ({ page }, testInfo) => upgradeFrom('2026-11-23-records', page, testInfo));
  test('a store from 2026-11-25-fallback, under the cache-first service worker of its day: the first load after the deploy runs the new release, and every field is there', ({ page }, testInfo) => upgradeFrom('2026-11-25-fallback', page, testInfo));
  test('a store from 2026-12-06-warnings, under the cache-first service worker of its day: the first load after the deploy runs the new release, and every field is there', ({ page }, testInfo) => upgradeFrom('2026-12-06-warnings', page, testInfo));

  test('under the new service worker, a deploy reaches the first load: the new number before the app starts, and in it', async ({ page, context }) => {
    deploy(todays);
    await openApp(page, '', base);
    await installed(page);
    await expect(page.locator('html')).toHaveAttribute('data-release', today);
    const next = release('next', { samaritans: '01632 960 456', cacheFirst: false });
    deploy(next);
    const loads = [];
    page.on('load', () => loads.push(page.url()));  // whole loads, not the app's own route changes
    const response = await page.reload();
    // The page itself, before any script: the changed number is in it.
    expect(await response.text()).toContain(`href="${next.href}"`);
    await expect(page.locator('html')).toHaveAttribute('data-release', next.id);
    await expect(page.locator('#fallback li[data-line="samaritans"] a[href^="tel:"]')).toHaveAttribute('href', next.href);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await tap(page, byRole(page, 'button', 'Help now'));
    await expect(byRole(page, 'link', `Call ${next.samaritans}`).first()).toHaveAttribute('href', next.href);
    expect(loads).toHaveLength(1);  // one load, not a second one to pick the release up
    // Offline, the next visit opens the copy of the release it last ran.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`cpa-release-${next.id}`]);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-release', next.id);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await tap(page, byRole(page, 'button', 'Help now'));
    await expect(byRole(page, 'link', `Call ${next.samaritans}`).first()).toHaveAttribute('href', next.href);
    await context.setOffline(false);
  });
});

test('every past store format has its upgrade test above', () => {
  expect(storeVectorNames).toEqual(['2026-11-23-records', '2026-11-25-fallback', '2026-12-06-warnings']);
});

test('About shows the release this site was built as, and when its crisis numbers were checked', async ({ page }, testInfo) => {
  await openApp(page, '#/about');
  const heading = byRole(page, 'heading', 'This copy of the app', { level: 2 });
  await reveal(page, heading);
  const says = strings['about.version.release'].replace('{release}', today);
  await expect(mirror(page).getByText(says)).toBeVisible();
  await expect(mirror(page).getByText('Its crisis numbers were last checked on 25 November 2026.')).toBeVisible();
  expect(today).toMatch(/^[0-9a-f]{12}$/);
  await shot(page, 'about-release', testInfo);
});

test('the headers: HSTS, no interest-cohort, and the kiosk site keeps nothing in the browser cache', async ({ page, request }) => {
  const site = (await page.goto('/')).headers();
  expect(site['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  expect(site['permissions-policy']).not.toContain('interest-cohort');
  expect(site['cache-control']).toBe('no-cache');
  for (const file of ['', 'cpa.wasm', 'content.json', 'sw.js']) {
    const kiosk = await request.get(`http://127.0.0.1:${kioskPort}/${file}`);
    expect(kiosk.headers()['cache-control'], file || 'the page').toBe('no-store');
    expect(kiosk.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  }
});
