// The share link's own DEFLATE decoder (core/support/inflate.hpp): a compressed link opens the same in
// every browser, and a hostile link is refused (damaged, or too large) without a crash and
// without doing more work than the limit allows.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/support/inflate.hpp"
#include "core/share/share_codec.hpp"

using namespace cpa;
using core::InflateStatus;

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

// The original bytes of the vectors below.  Python's zlib made the vectors from the same bytes:
//   c = zlib.compressobj(level, zlib.DEFLATED, -15, mem_level, strategy); c.compress(data) + c.flush()
// and the browser's one is Node 20's CompressionStream('deflate-raw'), the API the app uses.
std::string plan_json() {
  return R"({"v":1,"d":"2026-11-23","f":{"crisis_plan.warning_signs":["I stay in bed all day","I stop eating properly",)"
         R"("I start giving my things away"],"crisis_plan.self_help":["Listen to music with headphones","Have a bath",)"
         R"("Phone my sister"],"crisis_plan.people":[["Asha","Sister","07700 900123","Any time"],)"
         R"(["Tom","Neighbour","07700 900789","Evenings and weekends"],)"
         R"(["Zoë","Friend from café","07700 900456","Weekdays"]],)"
         R"("crisis_plan.service_response":"Please speak to me calmly and use my name.\nTell me what is happening )"
         R"(and what will happen next.\nCall my sister Asha if I have to go to hospital – she’ll bring my things.",)"
         R"("crisis_plan.treatment_preferences":["A female member of staff if possible"],)"
         R"("crisis_plan.practical.children":"No children."}})";
}

// x = x * 1664525 + 1013904223 (mod 2^32), the same in Python.
std::uint32_t next_random(std::uint32_t& x) { return x = x * 1664525u + 1013904223u; }

std::string random_bytes(std::size_t n, std::uint32_t seed) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += static_cast<char>(next_random(seed) >> 24);
  return out;
}

// 200 random bytes, 32,300 dashes, and the same 200 bytes again: a copy from 32,500 bytes back.
std::string far_back_text() { return random_bytes(200, 1) + std::string(32300, '-') + random_bytes(200, 1); }

// Words picked at random, 12 to a line: compressed with zlib's smallest memory level, which
// ends a block every few hundred symbols, and flushed half way (an empty stored block).
std::string words_text() {
  constexpr std::array<std::string_view, 16> kWords = {"calm", "plan", "sister", "phone", "music",  "bath",
                                                       "walk", "tea",  "sleep",  "call",  "friend", "night",
                                                       "help", "team", "care",   "today"};
  std::string out;
  std::uint32_t x = 7;
  for (int k = 1; out.size() < 3000; ++k) {
    out += kWords[next_random(x) >> 28];
    out += k % 12 == 0 ? '\n' : ' ';
  }
  out.resize(3000);
  return out;
}

struct Vector {
  const char* name;
  std::string original;
  std::string deflated_b64;  // base64url
};

const std::vector<Vector>& vectors() {
  static const std::vector<Vector> all = {
      {"level 0 (stored blocks)", plan_json(),
       "AewCE_17InYiOjEsImQiOiIyMDI2LTExLTIzIiwiZiI6eyJjcmlzaXNfcGxhbi53YXJuaW5nX3NpZ25zIjpbIkkgc3RheSBpbiBiZWQgYWxs"
       "IGRheSIsIkkgc3RvcCBlYXRpbmcgcHJvcGVybHkiLCJJIHN0YXJ0IGdpdmluZyBteSB0aGluZ3MgYXdheSJdLCJjcmlzaXNfcGxhbi5zZWxm"
       "X2hlbHAiOlsiTGlzdGVuIHRvIG11c2ljIHdpdGggaGVhZHBob25lcyIsIkhhdmUgYSBiYXRoIiwiUGhvbmUgbXkgc2lzdGVyIl0sImNyaXNp"
       "c19wbGFuLnBlb3BsZSI6W1siQXNoYSIsIlNpc3RlciIsIjA3NzAwIDkwMDEyMyIsIkFueSB0aW1lIl0sWyJUb20iLCJOZWlnaGJvdXIiLCIw"
       "NzcwMCA5MDA3ODkiLCJFdmVuaW5ncyBhbmQgd2Vla2VuZHMiXSxbIlpvw6siLCJGcmllbmQgZnJvbSBjYWbDqSIsIjA3NzAwIDkwMDQ1NiIs"
       "IldlZWtkYXlzIl1dLCJjcmlzaXNfcGxhbi5zZXJ2aWNlX3Jlc3BvbnNlIjoiUGxlYXNlIHNwZWFrIHRvIG1lIGNhbG1seSBhbmQgdXNlIG15"
       "IG5hbWUuXG5UZWxsIG1lIHdoYXQgaXMgaGFwcGVuaW5nIGFuZCB3aGF0IHdpbGwgaGFwcGVuIG5leHQuXG5DYWxsIG15IHNpc3RlciBBc2hh"
       "IGlmIEkgaGF2ZSB0byBnbyB0byBob3NwaXRhbCDigJMgc2hl4oCZbGwgYnJpbmcgbXkgdGhpbmdzLiIsImNyaXNpc19wbGFuLnRyZWF0bWVu"
       "dF9wcmVmZXJlbmNlcyI6WyJBIGZlbWFsZSBtZW1iZXIgb2Ygc3RhZmYgaWYgcG9zc2libGUiXSwiY3Jpc2lzX3BsYW4ucHJhY3RpY2FsLmNo"
       "aWxkcmVuIjoiTm8gY2hpbGRyZW4uIn19"},
      {"level 1", plan_json(),
       "ZVJbahtBELxKM9-yWCmJFetPBIcYgjHEEIhilt7d3p3B82J6pI0wBt8hXzlCyDF8E58kPRI2fvws2z1V3TVVc6O2ajmbqE4t1byaHx_NZkfz"
       "d2qierW8UW0ybLiOFv10xOSNH2o2g2e1XKsz4Iw7MB4a6gCthQ53wiz9EIEwCxxiCpGSfTzAlGEw23LidpC1_DDgKMSryYt1TLavNdlYVn01"
       "nMlDDuA2bFoYTdagCbuogyeWpV9wS4DQYNZSXZR2WSDqM6XXsyOFaEkGr9WKNQrh2wE3UdViUVVwUlWzvQsrLyKNI5mwVpfBCfSczKCbsEny"
       "_4RefDyR8nRLxSK5kO9gJLom3_Ge-iPc_xPA52SkBX0KDlrs7_8-n_H-w7GU34UmPgrtjSFpa1qqE3EMnkW-urCETMCR8HpvDslU6-xuL2Aj"
       "R2KBR0fTn_6SJCBHMGrMYBg0xrhXexBbuqMRyKEPnn5lYX0qsT75CMUtMD2cCUz8ljyGUL46cDQZLTzc_QbW9HD3R3hNehHzVG73_EHlJE_E"
       "kc91TNRTIt9KlJL2CnpyaEU9uYYShL68tL4vm2NgNo2E98qdmLDNRm4_bbWxnQwTf84DPFZTdXv7Hw"},
      {"level 9", plan_json(),
       "ZVJRattAEL3KsN-Okd02bvxnQksDJQQaKNQNYiSNtEtWu8vOWqoJgdyhXz1C6TFyk5ykszIpdfIjNLPvvZl5M3dqUOvFTDVqrZbF8vRksThZ"
       "vlEz1ar1naqjYcNlsOjmI0ZnXFey6Ryr9VZdACfcg3FQUQNoLTS4F2bO-wCESeAQog8U7fMDxgSdGfJLv4ek5YcBRyHezI7KMdm21GRDLvXZ"
       "cCIHyUO_Y1PDaJIGTdgE7R2xaH_CgQChwqQlusrpXIAzMb7UDuSDJRHeqg1rFMKXA26mitWqKOCsKBaTCxsnTZqeRGGrrn0vqUsyna787gi9"
       "en8m4YeB3GEg18BIdEuu4Yn6zT_-EcDHaCQFbfQ91Ng-_v5f4-27Uwm_Ck18FNorQ-JgaiojcfCOpX11ZQmZgAPh7WQOiart7X5qYMeTBQ57"
       "mn931yQLEsCoMYFh0BjC1O2h2ZwdjUAOeXD0IwnrPK_1n4-Q3QLTwoXAxG8p2fn81Z6DSWjh6eEnsKanh1_Cq-LRmufqeKAU5UR6cqkMkVqK"
       "5GqaDmsDLfVopXvqK6nq23w4bZsrB89sKkuvVhqxTkamn9fa2EbExJ9LD8_RXN3f_wU"},
      {"level 9, fixed Huffman codes only (Z_FIXED)", plan_json(),
       "q1YqU7Iy1FFKUbJSMjIwMtM1NNQ1MlbSUUpTsqpWSi7KLM4sji_ISczTK08sysvMS48vzkzPK1ayilbyVCguSaxUyMxTSEpNUUjMyVFISawE"
       "6gSJ5xcopCaWAJUrFBTlF6QW5cAkEotKFNIzy0AyuZUKJRlARrFCYjlQY6wOinXFqTlp8RmpOQUgq3wyi0tS8xRK8hVyS4szkxXKM0syFDJS"
       "E1MKMvLzUouBZnsklqUqJCokJZZkAHkBIGGQBcUgjUXoZhek5hfkpAINjlZyLM5IBGoIhqjTUTIwNzcwULA0MDAEh4JjHtCRmbmpQBOilULy"
       "c4FCfqmZ6RlJ-aUoqs0tLIFc17LUPIiH8lIUylNTs1PzUorBWqPyD68GKnArygQKKaQV5ecqJCemHV6JbIaJqRmQGw7UBgxHoDaMACkqy0xO"
       "jS9KLS7IzysGOl8pICc1sThVobggNTEbHDipQFNzcnMqwQ4oLQYHQV5ibqpeTF5IKjCCgArKMxJLFDKLFTISCwrAroU4FiRanglUAhFXyEut"
       "KAHqcgZFKzwcFUChpZCZpuAJVAYMb6CV6fkgMiO_uCCzJDFH4VHDZIXijNRHDTOB-pKKUKJZTwnVQyVFwCSSm5pXEl9QlJqWWpSal5wKTliO"
       "CmmpuYk5QNen5iYBbc1PAyWctDSQzQX5xcWZSTmpGFFalJhckgn0vV5yRmZOCtAwYPj45SvAeHpKtbUA"},
      {"the browser's CompressionStream", plan_json(),
       "ZVJtahsxEL3KML-VZe22cbP_TGlpoIRAA4U6xszuzq6EtZLQyHaXEMgd-qtHKD1GbpKTFK2bUjd_BHrz8d68mTvcYzVT2GKF83J-fjabnc1f"
       "ocIOqztsohEjm2DJFQeKzrh-I6Z3gtUKL0ESjWAc1NwCWQstjagm3AdgSsb1EKIPHO1zgGKC3uxzZBghaeN6ATrQiGt1Qidsu41mGzLVJyOJ"
       "HSQPw05MAweTNGimNmjvWFDhR9ozENSUNCq8znAmkFwY_-8d2AfLWK1WuBRNqPDzMU9huViUJVyU5WxyYelGSGZgXKsV3vgBFV6x6XXtdyfZ"
       "i7cXqPD9nt1xINfCgXnLrpWp9Kt__IUKP0TDroUu-gEa6h5__tvj9ZtzVPiFedvSKLh-YUjcm4Y3kSV4J4wVXlsmYZDAtJ3MYWjIDnacBOxk"
       "ssDRwMWtu2Frc8JBUwIjoCmESe1RbEYPxto_ODj-lopb9y6v9a-PkN0C08El6Ox38tD7_GovwSSy8PTwHUTz08MPa6GOJ2su8HSgFJnSwC5t"
       "QuSOI7uGp8NaQscDWYaBh5oj-C4fTtdl5uBFTG35xUojNck0ZItGG9tGdljhlYfnX4H3978B"},
      {"the browser's CompressionStream, nothing in", "", "AwA"},
      {"level 9, a copy from 32,500 bytes back", far_back_text(),
       "7d1NKwMAAIBhzUy-UosDB7W0pKw4LdmklNTWaozMYTKSRtOykm8OipKtbC21RZQammSkyOZgDoaDtTkQJ-WylrWWtvAbXPU-f-RRGBb9xYbQ"
       "mnCnZdQVVWSeO33L8kqxVnLi7G8NxmVdmYHVie-309RXTd9h7Vyd61UnTDZFRMaiHsnDsNR9Gxfk_9xZB_fT57Mm6Xtg27FSMmL_7A61fSTM"
       "5t48b8AyH2vP0XvLVPLm6wXPemZKnT3bGt-oSjwKGmxC26TVIvQlLxbv9Ttp9Y3TUS2yR8sKU40dqrGgTll5dLA0Y8w9Ln_ZdU_7lT690XMV"
       "zoY1TxW7BeL6S81ezBQZ2ix1aWUAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgD9T_JPz_hc"},
      {"level 9, memory level 1 (many blocks), flushed half way", words_text(),
       "TFBbDgMhCPz3FF6N7rLVVF2jNk1vX2G0-kMGYR6S3Z3YHlSkhPBH0TamaB_UHNocKNl2n_QdtQbmbPoWEOiOQ0b5UHiJxqYjncok_3TNrEH1"
       "tXEZujACEY2WJS-tWWHju_oDYxWDokZSn7EwPcT0Kp7TaRARX5JvYGPqzYtsIyUMLEcxMNBU43k3Vg2No0S4IgHWOjRKRohx7E76cVEGSQDC"
       "IAy89xU-0M74_5OFJCR6cbRYGpbQp7sCJYgh48NunX4weJIhBULI6waYCOJ9OF4pZ3ohTp0BW4r79BFCa3-cR5INyq3Fb6K3IRiRYO5Kl4u5"
       "god-u3dSoUvs22bAakJ99AkPLoyHbMpOuZIgnui33C3fGKVSojSQ7D10bGke76YB-2T7gehrVYWMq0nkP2P4xl_JpYKrt8UcoHy-HlGtMSY9"
       "iFZoBe3PaPLDlwJhYZnK54Tla6RqjA05l9Qiq0zP7yV0-1OgEQT1nwSPCUoJV0jO1nV30svir6DJDGw42HFcSCkQOZDguTcXJWcjpX14pHIh"
       "-RJMIClCJBWkvAE1C6lM4UK4CmQsIl-DtcKzDtRt0IICJAUAAAD__3SWOxLEMAhDe98zpZvcv9hZMOiJJG1mYmz9UBiD8VFeOFjTEIjO8XUJ"
       "o5dMx7hGJUeks-WV9iqJP8MskURRiNmkZ0gj1xC48plLuizBVEWSOr4wWnJgg-mqSpn7cinGMci1IAPzeA3ZH96KKyAjMqRSMwAVFoPs3LdC"
       "PYIe6DVbhzyI_APYhStxVW_SgcBn9oWtB0mbSAn7vE_5OVqAyDSgtcChQlhNBmmA6w08XmuBBGp7sInc1-LZ6iJEzu6u8tSxs-bShzc6Sk0C"
       "27rAc90MOUKT7b84sf_B3--7F02Py3DUMDQmW4hQxX9EPQRvYBED93KwiZmt6FdmGdsAAEAA7GL_rxISLVaj0HbBrkhjeso1qPhUkSDer1VT"
       "zuA5xn1E8IzlvQuMIlToNZrBVNBklIohFqSvZxI"},
  };
  return all;
}

std::string deflated(const Vector& v) {
  const auto bytes = core::base64url_decode(v.deflated_b64);
  REQUIRE(bytes.has_value());
  return *bytes;
}

// Writes bits the way DEFLATE reads them (RFC 1951 3.1.1): numbers least significant bit first,
// Huffman codes first bit highest.  For the hand-made streams below.
class BitWriter {
 public:
  void bits(std::uint32_t value, unsigned n) {
    for (unsigned i = 0; i < n; ++i) push((value >> i) & 1u);
  }
  void code(std::uint32_t code, unsigned length) {
    for (unsigned i = length; i > 0; --i) push((code >> (i - 1)) & 1u);
  }
  void header(bool last, unsigned type) {
    bits(last ? 1 : 0, 1);
    bits(type, 2);
  }
  std::string bytes() const { return used_ == 0 ? out_ : out_ + static_cast<char>(current_); }
  std::size_t size() const { return out_.size() * 8 + used_; }  // in bits

 private:
  void push(std::uint32_t bit) {
    current_ |= bit << used_;
    if (++used_ == 8) {
      out_ += static_cast<char>(current_);
      current_ = 0;
      used_ = 0;
    }
  }
  std::string out_;
  std::uint32_t current_ = 0;
  unsigned used_ = 0;
};

// A Huffman code given by its lengths, with each symbol's canonical code (RFC 1951 3.2.2).
struct Code {
  std::vector<unsigned> lengths;
  std::vector<std::uint32_t> codes;

  explicit Code(std::vector<unsigned> of) : lengths(std::move(of)), codes(lengths.size()) {
    std::array<std::uint32_t, 17> count{}, next{};
    for (const auto length : lengths) ++count[length];
    count[0] = 0;
    for (unsigned length = 1; length <= 16; ++length) next[length] = (next[length - 1] + count[length - 1]) << 1;
    for (std::size_t s = 0; s < lengths.size(); ++s)
      if (lengths[s] > 0) codes[s] = next[lengths[s]]++;
  }
  void put(BitWriter& w, std::size_t symbol) const { w.code(codes.at(symbol), lengths.at(symbol)); }
};

const Code& fixed_litlen() {
  static const Code code = [] {
    std::vector<unsigned> lengths(288, 8);
    for (std::size_t s = 144; s < 256; ++s) lengths[s] = 9;
    for (std::size_t s = 256; s < 280; ++s) lengths[s] = 7;
    return Code(lengths);
  }();
  return code;
}
void fixed_dist(BitWriter& w, std::uint32_t symbol) { w.code(symbol, 5); }

// A dynamic block's header that sends each length as itself (code length symbols 0-15), or as
// `ops`: code length symbols with their extra bits, for repeats.
struct LengthOp {
  std::size_t symbol;
  std::uint32_t extra = 0;
};
constexpr std::array<unsigned, 19> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                       11, 4,  12, 3, 13, 2, 14, 1, 15};
// 0-15 five bits long, 16 and 17 three, 18 two: a complete code.
std::vector<unsigned> usual_code_lengths() {
  std::vector<unsigned> lengths(19, 5);
  lengths[16] = lengths[17] = 3;
  lengths[18] = 2;
  return lengths;
}

void dynamic_header(BitWriter& w, bool last, std::size_t lits, std::size_t dists, const std::vector<LengthOp>& ops,
                    const std::vector<unsigned>& code_lengths = usual_code_lengths()) {
  w.header(last, 2);
  w.bits(static_cast<std::uint32_t>(lits - 257), 5);
  w.bits(static_cast<std::uint32_t>(dists - 1), 5);
  w.bits(19 - 4, 4);
  for (const auto symbol : kCodeLengthOrder) w.bits(code_lengths[symbol], 3);
  const Code code(code_lengths);
  for (const auto& op : ops) {
    code.put(w, op.symbol);
    if (op.symbol >= 16) w.bits(op.extra, op.symbol == 16 ? 2 : op.symbol == 17 ? 3 : 7);
  }
}

std::vector<LengthOp> as_ops(const std::vector<unsigned>& lengths) {
  std::vector<LengthOp> ops;
  for (const auto length : lengths) ops.push_back({length});
  return ops;
}

// A dynamic block's codes: literal/length lengths for symbols 0-285, then the distance lengths.
struct DynamicCodes {
  Code litlen, dist;
  void header(BitWriter& w, bool last) const {
    std::vector<unsigned> all = litlen.lengths;
    all.insert(all.end(), dist.lengths.begin(), dist.lengths.end());
    dynamic_header(w, last, litlen.lengths.size(), dist.lengths.size(), as_ops(all));
  }
};

DynamicCodes codes_with(const std::vector<std::pair<std::size_t, unsigned>>& litlen,
                        const std::vector<unsigned>& dist) {
  std::vector<unsigned> lengths(286, 0);
  for (const auto& [symbol, length] : litlen) lengths[symbol] = length;
  return {Code(lengths), Code(dist)};
}

// "a" then `copies` copies of 258 bytes from 1 back (two bits each), then the end of the block:
// 1 + 258 * copies bytes of 'a' from about copies / 4 bytes.  With `damaged_after`, the stream
// does not end there but goes on to a block of the reserved type.
std::string bomb(std::size_t copies, bool damaged_after = false) {
  const auto codes = codes_with({{'a', 2}, {256, 2}, {285, 1}}, {1});
  BitWriter w;
  codes.header(w, !damaged_after);
  codes.litlen.put(w, 'a');
  for (std::size_t i = 0; i < copies; ++i) {
    codes.litlen.put(w, 285);
    codes.dist.put(w, 0);
  }
  codes.litlen.put(w, 256);
  if (damaged_after) w.header(true, 3);
  return w.bytes();
}

InflateStatus status_of(const std::string& stream, std::size_t limit = kMiB) {
  return core::inflate_raw(stream, limit).status;
}

}  // namespace

TEST_CASE("a link compressed by a real deflate-raw compressor opens to exactly what was compressed") {
  for (const auto& v : vectors()) {
    CAPTURE(v.name);
    const auto result = core::inflate_raw(deflated(v), kMiB);
    CHECK(result.status == InflateStatus::ok);
    CHECK(result.output == v.original);
  }
}

TEST_CASE("an empty or cut-off link is refused as damaged, never opened with part of the plan") {
  CHECK(status_of("") == InflateStatus::damaged);
  for (const auto& v : vectors()) {
    CAPTURE(v.name);
    const std::string whole = deflated(v);
    for (std::size_t n = 0; n < whole.size(); ++n) {
      CAPTURE(n);
      const auto result = core::inflate_raw(std::string_view(whole).substr(0, n), kMiB);
      CHECK(result.status == InflateStatus::damaged);
      CHECK(result.output.empty());
    }
  }
}

TEST_CASE("bytes after the end of the stream are refused; the unused bits of its last byte are not") {
  for (const auto& v : vectors()) {
    CAPTURE(v.name);
    CHECK(status_of(deflated(v) + '\0') == InflateStatus::damaged);
  }
  // An empty fixed block takes ten bits: the last six bits of the second byte are padding.
  CHECK(status_of(std::string("\x03\x00", 2)) == InflateStatus::ok);
  CHECK(status_of("\x03\xfc") == InflateStatus::ok);
  CHECK(status_of(std::string("\x03\x00\x00", 3)) == InflateStatus::damaged);
}

TEST_CASE("a link with any one bit changed never crashes: it is refused, or opens within the limit") {
  constexpr std::size_t kLimit = 64 * 1024;
  std::size_t refused = 0, opened = 0, unclear = 0;
  for (const auto& v : vectors()) {
    const std::string whole = deflated(v);
    for (std::size_t bit = 0; bit < whole.size() * 8; ++bit) {
      std::string changed = whole;
      changed[bit / 8] = static_cast<char>(changed[bit / 8] ^ (1 << (bit % 8)));
      const auto result = core::inflate_raw(changed, kLimit);
      if (result.ok() ? result.output.size() > kLimit : !result.output.empty()) ++unclear;
      ++(result.ok() ? opened : refused);
    }
  }
  CHECK(unclear == 0);
  // Most changes break the stream; a stored block's bytes or a literal's code may still decode.
  CHECK(refused > 0);
  CHECK(opened > 0);
}

TEST_CASE("a link that inflates past the limit is refused before the work is done") {
  const std::size_t copies = 65000;  // 16,770,001 bytes of 'a' from 16 KB
  const std::string stream = bomb(copies);
  CHECK(stream.size() < 17 * 1024);
  const auto refused = core::inflate_raw(stream, 64 * 1024);
  CHECK(refused.status == InflateStatus::too_large);
  CHECK(refused.output.empty());

  // It stops at the limit: a damaged block after the 16 MB is never reached.
  CHECK(status_of(bomb(copies, true), 64 * 1024) == InflateStatus::too_large);
  CHECK(status_of(bomb(copies, true), 17 * kMiB) == InflateStatus::damaged);

  const auto opened = core::inflate_raw(stream, 17 * kMiB);
  REQUIRE(opened.status == InflateStatus::ok);
  CHECK(opened.output == std::string(1 + 258 * copies, 'a'));
}

TEST_CASE("the limit is exact: output of exactly the limit opens, one byte more is refused") {
  for (const auto& v : vectors()) {
    CAPTURE(v.name);
    const std::string stream = deflated(v);
    const auto exact = core::inflate_raw(stream, v.original.size());
    CHECK(exact.status == InflateStatus::ok);
    CHECK(exact.output == v.original);
    if (!v.original.empty()) CHECK(status_of(stream, v.original.size() - 1) == InflateStatus::too_large);
  }
  // A copy that would cross the limit is refused whole, as is a literal.
  CHECK(status_of(bomb(1), 259) == InflateStatus::ok);
  CHECK(status_of(bomb(1), 258) == InflateStatus::too_large);
  CHECK(status_of(bomb(1), 0) == InflateStatus::too_large);
  CHECK(status_of(bomb(0), 1) == InflateStatus::ok);
  CHECK(status_of(bomb(0), 0) == InflateStatus::too_large);
}

TEST_CASE("hand-made stored and fixed blocks: good ones open, broken ones are refused as damaged") {
  {  // a stored block of "hi"; then with its length check wrong
    const std::string good("\x01\x02\x00\xfd\xffhi", 7), bad("\x01\x02\x00\xfd\xfehi", 7);
    CHECK(core::inflate_raw(good, kMiB).output == "hi");
    CHECK(status_of(bad) == InflateStatus::damaged);
  }
  BitWriter reserved;
  reserved.header(true, 3);
  CHECK(status_of(reserved.bytes()) == InflateStatus::damaged);

  // "ab", then a copy of 3 from `distance` back, in a fixed block.
  const auto copy_from = [](std::uint32_t distance_symbol, std::size_t length_symbol = 257) {
    BitWriter w;
    w.header(true, 1);
    fixed_litlen().put(w, 'a');
    fixed_litlen().put(w, 'b');
    fixed_litlen().put(w, length_symbol);
    if (length_symbol == 284) w.bits(31, 5);  // the longest copy but one: 227 + 31
    fixed_dist(w, distance_symbol);
    fixed_litlen().put(w, 256);
    return w.bytes();
  };
  CHECK(core::inflate_raw(copy_from(1), kMiB).output == "ababa");          // 2 back: overlapping
  CHECK(core::inflate_raw(copy_from(0, 284), kMiB).output.size() == 260);  // 1 back, 258 long
  CHECK(status_of(copy_from(2)) == InflateStatus::damaged);                // 3 back: before the start
  CHECK(status_of(copy_from(30)) == InflateStatus::damaged);               // a reserved distance code
  CHECK(status_of(copy_from(31)) == InflateStatus::damaged);
  CHECK(status_of(copy_from(0, 286)) == InflateStatus::damaged);  // reserved length codes
  CHECK(status_of(copy_from(0, 287)) == InflateStatus::damaged);
}

TEST_CASE("hand-made dynamic blocks: codes of every length open; codes zlib refuses are refused") {
  {  // lengths 1 to 14 once and 15 twice: a complete code, so 15-bit codes (the longest) are read
    std::vector<std::pair<std::size_t, unsigned>> litlen;
    for (unsigned length = 1; length <= 15; ++length) litlen.emplace_back('a' + length - 1, length);
    litlen.emplace_back(256, 15);
    const auto codes = codes_with(litlen, {1});
    BitWriter w;
    codes.header(w, true);
    while ((w.size() + 14) % 8 != 0) codes.litlen.put(w, 'a');  // one bit each
    const std::size_t cut = (w.size() + 14) / 8;                // 'o' is 14 ones then a zero: cut before the zero
    for (const char c : std::string("onaji")) codes.litlen.put(w, static_cast<std::size_t>(c));
    codes.litlen.put(w, 256);
    const auto result = core::inflate_raw(w.bytes(), kMiB);
    REQUIRE(result.ok());
    CHECK(result.output.substr(result.output.size() - 5) == "onaji");
    // Cut inside the long code, the missing bit is not taken as the zero it would have been.
    CHECK(status_of(w.bytes().substr(0, cut)) == InflateStatus::damaged);
  }
  const auto only = [](const DynamicCodes& codes, const std::vector<std::size_t>& symbols) {
    BitWriter w;
    codes.header(w, true);
    for (const auto s : symbols) codes.litlen.put(w, s);
    return status_of(w.bytes());
  };
  // No distance codes at all is allowed when no copy is made; one one-bit code is allowed too.
  CHECK(only(codes_with({{'a', 1}, {256, 1}}, {0}), {'a', 256}) == InflateStatus::ok);
  CHECK(only(codes_with({{256, 1}}, {0}), {256}) == InflateStatus::ok);
  CHECK(only(codes_with({{'a', 1}, {257, 2}, {256, 2}}, {0}), {'a', 257}) == InflateStatus::damaged);
  {  // a lone one-bit distance code: its code (0) is a copy, the unused code (1) is damage
    const auto codes = codes_with({{'a', 1}, {257, 2}, {256, 2}}, {1});
    for (const std::uint32_t bit : {0u, 1u}) {
      BitWriter w;
      codes.header(w, true);
      codes.litlen.put(w, 'a');
      codes.litlen.put(w, 257);
      w.bits(bit, 1);
      codes.litlen.put(w, 256);
      CHECK(status_of(w.bytes()) == (bit == 0 ? InflateStatus::ok : InflateStatus::damaged));
    }
  }
  // Over-subscribed, incomplete, or with no end-of-block code.
  CHECK(only(codes_with({{'a', 1}, {'b', 1}, {256, 1}}, {1}), {256}) == InflateStatus::damaged);
  CHECK(only(codes_with({{'a', 2}, {256, 2}}, {1}), {256}) == InflateStatus::damaged);
  {  // a block that could never end is damaged at once, before any output (so not too large)
    BitWriter w;
    codes_with({{'a', 1}, {'b', 1}}, {1}).header(w, true);
    w.bits(0, 8);
    CHECK(status_of(w.bytes(), 0) == InflateStatus::damaged);
  }
  CHECK(only(codes_with({{'a', 1}, {256, 1}}, {1, 1, 1}), {256}) == InflateStatus::damaged);
}

TEST_CASE("hand-made dynamic headers: more codes than the format has, and bad repeats, are refused") {
  const auto header_only = [](std::size_t lits, std::size_t dists, const std::vector<LengthOp>& ops,
                              const std::vector<unsigned>& code_lengths = usual_code_lengths()) {
    BitWriter w;
    dynamic_header(w, true, lits, dists, ops, code_lengths);
    w.bits(1, 1);  // the end-of-block code: 256's one-bit code below
    return status_of(w.bytes());
  };
  // 256 one bit, 'a' one bit; all else zero, sent as repeats: 97 zeros, 'a', 138 + 20 zeros, 256, 29 + 1 zeros.
  const std::vector<LengthOp> good = {{18, 97 - 11}, {1}, {18, 127}, {18, 20 - 11}, {1}, {18, 29 - 11}, {0}};
  CHECK(header_only(286, 1, good) == InflateStatus::ok);
  const auto and_zeros = [&good](std::uint32_t n) {  // n more zero lengths, 3 to 10 of them
    auto ops = good;
    ops.push_back({17, n - 3});
    return ops;
  };
  CHECK(header_only(286, 10, and_zeros(9)) == InflateStatus::ok);
  CHECK(header_only(287, 4, and_zeros(4)) == InflateStatus::damaged);  // 287 literal/length codes: one too many
  {
    auto thirty = good;  // 30 distance codes, the most there are, then 31
    thirty.push_back({18, 29 - 11});
    CHECK(header_only(286, 30, thirty) == InflateStatus::ok);
    thirty.push_back({0});
    CHECK(header_only(286, 31, thirty) == InflateStatus::damaged);
  }

  auto repeat_past_end = good;
  repeat_past_end.back() = {17, 0};  // three zeros where one fits
  CHECK(header_only(286, 1, repeat_past_end) == InflateStatus::damaged);
  auto repeat_first = good;  // the first 3 of the 97 zeros as "the previous length again", with none before
  repeat_first.front() = {18, 94 - 11};
  repeat_first.insert(repeat_first.begin(), {16, 0});
  CHECK(header_only(286, 1, repeat_first) == InflateStatus::damaged);
  auto repeat_previous = good;  // the 20 zeros as a zero then 6 + 6 + 4 + 3 more: the same lengths
  repeat_previous.erase(repeat_previous.begin() + 3);
  repeat_previous.insert(repeat_previous.begin() + 3, {{0}, {16, 3}, {16, 3}, {16, 1}, {16, 0}});
  CHECK(header_only(286, 1, repeat_previous) == InflateStatus::ok);

  auto incomplete = usual_code_lengths();
  incomplete[18] = 3;  // a code length code with a code left unused
  CHECK(header_only(286, 1, good, incomplete) == InflateStatus::damaged);
  auto over = usual_code_lengths();
  over[17] = 2;  // more codes than bits allow
  CHECK(header_only(286, 1, good, over) == InflateStatus::damaged);
}
