// What the page's own scripts put on window, for the type check (tsconfig.json): shell/guard.js,
// shell/loader.js, cpa.js (web/lib_*.js) and the tests that read them.
// Declarations only (a .ts file for the reason web/emscripten-globals.ts gives).

// The module: the options shell/loader.js hands to createCpaModule, which Emscripten makes the
// module itself (its cpa* fields are ours), with the core's exported C functions on it.
interface CpaModule {
  cpaAssets?: Record<string, Uint8Array>;  // web/lib_heap.js: the files the core takes by URL
  cpaStopped?: boolean;                     // shell/guard.js: nothing calls into the core again
  cpaFault?: (where: string, error: unknown) => void;
  onAbort?: (what: unknown) => void;
  instantiateWasm?: (imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
  printErr?: (message: string) => void;
  _malloc?: (size: number) => number;
  _free?: (ptr: number) => void;
  [core: `_cpa_${string}`]: ((...args: (number | string)[]) => any) | undefined;
}

// One node of the semantic tree the app records each frame (src/ui/widgets/semantics.cpp writes
// it as JSON); web/lib_mirror.js makes each a DOM element.
interface CpaSemanticNode {
  id: number;
  role: string;
  name: string;
  x: number; y: number; w: number; h: number;
  clip?: [number, number, number, number];
  href?: string;
  value?: string; itype?: string; ac?: string; fs?: number; px?: number; py?: number; invalid?: boolean;
  level?: number;
  disabled?: boolean;
  checked?: boolean;
  expanded?: boolean;
  lm?: 'banner';
  parent?: number;
  describedby?: number[];
  live?: string;
  hidden?: boolean;
  submit?: boolean;
  now?: number;
  lang?: string;
}
interface CpaSemantics {
  title: string;
  lang: string;
  depth: number;
  nodes: CpaSemanticNode[];
}

interface Window {
  // shell/guard.js: stops the app on any fault, and says so on the plain page.
  cpaGuard?: {
    attach(module: CpaModule): void;
    halt(why: string, error?: unknown): void;
    say(key: string): void;
    STALL_MS: number;
  };
  // shell/loader.js: the plain page's reading of the fallback record (the tests use it too).
  cpaFallback?: {
    fnv1a64(value: string): string;
    openRecord(stored: unknown): { locked: boolean, sections: unknown[] } | null;
  };
  // cpa.js (Emscripten's MODULARIZE factory, EXPORT_NAME in CMakeLists.txt).
  createCpaModule(options: CpaModule): Promise<CpaModule>;
  // web/lib_mirror.js: the tree the mirror last showed.
  cpaSemantics?: CpaSemantics;
}

// Safari on an iPhone or iPad: true when the page was opened from the home screen.
interface Navigator {
  standalone?: boolean;
}

// Not yet in TypeScript's lib: what a C++ exception thrown out of the core is (WebAssembly
// exception handling); shell/guard.js names it.
declare namespace WebAssembly {
  class Exception {
    private constructor();
  }
}

// The page's own events on window, each with what it carries.
interface WindowEventMap {
  'cpa-ready': Event;                 // the app drew its first frame (web/lib_platform.js)
  'cpa-failed': CustomEvent<string>;  // the app could not start, or stopped: why (shell/guard.js, loader.js)
  'cpa-open-url': CustomEvent<string>;    // a link the app opened (web/lib_platform.js)
  'cpa-print': CustomEvent<string>;       // the page sent to print: its title
  'cpa-quick-exit': CustomEvent<string>;  // quick exit, leaving for this address (web/lib_exit.js)
  'cpa-visit-cleared': Event;         // a kiosk visit is over (web/lib_platform.js)
}
