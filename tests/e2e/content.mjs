// @ts-check
// What the browser tests know of the app without a browser: where the repository is, its
// content files, and the links crisis lines must have.  Shared by the Chromium tests
// (support.mjs) and the cross-engine journeys (tests/engines/), which run outside Playwright Test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots');

const readJson = (relative) => JSON.parse(readFileSync(path.join(repoRoot, 'content', relative), 'utf8'));

// A locale's crisis_lines.json and access_routes.json hold only words; the numbers, addresses and
// nations are in common/ (one place for every locale).  Joined by id, as the app's loader does.
const JOINED = { 'crisis_lines.json': 'lines', 'access_routes.json': 'routes' };

export function readContent(relative) {
  const content = readJson(relative);
  const name = path.basename(relative);
  const list = JOINED[name];
  if (!list || relative.startsWith('common/')) return content;
  const data = readJson(`common/${name}`);
  const words = new Map(content[list].map((entry) => [entry.id, entry]));
  const joined = { ...content, [list]: data[list].map((entry) => ({ ...entry, ...words.get(entry.id) })) };
  if (data.sms_registration) joined.sms_registration = { ...data.sms_registration, ...content.sms_registration };
  return joined;
}

// The href a crisis line must have, worked out here independently of the C++ code.
export function expectedHref(line) {
  const digits = line.number.replace(/[^0-9+]/g, '');
  if (line.action === 'text') return `sms:${digits}` + (line.text_body ? `?body=${encodeURIComponent(line.text_body)}` : '');
  return `tel:${digits}`;
}
