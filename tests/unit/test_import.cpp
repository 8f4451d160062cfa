// Export and import: the file is the versioned document; an import lists every problem and
// gives back records only when the whole file is good.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "real_content.hpp"
#include "core/content/content.hpp"
#include "core/plans/records/records_store.hpp"
#include "records_samples.hpp"

using namespace cpa;
using core::DecodeStatus;
using nlohmann::json;

namespace {

std::vector<std::string> words(const core::DecodeResult& result) {
  std::vector<std::string> out;
  for (const auto& p : result.problems) out.push_back(core::render_problem(test::real_content(), p));
  return out;
}

bool says(const core::DecodeResult& result, const std::string& text) {
  const auto all = words(result);
  return std::find(all.begin(), all.end(), text) != all.end();
}

json sample_document() { return core::make_document(test::sample_records(), test::kSavedAt); }
}  // namespace

TEST_CASE("the export file is named by today's date and holds the pretty-printed document") {
  CHECK(core::export_filename("2026-11-23") == "cpa-companion-2026-11-23.json");
  const auto text = core::export_text(test::sample_records(), test::kSavedAt);
  CHECK(text.find("\n  \"format\": \"cpa-companion-records\"") != std::string::npos);
  CHECK(text.back() == '\n');
  const json doc = json::parse(text);
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["saved_at"] == test::kSavedAt);
}

TEST_CASE("export then import gives back exactly the same plans") {
  const auto records = test::sample_records();
  const auto result = core::check_import(core::export_text(records, test::kSavedAt));
  for (const auto& w : words(result)) MESSAGE(w);
  REQUIRE(result.ok());
  CHECK(result.records == records);
  CHECK(result.saved_at == test::kSavedAt);
}

TEST_CASE("a file that is not JSON, empty, or not ours is refused with one plain reason") {
  struct Case {
    std::string text;
    DecodeStatus status;
    const char* says;
  };
  const Case cases[] = {
      {"", DecodeStatus::empty, "This file is empty."},
      {"Dear Priya, see you on Monday.", DecodeStatus::corrupt,
       "This file cannot be read. It may be damaged, or it may not be a file saved by CPA Companion."},
      {R"({"format": "cpa-companion-records", "schema_version": 1, "records": {)", DecodeStatus::corrupt,
       "This file cannot be read. It may be damaged, or it may not be a file saved by CPA Companion."},
      {R"({"name": "my playlist"})", DecodeStatus::corrupt,
       "This is not a CPA Companion file. Choose a file you saved from this app. Its name starts with cpa-companion."},
      {"[1, 2, 3]", DecodeStatus::corrupt,
       "This is not a CPA Companion file. Choose a file you saved from this app. Its name starts with cpa-companion."},
      {R"({"format": "cpa-companion-records", "records": {}})", DecodeStatus::corrupt,
       "This file does not say which version of the app saved it, so it cannot be read safely."},
      {R"({"format": "cpa-companion-records", "schema_version": 7, "records": {}})", DecodeStatus::newer_version,
       "This was saved by a newer version of CPA Companion. Update the app, then try again."},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto result = core::check_import(c.text);
    CHECK(result.status == c.status);
    CHECK(result.records.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(words(result).front() == c.says);
  }
}

TEST_CASE("a file over 1 MB is refused before it is read") {
  std::string big = core::export_text(test::sample_records(), test::kSavedAt);
  big.insert(big.size() - 2, std::string(core::kMaxImportBytes, ' '));
  const auto result = core::check_import(big);
  CHECK(result.status == DecodeStatus::corrupt);
  REQUIRE(result.problems.size() == 1);
  CHECK(words(result).front() ==
        "This file is too big to load. A file saved by CPA Companion is never bigger than 1.0 MB.");
}

TEST_CASE("every problem in a file is listed, each with where it is, and nothing is given back") {
  json doc = sample_document();
  auto& care = doc["records"]["care_plan"];
  auto& crisis = doc["records"]["crisis_plan"];
  care["coordinator"]["phone"] = "0770 090";                              // not a phone number
  care["gp"]["phone"] = "+33 1 23 45 67 89";                              // abroad
  care["coordinator"]["email"] = "priya at nhs";                          // not an email
  care["next_review"] = "2026-02-30";                                     // no such day
  care["goals"] = "Go back to college";                                   // should be a list
  crisis["people"][0]["phone"] = "12345";                                 // bad number inside a contact
  crisis["people"][0]["nickname"] = "Ash";                                // unknown part of a contact
  crisis["warning_signs"].push_back(42);                                  // not text
  crisis["favourite_colour"] = "green";                                   // unknown field
  doc["exported_by"] = "someone";                                         // unknown at the top
  for (int i = 0; i < 60; ++i) crisis["self_help"].push_back("Breathe");  // list too long

  const auto result = core::check_import(doc.dump(2));
  CHECK(result.status == DecodeStatus::corrupt);  // the shape is wrong, not only values
  CHECK(result.records.empty());
  for (const auto& w : words(result)) MESSAGE(w);
  CHECK(says(result,
             "My care plan, Phone number: Enter a UK phone number, like 07700 900123 or 020 7946 0000. "
             "Short numbers like 111 work too."));
  CHECK(says(result,
             "My care plan, Surgery phone number: This app can only keep UK numbers. Enter a number "
             "that starts with 0, like 07700 900123."));
  CHECK(says(result, "My care plan, Email: Enter an email address, like name@example.com."));
  CHECK(says(result,
             "My care plan, Date of my next review: That date is not on the calendar. Check the day and "
             "the month."));
  CHECK(says(result, "My care plan, My goals: This should be a list."));
  CHECK(says(result,
             "My crisis plan, People I respond to best, number 1, Phone number: Enter a UK phone number, "
             "like 07700 900123 or 020 7946 0000. Short numbers like 111 work too."));
  CHECK(says(result,
             "My crisis plan, People I respond to best, number 1, nickname: The app does not know what "
             "this is, so it cannot read the file safely."));
  CHECK(says(result, "My crisis plan, My early warning signs, number 3: This should be text."));
  CHECK(says(result,
             "crisis_plan.favourite_colour: The app does not know what this is, so it cannot read the file "
             "safely."));
  CHECK(says(result, "exported_by: The app does not know what this is, so it cannot read the file safely."));
  CHECK(says(result,
             "My crisis plan, Things I can do: This list has more than 50 in it. That is more than the "
             "app can keep."));
  CHECK(result.problems.size() == 11);
}

TEST_CASE("a file whose shape is right but whose values are not is invalid, and lists each value") {
  json doc = sample_document();
  doc["records"]["crisis_plan"]["out_of_hours"][0]["phone"] = "0800 123";
  doc["records"]["care_plan"]["last_review"] = "2027-01-01";  // after the next review
  const auto result = core::check_import(doc.dump());
  CHECK(result.status == DecodeStatus::invalid);
  CHECK(result.records.empty());
  REQUIRE(result.problems.size() == 2);
  CHECK(says(result,
             "My care plan, Date of my next review: Your next review should be after your last one. Check "
             "both dates."));
}

TEST_CASE("a file without the plans in it is refused, naming what is missing") {
  const auto result = core::check_import(R"({"format": "cpa-companion-records", "schema_version": 1,
                                             "saved_at": "2026-11-23T10:15:00Z", "records": {"care_plan": {}}})");
  CHECK(result.status == DecodeStatus::corrupt);
  CHECK(says(result, "crisis_plan: This is missing."));
}

TEST_CASE("a file may leave blank fields out: they are read as blank") {
  const auto result = core::check_import(R"({"format": "cpa-companion-records", "schema_version": 1,
      "saved_at": "2026-11-23T10:15:00Z",
      "records": {"care_plan": {"gp": {"phone": "01632 960123"}}, "crisis_plan": {"people": [{"name": "Asha"}]}}})");
  REQUIRE(result.ok());
  CHECK(result.records.care_plan.gp.phone == "+441632960123");
  CHECK(result.records.crisis_plan.people.at(0).name == "Asha");
  CHECK(result.records.crisis_plan.people.at(0).phone.empty());
}

TEST_CASE("the fullest plans the app accepts still export under the import limit") {
  const core::Records records = test::largest_records();
  CHECK(core::validate_records(records).empty());
  CHECK(records.crisis_plan.people.size() == core::kMaxListItems);
  CHECK(records.crisis_plan.people.back().when.size() == 300);
  CHECK(records.care_plan.review_questions.back().size() == 300);
  const auto text = core::export_text(records, test::kSavedAt);
  MESSAGE("largest export: " << text.size() << " bytes");
  CHECK(text.size() < core::kMaxImportBytes);
  const auto result = core::check_import(text);
  REQUIRE(result.ok());
  CHECK(result.records == records);
}

TEST_CASE("a file with a costly or retired number is still imported: the number is kept, with its reason beside it") {
  // An export made before the app refused these numbers: Samaritans' old line, an 0870 team line.
  json doc = sample_document();
  doc["records"]["crisis_plan"]["people"][0]["name"] = "Samaritans";
  doc["records"]["crisis_plan"]["people"][0]["phone"] = "+448457909090";
  doc["records"]["care_plan"]["team"]["out_of_hours_phone"] = "+448700100000";
  const auto result = core::check_import(doc.dump());
  REQUIRE(result.ok());
  CHECK(result.records.crisis_plan.people.at(0).phone == "+448457909090");  // never lost
  CHECK(result.records.care_plan.team.out_of_hours_phone == "+448700100000");
  // The plan form shows why each is not a call link.
  const auto problems = core::validate_records(result.records);
  REQUIRE(problems.size() == 2);
  for (const auto& problem : problems) CHECK_FALSE(problem.blocks_import);
  // A number that is no number at all still stops the file, as before.
  doc["records"]["crisis_plan"]["people"][0]["phone"] = "12345";
  CHECK(core::check_import(doc.dump()).status == DecodeStatus::invalid);
}
