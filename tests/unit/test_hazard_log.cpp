// The hazard log (docs/clinical-safety/hazard-log.md) names, for every control, the test that
// proves it.  These tests keep those names honest, and keep the content from going stale.
#include <doctest/doctest.h>

#include <chrono>
#include <regex>
#include <sstream>

#include "content_files.hpp"
#include "core/content.hpp"
#include "core/eligibility.hpp"

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

TEST_CASE("every source, page and crisis line was checked within the last year") {
  const auto loaded = core::load_content(test::content_files());
  REQUIRE(loaded.ok());
  const auto& content = *loaded.content;
  const auto now = std::chrono::system_clock::now();
  const auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)};
  auto days_since = [&](const std::string& iso) {
    const int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    const std::chrono::sys_days checked = std::chrono::year{y} / m / d;
    return (std::chrono::sys_days{today} - checked).count();
  };
  for (const auto& source : content.sources) {
    CAPTURE(source.first);
    CHECK(days_since(source.second.checked) <= 366);
  }
  for (const auto& page : content.pages) {
    CAPTURE(page.first);
    CHECK(days_since(page.second.checked) <= 366);
  }
  for (const auto& line : content.crisis_lines) {
    CAPTURE(line.id);
    CHECK(days_since(line.checked) <= 366);
  }
}
