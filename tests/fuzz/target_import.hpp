#pragma once
// Fuzz target: the records import parser, core::check_import (a file the person loads).
// The same body serves the libFuzzer binary (fuzz_import.cpp) and the unit test that replays
// tests/fuzz/regressions/import/ (tests/unit/test_fuzz_regressions.cpp).
#include <string_view>

#include "core/plans/records/records_store.hpp"
#include "fuzz_check.hpp"
#include "fuzz_content_data.hpp"

namespace cpa::fuzz {

inline void fuzz_import(std::string_view input) {
  using namespace cpa::core;
  const std::string_view text = input;
  const auto result = cpa::core::check_import(text);
  // A clear outcome: ok with no problems, or not ok with at least one problem in words and
  // no records handed back.
  if (result.ok()) {
    FUZZ_CHECK(result.problems.empty());
    // What imports, exports and imports again unchanged.
    const auto again = cpa::core::check_import(cpa::core::export_text(result.records, "2026-01-01T00:00:00Z"));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.records == result.records);
  } else {
    FUZZ_CHECK(result.records.empty());
    FUZZ_CHECK(!result.problems.empty());
  }
  for (const auto& problem : result.problems) {
    const auto words = cpa::core::render_problem(cpa::fuzz::real_content(), problem);
    FUZZ_CHECK(!words.empty() && words.size() < 2000);  // a message a person can read, not an echo
  }
}

}  // namespace cpa::fuzz
