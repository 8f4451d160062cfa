// A probe, not a test: after the same forced trap as guard.spec.mjs's first test, what is on the
// screen, and does Help now still answer a tap?  It prints what it saw and fails only if the
// trap never happened.  Run as faults25-extra.spec.mjs is (docs/research/issue-25-faults.md).
import { test, expect, openApp, settle, byRole, mirror, tap, exposeCore } from './support.mjs';

test('probe: after a forced trap in the core, what the person sees', async ({ page, guard }) => {
  guard.consoleErrors.push(/./);  // the trap's own messages, whatever each release prints
  await exposeCore(page);
  await openApp(page, '#/');
  const trapped = page.waitForEvent('pageerror');
  await page.evaluate(() => setTimeout(() => window.__cpaCore._cpa_storage_lock_fields(0x7ffffff0)));
  console.log('page error:', (await trapped).message);
  await settle(page);
  const seen = {
    app: await page.locator('html').getAttribute('data-app'),
    plainPageVisible: await page.locator('#fallback').isVisible(),
    plainPageSamaritans: await page.locator('#fallback a[href="tel:116123"]').isVisible(),
  };
  if (seen.app === 'ready') {
    // The app says it is running: a person taps Help now.
    await tap(page, byRole(page, 'button', 'Help now'));
    seen.helpNowHeading = await byRole(page, 'heading', 'Help now', { level: 1 }).count();
    seen.helpNowSamaritans = await mirror(page).getByRole('link', { name: 'Call 116 123' }).count();
  }
  console.log('after the trap:', JSON.stringify(seen));
  expect(seen.app).not.toBeNull();
});
