// The QR code of a share link, read back module by module by a small decoder written here from
// the QR standard (ISO/IEC 18004): format information, function patterns, the zigzag placement,
// the masks and the block interleaving.  If the matrix the app draws does not decode to the
// link, a carer's phone could not read it either.
#include <doctest/doctest.h>

#include <array>
#include <string>

#include "core/share/qr.hpp"
#include "core/share/share_codec.hpp"
#include "share_samples.hpp"

using namespace cpa;

namespace {

// Error correction codewords per block and number of blocks, by level (L, M, Q, H) and version.
constexpr int kEccPerBlock[4][41] = {
    {-1, 7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30}};
constexpr int kBlocks[4][41] = {{-1, 1, 1, 1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7, 8,
                                 8,  9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
                                {-1, 1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
                                 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
                                {-1, 1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
                                 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
                                {-1, 1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
                                 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81}};

std::vector<int> alignment_positions(int version, int size) {
  if (version == 1) return {};
  const int count = version / 7 + 2;
  const int step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
  std::vector<int> out(static_cast<std::size_t>(count));
  out[0] = 6;
  for (int i = count - 1, pos = size - 7; i >= 1; --i, pos -= step) out[static_cast<std::size_t>(i)] = pos;
  return out;
}

bool masked(int mask, int x, int y) {
  switch (mask) {
    case 0: return (x + y) % 2 == 0;
    case 1: return y % 2 == 0;
    case 2: return x % 3 == 0;
    case 3: return (x + y) % 3 == 0;
    case 4: return (x / 3 + y / 2) % 2 == 0;
    case 5: return x * y % 2 + x * y % 3 == 0;
    case 6: return (x * y % 2 + x * y % 3) % 2 == 0;
    default: return ((x + y) % 2 + x * y % 3) % 2 == 0;
  }
}

struct Decoded {
  int level = -1;  // 0 L, 1 M, 2 Q, 3 H
  std::string text;
};

Decoded decode(const core::QrMatrix& qr) {
  const int n = qr.size, version = (n - 17) / 4;
  REQUIRE(n == 17 + 4 * version);
  REQUIRE(version == qr.version);
  // Finder patterns: a 7x7 ring with a 3x3 centre, at three corners.
  for (auto [cx, cy] : std::array<std::pair<int, int>, 3>{{{3, 3}, {n - 4, 3}, {3, n - 4}}})
    for (int dy = -4; dy <= 4; ++dy)
      for (int dx = -4; dx <= 4; ++dx) {
        const int x = cx + dx, y = cy + dy;
        if (x < 0 || y < 0 || x >= n || y >= n) continue;
        const int ring = std::max(std::abs(dx), std::abs(dy));
        REQUIRE(qr.at(x, y) == (ring != 2 && ring != 4));
      }
  // Format information (the copy beside the top-left finder), BCH-checked.
  int bits = 0;
  for (int i = 0; i <= 5; ++i) bits |= qr.at(8, i) << i;
  bits |= qr.at(8, 7) << 6 | qr.at(8, 8) << 7 | qr.at(7, 8) << 8;
  for (int i = 9; i < 15; ++i) bits |= qr.at(14 - i, 8) << i;
  bits ^= 0x5412;
  const int data = bits >> 10;
  int rem = data;
  for (int i = 0; i < 10; ++i) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  REQUIRE((bits & 0x3FF) == (rem & 0x3FF));
  const int level = std::array<int, 4>{1, 0, 3, 2}[static_cast<std::size_t>(data >> 3)];
  const int mask = data & 7;

  // Which modules are function patterns.
  std::vector<bool> function(static_cast<std::size_t>(n * n), false);
  auto mark = [&](int x, int y) { function[static_cast<std::size_t>(y * n + x)] = true; };
  for (int i = 0; i < n; ++i) mark(6, i), mark(i, 6);
  for (int y = 0; y < 9; ++y)
    for (int x = 0; x < 9; ++x) mark(x, y);
  for (int y = 0; y < 9; ++y)
    for (int x = n - 8; x < n; ++x) mark(x, y);
  for (int y = n - 8; y < n; ++y)
    for (int x = 0; x < 9; ++x) mark(x, y);
  const auto align = alignment_positions(version, n);
  for (std::size_t i = 0; i < align.size(); ++i)
    for (std::size_t j = 0; j < align.size(); ++j) {
      const std::size_t last = align.size() - 1;
      if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) continue;
      for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) mark(align[i] + dx, align[j] + dy);
    }
  if (version >= 7)
    for (int i = 0; i < 6; ++i)
      for (int k = n - 11; k < n - 8; ++k) mark(i, k), mark(k, i);

  // The codewords, in the zigzag order, unmasked.
  std::vector<std::uint8_t> codewords;
  int bit_count = 0, byte = 0;
  for (int right = n - 1; right >= 1; right -= 2) {
    if (right == 6) right = 5;
    for (int vert = 0; vert < n; ++vert)
      for (int j = 0; j < 2; ++j) {
        const int x = right - j;
        const bool upward = ((right + 1) & 2) == 0;
        const int y = upward ? n - 1 - vert : vert;
        if (function[static_cast<std::size_t>(y * n + x)]) continue;
        byte = byte << 1 | (qr.at(x, y) != masked(mask, x, y));
        if (++bit_count % 8 == 0) {
          codewords.push_back(static_cast<std::uint8_t>(byte));
          byte = 0;
        }
      }
  }
  // De-interleave the data codewords from the blocks.
  const int blocks = kBlocks[level][version], ecc = kEccPerBlock[level][version];
  const int raw = static_cast<int>(codewords.size());
  const int short_blocks = blocks - raw % blocks, short_len = raw / blocks;
  // Short blocks skip the column where long blocks hold their extra data codeword.
  std::vector<std::vector<std::uint8_t>> in_block(static_cast<std::size_t>(blocks));
  std::size_t next = 0;
  for (int i = 0; i <= short_len; ++i)
    for (int b = 0; b < blocks; ++b)
      if (!(i == short_len - ecc && b < short_blocks))
        in_block[static_cast<std::size_t>(b)].push_back(codewords.at(next++));
  REQUIRE(next == codewords.size());
  std::vector<std::vector<std::uint8_t>> data_blocks;
  for (int b = 0; b < blocks; ++b) {
    const auto& block = in_block[static_cast<std::size_t>(b)];
    const int data_len = short_len - ecc + (b < short_blocks ? 0 : 1);
    data_blocks.emplace_back(block.begin(), block.begin() + data_len);
  }
  std::vector<std::uint8_t> stream;
  for (const auto& block : data_blocks) stream.insert(stream.end(), block.begin(), block.end());
  // One byte-mode segment.
  std::size_t pos = 0;
  auto read = [&](int count) {
    int v = 0;
    for (int i = 0; i < count; ++i, ++pos) v = v << 1 | ((stream.at(pos / 8) >> (7 - pos % 8)) & 1);
    return v;
  };
  REQUIRE(read(4) == 0b0100);
  const int length = read(version <= 9 ? 8 : 16);
  Decoded out{level, {}};
  for (int i = 0; i < length; ++i) out.text += static_cast<char>(read(8));
  return out;
}

}  // namespace

TEST_CASE("QR: a short link decodes back to itself, and more room buys more error correction") {
  const std::string link = "https://cpa.example/#share=1.0.eyJ2IjoxfQ.12345678";
  const auto qr = core::make_qr(link);
  REQUIRE(qr.has_value());
  const auto decoded = decode(*qr);
  CHECK(decoded.text == link);
  CHECK(decode(*core::make_qr("https://cpa.example/")).level == 2);  // quartile: what fits version 2
}

TEST_CASE("QR: a full crisis plan's link decodes back to itself, module for module") {
  std::vector<std::string> parts;
  for (const auto* part : core::share_parts()) parts.emplace_back(part->id);
  const std::string payload = core::share_payload(test::full_crisis_plan(), parts, "2026-11-23");
  const std::string link = core::share_link("https://cpa.example/", 0, core::base64url_encode(payload));
  const auto qr = core::make_qr(link);
  REQUIRE(qr.has_value());
  CHECK(decode(*qr).text == link);
}

TEST_CASE("QR: text longer than any QR code can hold gives no code, not a broken one") {
  CHECK_FALSE(core::make_qr(std::string(3000, 'a')).has_value());
  for (std::size_t length : {1u, 17u, 100u, 500u, 1200u}) {
    const std::string text(length, 'x');
    const auto qr = core::make_qr(text);
    REQUIRE(qr.has_value());
    CHECK(decode(*qr).text == text);
  }
}
