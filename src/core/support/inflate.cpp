#include "core/support/inflate.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace cpa::core {
namespace {

constexpr unsigned kMaxCodeBits = 15;  // RFC 1951 3.2.7: no code is longer
constexpr unsigned kFastBits = 9;      // codes this short (nearly all) decode with one look-up
constexpr std::size_t kLitLenSymbols = 288, kDistSymbols = 32, kCodeLengthSymbols = 19;
constexpr std::size_t kMaxLitLenSent = 286, kMaxDistSent = 30;  // a dynamic header may send no more
constexpr std::size_t kFirstBuffer = 4096;                      // small links need one allocation

// RFC 1951 3.2.5: the base and extra bits of length codes 257..285 and distance codes 0..29.
constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                                     33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                                     1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                     6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// RFC 1951 3.2.7: the order a dynamic header sends the code length code's lengths in.
constexpr std::array<std::uint8_t, kCodeLengthSymbols> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                                           11, 4,  12, 3, 13, 2, 14, 1, 15};

// The input as a stream of bits, least significant bit of each byte first (RFC 1951 3.1.1).
// Up to 64 bits are held, so a code and its extra bits usually need one refill.
class InflateBits {
 public:
  explicit InflateBits(std::string_view in) : in_(in) {}

  void refill() {
    while (held_ <= 56 && pos_ < in_.size()) {
      bits_ |= std::uint64_t{static_cast<unsigned char>(in_[pos_++])} << held_;
      held_ += 8;
    }
  }
  unsigned held() const { return held_; }
  // The next n bits (n < 32); bits past the end of the input read as 0 (callers check held()).
  std::uint32_t peek(unsigned n) const { return static_cast<std::uint32_t>(bits_ & ((std::uint64_t{1} << n) - 1)); }
  void drop(unsigned n) {
    bits_ >>= n;
    held_ -= n;
  }
  // False when the input ends first.
  bool read(unsigned n, std::uint32_t& value) {
    if (held_ < n) refill();
    if (held_ < n) return false;
    value = peek(n);
    drop(n);
    return true;
  }
  // A stored block, and the end of the stream, start on a byte boundary.
  void align() { drop(held_ % 8); }
  // Whole bytes not yet read, once aligned.
  std::size_t bytes_left() const { return held_ / 8 + (in_.size() - pos_); }
  // Takes n whole bytes, once aligned; the caller has checked bytes_left().
  void take_bytes(char* to, std::size_t n) {
    for (; n > 0 && held_ >= 8; --n) {
      *to++ = static_cast<char>(bits_ & 0xffu);
      drop(8);
    }
    if (n == 0) return;
    std::memcpy(to, in_.data() + pos_, n);
    pos_ += n;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::uint64_t bits_ = 0;  // bits above held_ are always 0
  unsigned held_ = 0;
};

// A canonical Huffman code (RFC 1951 3.2.2).  Codes up to kFastBits long decode with one look-up
// in `fast`; longer ones (rare) are walked one length at a time from the counts.
struct HuffmanCode {
  std::array<std::uint16_t, std::size_t{1} << kFastBits> fast{};  // symbol << 4 | length; 0: longer, or no code
  std::array<std::uint16_t, kMaxCodeBits + 1> count{};            // how many codes have each length
  std::array<std::uint16_t, kLitLenSymbols> symbols{};            // the symbols in code order
};

std::uint32_t reverse_bits(std::uint32_t value, unsigned n) {
  std::uint32_t out = 0;
  for (unsigned i = 0; i < n; ++i, value >>= 1) out = (out << 1) | (value & 1u);
  return out;
}

// Builds the code for these lengths (0: the symbol is not used).  False when they make no code
// zlib would accept: over-subscribed, or incomplete except for one one-bit code or none (which
// only literal/length and distance codes may be).
bool build_code(HuffmanCode& code, std::span<const std::uint8_t> lengths, bool lone_code_allowed) {
  code.count.fill(0);
  for (const auto length : lengths) ++code.count[length];
  code.count[0] = 0;
  int left = 1;  // codes still free at the current length
  unsigned longest = 0;
  for (unsigned length = 1; length <= kMaxCodeBits; ++length) {
    left = left * 2 - code.count[length];
    if (left < 0) return false;
    if (code.count[length] > 0) longest = length;
  }
  if (left > 0 && !(lone_code_allowed && longest <= 1)) return false;

  std::array<std::uint16_t, kMaxCodeBits + 2> next{};  // where each length's symbols go in `symbols`
  for (unsigned length = 1; length <= kMaxCodeBits; ++length)
    next[length + 1] = static_cast<std::uint16_t>(next[length] + code.count[length]);
  for (std::size_t symbol = 0; symbol < lengths.size(); ++symbol)
    if (lengths[symbol] > 0) code.symbols[next[lengths[symbol]]++] = static_cast<std::uint16_t>(symbol);

  // Each short code fills every table slot whose low bits are that code, sent first bit lowest.
  code.fast.fill(0);
  std::uint32_t first = 0;  // the first code of this length
  std::size_t index = 0;    // its symbol's place in `symbols`
  for (unsigned length = 1; length <= kFastBits; ++length) {
    for (std::uint32_t k = 0; k < code.count[length]; ++k) {
      const auto entry = static_cast<std::uint16_t>(code.symbols[index + k] << 4 | length);
      for (std::size_t slot = reverse_bits(first + k, length); slot < code.fast.size();
           slot += std::size_t{1} << length)
        code.fast[slot] = entry;
    }
    index += code.count[length];
    first = (first + code.count[length]) << 1;
  }
  return true;
}

// A code longer than kFastBits (or no code at all): codes of each length are consecutive
// numbers, read first bit highest, so the counts alone find the symbol.
int decode_long(InflateBits& bits, const HuffmanCode& code) {
  std::uint32_t value = 0, first = 0, index = 0;
  for (unsigned length = 1; length <= kMaxCodeBits && length <= bits.held(); ++length) {
    value = (value << 1) | ((bits.peek(length) >> (length - 1)) & 1u);
    const std::uint32_t count = code.count[length];
    if (value < first + count) {
      bits.drop(length);
      return code.symbols[index + value - first];
    }
    index += count;
    first = (first + count) << 1;
  }
  return -1;
}

// The next symbol, or -1 when the input ends inside its code or the bits are no code at all.
inline int decode(InflateBits& bits, const HuffmanCode& code) {
  if (bits.held() < kMaxCodeBits) bits.refill();
  const unsigned entry = code.fast[bits.peek(kFastBits)];
  if (entry == 0) return decode_long(bits, code);
  const unsigned length = entry & 15u;
  if (length > bits.held()) return -1;
  bits.drop(length);
  return static_cast<int>(entry >> 4);
}

HuffmanCode fixed_code(std::span<const std::uint8_t> lengths) {
  HuffmanCode code;
  build_code(code, lengths, true);
  return code;
}

// RFC 1951 3.2.6: the fixed codes, built once.  Literal/length symbols 286-287 and distance
// symbols 30-31 have codes here but are refused when they appear.
const HuffmanCode& fixed_litlen() {
  static const HuffmanCode code = [] {
    std::array<std::uint8_t, kLitLenSymbols> lengths{};
    std::fill(lengths.begin(), lengths.begin() + 144, 8);
    std::fill(lengths.begin() + 144, lengths.begin() + 256, 9);
    std::fill(lengths.begin() + 256, lengths.begin() + 280, 7);
    std::fill(lengths.begin() + 280, lengths.end(), 8);
    return fixed_code(lengths);
  }();
  return code;
}

const HuffmanCode& fixed_dist() {
  static const HuffmanCode code = [] {
    std::array<std::uint8_t, kDistSymbols> lengths{};
    lengths.fill(5);
    return fixed_code(lengths);
  }();
  return code;
}

class Inflater {
 public:
  Inflater(std::string_view in, std::size_t max_output) : bits_(in), max_(max_output) {}

  InflateStatus run() {
    std::uint32_t last = 0;
    while (last == 0) {
      std::uint32_t type = 0;
      if (!bits_.read(1, last) || !bits_.read(2, type)) return InflateStatus::damaged;
      InflateStatus status = InflateStatus::damaged;  // type 3 is reserved
      if (type == 0) status = stored_block();
      if (type == 1) status = huffman_block(fixed_litlen(), fixed_dist());
      if (type == 2) status = dynamic_block();
      if (status != InflateStatus::ok) return status;
    }
    bits_.align();
    return bits_.bytes_left() == 0 ? InflateStatus::ok : InflateStatus::damaged;
  }

  std::string output() const { return {out_.data(), size_}; }

 private:
  // Makes space for n more bytes; false when they would pass the limit.
  bool room(std::size_t n) { return n <= out_.size() - size_ || grow(n); }
  // The buffer doubles, but never past the limit, so a stream that would inflate to megabytes
  // costs max_ bytes at most.  (out_.size() <= max_, so room()'s quick test is within the limit.)
  bool grow(std::size_t n) {
    if (n > max_ - size_) return false;
    const std::size_t want = std::min(max_, std::max({size_ + n, 2 * out_.size(), kFirstBuffer}));
    out_.reserve(want);  // exactly this much: resize alone may round up past the limit
    out_.resize(want);
    return true;
  }

  InflateStatus stored_block() {
    bits_.align();
    std::uint32_t length = 0, check = 0;
    if (!bits_.read(16, length) || !bits_.read(16, check)) return InflateStatus::damaged;
    if ((length ^ 0xffffu) != check || bits_.bytes_left() < length) return InflateStatus::damaged;
    if (!room(length)) return InflateStatus::too_large;
    bits_.take_bytes(out_.data() + size_, length);
    size_ += length;
    return InflateStatus::ok;
  }

  // RFC 1951 3.2.7: the block's own codes, themselves sent with a code length code.
  InflateStatus dynamic_block() {
    std::uint32_t lit_sent = 0, dist_sent = 0, code_lengths_sent = 0;
    if (!bits_.read(5, lit_sent) || !bits_.read(5, dist_sent) || !bits_.read(4, code_lengths_sent))
      return InflateStatus::damaged;
    const std::size_t lits = lit_sent + 257, dists = dist_sent + 1, total = lits + dists;
    if (lits > kMaxLitLenSent || dists > kMaxDistSent) return InflateStatus::damaged;

    std::array<std::uint8_t, kCodeLengthSymbols> code_lengths{};
    for (std::size_t i = 0; i < code_lengths_sent + 4; ++i) {
      std::uint32_t length = 0;
      if (!bits_.read(3, length)) return InflateStatus::damaged;
      code_lengths[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(length);
    }
    HuffmanCode length_code;
    if (!build_code(length_code, code_lengths, false)) return InflateStatus::damaged;

    std::array<std::uint8_t, kMaxLitLenSent + kMaxDistSent> lengths{};
    for (std::size_t i = 0; i < total;) {
      const int symbol = decode(bits_, length_code);
      if (symbol < 0) return InflateStatus::damaged;
      if (symbol < 16) {
        lengths[i++] = static_cast<std::uint8_t>(symbol);
        continue;
      }
      // 16 repeats the previous length 3-6 times; 17 and 18 give 3-10 and 11-138 zeros.
      if (symbol == 16 && i == 0) return InflateStatus::damaged;
      const std::uint8_t value = symbol == 16 ? lengths[i - 1] : 0;
      const unsigned extra_bits = symbol == 16 ? 2 : symbol == 17 ? 3 : 7;
      std::uint32_t extra = 0;
      if (!bits_.read(extra_bits, extra)) return InflateStatus::damaged;
      const std::size_t repeat = (symbol == 18 ? 11 : 3) + extra;
      if (repeat > total - i) return InflateStatus::damaged;
      std::fill_n(lengths.begin() + static_cast<std::ptrdiff_t>(i), repeat, value);
      i += repeat;
    }
    if (lengths[256] == 0) return InflateStatus::damaged;  // the block could never end

    const std::span<const std::uint8_t> all(lengths.data(), total);
    HuffmanCode litlen, dist;
    if (!build_code(litlen, all.first(lits), true) || !build_code(dist, all.subspan(lits), true))
      return InflateStatus::damaged;
    return huffman_block(litlen, dist);
  }

  // RFC 1951 3.2.5: literals, and copies of earlier output, up to the end-of-block code.
  InflateStatus huffman_block(const HuffmanCode& litlen, const HuffmanCode& dist) {
    for (;;) {  // every symbol reads at least one bit, so the input ends this loop
      const int symbol = decode(bits_, litlen);
      if (symbol < 0) return InflateStatus::damaged;
      if (symbol < 256) {
        if (!room(1)) return InflateStatus::too_large;
        out_[size_++] = static_cast<char>(symbol);
        continue;
      }
      if (symbol == 256) return InflateStatus::ok;
      const auto length_code = static_cast<std::size_t>(symbol - 257);
      if (length_code >= kLengthBase.size()) return InflateStatus::damaged;
      std::uint32_t extra = 0;
      if (!bits_.read(kLengthExtra[length_code], extra)) return InflateStatus::damaged;
      const std::size_t length = kLengthBase[length_code] + extra;

      const int dist_code = decode(bits_, dist);
      if (dist_code < 0 || static_cast<std::size_t>(dist_code) >= kDistBase.size()) return InflateStatus::damaged;
      if (!bits_.read(kDistExtra[dist_code], extra)) return InflateStatus::damaged;
      const std::size_t distance = kDistBase[dist_code] + extra;
      if (distance > size_) return InflateStatus::damaged;  // no preset dictionary: nothing before the start
      if (!room(length)) return InflateStatus::too_large;
      copy_back(distance, length);
    }
  }

  void copy_back(std::size_t distance, std::size_t length) {
    char* to = out_.data() + size_;
    const char* from = to - distance;
    size_ += length;
    // From `from` on, the bytes repeat every `distance` bytes (a run when the copy overlaps
    // itself), so each step copies all made so far: distance, 2 * distance, 4 * distance ...
    // bytes, never overlapping its source.
    for (std::size_t done = 0; done < length;) {
      const std::size_t n = std::min(length - done, done + distance);
      std::memcpy(to + done, from, n);
      done += n;
    }
  }

  InflateBits bits_;
  std::size_t max_;
  std::vector<char> out_;  // size_ bytes made; the rest is space made by room()
  std::size_t size_ = 0;
};

}  // namespace

InflateResult inflate_raw(std::string_view compressed, std::size_t max_output) {
  Inflater inflater(compressed, max_output);
  InflateResult result;
  result.status = inflater.run();
  if (result.ok()) result.output = inflater.output();
  return result;
}

}  // namespace cpa::core
