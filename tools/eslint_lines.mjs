// ESLint formatter for ./cpa lint: one line a finding, "file:line:col: rule: message", paths from
// the repo root, so each reads like clang-tidy's and can be counted with grep.
import path from 'node:path';

export default function lines(results) {
  return results.flatMap((r) => r.messages.map((m) =>
    `${path.relative(process.cwd(), r.filePath)}:${m.line ?? 0}:${m.column ?? 0}: ${m.ruleId ?? 'parse'}: ${m.message}`)).join('\n');
}
