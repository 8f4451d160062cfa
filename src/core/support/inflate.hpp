#pragma once
// A raw DEFLATE decoder (RFC 1951), the format CompressionStream('deflate-raw') writes, so a
// compressed share link opens in a browser without DecompressionStream (Safari before 16.4,
// Firefox before 113).  The input is hostile (anyone can make a link): every malformed stream
// is refused as damaged, and the output is capped before it is made, so a small link that
// would inflate to megabytes costs no more than max_output bytes of memory and work.
//
// What is refused as damaged: a reserved block type; a stored block whose length check fails;
// Huffman code lengths that are over-subscribed, or incomplete (allowed only, as zlib does, for
// a literal/length or distance code of a single one-bit code, or a distance code with no codes);
// a repeat with nothing to repeat or past the end of the lengths; a block with no end-of-block
// code; a symbol the format reserves; a distance further back than the output so far (there is no
// preset dictionary); input that ends before the final block does; and any whole byte after the
// final block (CompressionStream writes none, so they mean a damaged or altered link).  The unused
// bits of the last byte are ignored, as every decoder does.
//
// Time is linear in the input plus the output; no recursion, no exceptions.
#include <cstddef>
#include <string>
#include <string_view>

namespace cpa::core {

enum class InflateStatus {
  ok,
  damaged,    // not a complete, well-formed deflate-raw stream
  too_large,  // well-formed so far, but the output would pass max_output: stopped there
};

struct InflateResult {
  InflateStatus status = InflateStatus::damaged;
  std::string output;  // the whole output when ok; empty otherwise
  bool ok() const { return status == InflateStatus::ok; }
};

// Decodes a whole raw DEFLATE stream.  Output of exactly max_output bytes is ok; one byte more is
// too_large, found before that byte is written, and no buffer grows beyond max_output.
InflateResult inflate_raw(std::string_view compressed, std::size_t max_output);

}  // namespace cpa::core
