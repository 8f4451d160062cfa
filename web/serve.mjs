// @ts-check
// Serves the built site on 127.0.0.1 with exactly the headers production uses (dist/_headers,
// the Netlify / Cloudflare Pages format).  Used by ./cpa serve, the e2e tests and ./cpa bench.
//   node web/serve.mjs --root dist [--port 8080] [--quiet]
// As a static host does (nginx's gzip_static / brotli_static): a file's precompressed copy that
// ./cpa build wrote beside it (x.br, x.gz) is sent to a browser that accepts it, brotli first;
// every response has an ETag, and a revalidation that matches gets 304 with no body.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return pairs;
}, []));
const root = path.resolve(args.root || 'dist');
const port = Number(args.port ?? 8080);

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};
// The encodings a browser accepts, by the Accept-Encoding header's names (q=0 refuses one).
function accepted(header) {
  const names = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) names.add(name);
  }
  return names;
}

// The copy to send: [body, encoding or null].  Only copies ./cpa build wrote are used.
/** @returns {Promise<[Buffer, string|null]>} */
async function chooseBody(file, acceptEncoding) {
  const names = accepted(acceptEncoding);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!names.has(encoding)) continue;
    try { return [await readFile(file + suffix), encoding]; } catch { /* no such copy */ }
  }
  return [await readFile(file), null];
}

// _headers: a path pattern on its own line, then indented "Name: value" lines.
function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: line.trim(), headers: [] }); continue; }
    const at = line.indexOf(':');
    if (rules.length && at > 0) rules[rules.length - 1].headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return rules;
}
function matches(pattern, urlPath) {
  if (pattern.endsWith('*')) return urlPath.startsWith(pattern.slice(0, -1));
  return urlPath === pattern;
}

let rules = [];
try { rules = parseHeaders(await readFile(path.join(root, '_headers'), 'utf8')); } catch { /* no headers file */ }

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    let urlPath = decodeURIComponent(url.pathname);
    if (urlPath.endsWith('/')) urlPath += 'index.html';
    const file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root + path.sep) || path.basename(file) === '_headers') throw Object.assign(new Error(), { code: 'ENOENT' });
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error(), { code: 'ENOENT' });
    const [body, encoding] = await chooseBody(file, req.headers['accept-encoding']);
    const type = types[path.extname(file)] || 'application/octet-stream';
    for (const rule of rules) if (matches(rule.pattern, urlPath) || matches(rule.pattern, url.pathname)) {
      for (const [name, value] of rule.headers) res.setHeader(name, value);
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const etag = '"' + createHash('sha256').update(body).digest('base64url').slice(0, 22) + '"';
    res.setHeader('ETag', etag);
    if ((req.headers['if-none-match'] || '').split(',').map((t) => t.trim().replace(/^W\//, '')).includes(etag)) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    const status = e.code === 'ENOENT' || e.code === 'ENOTDIR' ? 404 : 500;
    for (const rule of rules) if (rule.pattern === '/*') for (const [name, value] of rule.headers) res.setHeader(name, value);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(status === 404 ? 'Not found\n' : 'Server error\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`;
  if (!args.quiet) console.log(`CPA Companion is being served at ${address}  (Ctrl+C stops it)`);
  if (process.send) process.send({ address });
});
