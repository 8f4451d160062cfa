// ESLint for our JavaScript (./cpa lint runs it): eslint's recommended rules plus a few that catch
// real bugs.  Each kind of file is told the globals it really has, and no more.
import { readFileSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';

const read = (dir, pattern) => readdirSync(dir).filter((f) => pattern.test(f)).map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const names = (texts, pattern) => Object.fromEntries(texts.flatMap((t) => [...t.matchAll(pattern)].map((m) => [m[1], 'readonly'])));

// web/lib_*.js are Emscripten JS libraries, linked into cpa.js.  What they may name:
const emscripten = {
  // the runtime, and what CMakeLists.txt exports to them (EXPORTED_FUNCTIONS, _RUNTIME_METHODS)
  ...names(['mergeInto LibraryManager Module HEAPU8 HEAPU32 HEAPF32 UTF8ToString stringToUTF8 lengthBytesUTF8 _malloc _free'], /(\S+)/g),
  // each library entry `$CpaX: ...` of web/lib_*.js is the global CpaX inside cpa.js; CpaStoreModule
  // is web/store.mjs made into one (tools/js_library_from_module.mjs, named in CMakeLists.txt)
  ...names(read('web', /^lib_.*\.js$/), /^ {2}\$([A-Za-z][A-Za-z0-9]*)\s*:/gm),
  ...names(read('.', /^CMakeLists\.txt$/), /js_library_from_module\.mjs\s.*\s+(\w+) \$\{/g),
  // the core's C functions the page calls, `_name` for each EMSCRIPTEN_KEEPALIVE one
  ...names([...read('src/platform/web', /\.cpp$/), ...read('src/app', /^main_web\.cpp$/)], /EMSCRIPTEN_KEEPALIVE[^(;{]*?\b(?=cpa_)(\w+)\s*\(/g),
};
for (const name of Object.keys(emscripten)) if (/^cpa_/.test(name)) { emscripten['_' + name] = 'readonly'; delete emscripten[name]; }

const catchesBugs = {
  // A catch that does not need its error still names it: the shell's scripts run in every browser
  // the plain page serves, and cpa.js passes through Emscripten 3.1.6's JS optimizer, so neither
  // takes ES2019's `catch {` for granted.
  'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
  eqeqeq: ['error', 'smart'],
  'no-shadow': 'error',
};

export default [
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'third_party/**', 'tests/vectors/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  { rules: catchesBugs },
  {
    files: ['web/lib_*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, ...emscripten } },
  },
  {
    // Plain browser scripts of the page (index.html loads guard.js, then loader.js), sharing its
    // global scope: what they make global is on purpose (window.cpaGuard).  The two workers below
    // each have a global scope of their own, which nothing else shares.
    files: ['shell/guard.js', 'shell/loader.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: { 'no-implicit-globals': 'error' },
  },
  {
    files: ['shell/watchdog.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.worker } },
  },
  {
    // The service worker; the site tool writes the release and the list of files in for
    // __RELEASE__ (a string) and __PRECACHE__ (an array) when it builds the site.
    files: ['shell/sw.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker, __PRECACHE__: 'readonly' } },
  },
  {
    // web/store.mjs runs in the page (inside cpa.js) and in Node's tests: it is handed what it uses.
    files: ['web/store.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals['shared-node-browser'] } },
  },
  {
    files: ['web/serve.mjs', 'tools/**/*.mjs', 'tests/**/*.mjs', 'docs/research/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Browser tests and benches: the functions they hand to page.evaluate run in the page.
    // The fault study's browser tests (docs/research/issue-25-faults/) are kept to be run again.
    files: ['tests/e2e/**/*.mjs', 'tests/engines/**/*.mjs', 'tests/bench/**/*.mjs', 'docs/research/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
