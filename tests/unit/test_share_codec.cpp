// The share link's codec (core/share/share_codec.hpp): what goes in comes out; any damage to the link
// is caught before anything is shown.  Hazard log H7: a carer is never shown a plan the link does
// not really hold.
#include <doctest/doctest.h>

#include "core/share/qr.hpp"
#include "core/share/share_codec.hpp"
#include "share_samples.hpp"

using namespace cpa;

namespace {

std::vector<std::string> all_parts() {
  std::vector<std::string> out;
  for (const auto* part : core::share_parts()) out.emplace_back(part->id);
  return out;
}

// An unlocked, uncompressed link to the full plan (as the app makes one where the browser cannot compress).
std::string plain_link(const core::Records& records) {
  const std::string payload = core::share_payload(records, all_parts(), "2026-11-23");
  return core::share_link("https://cpa.example/", 0, core::base64url_encode(payload));
}

std::optional<core::SharedPlan> open_plain(std::string_view link) {
  const auto parsed = core::parse_share_link(link);
  if (parsed.problem != core::LinkProblem::none) return std::nullopt;
  const auto bytes = core::base64url_decode(parsed.data_b64);
  return bytes ? core::read_share_payload(*bytes) : std::nullopt;
}

// What the carer may legitimately receive: the share parts only.
core::Records shareable_only(const core::Records& records) {
  core::Records out;
  out.crisis_plan = records.crisis_plan;
  out.care_plan.coordinator = records.care_plan.coordinator;
  return out;
}

}  // namespace

TEST_CASE("base64url: every byte value round-trips, and bad text is refused") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t n = 0; n <= bytes.size(); n += 1) {
    const auto text = core::base64url_encode(bytes.substr(0, n));
    CHECK(text.find_first_of("+/=") == std::string::npos);
    CHECK(core::base64url_decode(text) == bytes.substr(0, n));
  }
  CHECK_FALSE(core::base64url_decode("A").has_value());     // a length no bytes make
  CHECK_FALSE(core::base64url_decode("AB+C").has_value());  // not base64url's alphabet
  CHECK_FALSE(core::base64url_decode("AB").has_value());    // leftover bits set: not canonical
  CHECK(core::crc32("123456789") == 0xCBF43926u);           // the standard check value
}

TEST_CASE("share link: a full crisis plan round-trips exactly, and only the share parts travel") {
  const auto records = test::full_crisis_plan();
  const auto plan = open_plain(plain_link(records));
  REQUIRE(plan.has_value());
  CHECK(plan->shared_on == "2026-11-23");
  CHECK(plan->records == shareable_only(records));
  CHECK(plan->records.care_plan.gp.phone.empty());  // the GP is not a share part
}

TEST_CASE("share link: only the chosen parts are in the payload") {
  const auto records = test::full_crisis_plan();
  const auto payload = core::share_payload(records, {"crisis_plan.people"}, "2026-11-23");
  const auto plan = core::read_share_payload(payload);
  REQUIRE(plan.has_value());
  core::Records expected;
  expected.crisis_plan.people = records.crisis_plan.people;
  CHECK(plan->records == expected);
  CHECK(payload.find("warning_signs") == std::string::npos);
}

TEST_CASE("share link: cut off at any length, it is refused as damaged") {
  const std::string link = plain_link(test::full_crisis_plan());
  const auto start = link.find("#share=");
  for (std::size_t n = start; n < link.size(); ++n) {
    CAPTURE(n);
    CHECK(core::parse_share_link(link.substr(0, n)).problem == core::LinkProblem::damaged);
  }
  CHECK(core::parse_share_link(link).problem == core::LinkProblem::none);
}

TEST_CASE("share link: any one character changed is refused as damaged") {
  const std::string link = plain_link(test::sample_records());
  const auto start = link.find("#share=") + 7;
  const std::string replacements = "0aZ_-.x9";
  for (std::size_t i = start; i < link.size(); ++i) {
    for (char r : replacements) {
      if (r == link[i]) continue;
      std::string changed = link;
      changed[i] = r;
      CAPTURE(changed.substr(start));
      const auto problem = core::parse_share_link(changed).problem;
      CHECK(problem == core::LinkProblem::damaged);
    }
  }
}

TEST_CASE("share link: a newer version is told apart; a tampered checksum or flags is damaged") {
  const std::string data =
      core::base64url_encode(core::share_payload(test::sample_records(), all_parts(), "2026-11-23"));
  // A well-formed link of version 2: the checksum is right, the version is not ours.
  const std::string v2 = "2.0." + data;
  const std::string v2_link = "#share=" + v2 + "." + [&] {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", core::crc32(v2));
    return std::string(hex);
  }();
  CHECK(core::parse_share_link(v2_link).problem == core::LinkProblem::newer_version);
  // Version 0 or words are not a version.
  std::string v0 = "0.0." + data;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", core::crc32(v0));
  CHECK(core::parse_share_link("#share=" + v0 + "." + hex).problem == core::LinkProblem::damaged);
  // Unknown flags, with a right checksum.
  std::string bad_flags = "1.7." + data;
  std::snprintf(hex, sizeof hex, "%08x", core::crc32(bad_flags));
  CHECK(core::parse_share_link("#share=" + bad_flags + "." + hex).problem == core::LinkProblem::damaged);
  // The checksum in capitals, or one off.
  const std::string good = core::share_link("", 0, data);
  std::string upper = good;
  for (std::size_t i = upper.rfind('.') + 1; i < upper.size(); ++i)
    upper[i] = static_cast<char>(std::toupper(upper[i]));
  if (upper != good) CHECK(core::parse_share_link(upper).problem == core::LinkProblem::damaged);
  std::string off = good;
  off.back() = off.back() == '0' ? '1' : '0';
  CHECK(core::parse_share_link(off).problem == core::LinkProblem::damaged);
  // A locked link too short to hold salt, iv and tag.
  CHECK(core::parse_share_link(core::share_link("", core::kShareLocked, core::base64url_encode("short"))).problem ==
        core::LinkProblem::damaged);
}

TEST_CASE("share payload: wrong shapes, other fields and bad dates are refused, never half-read") {
  CHECK_FALSE(core::read_share_payload("").has_value());
  CHECK_FALSE(core::read_share_payload("[]").has_value());
  CHECK_FALSE(core::read_share_payload(R"({"v":2,"d":"2026-11-23","f":{}})").has_value());
  CHECK_FALSE(core::read_share_payload(R"({"v":1,"d":"2026-13-40","f":{}})").has_value());
  CHECK_FALSE(
      core::read_share_payload(R"({"v":1,"d":"2026-11-23","f":{"care_plan.gp.phone":"01632 960123"}})").has_value());
  CHECK_FALSE(
      core::read_share_payload(R"({"v":1,"d":"2026-11-23","f":{"crisis_plan.people":[["Sam","","07700 900123"]]}})")
          .has_value());
  CHECK_FALSE(
      core::read_share_payload(R"({"v":1,"d":"2026-11-23","f":{"crisis_plan.warning_signs":"one"}})").has_value());
  const auto ok =
      core::read_share_payload(R"({"v":1,"d":"2026-11-23","f":{"crisis_plan.people":[["Sam","","07700 900123",""]]}})");
  REQUIRE(ok.has_value());
  CHECK(ok->records.crisis_plan.people.at(0).phone == "+447700900123");  // cleaned as if typed
}

TEST_CASE("share link: the full crisis plan's length and QR version (measured, printed)") {
  const auto records = test::full_crisis_plan();
  const std::string payload = core::share_payload(records, all_parts(), "2026-11-23");
  const std::string link = plain_link(records);
  const auto qr = core::make_qr(link);
  MESSAGE("full crisis plan: payload " << payload.size() << " bytes; uncompressed link " << link.size()
                                       << " characters; QR version " << (qr ? qr->version : 0));
  CHECK(qr.has_value());
}
