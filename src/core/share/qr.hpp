#pragma once
// A QR code for a piece of text (a share link, a kiosk's address), made by Nayuki's qrcodegen.
// The matrix is plain data: the UI draws it as squares, tests read it back.
#include <optional>
#include <string_view>
#include <vector>

namespace cpa::core {

struct QrMatrix {
  int version = 0;         // 1..40
  int size = 0;            // modules a side: 17 + 4 * version
  std::vector<bool> dark;  // row by row
  bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
  }
};

// Byte mode, the smallest version that fits at low error correction, then the error correction
// raised as far as that version allows.  A code on a screen is scanned clean: the smallest
// version (the biggest modules) scans more surely than extra correction would.  nullopt when the text is too long for
// any QR code.
std::optional<QrMatrix> make_qr(std::string_view text);

}  // namespace cpa::core
