// The records on the device: a versioned document in a checksummed envelope.  A damaged or
// half-written record is found, never read as if it were fine; a newer one is refused.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/plans/records/records_store.hpp"
#include "records_samples.hpp"

using namespace cpa;
using core::DecodeStatus;
using nlohmann::json;

namespace {

std::string first_problem_key(const core::DecodeResult& result) {
  return result.problems.empty() ? std::string() : result.problems.front().message.key;
}
}  // namespace

TEST_CASE("the document names its format and version, when it was saved, and every field") {
  const json doc = core::make_document(test::sample_records(), test::kSavedAt);
  CHECK(doc["format"] == "cpa-companion-records");
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["saved_at"] == test::kSavedAt);
  CHECK(doc["records"]["care_plan"]["coordinator"]["phone"] == "+447700900123");
  CHECK(doc["records"]["crisis_plan"]["people"][0]["when"] == "Any time; text first, then call");
  CHECK(doc["records"]["crisis_plan"]["practical"]["children"] == "");
  // Blank plans still write every field, so a reader never has to guess.
  const json blank = core::records_to_json(core::Records{});
  CHECK(blank["care_plan"]["goals"] == json::array());
  CHECK(blank["crisis_plan"]["service_response"] == "");
}

TEST_CASE("a store record round-trips exactly, Welsh, emoji, quotes and new lines included") {
  const auto records = test::sample_records();
  const auto stored = core::store_record(records, test::kSavedAt);
  const auto opened = core::open_store_record(stored);
  REQUIRE(opened.ok());
  CHECK(opened.records == records);
  CHECK(opened.saved_at == test::kSavedAt);
  CHECK(opened.schema_version == 1);
  CHECK(opened.migrated_from == 0);
  CHECK(opened.problems.empty());
}

TEST_CASE("nothing stored is empty, not damaged") {
  CHECK(core::open_store_record("").status == DecodeStatus::empty);
  CHECK(core::open_store_record("  \n").status == DecodeStatus::empty);
}

TEST_CASE("every way a record can be cut short is found") {
  const auto stored = core::store_record(test::sample_records(), test::kSavedAt);
  // A crash mid-write can leave any prefix of the record.
  for (std::size_t cut = 1; cut < stored.size(); cut += 7) {
    CAPTURE(cut);
    const auto opened = core::open_store_record(stored.substr(0, cut));
    CHECK(opened.status == DecodeStatus::corrupt);
    CHECK(opened.records.empty());
  }
}

TEST_CASE("a flipped character inside the saved text is found by the checksum") {
  const auto stored = core::store_record(test::sample_records(), test::kSavedAt);
  // Change a digit of a phone number inside the payload: still valid JSON, still a phone number.
  auto damaged = stored;
  const auto at = damaged.find("+447700900456");
  REQUIRE(at != std::string::npos);
  damaged[at + 12] = '7';
  const auto opened = core::open_store_record(damaged);
  CHECK(opened.status == DecodeStatus::corrupt);
  CHECK(first_problem_key(opened) == "plans.store.damaged");
  CHECK(opened.records.empty());
}

TEST_CASE("an envelope with a wrong length, a missing checksum or another app's data is damaged") {
  const auto stored = core::store_record(test::sample_records(), test::kSavedAt);
  json envelope = json::parse(stored);
  auto with = [&](auto change) {
    json copy = envelope;
    change(copy);
    return core::open_store_record(copy.dump()).status;
  };
  CHECK(with([](json& e) { e["length"] = e["length"].get<std::size_t>() + 1; }) == DecodeStatus::corrupt);
  CHECK(with([](json& e) { e.erase("fnv1a64"); }) == DecodeStatus::corrupt);
  CHECK(with([](json& e) { e["envelope"] = "something-else"; }) == DecodeStatus::corrupt);
  CHECK(with([](json& e) { e["payload"] = 42; }) == DecodeStatus::corrupt);
  CHECK(core::open_store_record("[1,2,3]").status == DecodeStatus::corrupt);
  CHECK(core::open_store_record(std::string("\x00\x01garbage", 9)).status == DecodeStatus::corrupt);
  // An envelope holding an empty document is not "nothing stored": something went wrong.
  CHECK(core::open_store_record(core::seal_store_record("")).status == DecodeStatus::corrupt);
}

TEST_CASE("a payload with a good checksum but a broken structure is damaged, and every problem is listed") {
  json doc = core::make_document(test::sample_records(), test::kSavedAt);
  doc["records"]["care_plan"]["goals"] = "not a list";
  doc["records"]["crisis_plan"]["people"][0]["phone"] = 7700900456;
  doc["records"]["crisis_plan"]["mood"] = "fine";
  const auto opened = core::open_store_record(core::seal_store_record(doc.dump()));
  CHECK(opened.status == DecodeStatus::corrupt);
  std::map<std::string, std::string> problems;
  for (const auto& p : opened.problems) problems[p.path] = p.message.key;
  CHECK(problems.at("care_plan.goals") == "plans.import.should_be_list");
  CHECK(problems.at("crisis_plan.people[0].phone") == "plans.import.should_be_text");
  CHECK(problems.at("crisis_plan.mood") == "plans.import.unknown_field");
  CHECK(problems.size() == 3);
}

TEST_CASE("the store keeps values as typed: a half-typed number comes back exactly") {
  core::Records records;
  core::set_field(records, "care_plan.coordinator.phone", "07700 90");
  core::set_field(records, "care_plan.next_review", "31/02");
  const auto opened = core::open_store_record(core::store_record(records, test::kSavedAt));
  REQUIRE(opened.ok());
  CHECK(opened.records.care_plan.coordinator.phone == "07700 90");
  CHECK(opened.records.care_plan.next_review == "31/02");
}

TEST_CASE("the store keeps every item of a list, even past the limit an import would refuse") {
  json doc = core::make_document(core::Records{}, test::kSavedAt);
  for (std::size_t i = 0; i < core::kMaxListItems + 10; ++i)
    doc["records"]["crisis_plan"]["people"].push_back({{"name", "P"}});
  const auto opened = core::open_store_record(core::seal_store_record(doc.dump()));
  REQUIRE(opened.ok());
  CHECK(opened.records.crisis_plan.people.size() == core::kMaxListItems + 10);
  CHECK(core::check_import(doc.dump()).status == DecodeStatus::invalid);
}

TEST_CASE("a record from a newer version is refused with a plain reason") {
  json doc = core::make_document(test::sample_records(), test::kSavedAt);
  doc["schema_version"] = 2;
  doc["records"]["care_plan"]["new_thing_in_v2"] = "kept by v2";
  const auto opened = core::open_store_record(core::seal_store_record(doc.dump()));
  CHECK(opened.status == DecodeStatus::newer_version);
  CHECK(opened.schema_version == 2);
  CHECK(first_problem_key(opened) == "plans.import.newer");
  CHECK(opened.records.empty());

  json envelope = json::parse(core::store_record(test::sample_records(), test::kSavedAt));
  envelope["envelope_version"] = 2;
  CHECK(core::open_store_record(envelope.dump()).status == DecodeStatus::newer_version);
}

TEST_CASE("version 1 is current, and its documents load without migrating") {
  CHECK(core::kSchemaVersion == 1);
  CHECK(core::migration_chain().size() + 1 == static_cast<std::size_t>(core::kSchemaVersion));
  const auto text = core::document_text(test::sample_records(), test::kSavedAt, false);
  const auto decoded = core::decode_document(text, core::DocumentCheck::store);
  REQUIRE(decoded.ok());
  CHECK(decoded.migrated_from == 0);
  CHECK(decoded.records == test::sample_records());
}

TEST_CASE("a version below 1, or no version, is not ours to guess at") {
  json doc = core::make_document(core::Records{}, test::kSavedAt);
  for (json version : {json(0), json(-3), json("1"), json(1.5), json()}) {
    CAPTURE(version.dump());
    doc["schema_version"] = version;
    const auto decoded = core::decode_document(doc.dump(), core::DocumentCheck::store);
    CHECK(decoded.status == DecodeStatus::corrupt);
    CHECK(first_problem_key(decoded) == "plans.import.bad_version");
  }
}

TEST_CASE("the migration chain runs every step from the document's version up, in order") {
  // A pretend future: v2 renamed gp.surgery to gp.practice, v3 split nothing but marks itself.
  std::vector<std::string> ran;
  const std::vector<core::MigrationStep> chain = {
      [&](json d) {
        ran.push_back("1->2");
        auto& gp = d["records"]["care_plan"]["gp"];
        gp["practice"] = gp["surgery"];
        gp.erase("surgery");
        return d;
      },
      [&](json d) {
        ran.push_back("2->3");
        return d;
      },
  };
  json v1 = core::make_document(core::Records{}, test::kSavedAt);
  auto& gp = v1["records"]["care_plan"]["gp"];
  gp.erase("practice");
  gp["surgery"] = "Canal Street Surgery";

  const json migrated = core::migrate(v1, 1, chain);
  CHECK(ran == std::vector<std::string>{"1->2", "2->3"});
  CHECK(migrated["schema_version"] == 3);
  CHECK(migrated["records"]["care_plan"]["gp"]["practice"] == "Canal Street Surgery");

  ran.clear();
  json v2 = migrated;
  v2["schema_version"] = 2;
  core::migrate(v2, 2, chain);
  CHECK(ran == std::vector<std::string>{"2->3"});

  // Decoding with that chain reads the old document into today's records.
  ran.clear();
  const auto decoded = core::decode_document(v1.dump(), core::DocumentCheck::store, chain);
  REQUIRE(decoded.ok());
  CHECK(decoded.migrated_from == 1);
  CHECK(decoded.records.care_plan.gp.practice == "Canal Street Surgery");
  // Without the step the old field is unknown, so it is reported rather than dropped.
  const auto unmigrated = core::decode_document(v1.dump(), core::DocumentCheck::store);
  CHECK(unmigrated.status == DecodeStatus::corrupt);
  CHECK(unmigrated.problems.front().path == "care_plan.gp.surgery");
}

TEST_CASE("FNV-1a 64 matches its published test values") {
  CHECK(core::fnv1a64("") == 0xcbf29ce484222325ull);
  CHECK(core::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(core::fnv1a64("foobar") == 0x85944171f73967e8ull);
}
