// @ts-check
// Makes an Emscripten JS library entry from a plain ES module of web/ (one that imports nothing),
// so the same file runs in Node's tests and inside cpa.js: `$Name()` returns the module's exports.
//   node tools/js_library_from_module.mjs web/store.mjs CpaStoreModule build/lib_store_module.js
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [source, name, out] = process.argv.slice(2);
if (!source || !name || !out) throw new Error('usage: js_library_from_module.mjs MODULE NAME OUT');
const text = readFileSync(source, 'utf8');
if (/^\s*import\s/m.test(text)) throw new Error(source + ' imports something: a library entry cannot');
// Emscripten 3.1.6's JS optimizer (acorn-optimizer.js) cannot walk an object spread and prints a
// destructuring for-of wrongly, so cpa.js would not link (or not parse): refused here, at once.
const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
const refused = [[/[{,]\s*\.\.\.[\w$]/, 'an object spread ({...x})'], [/\b(?:const|let|var)\s*[[{]/, 'a destructuring']];
for (const [pattern, what] of refused) {
  const found = code.match(pattern);
  if (found) throw new Error(`${source}: ${what} near "${found[0]}": Emscripten's JS optimizer cannot take it`);
}
const exported = [...text.matchAll(/^export\s+(?:async\s+)?(?:function|const|let|class)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
const body = text.replace(/^export\s+/gm, '');
writeFileSync(out, `// Generated from ${path.basename(source)} by tools/js_library_from_module.mjs: edit the module, not this.
mergeInto(LibraryManager.library, {
  $${name}: function () {
${body}
    return { ${exported.map((e) => `${e}: ${e}`).join(', ')} };
  },
});
`);
