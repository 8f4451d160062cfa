// Accessibility as assistive technology and keyboards meet it: the mirror's landmarks, roles,
// names and states (read back from Chromium's own accessibility tree), pointer and keyboard
// activation, focus, and the one live region.
import { test, expect, openApp, settle, byRole, mirror, readContent } from './support.mjs';

const strings = readContent('en-GB/strings.json').strings;

test('a mouse click on an element the browser has just scrolled into view activates that element', async ({ page }) => {
  await openApp(page);
  const about = byRole(page, 'button', new RegExp('^' + strings['home.about.title']), { exact: false });
  // Playwright scrolls the element into view (the browser scrolls the mirror), then clicks it.
  await about.click();
  await settle(page);
  await expect(byRole(page, 'heading', strings['about.title'], { level: 1 })).toBeVisible();
});
