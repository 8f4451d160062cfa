#pragma once
// Fuzz target: core/inflate, the DEFLATE decoder a compressed share link goes through (./cpa fuzz).
// The same body serves the libFuzzer binary (fuzz_inflate.cpp) and the unit test that replays
// tests/fuzz/regressions/inflate/ (tests/unit/test_fuzz_regressions.cpp).
#include <cstddef>
#include <string_view>

#include "core/support/inflate.hpp"
#include "fuzz_check.hpp"

namespace cpa::fuzz {

inline void fuzz_inflate(std::string_view input) {
  using namespace cpa::core;
  constexpr std::size_t kLimit = 256 * 1024;  // a bomb costs each run no more than this
  const auto result = inflate_raw(input, kLimit);
  FUZZ_CHECK(result.output.size() <= kLimit);
  if (!result.ok()) {
    FUZZ_CHECK(result.output.empty());
    return;
  }
  // The limit is exact: the same output at exactly its size, and too large at one byte less.
  const auto exact = inflate_raw(input, result.output.size());
  FUZZ_CHECK(exact.ok() && exact.output == result.output);
  if (!result.output.empty())
    FUZZ_CHECK(inflate_raw(input, result.output.size() - 1).status == InflateStatus::too_large);
  // A stream that opens is whole: without its last byte it is damaged.
  if (!input.empty())
    FUZZ_CHECK(inflate_raw(input.substr(0, input.size() - 1), kLimit).status == InflateStatus::damaged);
}

}  // namespace cpa::fuzz
