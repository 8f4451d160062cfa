// What web/lib_*.js name that the browser does not have, for the type check (tsconfig.json):
// inside cpa.js they are globals.  eslint.config.mjs lists the same names for eslint.
// Declarations only, never compiled.  A .ts file rather than a .d.ts: skipLibCheck (ical.js's own
// declarations do not pass) skips every .d.ts, and a mistake here would quietly make the names
// it declares `any`.

// Emscripten 3.1.6's runtime, as far as the libraries use it (CMakeLists.txt exports the
// string helpers, malloc and free).
declare var LibraryManager: { library: Record<string, unknown> };
declare function mergeInto(target: Record<string, unknown>, library: Record<string, unknown>): void;
declare var HEAPU8: Uint8Array;
declare var HEAPU32: Uint32Array;
declare var HEAPF32: Float32Array;
declare function UTF8ToString(ptr: number, maxBytesToRead?: number): string;
declare function stringToUTF8(text: string, outPtr: number, maxBytesToWrite: number): number;
declare function lengthBytesUTF8(text: string): number;
declare function _malloc(size: number): number;
declare function _free(ptr: number): void;

// The module (its interface, CpaModule, is in shell/page-globals.ts: the page holds it too).
declare var Module: CpaModule;

// Each library entry `$CpaX` of web/lib_*.js is the global CpaX inside cpa.js.
declare var CpaA11y: typeof LibraryCpaA11y.$CpaA11y;
declare var CpaExit: typeof LibraryCpaExit.$CpaExit;
declare var CpaCore: typeof LibraryCpaHeap.$CpaCore;
declare var CpaAssets: typeof LibraryCpaHeap.$CpaAssets;
declare var CpaMirror: typeof LibraryCpaMirror.$CpaMirror;
declare var CpaPage: typeof LibraryCpaPlatform.$CpaPage;
declare var CpaWake: typeof LibraryCpaPlatform.$CpaWake;
declare var CpaSettings: typeof LibraryCpaSettings.$CpaSettings;
declare var CpaShare: typeof LibraryCpaShare.$CpaShare;
declare var CpaStore: typeof LibraryCpaStorage.$CpaStore;
// web/store.mjs made into a library entry (tools/js_library_from_module.mjs): its exports.
declare var CpaStoreModule: () => typeof import('./store.mjs');

// The core's EMSCRIPTEN_KEEPALIVE functions the libraries call (src/platform/web/entry_points.cpp,
// src/app/main_web.cpp); a uint32 or an int is a number, a double a number.
declare function _cpa_activate(id: number): void;
declare function _cpa_focus(id: number): void;
declare function _cpa_text_focus(id: number): void;
declare function _cpa_scroll_by(dy: number): void;
declare function _cpa_resized(): void;
declare function _cpa_display_changed(): void;
declare function _cpa_quick_exit_key(shiftAlone: number, nowMs: number): void;
declare function _cpa_kiosk_wake(nowMs: number): void;
declare function _cpa_kiosk_restored(nowMs: number): void;
declare function _cpa_page_visibility(hidden: number): void;
declare function _cpa_fonts_loaded(ok: number): void;
