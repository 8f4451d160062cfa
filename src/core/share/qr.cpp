#include "core/share/qr.hpp"

#include <qrcodegen/qrcodegen.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace cpa::core {

std::optional<QrMatrix> make_qr(std::string_view text) {
  // The C API works in two buffers of the largest code's size (3,918 bytes each): the text goes in
  // the first, which it also uses as scratch space; the code comes out in the second.
  if (text.size() > qrcodegen_BUFFER_LEN_MAX) return std::nullopt;
  std::array<std::uint8_t, qrcodegen_BUFFER_LEN_MAX> data{};
  std::array<std::uint8_t, qrcodegen_BUFFER_LEN_MAX> code{};
  std::memcpy(data.data(), text.data(), text.size());
  if (!qrcodegen_encodeBinary(data.data(), text.size(), code.data(), qrcodegen_Ecc_LOW, qrcodegen_VERSION_MIN,
                              qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, true))
    return std::nullopt;  // too long for any QR code
  QrMatrix out;
  out.size = qrcodegen_getSize(code.data());
  out.version = (out.size - 17) / 4;
  out.dark.reserve(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
  for (int y = 0; y < out.size; ++y)
    for (int x = 0; x < out.size; ++x) out.dark.push_back(qrcodegen_getModule(code.data(), x, y));
  return out;
}

}  // namespace cpa::core
