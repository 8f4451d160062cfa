// The hazard log (docs/clinical-safety/hazard-log.md) names, for every control, the test that
// proves it.  These tests keep those names honest, and hold the rule that names stale content.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "content_files.hpp"
#include "core/content/content.hpp"
#include "core/eligibility/eligibility.hpp"

using namespace cpa;

namespace {

struct NamedTest {
  std::string file;
  std::string name;
  std::string hazard;
};

std::vector<NamedTest> named_tests(const std::string& log, std::vector<std::string>& hazards_without_tests) {
  std::vector<NamedTest> out;
  const std::regex test_line(R"re(Test: (tests/[A-Za-z0-9_./-]+) › "([^"]+)")re");
  std::istringstream lines(log);
  std::string line, hazard;
  bool hazard_has_test = true;
  while (std::getline(lines, line)) {
    if (line.rfind("## H", 0) == 0) {
      if (!hazard_has_test) hazards_without_tests.push_back(hazard);
      hazard = line.substr(3);
      hazard_has_test = false;
    }
    std::smatch m;
    if (std::regex_search(line, m, test_line)) {
      out.push_back({m[1], m[2], hazard});
      hazard_has_test = true;
    }
  }
  if (!hazard_has_test) hazards_without_tests.push_back(hazard);
  return out;
}

}  // namespace

TEST_CASE("every control in the hazard log names a test that exists") {
  const std::string log = test::read_text(test::source_dir() + "/docs/clinical-safety/hazard-log.md");
  REQUIRE_FALSE(log.empty());
  std::vector<std::string> hazards_without_tests;
  const auto tests = named_tests(log, hazards_without_tests);
  CHECK(tests.size() >= 20);
  CHECK_MESSAGE(hazards_without_tests.empty(), "a hazard with no test: " << hazards_without_tests.front());
  for (const auto& t : tests) {
    CAPTURE(t.hazard);
    CAPTURE(t.file);
    CAPTURE(t.name);
    const std::string source = test::read_text(test::source_dir() + "/" + t.file);
    REQUIRE_MESSAGE(!source.empty(), "the hazard log names a test file that does not exist");
    const bool is_cpp = t.file.size() > 4 && t.file.substr(t.file.size() - 4) == ".cpp";
    // The name, quoted, right after TEST_CASE( or test( (clang-format may put a new line between).
    const std::string quoted = is_cpp ? "\"" + t.name + "\"" : "'" + t.name + "'";
    const std::string opener = is_cpp ? "TEST_CASE(" : "test(";
    bool declared = false;
    for (auto at = source.find(quoted); at != std::string::npos && !declared; at = source.find(quoted, at + 1)) {
      auto before = source.find_last_not_of(" \t\r\n", at - 1);
      declared = before != std::string::npos && before + 1 >= opener.size() &&
                 source.compare(before + 1 - opener.size(), opener.size(), opener) == 0;
    }
    CHECK_MESSAGE(declared, "the hazard log names a test that does not exist");
  }
  // Each hazard the issue names is in the log.
  for (const char* hazard : {"wrong or missing crisis number", "routed to \"later\"", "another nation's service",
                             "stale", "damaged record", "out-of-date plan", "last visitor", "seen using the app"})
    CHECK_MESSAGE(log.find(hazard) != std::string::npos, hazard);
}

// Staleness is the build's to report (tools/site, on its own date); here the rule is held with
// fixed dates, so the suite gives the same answer on any day.
TEST_CASE("a fact checked more than a year before the build's date is named, and only such a fact") {
  const auto loaded = core::load_content(test::content_files());
  REQUIRE(loaded.ok());
  const auto& content = *loaded.content;
  std::vector<std::string> dates;
  for (const auto& source : content.sources) dates.push_back(source.second.checked);
  for (const auto& page : content.pages) dates.push_back(page.second.checked);
  for (const auto& line : content.crisis_lines) dates.push_back(line.checked);
  for (const auto& route : content.access.routes) dates.push_back(route.checked);
  const auto oldest = *core::parse_iso_date(*std::min_element(dates.begin(), dates.end()));
  // The first day anything is stale is a year and a day after the oldest check, and on that day
  // the oldest check is all that is named.
  core::Date day = oldest;
  while (core::stale_facts(content, day).empty() && core::days_between(oldest, day) < 400) day = core::add_days(day, 1);
  CHECK(core::days_between(oldest, day) >= 366);
  CHECK(core::days_between(oldest, day) <= 367);
  const auto named = core::stale_facts(content, day);
  REQUIRE_FALSE(named.empty());
  for (const auto& fact : named) {
    CAPTURE(fact.what);
    CHECK(fact.checked == core::to_iso(oldest));
  }
  // Ten years on, everything is.
  CHECK(core::stale_facts(content, core::Date{oldest.year + 10, 1, 1}).size() == dates.size());
}

TEST_CASE("a year before 29 February is 28 February") {
  CHECK_FALSE(core::more_than_a_year_before({2023, 2, 28}, {2024, 2, 29}));
  CHECK(core::more_than_a_year_before({2023, 2, 27}, {2024, 2, 29}));
  CHECK_FALSE(core::more_than_a_year_before({2025, 12, 7}, {2026, 12, 7}));
  CHECK(core::more_than_a_year_before({2025, 12, 6}, {2026, 12, 7}));
}
