// What shell/sw.js names that a service worker does not have, for the type check
// (shell/tsconfig.json).  Declarations only (a .ts file for the reason ../web/emscripten-globals.ts gives).

// The site's files, written in for __PRECACHE__ when the site is built (write_service_worker in
// tools/cpa-lib.sh).
declare global {
  const __PRECACHE__: string[];
}
export {};  // a module (shell/tsconfig.json makes every file one), so the global is declared above
