#pragma once
// Fuzz target: the share link decoder (a #share= link a carer opens) and the payload
// reader behind it (core/share_codec).
// The same body serves the libFuzzer binary (fuzz_share.cpp) and the unit test that replays
// tests/fuzz/regressions/share/ (tests/unit/test_fuzz_regressions.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/share/share_codec.hpp"
#include "fuzz_check.hpp"

namespace cpa::fuzz {

inline void fuzz_share(std::string_view input) {
  using namespace cpa::core;
  const std::string_view text = input;

  const auto link = parse_share_link(text);
  if (link.problem == LinkProblem::none) {
    const auto bytes = base64url_decode(link.data_b64);
    FUZZ_CHECK(bytes.has_value());
    FUZZ_CHECK(base64url_encode(*bytes) == link.data_b64);
    // Unlocked links are opened by the core alone, inflated within the limit, as a carer's page does.
    if (!link.locked()) {
      const auto unpacked = unpack_share_data(*bytes, link.compressed());
      FUZZ_CHECK(unpacked.payload.size() <= max_share_payload_bytes());
      if (unpacked.problem == LinkProblem::none) (void)read_share_payload(unpacked.payload);
    }
  }
  if (const auto bytes = base64url_decode(text)) FUZZ_CHECK(base64url_encode(*bytes) == text);

  // The payload reader straight on the input: a plan it accepts is shared again unchanged.
  if (const auto plan = read_share_payload(text)) {
    std::vector<std::string> ids;
    for (const auto* section : share_parts()) ids.emplace_back(section->id);
    const auto again =
        read_share_payload(share_payload(plan->records, ids, plan->shared_on, plan->nation, plan->shared_by));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *plan);
  }
}

}  // namespace cpa::fuzz
