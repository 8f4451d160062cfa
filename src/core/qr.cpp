#include "core/qr.hpp"

#include <qrcodegen/qrcodegen.hpp>

#include <cstdint>

namespace cpa::core {

std::optional<QrMatrix> make_qr(std::string_view text) {
  const std::vector<std::uint8_t> bytes(text.begin(), text.end());
  try {
    const auto code =
        qrcodegen::QrCode::encodeSegments({qrcodegen::QrSegment::makeBytes(bytes)}, qrcodegen::QrCode::Ecc::LOW);
    QrMatrix out;
    out.version = code.getVersion();
    out.size = code.getSize();
    out.dark.reserve(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
    for (int y = 0; y < out.size; ++y)
      for (int x = 0; x < out.size; ++x) out.dark.push_back(code.getModule(x, y));
    return out;
  } catch (const qrcodegen::data_too_long&) {
    return std::nullopt;
  }
}

}  // namespace cpa::core
