#pragma once
// What a content or deployment load found wrong, for tests that feed it a broken file.
#include <algorithm>
#include <string>

#include "core/content/content.hpp"

namespace cpa::test {

// A problem in that file and field whose message holds those words.
inline bool has_problem_in(const core::ContentLoad& loaded, const std::string& file, const std::string& field,
                           const std::string& words = "") {
  return std::any_of(loaded.problems.begin(), loaded.problems.end(), [&](const core::ContentProblem& p) {
    return p.file == file && p.field == field && p.message.find(words) != std::string::npos;
  });
}

// Every problem, a line each (for a failing check's message).
inline std::string problems_text(const core::ContentLoad& loaded) {
  std::string out;
  for (const auto& p : loaded.problems) out += p.to_string() + "\n";
  return out;
}

}  // namespace cpa::test
