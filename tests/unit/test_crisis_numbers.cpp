// Pins every crisis number to the facts in CONTENT-FACTS.md (checked 2026-11-23).  Wrong or
// dummy crisis numbers were found in 6 of 69 suicide-prevention apps; a content edit that
// changes one of these must fail here first.
#include <doctest/doctest.h>

#include "real_content.hpp"
#include "core/content.hpp"
#include "core/html.hpp"
#include "tools/site/fallback_html.hpp"

using namespace cpa;

TEST_CASE("the national crisis numbers are exactly the real ones") {
  struct Expected {
    const char* id;
    const char* number;
    const char* href;
  };
  const Expected expected[] = {
      {"emergency", "999", "tel:999"},
      {"nhs-111-england", "111", "tel:111"},
      {"nhs-111-wales", "111", "tel:111"},
      {"nhs-24-scotland", "111", "tel:111"},
      {"lifeline-northern-ireland", "0808 808 8000", "tel:08088088000"},
      {"samaritans", "116 123", "tel:116123"},
      {"shout", "85258", "sms:85258?body=SHOUT"},
      {"breathing-space", "0800 83 85 87", "tel:0800838587"},
  };
  CHECK(test::real_content().crisis_lines.size() == std::size(expected));
  for (const auto& e : expected) {
    CAPTURE(e.id);
    const auto* line = test::real_content().crisis_line(e.id);
    REQUIRE(line != nullptr);
    CHECK(line->number == e.number);
    CHECK(line->href() == e.href);
  }
  CHECK(test::real_content().crisis_line("samaritans")->email == "jo@samaritans.org");
}

TEST_CASE("no crisis line uses Samaritans' old 08457 number") {
  for (const auto& line : test::real_content().crisis_lines) CHECK(line.number.find("08457") == std::string::npos);
}

TEST_CASE("the plain-HTML fallback lists every crisis line with the same link and number") {
  const std::string html = site::crisis_lines_html(test::real_content());
  for (const auto& line : test::real_content().crisis_lines) {
    CAPTURE(line.id);
    CHECK(html.find("href=\"" + core::escape_html(line.href()) + "\"") != std::string::npos);
    CHECK(html.find(line.number) != std::string::npos);
    CHECK(html.find(core::escape_html(line.name)) != std::string::npos);
  }
}

TEST_CASE("the shell page gets its crisis lines and words from content") {
  const std::string shell = test::read_text(test::source_dir() + "/shell/index.html");
  REQUIRE(shell.find("<!--CRISIS_LINES-->") != std::string::npos);
  const std::string page = site::render_index_html(shell, test::real_content());
  CHECK(page.find("<!--CRISIS_LINES-->") == std::string::npos);
  CHECK(page.find("{{") == std::string::npos);
  CHECK(page.find("[") == std::string::npos);  // no missing string keys
  CHECK(page.find("href=\"tel:116123\"") != std::string::npos);
}
