// The records model: dates, the schema table, editing by field id, validation, and the words
// for every field from plans.json.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <variant>

#include <nlohmann/json.hpp>

#include "real_content.hpp"
#include "core/content/content.hpp"
#include "core/plans/plan_dates.hpp"
#include "tools/readability/readability.hpp"
#include "core/plans/records/records.hpp"
#include "core/plans/records/records_store.hpp"

using namespace cpa;
using core::FieldKind;

namespace {

std::map<std::string, std::string> problems_by_path(const core::Records& records) {
  std::map<std::string, std::string> out;
  for (const auto& p : core::validate_records(records)) out[p.path] = p.message.key;
  return out;
}

bool has_problem(const std::vector<core::ContentProblem>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const auto& p) { return p.file == "plans.json" && p.field == field; });
}
}  // namespace

TEST_CASE("dates: real calendar days only, leap years included") {
  CHECK(core::parse_iso_date("2028-02-29"));
  CHECK(core::parse_iso_date("2000-02-29"));
  CHECK_FALSE(core::parse_iso_date("2026-02-29"));
  CHECK_FALSE(core::parse_iso_date("1900-02-29"));
  CHECK_FALSE(core::parse_iso_date("2026-04-31"));
  CHECK_FALSE(core::parse_iso_date("2026-13-01"));
  CHECK_FALSE(core::parse_iso_date("2026-00-10"));
  CHECK_FALSE(core::parse_iso_date("2026-1-10"));
  CHECK(core::days_in_month(2024, 2) == 29);
  CHECK(core::days_in_month(2100, 2) == 28);
}

TEST_CASE("dates: typed the UK way, day first, or as ISO") {
  for (const char* typed : {"23/11/2026", "23-11-2026", "23.11.2026", " 23 / 11 / 2026 ", "2026-11-23"}) {
    CAPTURE(typed);
    const auto date = core::parse_typed_date(typed);
    REQUIRE(date);
    CHECK(core::to_iso(*date) == "2026-11-23");
  }
  CHECK(core::to_iso(*core::parse_typed_date("1/2/2027")) == "2027-02-01");
  for (const char* typed : {"11/23/2026", "23/11/26", "23/11-2026", "31/02/2026", "tomorrow", "", "23/11/0226"}) {
    CAPTURE(typed);
    CHECK_FALSE(core::parse_typed_date(typed));
  }
}

TEST_CASE("dates: day arithmetic across months, years and leap days") {
  const core::Date d{2026, 11, 23};
  CHECK(core::to_iso(core::add_days(d, 8)) == "2026-12-01");
  CHECK(core::to_iso(core::add_days(d, 39)) == "2027-01-01");
  CHECK(core::to_iso(core::add_days({2028, 2, 28}, 1)) == "2028-02-29");
  CHECK(core::to_iso(core::add_days({2028, 2, 29}, 1)) == "2028-03-01");
  CHECK(core::days_between({2026, 1, 1}, {2027, 1, 1}) == 365);
  CHECK(core::days_between({2028, 1, 1}, {2029, 1, 1}) == 366);
  CHECK(core::days_since_epoch({1970, 1, 1}) == 0);
  CHECK(core::to_uk_numeric(d) == "23/11/2026");
  CHECK(core::to_ics_date(d) == "20261123");
}

TEST_CASE("the schema covers every part of both plans, with unique stable ids") {
  std::set<std::string> ids;
  std::set<std::string> section_ids;
  for (const auto& section : core::plan_sections()) {
    CHECK(section_ids.insert(std::string(section.id)).second);
    CHECK(std::count(core::plan_ids().begin(), core::plan_ids().end(), section.plan) == 1);
    CHECK(core::find_section(section.id) == &section);
    CHECK_FALSE(section.fields.empty());
    for (const auto& field : section.fields) {
      CAPTURE(field.id);
      CHECK(ids.insert(std::string(field.id)).second);
      CHECK(field.id.substr(0, section.plan.size()) == section.plan);
      CHECK(core::find_field(field.id) == &field);
      if (!core::is_list(field.kind)) CHECK(field.max_bytes > 0);
      // The kind says what the slot holds: one text, or a list of the kind's items.
      core::Records records;
      const auto slot = field.slot(records);
      CHECK(std::holds_alternative<std::string*>(slot) == !core::is_list(field.kind));
      CHECK(std::holds_alternative<std::vector<std::string>*>(slot) == (field.kind == FieldKind::text_list));
      CHECK(std::holds_alternative<std::vector<core::Contact>*>(slot) == (field.kind == FieldKind::contact_list));
      CHECK(std::holds_alternative<std::vector<core::Need>*>(slot) == (field.kind == FieldKind::need_list));
      for (const auto& sub : core::item_fields(field.kind)) {
        CHECK(core::find_item_field(field.kind, sub.id) == &sub);
        CHECK(sub.max_bytes > 0);
        CHECK(std::holds_alternative<std::monostate>(sub.member) == (field.kind == FieldKind::text_list));
      }
    }
  }
  // plans.json words every section and field, and nothing else: written apart from the schema,
  // so a part missing from either shows here.
  const auto words = nlohmann::json::parse(test::content_files().at("en-GB/plans.json"));
  std::set<std::string> worded_fields, worded_sections;
  for (auto it = words["fields"].begin(); it != words["fields"].end(); ++it) worded_fields.insert(it.key());
  for (auto it = words["sections"].begin(); it != words["sections"].end(); ++it) worded_sections.insert(it.key());
  CHECK(ids == worded_fields);
  CHECK(section_ids == worded_sections);
  CHECK(core::find_field("nope") == nullptr);
  CHECK(core::find_section("nope") == nullptr);
}

TEST_CASE("each field id reaches its own value, at that id's path in the saved document") {
  // Every value different, so two ids sharing one member would show.
  core::Records records;
  std::map<std::string, std::string> written;  // value path -> value
  for (const auto& section : core::plan_sections()) {
    for (const auto& field : section.fields) {
      const std::string id(field.id);
      if (!core::is_list(field.kind)) {
        const std::string value = field.kind == FieldKind::phone   ? "07700 900" + std::to_string(100 + written.size())
                                  : field.kind == FieldKind::date  ? "2026-11-" + std::to_string(10 + written.size())
                                  : field.kind == FieldKind::email ? "a" + std::to_string(written.size()) + "@nhs.net"
                                                                   : id;
        REQUIRE(core::set_field(records, field.id, value));
        written[id] = core::field_text(records, field.id);
        continue;
      }
      for (const auto& sub : core::item_fields(field.kind)) {
        REQUIRE(core::add_item(records, field.id, sub.id, id + "." + std::string(sub.id)));
        written[core::value_path(field.id, core::list_size(records, field.id) - 1, sub.id)] =
            id + "." + std::string(sub.id);
      }
    }
  }
  const auto document = core::records_to_json(records);
  for (const auto& entry : written) {
    const std::string& path = entry.first;
    CAPTURE(path);
    std::string pointer = "/";
    for (char c : path) pointer += c == '.' ? "/" : c == '[' ? "/" : c == ']' ? "" : std::string(1, c);
    CHECK(document.at(nlohmann::json::json_pointer(pointer)) == entry.second);
  }
  std::set<std::string> values;
  for (const auto& entry : written) values.insert(entry.second);
  CHECK(values.size() == written.size());
}

TEST_CASE("every field in the schema can be written and read back through its id") {
  core::Records records;
  for (const auto& section : core::plan_sections()) {
    for (const auto& field : section.fields) {
      CAPTURE(field.id);
      if (core::is_list(field.kind)) {
        for (const auto& sub : core::item_fields(field.kind)) {
          REQUIRE(core::add_item(records, field.id, sub.id, "x"));
          CHECK(core::item_text(records, field.id, core::list_size(records, field.id) - 1, sub.id) == "x");
        }
      } else {
        REQUIRE(core::set_field(records, field.id, "x"));
        CHECK(core::field_text(records, field.id) == "x");
      }
    }
  }
  // Each id reaches its own member: nothing left blank, nothing written twice.
  CHECK(records.care_plan.coordinator.hours == "x");
  CHECK(records.care_plan.team.out_of_hours_phone == "x");
  CHECK(records.crisis_plan.practical.pets == "x");
  CHECK(records.crisis_plan.people.size() == 4);
  CHECK(records.care_plan.needs.size() == 2);
  CHECK(records.crisis_plan.treatment_refusals.size() == 1);
}

TEST_CASE("editing: phones and dates are stored normalised once valid, and kept as typed until then") {
  core::Records records;
  CHECK(core::set_field(records, "care_plan.coordinator.phone", "0770"));
  CHECK(records.care_plan.coordinator.phone == "0770");
  CHECK(core::set_field(records, "care_plan.coordinator.phone", "07700 900123"));
  CHECK(records.care_plan.coordinator.phone == "+447700900123");
  CHECK_FALSE(core::set_field(records, "care_plan.coordinator.phone", "+44 7700 900123"));  // same number
  CHECK(core::display_value(FieldKind::phone, records.care_plan.coordinator.phone) == "07700 900123");
  CHECK(core::value_href(FieldKind::phone, records.care_plan.coordinator.phone) == "tel:+447700900123");

  CHECK(core::set_field(records, "care_plan.next_review", "1/12/2026"));
  CHECK(records.care_plan.next_review == "2026-12-01");
  CHECK(core::display_value(FieldKind::date, records.care_plan.next_review) == "01/12/2026");
  CHECK(core::set_field(records, "care_plan.last_review", "30/02/2026"));
  CHECK(records.care_plan.last_review == "30/02/2026");

  CHECK(core::set_field(records, "care_plan.coordinator.email", "  sam@nhs.net "));
  CHECK(records.care_plan.coordinator.email == "sam@nhs.net");
  CHECK(core::value_href(FieldKind::email, records.care_plan.coordinator.email) == "mailto:sam@nhs.net");
}

TEST_CASE("editing: control characters go, new lines stay only in long text, bad UTF-8 is replaced") {
  core::Records records;
  core::set_field(records, "care_plan.gp.name", "Dr\tAhmed\r\nSmith\x01");
  CHECK(records.care_plan.gp.name == "Dr Ahmed Smith");
  core::set_field(records, "crisis_plan.service_response", "Please:\r\nspeak slowly.\nThank you");
  CHECK(records.crisis_plan.service_response == "Please:\nspeak slowly.\nThank you");
  core::set_field(records, "care_plan.gp.practice", "Caf\xC3\xA9 \xFF Surgery");
  CHECK(records.care_plan.gp.practice == "Caf\xC3\xA9 \xEF\xBF\xBD Surgery");
  core::set_field(records, "care_plan.gp.practice", "Meddygfa Llan\xC5\xB5");  // Welsh w-circumflex kept
  CHECK(records.care_plan.gp.practice == "Meddygfa Llan\xC5\xB5");
}

TEST_CASE("editing lists: add with an example, edit, move, remove; bad ids and indexes change nothing") {
  core::Records records;
  CHECK(core::add_item(records, "crisis_plan.warning_signs", "", "I stop sleeping well"));
  CHECK(core::add_item(records, "crisis_plan.warning_signs"));
  CHECK(core::set_item(records, "crisis_plan.warning_signs", 1, "", "I stop eating"));
  CHECK(records.crisis_plan.warning_signs == std::vector<std::string>{"I stop sleeping well", "I stop eating"});
  CHECK(core::move_item(records, "crisis_plan.warning_signs", 1, 0));
  CHECK(records.crisis_plan.warning_signs.front() == "I stop eating");

  CHECK(core::add_item(records, "crisis_plan.in_hours"));  // a blank contact
  CHECK(records.crisis_plan.in_hours == std::vector<core::Contact>{core::Contact{}});
  CHECK(core::add_item(records, "crisis_plan.people", "relationship", "Friend"));
  CHECK(core::set_item(records, "crisis_plan.people", 0, "phone", "07700 900456"));
  CHECK(records.crisis_plan.people[0].phone == "+447700900456");
  CHECK(records.crisis_plan.people[0].relationship == "Friend");

  const auto before = records;
  CHECK_FALSE(core::set_item(records, "crisis_plan.people", 5, "name", "Sam"));
  CHECK_FALSE(core::set_item(records, "crisis_plan.people", 0, "nickname", "Sam"));
  CHECK_FALSE(core::add_item(records, "crisis_plan.people", "nickname", "Sam"));
  CHECK_FALSE(core::add_item(records, "care_plan.gp.name"));
  CHECK_FALSE(core::set_field(records, "crisis_plan.people", "Sam"));
  CHECK_FALSE(core::set_field(records, "no.such.field", "Sam"));
  CHECK_FALSE(core::remove_item(records, "crisis_plan.people", 1));
  CHECK_FALSE(core::move_item(records, "crisis_plan.warning_signs", 0, 2));
  CHECK(records == before);

  CHECK(core::remove_item(records, "crisis_plan.warning_signs", 0));
  CHECK(records.crisis_plan.warning_signs == std::vector<std::string>{"I stop sleeping well"});
}

TEST_CASE("a list stops at its limit") {
  core::Records records;
  for (std::size_t i = 0; i < core::kMaxListItems; ++i) REQUIRE(core::add_item(records, "care_plan.goals", "", "g"));
  CHECK_FALSE(core::add_item(records, "care_plan.goals", "", "one more"));
  CHECK(records.care_plan.goals.size() == core::kMaxListItems);
}

TEST_CASE("validation: blank is fine; each bad value is named by its path") {
  core::Records records;
  CHECK(core::validate_records(records).empty());
  core::set_field(records, "care_plan.coordinator.phone", "0770");
  core::set_field(records, "care_plan.team.out_of_hours_phone", "+33 1 23 45 67 89");
  core::set_field(records, "care_plan.coordinator.email", "sam at nhs");
  core::set_field(records, "care_plan.last_review", "31/02/2026");
  core::set_field(records, "care_plan.next_review", "soon");
  core::add_item(records, "crisis_plan.people", "phone", "123");
  core::add_item(records, "crisis_plan.people", "phone", "999");
  core::add_item(records, "care_plan.goals", "", std::string(301, 'a'));
  const auto problems = problems_by_path(records);
  CHECK(problems.at("care_plan.coordinator.phone") == "plans.error.phone");
  CHECK(problems.at("care_plan.team.out_of_hours_phone") == "plans.error.phone_abroad");
  CHECK(problems.at("care_plan.coordinator.email") == "plans.error.email");
  CHECK(problems.at("care_plan.last_review") == "plans.error.date_not_real");
  CHECK(problems.at("care_plan.next_review") == "plans.error.date");
  CHECK(problems.at("crisis_plan.people[0].phone") == "plans.error.phone");
  CHECK(problems.at("care_plan.goals[0]") == "plans.error.too_long");
  CHECK_FALSE(problems.count("crisis_plan.people[1].phone"));
  CHECK(problems.size() == 7);
}

TEST_CASE("validation: the next review must not be before the last one") {
  core::Records records;
  core::set_field(records, "care_plan.last_review", "2026-11-23");
  core::set_field(records, "care_plan.next_review", "2026-05-01");
  CHECK(problems_by_path(records).at("care_plan.next_review") == "plans.error.review_order");
  core::set_field(records, "care_plan.next_review", "2027-05-01");
  CHECK(core::validate_records(records).empty());
}

TEST_CASE("emails get a light check") {
  for (const char* ok : {"sam@nhs.net", "a.b+c@example.co.uk", "jo@samaritans.org"})
    CHECK_MESSAGE(core::is_plausible_email(ok), ok);
  for (const char* bad :
       {"sam", "@nhs.net", "sam@", "sam@nhs", "sam@@nhs.net", "sam @nhs.net", "sam@nhs.", "sam@.net", "sam@nhs..net"})
    CHECK_FALSE_MESSAGE(core::is_plausible_email(bad), bad);
}

TEST_CASE("plans.json gives every section, field and item part a label and a prompt") {
  const auto& plans = test::real_content().plans;
  CHECK(core::is_iso_date(plans.checked));
  CHECK_FALSE(plans.source_ids.empty());
  for (const auto& id : plans.source_ids) CHECK_MESSAGE(test::real_content().source(id) != nullptr, id);
  CHECK_FALSE(plans.plans.at("crisis_plan").title.empty());
  for (const auto& section : core::plan_sections()) {
    CHECK_FALSE(plans.sections.at(std::string(section.id)).prompt.empty());
    for (const auto& field : section.fields) {
      CAPTURE(field.id);
      const auto* text = plans.field(std::string(field.id));
      REQUIRE(text != nullptr);
      CHECK_FALSE(text->label.empty());
      CHECK_FALSE(text->prompt.empty());
      if (core::is_list(field.kind) || field.kind == FieldKind::long_text) CHECK(text->examples.size() >= 2);
      if (core::is_list(field.kind)) CHECK_FALSE(text->add.empty());
      for (const auto& sub : core::item_fields(field.kind)) {
        if (sub.id.empty()) continue;
        const auto* item = plans.item(core::item_text_key(field.id, sub.id));
        REQUIRE(item != nullptr);
        CHECK_FALSE(item->label.empty());
      }
    }
  }
}

TEST_CASE("the crisis plan prompts make the key person's contact details easy to give") {
  // Farrelly and others (2013): only 2 in 100 crisis plans said how to contact the key person.
  const auto& plans = test::real_content().plans;
  const auto& people = *plans.field("crisis_plan.people");
  CHECK(people.prompt.find("number") != std::string::npos);
  CHECK(people.prompt.find("when to call") != std::string::npos);
  CHECK(plans.item("contact.phone") != nullptr);
  CHECK(plans.item("contact.when") != nullptr);
}

TEST_CASE("plans.json problems name the file and the field") {
  auto files = test::content_files();
  auto text = files.at("en-GB/plans.json");
  // Drop a prompt, add an unknown field id, and give a list no examples.
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace(R"("prompt": "Their first name and last name, if you know them.")", R"("note": "x")");
  replace(R"("fields": {)", R"("fields": { "care_plan.gp.fax": {"label": "Fax", "prompt": "Fax?"},)");
  replace(
      R"("examples": ["Sleep better", "Go for a walk three times a week", "Go back to work or college", "See my friends more", "Feel calmer"],)",
      "");
  files["en-GB/plans.json"] = text;
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(has_problem(loaded.problems, "fields.care_plan.coordinator.name.prompt"));
  CHECK(has_problem(loaded.problems, "fields.care_plan.gp.fax"));
  CHECK(has_problem(loaded.problems, "fields.care_plan.goals.examples"));

  files.erase("en-GB/plans.json");
  CHECK(has_problem(core::load_content(files).problems, ""));
}

TEST_CASE("a value path is described in the person's words") {
  CHECK(core::describe_path(test::real_content(), "crisis_plan.people[2].phone") ==
        "My crisis plan, People I respond to best, number 3, Phone number");
  CHECK(core::describe_path(test::real_content(), "care_plan.goals[0]") == "My care plan, My goals, number 1");
  CHECK(core::describe_path(test::real_content(), "care_plan.gp.phone") == "My care plan, Surgery phone number");
  CHECK(core::describe_path(test::real_content(), "care_plan.gp.fax") == "care_plan.gp.fax");
}

TEST_CASE("messages are rendered from strings.json with their values") {
  const auto text = core::render(test::real_content(), core::Message{"plans.error.list_full", {{"max", "50"}}});
  CHECK(text == "This list is full. It can hold 50. Remove one to add another.");
  CHECK(core::render(test::real_content(), core::Message{"plans.no.such", {}}) == "[plans.no.such]");
}

TEST_CASE("the plan words read easily (Flesch reading ease 60 or more, about reading age 9 to 11)") {
  const auto& plans = test::real_content().plans;
  std::vector<std::string> pieces;
  for (const auto& [id, plan] : plans.plans) pieces.insert(pieces.end(), {plan.title, plan.intro});
  for (const auto& [id, section] : plans.sections) pieces.insert(pieces.end(), {section.title, section.prompt});
  for (const auto* group : {&plans.fields, &plans.items}) {
    for (const auto& [id, field] : *group) {
      pieces.insert(pieces.end(), {field.label, field.prompt});
      pieces.insert(pieces.end(), field.examples.begin(), field.examples.end());
    }
  }
  const auto counts = readability::count_pieces(pieces);
  const double ease = readability::flesch_reading_ease(counts);
  MESSAGE("plans.json: reading ease " << ease << " (" << counts.words << " words)");
  CHECK(ease >= 60.0);
}
