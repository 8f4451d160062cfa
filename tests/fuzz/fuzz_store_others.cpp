// libFuzzer entry: see target_store_others.hpp (./cpa fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "target_store_others.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cpa::fuzz::fuzz_store_others(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
