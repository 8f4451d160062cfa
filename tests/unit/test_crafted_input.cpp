// Crafted input, found by hand under AddressSanitizer (issue 10): each case must give a clear
// message and change nothing, never crash, hang or grow without bound.
#include <doctest/doctest.h>

#include <string>

#include "real_content.hpp"
#include "core/content/content.hpp"
#include "core/support/json_safe.hpp"
#include "core/plans/plan_reviews.hpp"
#include "core/plans/records/records_store.hpp"
#include "records_samples.hpp"

using namespace cpa;

namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); }

std::string document_with(const std::string& version_json) {
  return R"({"format":"cpa-companion-records","schema_version":)" + version_json + R"(,"records":{}})";
}

std::string envelope_with(const std::string& version_json) {
  const std::string payload = core::document_text(test::sample_records(), "2026-11-25T10:00:00Z", false);
  std::string sealed = core::seal_store_record(payload);
  const std::string marker = "\"envelope_version\":1";
  const auto at = sealed.find(marker);
  REQUIRE(at != std::string::npos);
  return sealed.replace(at, marker.size(), "\"envelope_version\":" + version_json);
}

}  // namespace

TEST_CASE("a stored record whose envelope is not text is damaged, not a crash") {
  for (const char* text :
       {R"({"envelope":1})", R"({"envelope":null,"payload":2})", R"({"envelope":["x"]})", "[]", "1"}) {
    CAPTURE(text);
    const auto result = core::open_store_record(text);
    CHECK(result.status == core::DecodeStatus::corrupt);
  }
}

TEST_CASE("a content bundle whose locale is not text is refused, not a crash") {
  const auto bundle = nlohmann::json{{"locale", 1}, {"files", nlohmann::json::object()}}.dump();
  const auto loaded = core::load_content_bundle(bundle);
  CHECK_FALSE(loaded.ok());
}

TEST_CASE("deep nesting in a version or anywhere is refused before it can overflow the stack") {
  const std::string deep = nested(400'000);  // far deeper than a thread's stack allows a recursive copy
  auto result = core::check_import(document_with(deep));
  CHECK(result.status == core::DecodeStatus::corrupt);
  REQUIRE_FALSE(result.problems.empty());
  CHECK(result.problems.front().message.key == "plans.import.too_deep");
  CHECK(core::open_store_record(envelope_with(deep)).status == core::DecodeStatus::corrupt);
  CHECK(core::all_display_text({{"en-GB/deep.json", deep}}).empty());
  CHECK_FALSE(core::load_content_bundle(R"({"files":)" + deep + "}").ok());
  // A real plan is 6 levels deep: well inside the limit.
  CHECK(core::parse_untrusted(nested(core::kMaxJsonDepth - 1)).ok());
  CHECK(core::parse_untrusted(nested(core::kMaxJsonDepth + 1)).problem == core::SafeJson::Problem::too_deep);
}

TEST_CASE("a key given twice in one object is refused by name, not silently the last one") {
  const std::string plan = core::document_text(test::sample_records(), "2026-11-25T10:00:00Z", false);
  const auto at = plan.find("\"crisis_plan\":");
  REQUIRE(at != std::string::npos);
  std::string twice = plan;
  twice.insert(at, R"("crisis_plan":{},)");
  const auto result = core::check_import(twice);
  CHECK(result.status == core::DecodeStatus::corrupt);
  REQUIRE_FALSE(result.problems.empty());
  CHECK(result.problems.front().message.key == "plans.import.duplicate_key");
  CHECK(core::render_problem(test::real_content(), result.problems.front()).find("\"crisis_plan\" twice") !=
        std::string::npos);
  // The same key in different objects is fine.
  CHECK(core::parse_untrusted(R"({"a":{"x":1},"b":{"x":2}})").ok());
}

TEST_CASE("an envelope version of 0, -1, 1.5 or text is damage; a huge one is a newer app's and never read") {
  for (const char* version : {"0", "-1", "1.5", "\"1\"", "null"}) {
    CAPTURE(version);
    CHECK(core::open_store_record(envelope_with(version)).status == core::DecodeStatus::corrupt);
  }
  CHECK(core::open_store_record(envelope_with("18446744073709551615")).status == core::DecodeStatus::newer_version);
  CHECK(core::open_store_record(envelope_with("2")).status == core::DecodeStatus::newer_version);
  CHECK(core::open_store_record(envelope_with("1")).ok());
}

TEST_CASE("unknown keys are named printable and short; placeholders in them are never filled") {
  std::string key = "\x1b[31m\xE2\x80\xAE";             // a colour escape and a right-to-left override
  for (int i = 0; i < 90'000; ++i) key += "{problem}";  // about 800 KB
  const std::string text =
      R"({"format":"cpa-companion-records","schema_version":1,"records":{"care_plan":{},"crisis_plan":{},")" + key +
      R"(":1}})";
  const auto result = core::check_import(text);
  CHECK(result.status == core::DecodeStatus::corrupt);
  std::size_t longest = 0;
  for (const auto& problem : result.problems) {
    const std::string message = core::render_problem(test::real_content(), problem);
    longest = std::max(longest, message.size());
    for (unsigned char c : problem.path) CHECK((c >= 0x20 && c < 0x7f));
  }
  CHECK(longest < 1000);
  CHECK(core::fill_placeholders("{a}{b}", {{"a", "{b}"}, {"b", "x"}}) == "{b}x");
}

TEST_CASE("folding a calendar line ends even on text that is not UTF-8") {
  const std::string not_utf8(500, '\x80');  // continuation bytes only
  const std::string folded = core::ics_fold_line(not_utf8);
  CHECK(folded.size() > not_utf8.size());
  CHECK(folded.substr(folded.size() - 2) == "\r\n");
}
