// @ts-check
// ESLint formatter for ./cpa lint: one line a finding, "file:line:col: rule: message", paths from
// the repo root (as clang-tidy's read), then "eslint checked N files" for the summary.
import path from 'node:path';

export default function lines(results) {
  const findings = results.flatMap((r) => r.messages.map((m) =>
    `${path.relative(process.cwd(), r.filePath)}:${m.line ?? 0}:${m.column ?? 0}: ${m.ruleId ?? 'parse'}: ${m.message}`));
  return [...findings, `eslint checked ${results.length} files`].join('\n');
}
