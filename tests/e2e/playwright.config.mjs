// @ts-check
// End-to-end tests: the built site (dist/), served with its production headers by
// web/serve.mjs, in Debian's Chromium.  Two screens: a phone and a waiting-room kiosk.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.CPA_E2E_PORT || 8093);
const build = process.env.CPA_BUILD_DIR || '../../build';
const dist = process.env.CPA_DIST_DIR || 'dist';
// A second site, built with tests/e2e/kiosk-deployment.json (kiosk mode on, shortest timeouts),
// served beside the first on the next port: kiosk.spec.mjs.
export const kioskPort = port + 1;
// The phone, for the project and for tests that open a second phone (the carer's).
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true };
const kioskDist = process.env.CPA_KIOSK_DIST_DIR || `${dist}-kiosk`;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  outputDir: `${build}/e2e-results`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two at once on two cores.  Four were tried (issue 26): alone on the machine they kept both
  // cores fully busy and still took longer per test, so the suite spent more processor time in
  // all; Chromium's software GL, not waiting, is what the tests cost.
  workers: Number(process.env.CPA_E2E_WORKERS || 2),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${build}/e2e-results.json` }]],
  webServer: [
    {
      command: `node web/serve.mjs --root "${dist}" --port ${port} --quiet`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node web/serve.mjs --root "${kioskDist}" --port ${kioskPort} --quiet`,
      cwd: '../..',
      url: `http://127.0.0.1:${kioskPort}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'en-GB',            // the people it is for: dates are day, month, year
    timezoneId: 'Europe/London',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    // A phone at pixel density 1: its screenshots are taken at its real 3, and the tests about
    // density run at 3 (support.mjs: shot, atPhoneDensity).  Software GL draws a ninth of the
    // pixels at 1, and drawing them was most of what these tests cost.
    { name: 'phone', use: phone },
    // At kiosk size, only what differs there (tests tagged @kiosk-size): kiosk mode itself, the
    // layout and screenshots of Home, Help now and a result, the pixel density, and axe's checks
    // of every screen.  Behaviour that does not depend on the screen is tested once, on the phone.
    { name: 'kiosk', grep: /@kiosk-size/, use: { viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, hasTouch: true } },
  ],
});
