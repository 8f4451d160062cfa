#pragma once
// Fuzz target: the store loader, core::open_store_record (what IndexedDB held) and
// core::decode_document (the document inside the envelope).
// The same body serves the libFuzzer binary (fuzz_store.cpp) and the unit test that replays
// tests/fuzz/regressions/store/ (tests/unit/test_fuzz_regressions.cpp).
#include <string_view>

#include "core/plans/records/records_store.hpp"
#include "fuzz_check.hpp"
#include "fuzz_content_data.hpp"

namespace cpa::fuzz {

namespace store_detail {
using namespace cpa::core;
inline void check_outcome(const DecodeResult& result) {
  if (result.ok()) {
    FUZZ_CHECK(result.problems.empty());
  } else {
    FUZZ_CHECK(result.records.empty());
    FUZZ_CHECK(!result.problems.empty());
  }
  for (const auto& problem : result.problems) {
    const auto words = render_problem(cpa::fuzz::real_content(), problem);
    FUZZ_CHECK(!words.empty() && words.size() < 2000);
  }
}
}  // namespace store_detail

inline void fuzz_store(std::string_view input) {
  using namespace cpa::core;
  using namespace store_detail;
  const std::string_view text = input;
  const auto opened = open_store_record(text);
  check_outcome(opened);
  if (opened.ok()) {
    // What opened is saved and opens again unchanged.
    const auto again = open_store_record(store_record(opened.records, opened.saved_at));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.records == opened.records);
  }
  // The same bytes as a bare document, and sealed as the store would seal them.
  check_outcome(decode_document(text, DocumentCheck::store));
  const auto sealed = open_store_record(seal_store_record(text));
  check_outcome(sealed);
  FUZZ_CHECK(sealed.status != DecodeStatus::empty);
}

}  // namespace cpa::fuzz
