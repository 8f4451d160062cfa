// Every past release's store opens with this build (issue 25): tests/vectors/store/ holds, for
// each store format since the first release that kept plans, what that release's own code wrote
// (tests/vectors/store/make.sh builds each from git history).  Nothing the person wrote may be
// lost or changed in the reading, and what this build writes back opens again the same.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "content_files.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/lock/store_lock.hpp"

namespace core = cpa::core;
namespace test = cpa::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<json> store_vectors() {
  std::vector<json> out;
  for (const auto& entry : fs::directory_iterator(fs::path(test::source_dir()) / "tests/vectors/store"))
    if (entry.path().extension() == ".json") out.push_back(json::parse(test::read_text(entry.path())));
  std::sort(out.begin(), out.end(), [](const json& a, const json& b) { return a["release"] < b["release"]; });
  return out;
}

// The records document inside a sealed envelope, as the release wrote it.
json written_records(const std::string& stored) {
  const json envelope = json::parse(stored);
  return json::parse(envelope["payload"].get<std::string>())["records"];
}

}  // namespace

TEST_CASE("a store from every past release is kept as a vector, from the first release that kept plans") {
  std::vector<std::string> releases;
  for (const auto& v : store_vectors()) releases.push_back(v["release"]);
  CHECK(releases == std::vector<std::string>{"2026-11-23-records", "2026-11-25-fallback", "2026-12-06-warnings"});
}

TEST_CASE("every past release's store opens with this build, every field as that release wrote it") {
  for (const auto& v : store_vectors()) {
    CAPTURE(v["release"].get<std::string>());
    CHECK(v["database"] == "cpa-companion");
    CHECK(v["object_store"] == "records");
    for (const char* key : {"current", "previous"}) {
      CAPTURE(key);
      const std::string stored = v["records"][key]["doc"];
      const auto opened = core::open_store_record(stored);
      REQUIRE(opened.ok());
      CHECK(opened.migrated_from == 0);
      // Every field, read by today's code, is what the old code wrote.
      CHECK(core::records_to_json(opened.records) == written_records(stored));
      // What this build writes back opens again the same: nothing is lost on the next save.
      CHECK(core::open_store_record(core::store_record(opened.records, opened.saved_at)).records == opened.records);
    }
    const auto records = core::open_store_record(v["records"]["current"]["doc"].get<std::string>()).records;
    CHECK(records.crisis_plan.people.at(0).name == "Aunt Jo");
    CHECK(records.crisis_plan.people.at(0).phone == "+442079460000");
    // A number later releases refuse (Samaritans' old 0845 number) is kept exactly as typed.
    CHECK(records.crisis_plan.people.at(1).phone == "0845 790 9090");
    CHECK(records.care_plan.gp.name == "Dr Si\xC3\xA2n Evans");
    CHECK(records.care_plan.needs.at(1).support == "Talking to my GP about \"sleep hygiene\"\nand a routine");
    CHECK(records.crisis_plan.practical.pets == "Next door feeds Mabli the cat");
  }
}

TEST_CASE("every past release's fallback record, where it wrote one, opens for the plain page") {
  int with_fallback = 0;
  for (const auto& v : store_vectors()) {
    CAPTURE(v["release"].get<std::string>());
    if (!v["records"].contains("fallback")) continue;
    ++with_fallback;
    for (const char* key : {"fallback", "fallback_previous"}) {
      const auto view = core::open_fallback_record(v["records"][key].get<std::string>());
      REQUIRE(view);
      CHECK_FALSE(view->locked);
      bool aunt_jo = false;
      for (const auto& section : view->sections)
        for (const auto& contact : section.contacts)
          aunt_jo =
              aunt_jo || (contact.href == "tel:+442079460000" && contact.label.find("Aunt Jo") != std::string::npos);
      CHECK(aunt_jo);
    }
  }
  CHECK(with_fallback == 2);
}
