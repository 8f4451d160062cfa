// What the tests and benches put on the page's window (in an init script or page.evaluate) to
// read back later, for the type check (tests/tsconfig.json).  Declarations only (a .ts file for the
// reason web/emscripten-globals.ts gives).

interface Window {
  // tests/e2e/support.mjs: frames drawn and asked for (trackFrames), the module (exposeCore),
  // and the Content-Security-Policy violations the guard fixture hears.
  __frames: number;
  __framesAskedFor: () => number;
  __resized: number;
  __cpaCore: CpaModule;
  __cpaCspViolation: (violation: object) => void;
  // tests/e2e/display.spec.mjs
  __themesSeen: string[];
  __firstFrame: { theme: string, heading: number, background: string };
  __fontAtFirstFrame: string;
  // tests/e2e/eligibility.spec.mjs, share.spec.mjs: what window.print was asked
  __printCalls: number;
  __printed: boolean;
  // tests/e2e/lock.spec.mjs: an attribute value seen on <html> (watchAttribute)
  cpaSeen: Promise<void>;
  // tests/e2e/phone-behaviour.spec.mjs: an iPhone's keyboard opening (a height) or closing (null)
  __iphoneKeyboard: (height: number | null) => void;
  // tests/e2e/plans.spec.mjs: what the live regions said, [region id, words]
  __said: [string, string][];
  // tests/e2e/plans.spec.mjs, store.spec.mjs: the next write of the records fails as a full disk would
  __diskFull: boolean;
  // tests/e2e/quick-exit.spec.mjs
  __seenAtExit: (seen: object) => void;
  __quickExitShown: boolean;
  // tests/e2e/store.spec.mjs: another tab's connection that holds the database open
  held: IDBDatabase;
  // tests/e2e/a11y-checks.mjs: axe-core, added to the page
  axe: typeof import('axe-core');
  // tests/engines/in_page.mjs: what the page heard go wrong
  __cpaHeard: string[];
  // tests/bench/browser_bench.mjs: the bench's instrument (INSTRUMENT), and the tree before a scroll
  __bench: any;
  __cpaBenchPrevious: CpaSemantics | undefined;
  // tests/bench/release_bench.mjs: when the app was ready, and the first contentful paint
  __times: { ready: number | null, fcp: number | null };
}

// Element Timing (Chromium's; not in TypeScript's lib): when an element marked `elementtiming`
// was first shown.  tests/bench/browser_bench.mjs times the crisis numbers by it.
interface PerformanceElementTiming extends PerformanceEntry {
  renderTime: number;
  loadTime: number;
  intersectionRect: DOMRectReadOnly;
}
