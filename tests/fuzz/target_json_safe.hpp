#pragma once
// Fuzz target: core/json_safe, the gate every outside JSON passes (./cpa fuzz).
// The same body serves the libFuzzer binary (fuzz_json_safe.cpp) and the unit test that replays
// tests/fuzz/regressions/json_safe/ (tests/unit/test_fuzz_regressions.cpp).
#include <string_view>

#include "core/support/json_safe.hpp"
#include "fuzz_check.hpp"

namespace cpa::fuzz {

inline void fuzz_json_safe(std::string_view input) {
  using namespace cpa::core;
  const std::string_view text = input;
  const auto safe = cpa::core::parse_untrusted(text);
  if (safe.ok()) {
    FUZZ_CHECK(!safe.value.is_discarded());
    (void)safe.value.dump();
  } else {
    FUZZ_CHECK(safe.value.is_discarded());
  }
  const auto key = cpa::core::printable_key(text);
  FUZZ_CHECK(key.size() <= 64 * 4);  // bounded, whatever the input
  for (unsigned char c : key) FUZZ_CHECK(c >= 0x20 && c < 0x7f);
}

}  // namespace cpa::fuzz
