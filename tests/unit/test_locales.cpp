// Two languages (issue 27): plural forms by CLDR's rules, each locale's calendar words, the
// review record, and the one table of keys that holds a translation to the English files.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "content_files.hpp"
#include "content_problems.hpp"
#include "core/content/content.hpp"
#include "core/plans/plan_reviews.hpp"
#include "real_content.hpp"

using namespace cpa;

namespace {

const core::Content& english() { return *test::real_languages().at(0); }
const core::Content& welsh() { return *test::real_languages().at(1); }

// Every locale of the real content, with one file changed by edit.
core::ContentLoad load_with(const std::string& path, const std::function<void(nlohmann::json&)>& edit) {
  auto files = test::content_files();
  auto json = nlohmann::json::parse(files.at(path));
  edit(json);
  files[path] = json.dump();
  return core::load_content_languages(files);
}

core::Date day(int year, int month, int d) { return core::Date{year, month, d}; }

}  // namespace

TEST_CASE("plural categories: English has one and other, Welsh all six of CLDR's, for every count") {
  CHECK(core::plural_category("en-GB", 1) == "one");
  CHECK(core::plural_category("en-GB", -1) == "one");
  for (const long n : {0L, 2L, 3L, 6L, 11L, 100L}) CHECK(core::plural_category("en-GB", n) == "other");
  CHECK(core::plural_category("cy", 0) == "zero");
  CHECK(core::plural_category("cy", 1) == "one");
  CHECK(core::plural_category("cy", 2) == "two");
  CHECK(core::plural_category("cy", 3) == "few");
  CHECK(core::plural_category("cy", 6) == "many");
  for (const long n : {4L, 5L, 7L, 8L, 10L, 11L, 16L, 20L, 100L, 1000L}) {
    CAPTURE(n);
    CHECK(core::plural_category("cy", n) == "other");
  }
  CHECK(core::plural_category("cy", -3) == "few");  // CLDR's n is the absolute value
}

TEST_CASE("a counted string takes its form from the count: English's _one, Welsh's six forms") {
  CHECK(english().plural("plans.ui.filled", 1, {{"n", "1"}}) == "1 thing written");
  CHECK(english().plural("plans.ui.filled", 3, {{"n", "3"}}) == "3 things written");
  CHECK(english().plural("plans.lock.minutes", 2, {{"minutes", "2"}}) == "2 minutes");  // no _one: one form
  // Welsh: the noun mutates after 2 (soft), 3 and 6 (aspirate), as the forms in plurals.json say.
  const auto& cy = welsh();
  CHECK(cy.plural("plans.ui.filled", 0, {{"n", "0"}}) == "Dim byd wedi'i ysgrifennu");
  CHECK(cy.plural("plans.ui.filled", 1, {{"n", "1"}}) == "1 peth wedi'i ysgrifennu");
  CHECK(cy.plural("plans.ui.filled", 2, {{"n", "2"}}) == "2 beth wedi'u hysgrifennu");
  CHECK(cy.plural("plans.ui.filled", 3, {{"n", "3"}}) == "3 pheth wedi'u hysgrifennu");
  CHECK(cy.plural("plans.ui.filled", 6, {{"n", "6"}}) == "6 pheth wedi'u hysgrifennu");
  CHECK(cy.plural("plans.ui.filled", 4, {{"n", "4"}}) == "4 peth wedi'u hysgrifennu");
  CHECK(cy.plural("plans.lock.minutes", 2, {{"minutes", "2"}}) == "2 funud");
  CHECK(cy.plural("plans.lock.minutes", 5, {{"minutes", "5"}}) == "5 munud");
  // A string with no count forms is the string itself, filled.
  CHECK(cy.plural("help_now.call", 2, {{"number", "999"}}) == cy.format("help_now.call", {{"number", "999"}}));
}

TEST_CASE("the review reminder counts days in the reader's language") {
  core::ReviewReminder reminder;
  reminder.kind = core::ReviewReminder::Kind::due_soon;
  reminder.date = "2026-12-09";
  reminder.days = 2;
  CHECK(core::review_banner_text(english(), reminder) ==
        "Your care plan review is in 2 days, on 9 December 2026. Add your questions to your plan.");
  CHECK(core::review_banner_text(welsh(), reminder).find("ymhen 2 ddiwrnod, ar 9 Rhagfyr 2026") != std::string::npos);
  reminder.days = 1;
  CHECK(core::review_banner_text(welsh(), reminder).find("yfory, 9 Rhagfyr 2026") != std::string::npos);
}

TEST_CASE("dates are written with the locale's month and day names") {
  CHECK(core::long_date(english(), day(2026, 11, 23)) == "23 November 2026");
  CHECK(core::long_date(welsh(), day(2026, 11, 23)) == "23 Tachwedd 2026");
  CHECK(core::long_date(welsh(), day(2027, 1, 1)) == "1 Ionawr 2027");
  CHECK(core::long_date(welsh(), "2026-02-28") == "28 Chwefror 2026");
  CHECK(core::long_date(welsh(), "not a date") == "not a date");
  // 7 December 2026 is a Monday; 13 December a Sunday; 29 February 2028 a Tuesday.
  CHECK(core::day_name(english(), day(2026, 12, 7)) == "Monday");
  CHECK(core::day_name(welsh(), day(2026, 12, 7)) == "dydd Llun");
  CHECK(core::day_name(welsh(), day(2026, 12, 13)) == "dydd Sul");
  CHECK(core::day_name(english(), day(2028, 2, 29)) == "Tuesday");
  CHECK(core::day_name(english(), day(1969, 12, 31)) == "Wednesday");
}

TEST_CASE("dates.json needs 12 months, 7 days and a long date with its three parts") {
  const auto loaded = load_with("cy/dates.json", [](nlohmann::json& j) {
    j["months"].erase(j["months"].begin());
    j["days"].push_back("dydd Arall");
    j["long_date"] = "{day} {month}";
  });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, "cy/dates.json", "months", "12 month names"));
  CHECK(test::has_problem_in(loaded, "cy/dates.json", "days", "7 day names"));
  CHECK(test::has_problem_in(loaded, "cy/dates.json", "long_date", "{year}"));
}

TEST_CASE("plurals.json: every form of every category, for a string that exists, with its placeholders") {
  const auto loaded = load_with("cy/plurals.json", [](nlohmann::json& j) {
    j["forms"]["plans.lock.minutes"].erase("few");
    j["forms"]["plans.lock.minutes"]["dual"] = "x";
    j["forms"]["plans.ui.filled"]["two"] = "{count} beth";
    j["forms"]["no.such.string"] = j["forms"]["plans.ui.filled"];
    j["forms"].erase("kiosk.still_there.body");  // English counts it (it has a _one)
  });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, "cy/plurals.json", "forms.plans.lock.minutes.few", "missing"));
  CHECK(test::has_problem_in(loaded, "cy/plurals.json", "forms.plans.lock.minutes.dual", "not a plural category"));
  CHECK(test::has_problem_in(loaded, "cy/plurals.json", "forms.plans.ui.filled.two", "placeholder"));
  CHECK(test::has_problem_in(loaded, "cy/plurals.json", "forms.no.such.string", "names no string"));
  CHECK(test::has_problem_in(loaded, "cy/plurals.json", "forms", "\"kiosk.still_there.body\""));
}

TEST_CASE("each translated file says whether a translator has checked it, and all say the same") {
  auto loaded = load_with("cy/pages/rights.json", [](nlohmann::json& j) { j.erase("review"); });
  CHECK(test::has_problem_in(loaded, "cy/pages/rights.json", "review", "qualified translator"));
  loaded = load_with("cy/strings-kiosk.json", [](nlohmann::json& j) { j["review"]["status"] = "reviewed"; });
  CHECK(test::has_problem_in(loaded, "cy/strings-kiosk.json", "review", "differs"));
}

// The one table of keys: what one locale has, the other must have, never a silent fallback.
TEST_CASE("a string in one locale and not the other is a problem naming the file and the key, either way") {
  auto loaded = load_with("cy/strings.json", [](nlohmann::json& j) { j["strings"].erase("help_now"); });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, "cy/strings.json", "strings.help_now", "missing (en-GB/strings.json has it)"));
  loaded = load_with("en-GB/strings-kiosk.json", [](nlohmann::json& j) { j["strings"].erase("kiosk.attract.title"); });
  CHECK_FALSE(loaded.ok());
  CHECK(test::has_problem_in(loaded, "en-GB/strings-kiosk.json", "strings.kiosk.attract.title",
                             "missing (cy/strings-kiosk.json has it)"));
  auto files = test::content_files();
  files.erase("cy/strings-store.json");
  CHECK(test::has_problem_in(core::load_content_languages(files), "cy/strings-store.json", "", "missing"));
}

TEST_CASE("a page block, a question, a plan field or a list item in one locale only is a problem") {
  auto loaded = load_with("cy/pages/rights.json", [](nlohmann::json& j) { j["blocks"].erase(j["blocks"].begin()); });
  CHECK(test::has_problem_in(loaded, "cy/pages/rights.json", "blocks", "items where en-GB has"));
  loaded = load_with("en-GB/eligibility.json", [](nlohmann::json& j) { j["questions"][0].erase("why"); });
  CHECK(test::has_problem_in(loaded, "en-GB/eligibility.json", "questions[0].why", "cy/eligibility.json has it"));
  loaded = load_with("cy/plans.json", [](nlohmann::json& j) { j["fields"].erase("crisis_plan.people"); });
  CHECK(test::has_problem_in(loaded, "cy/plans.json", "fields.crisis_plan.people", "missing"));
  loaded = load_with("cy/access_routes.json", [](nlohmann::json& j) { j["sms_registration"]["steps"].erase(0); });
  CHECK(test::has_problem_in(loaded, "cy/access_routes.json", "sms_registration.steps", "items where en-GB has"));
}

TEST_CASE("ids, rules, source ids and links are data: a translation that changes one is a problem") {
  auto loaded = load_with("cy/eligibility.json", [](nlohmann::json& j) { j["rules"][1]["result"] = "likely"; });
  CHECK(test::has_problem_in(loaded, "cy/eligibility.json", "rules[1].result", "data, not words"));
  loaded = load_with("cy/pages/rights.json", [](nlohmann::json& j) { j["sources"][0] = "samaritans"; });
  CHECK(test::has_problem_in(loaded, "cy/pages/rights.json", "sources[0]", "data, not words"));
  loaded = load_with("cy/crisis_lines.json", [](nlohmann::json& j) { j["lines"][0]["id"] = "nhs-111-wales"; });
  CHECK(test::has_problem_in(loaded, "cy/crisis_lines.json", "lines[0].id", "data, not words"));
  // Words may differ; their {placeholders} may move but not change.
  loaded = load_with("cy/strings.json", [](nlohmann::json& j) { j["strings"]["help_now.call"] = "Ffoniwch"; });
  CHECK(test::has_problem_in(loaded, "cy/strings.json", "strings.help_now.call", "placeholders"));
}

TEST_CASE("the content bundle carries every locale, and the app gets both") {
  const auto bundle = core::make_content_bundle(test::content_files());
  CHECK(bundle.find("cy/strings.json") != std::string::npos);
  CHECK(bundle.find("glossary.json") == std::string::npos);  // for translators, not the app
  const auto loaded = core::load_content_bundle(bundle);
  REQUIRE(loaded.ok());
  REQUIRE(loaded.languages.size() == 2);
  CHECK(loaded.languages[0]->locale == "en-GB");
  CHECK(loaded.languages[1]->locale == "cy");
  CHECK(loaded.language("cy")->crisis_line("samaritans")->name == "Y Samariaid");
  CHECK(loaded.language("cy")->crisis_line("samaritans")->number == "116 123");
}
