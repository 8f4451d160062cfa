// libFuzzer target: the store loader, core::open_store_record (what IndexedDB held) and
// core::decode_document (the document inside the envelope).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/records_store.hpp"
#include "fuzz_check.hpp"
#include "fuzz_content_data.hpp"

using namespace cpa::core;

namespace {
void check_outcome(const DecodeResult& result) {
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
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
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
  return 0;
}
