// libFuzzer target: core/json_safe, the gate every outside JSON passes (./cpa fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/json_safe.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
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
  return 0;
}
