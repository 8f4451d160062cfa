// What the browser tests know of the app without a browser: where the repository is, its
// content files, and the links crisis lines must have.  Shared by the Chromium tests
// (support.mjs) and the cross-engine journeys (tests/engines/), which run outside Playwright Test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots');

export function readContent(relative) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'content', relative), 'utf8'));
}

// A locale's crisis lines ('crisis_lines.json', list 'lines') or routes for people who cannot make
// a voice call ('access_routes.json', list 'routes') as the app shows them: each id's words from
// the locale's file, with its number, address and nations from content/common/ (written once).
export function joinedContent(file, locale = 'en-GB') {
  const list = file === 'crisis_lines.json' ? 'lines' : 'routes';
  const words = readContent(`${locale}/${file}`), data = readContent(`common/${file}`);
  const byId = new Map(data[list].map((item) => [item.id, item]));
  return { ...words, [list]: words[list].map((item) => ({ ...byId.get(item.id), ...item })) };
}

// The href a crisis line must have, worked out here independently of the C++ code.
export function expectedHref(line) {
  const digits = line.number.replace(/[^0-9+]/g, '');
  if (line.action === 'text') return `sms:${digits}` + (line.text_body ? `?body=${encodeURIComponent(line.text_body)}` : '');
  return `tel:${digits}`;
}
