#pragma once
// Fuzz target: the store's other records, read back from the device as any bytes (issue 25):
// the locked record (core::is_locked_record, core::read_locked_record), the fallback record
// for the plain page (core::open_fallback_record) and a carer's kept copy (core::read_kept_copy).
// None may throw, trap or read a value as a type it does not have.
// The same body serves the libFuzzer binary (fuzz_store_others.cpp) and the unit test that
// replays tests/fuzz/regressions/store_others/ (tests/unit/test_fuzz_regressions.cpp).
#include <string_view>

#include "core/share/share.hpp"
#include "core/lock/store_lock.hpp"
#include "fuzz_check.hpp"

namespace cpa::fuzz {

inline void fuzz_store_others(std::string_view input) {
  using namespace cpa::core;
  if (const auto locked = read_locked_record(input)) {
    FUZZ_CHECK(is_lock_after_choice(locked->lock_after_minutes));
    // What was read is written the same way and reads back the same.
    const auto again = read_locked_record(locked_record_text(*locked));
    FUZZ_CHECK(again && again->data == locked->data && again->salt == locked->salt);
  }
  (void)is_locked_record(input);
  (void)lock_after_minutes(input);
  (void)open_fallback_record(input);
  if (const auto kept = read_kept_copy(input)) FUZZ_CHECK(read_kept_copy(kept_copy_document(*kept)) == kept);
}

}  // namespace cpa::fuzz
