// libFuzzer entry: see target_inflate.hpp (./cpa fuzz).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "target_inflate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cpa::fuzz::fuzz_inflate(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
