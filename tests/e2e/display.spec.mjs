// @ts-check
// The Display settings as a person meets them: text size and colours chosen on the Display
// screen and still there, from the very first frame, after a reload; the device's own dark
// mode, contrast and reduced motion followed; and at 200% text on a 320 px wide phone every main
// screen fits (measured from the accessibility mirror's element rects, one per widget).
import { test, expect, openApp, byRole, mirror, tap, reveal, shot, settle, trackFrames, waitUntilIdle, readContent } from './support.mjs';

const strings = readContent('en-GB/strings-display.json').strings;
test.describe.configure({ timeout: 240_000 });  // six screenshots at DPR 3, five reloads and the swipes to reach them in one test

const MATCH_DEVICE = (now) => strings['display.colours_device_now'].replace('{theme}', strings[`display.theme_${now}`]);

// The main screens (as tests/ui/test_display.cpp walks them headless).
const MAIN_SCREENS = ['', '#/help-now', '#/about', '#/eligibility', '#/learn', '#/care-plan', '#/crisis-plan',
  '#/plan-section/care_plan.coordinator', '#/your-data', '#/display'];

// Every mirror element (one per widget) with its rect, its region's (the view it is drawn in) and
// what kind of thing it is.
async function widgetRects(page) {
  // Widgets only (.cpa-node): a group (a list, a radio group, a dialog) holds its widgets' rects.
  return page.evaluate(() => Array.from(document.querySelectorAll('#cpa-a11y .cpa-node')).map((el) => {
    const r = el.getBoundingClientRect();
    const v = el.closest('.cpa-region').getBoundingClientRect();
    return {
      name: el.getAttribute('aria-label') || el.textContent || el.getAttribute('aria-labelledby') || el.tagName,
      tag: el.tagName.toLowerCase(), role: el.getAttribute('role') || '', id: el.id,
      describedBy: (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean),
      x: r.x, y: r.y, w: r.width, h: r.height,
      view: `${v.x},${v.y},${v.width},${v.height}`,
    };
  }));
}

const overlaps = (a, b) => a.x + 0.5 < b.x + b.w && b.x + 0.5 < a.x + a.w && a.y + 0.5 < b.y + b.h && b.y + 0.5 < a.y + a.h;
// A card's or tick box's detail line is text inside the control it describes.
const inside = (a, b) => a.describedBy.includes(b.id) || b.describedBy.includes(a.id);
const interactive = (w) => ['button', 'a', 'input', 'textarea'].includes(w.tag);

// What a person using a flick to scroll sees: the finger moves quickly and lifts while moving
// (no pause before lifting), so a phone would glide on.  Returns how far the content moved.
async function flick(page, x, fromY, toY) {
  const heading = mirror(page).locator('h1');
  const before = (await heading.boundingBox()).y;
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  const start = Date.now() / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromY), timestamp: start });
  const steps = 6;
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(fromY + ((toY - fromY) * i) / steps),
      timestamp: start + (i * 16) / 1000 });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: start + (steps * 16 + 8) / 1000 });
  await cdp.detach();
  await waitUntilIdle(page);  // a glide runs until it stops asking for frames
  return before - (await heading.boundingBox()).y;
}

test.describe('on a phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'phone-sized checks (the phone project)');

  // Pinch-zoom is the browser's own magnifier: the viewport does not forbid it (no
  // user-scalable=no, no maximum-scale), the app's area lets two fingers zoom
  // (touch-action: pinch-zoom; one finger still scrolls the app), and the app takes nothing of a
  // pinch: a second finger calls off the first one's press.  (Headless Chromium does not zoom
  // its visual viewport for a synthetic pinch, so the zoom itself is on the real-phone list.)
  test('pinch-zoom is not blocked, and a pinch presses nothing while a tap still does', async ({ page }) => {
    await openApp(page);
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('cpa-root')).touchAction)).toBe('pinch-zoom');
    const box = await byRole(page, 'button', 'Help now').boundingBox();
    const x = Math.round(box.x + box.width / 2), y = Math.round(box.y + box.height / 2);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, touchPoints) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
    // One finger on Help now, a second joins and the two move apart, then both lift.
    await touch('touchStart', [{ x, y, id: 1 }]);
    await touch('touchStart', [{ x, y, id: 1 }, { x: x - 40, y: y + 200, id: 2 }]);
    await touch('touchMove', [{ x: x + 10, y: y - 5, id: 1 }, { x: x - 80, y: y + 300, id: 2 }]);
    await touch('touchEnd', []);
    await settle(page);
    await expect(page).toHaveURL(/#\/$/);  // the pinch pressed nothing
    // One finger alone still taps.
    await touch('touchStart', [{ x, y, id: 3 }]);
    await touch('touchEnd', []);
    await cdp.detach();
    await expect(byRole(page, 'heading', 'Help now', { level: 1 })).toBeVisible();
  });

  // Browser zoom (desktop Chrome's 100% to 400%, here on a 1280 x 800 screen) gives the page
  // fewer CSS pixels, each drawn bigger: the text must grow at every step.
  test('browser zoom makes the text larger at every step, never smaller', async ({ browser, baseURL }) => {
    const sizes = [];
    for (const zoom of [1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4]) {
      const context = await browser.newContext({ baseURL, deviceScaleFactor: zoom,
        viewport: { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) } });
      const page = await context.newPage();
      await openApp(page, '#/plan-section/care_plan.coordinator');
      // A field's text is drawn at the body size (its DOM input matches it): in screen pixels.
      sizes.push(await mirror(page).locator('input').first().evaluate((el) => parseFloat(el.style.fontSize) * devicePixelRatio));
      await context.close();
    }
    for (let i = 1; i < sizes.length; i++) expect(sizes[i], `body text at zoom step ${i} (${sizes.join(', ')})`).toBeGreaterThan(sizes[i - 1]);
  });

  test('200% text and dark colours chosen on Display are applied from the first frame after a reload', async ({ page }, testInfo) => {
    await openApp(page, '#/display');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const normalHeading = (await byRole(page, 'heading', 'Display').boundingBox()).height;

    await tap(page, byRole(page, 'radio', '200%'));
    await expect(byRole(page, 'radio', '200%')).toBeChecked();
    await tap(page, byRole(page, 'radio', strings['display.colours_dark']));
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
    expect((await byRole(page, 'heading', 'Display').boundingBox()).height).toBeGreaterThan(normalHeading * 1.5);
    await shot(page, 'display-200-dark-chosen', testInfo);

    // After a reload: what the page and the mirror held at the moment the first frame was drawn.
    await page.addInitScript(() => {
      window.__themesSeen = [];
      new MutationObserver(() => {
        const root = document.documentElement;
        const theme = root.getAttribute('data-theme');
        if (theme && window.__themesSeen[window.__themesSeen.length - 1] !== theme) window.__themesSeen.push(theme);
        if (root.dataset.app === 'ready' && !window.__firstFrame) {
          const h1 = document.querySelector('#cpa-a11y h1');
          window.__firstFrame = { theme, heading: h1 ? h1.getBoundingClientRect().height : 0,
            background: getComputedStyle(document.body).backgroundColor };
        }
      }).observe(document, { attributes: true, subtree: true, childList: true });
    });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    const first = await page.evaluate(() => window.__firstFrame);
    expect(first.theme).toBe('dark');
    expect(first.heading).toBeGreaterThan(normalHeading * 1.5);
    expect(first.background).toBe('rgb(18, 26, 32)');  // the dark theme's page, around the canvas too
    expect(await page.evaluate(() => window.__themesSeen)).toEqual(['dark']);  // never light first
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0B2A4A');
    await expect(byRole(page, 'radio', '200%')).toBeChecked();
  });

  test('Match this device follows the device\'s dark mode and contrast, at start and when they change', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp(page, '#/display');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(byRole(page, 'radio', MATCH_DEVICE('dark'))).toBeChecked();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(byRole(page, 'radio', MATCH_DEVICE('light'))).toBeVisible();
    await page.emulateMedia({ contrast: 'more' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
    // Forced colours (a Windows contrast theme): the app draws in the device's own colours.
    await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'active' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'forced-colours');
    await page.emulateMedia({ forcedColors: 'none', colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // A choice of the person's own wins over the device.
    await tap(page, byRole(page, 'radio', strings['display.colours_light']));
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('reduced motion: a flick glides on normally, and stops where the finger lifts when the device asks for less motion', async ({ page }) => {
    await trackFrames(page);
    await openApp(page, '#/about');
    const x = 380;  // near the edge, away from links
    const normal = await flick(page, x, 700, 500);
    expect(normal).toBeGreaterThan(260);  // the finger moved 200 px; the page glided on

    // The device asks for less motion; back at the top of the page.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    await waitUntilIdle(page);
    const reduced = await flick(page, x, 700, 500);
    expect(reduced).toBeGreaterThan(190);
    expect(reduced).toBeLessThan(210);  // exactly as far as the finger went
    await openApp(page, '#/display');
    await expect(byRole(page, 'radio', strings['display.motion_device_now'].replace('{state}', strings['display.motion_state_on'])))
      .toBeChecked();
  });

  test('the dyslexia-friendly font is fetched only when chosen, and used from the first frame after a reload', async ({ page }) => {
    const fetched = [];
    page.on('request', (r) => { if (/OpenDyslexic/.test(r.url())) fetched.push(new URL(r.url()).pathname); });
    await openApp(page, '#/display');
    expect(fetched).toEqual([]);
    const plainHeading = (await byRole(page, 'heading', 'Display').boundingBox()).height;
    await tap(page, byRole(page, 'checkbox', strings['display.font_setting']));
    await expect(byRole(page, 'checkbox', strings['display.font_setting'])).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-font', 'dyslexia');
    expect(fetched.sort()).toEqual(['/fonts/OpenDyslexic-Bold.otf', '/fonts/OpenDyslexic-Regular.otf']);
    // OpenDyslexic's line is taller than Noto Sans's for the same size.
    await expect.poll(async () => (await byRole(page, 'heading', 'Display').boundingBox()).height).toBeGreaterThan(plainHeading * 1.15);
    await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');

    await page.addInitScript(() => {
      new MutationObserver(() => {
        const root = document.documentElement;
        if (root.dataset.app === 'ready' && !window.__fontAtFirstFrame) window.__fontAtFirstFrame = root.dataset.font;
      }).observe(document, { attributes: true, subtree: true });  // <html> is not there yet
    });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    expect(await page.evaluate(() => window.__fontAtFirstFrame)).toBe('dyslexia');
  });

  test('at 200% text and 320 px wide, every main screen fits: nothing leaves the screen sideways, no two widgets overlap, every target is 44 px or more', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openApp(page, '#/display');
    await tap(page, byRole(page, 'radio', '200%'));
    await expect(page.locator('html')).toHaveAttribute('data-settings', 'saved');
    for (const hash of MAIN_SCREENS) {
      await openApp(page, hash);
      const widgets = await widgetRects(page);
      expect(widgets.length, `${hash}: widgets in the mirror`).toBeGreaterThan(2);
      const problems = [];
      for (const [i, a] of widgets.entries()) {
        if (a.x < -0.5 || a.x + a.w > 320.5) problems.push(`${a.name}: ${a.x.toFixed(1)}..${(a.x + a.w).toFixed(1)} leaves the screen`);
        if (interactive(a) && (a.w < 44 || a.h < 44)) problems.push(`${a.name}: ${a.w.toFixed(1)}x${a.h.toFixed(1)} is under 44x44`);
        for (const b of widgets.slice(i + 1)) {
          if (a.view === b.view && overlaps(a, b) && !inside(a, b)) problems.push(`${a.name} overlaps ${b.name}`);
        }
      }
      expect(problems, `${hash || '#/'} at 200% text, 320 px`).toEqual([]);
      await shot(page, `display-320-200-${(hash.replace(/[#/]+/g, '-').replace(/^-|-$/g, '') || 'home')}`, testInfo);
      if (hash === '#/learn') {  // the longest words, in cards
        await reveal(page, mirror(page).getByRole('button', { name: /co-ordinator/ }).first());
        await shot(page, 'display-320-200-learn-cards', testInfo);
      }
    }
  });

  for (const theme of ['light', 'dark', 'high_contrast']) {
    test(`screenshots at 200% text in the ${theme.replace('_', ' ')} theme`, async ({ page }, testInfo) => {
      await openApp(page, '#/display');
      await tap(page, byRole(page, 'radio', '200%'));
      await tap(page, byRole(page, 'radio', strings[`display.colours_${theme}`]));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.replace('_', '-'));
      for (const hash of ['', '#/help-now', '#/display', '#/eligibility']) {
        await openApp(page, hash);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme.replace('_', '-'));
        await shot(page, `display-200-${theme}-${hash.replace(/[#/]+/g, '') || 'home'}`, testInfo);
      }
      // Further down: the answers with the chosen one marked, and the font's tick box.
      await openApp(page, '#/display');
      await reveal(page, byRole(page, 'radio', strings['display.colours_high_contrast']));
      await shot(page, `display-200-${theme}-display-colours`, testInfo);
      await reveal(page, byRole(page, 'checkbox', strings['display.font_setting']));
      await shot(page, `display-200-${theme}-display-font`, testInfo);
    });
  }
});
