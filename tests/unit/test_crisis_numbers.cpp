// Pins every crisis number to the facts in CONTENT-FACTS.md (checked 2026-11-23).  Wrong or
// dummy crisis numbers were found in 6 of 69 suicide-prevention apps; a content edit that
// changes one of these must fail here first.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "real_content.hpp"
#include "core/content/content.hpp"
#include "core/support/html.hpp"
#include "tools/site/fallback_html.hpp"

using namespace cpa;

// In every locale: the numbers are written once, in common/, and the Welsh screens must show
// exactly what the English do.
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
  for (const auto& content : test::real_languages()) {
    CAPTURE(content->locale);
    CHECK(content->crisis_lines.size() == std::size(expected));
    for (const auto& e : expected) {
      CAPTURE(e.id);
      const auto* line = content->crisis_line(e.id);
      REQUIRE(line != nullptr);
      CHECK(line->number == e.number);
      CHECK(line->href() == e.href);
      CHECK_FALSE(line->name.empty());
    }
    CHECK(content->crisis_line("samaritans")->email == "jo@samaritans.org");
  }
}

TEST_CASE("no crisis line uses Samaritans' old 08457 number") {
  for (const auto& line : test::real_content().crisis_lines) CHECK(line.number.find("08457") == std::string::npos);
}

TEST_CASE("the plain-HTML fallback lists every crisis line with the same link and number") {
  for (const auto& content : test::real_languages()) {
    CAPTURE(content->locale);
    const std::string html = site::crisis_lines_html(*content);
    for (const auto& line : content->crisis_lines) {
      CAPTURE(line.id);
      CHECK(html.find("href=\"" + core::escape_html(line.href()) + "\"") != std::string::npos);
      CHECK(html.find(line.number) != std::string::npos);
      CHECK(html.find(core::escape_html(line.name)) != std::string::npos);
    }
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

// For people who are deaf or cannot speak on the phone (access_routes.json; hazard log H14):
// checked on each service's or an emergency service's own page on 2026-12-06.
TEST_CASE("the routes for people who cannot make a voice call are exactly the checked ones") {
  struct Expected {
    const char* id;
    const char* number;
    const char* href;
  };
  const Expected expected[] = {
      {"999-bsl", "", "https://www.999bsl.co.uk"},
      {"emergency-sms", "999", "sms:999"},
      {"relay-999", "18000", "tel:18000"},
      {"nhs-111-england-relay", "18001 111", "tel:18001111"},
      {"relay-any-number", "18001 116 123", "tel:18001116123"},
  };
  for (const auto& language : test::real_languages()) {
    const auto& content = *language;
    CAPTURE(content.locale);
    CHECK(content.access.routes.size() == std::size(expected));
    for (const auto& e : expected) {
      CAPTURE(e.id);
      const auto* route = content.access_route(e.id);
      REQUIRE(route != nullptr);
      CHECK(route->number == e.number);
      CHECK(route->href() == e.href);
    }
    // Registering for emergency SMS: the word "register", texted to 999 (the word 999 reads,
    // so it stays "register" on Welsh screens too).
    CHECK(content.access.registration.text.href() == "sms:999?body=register");
  }
  CHECK(core::crisis_line_action_label(test::real_content(), test::real_content().access.registration.text) ==
        "Text register to 999");
}

TEST_CASE("the text relay example is the app's own Samaritans number with 18001 in front, written once") {
  const auto& content = test::real_content();
  const auto* samaritans = content.crisis_line("samaritans");
  const auto* relay = content.access_route("relay-any-number");
  REQUIRE(samaritans != nullptr);
  REQUIRE(relay != nullptr);
  CHECK(relay->number == "18001 " + samaritans->number);
  CHECK(relay->purpose.find(samaritans->name) != std::string::npos);
  CHECK(relay->purpose.find("18001") != std::string::npos);
  CHECK(content.access_route("nhs-111-england-relay")->number ==
        "18001 " + content.crisis_line("nhs-111-england")->number);
  // The files name the lines, never their numbers: a number changed in common/crisis_lines.json
  // changes here too, in every locale.
  for (const char* path : {"common/access_routes.json", "en-GB/access_routes.json", "cy/access_routes.json"}) {
    CAPTURE(path);
    const std::string file = test::read_text(test::source_dir() + "/content/" + path);
    CHECK(file.find(samaritans->number) == std::string::npos);
  }
}

TEST_CASE("no route tells a deaf person to dial 18002, which is for hearing callers reaching a textphone") {
  for (const auto& route : test::real_content().access.routes) {
    CAPTURE(route.id);
    CHECK(route.number.find("18002") == std::string::npos);
    CHECK(route.purpose.find("18002") == std::string::npos);
  }
}

TEST_CASE("every route rests on a page that was opened and checked, not only on one that could not be") {
  const auto& content = test::real_content();
  auto check = [&](const core::CrisisLine& route) {
    CAPTURE(route.id);
    CHECK(core::is_iso_date(route.checked));
    bool opened = false;
    for (const auto& id : route.source_ids) {
      const auto* source = content.source(id);
      REQUIRE(source != nullptr);
      opened = opened || (!source->what_checked.empty() && source->not_opened.empty());
    }
    CHECK(opened);
  };
  for (const auto& route : content.access.routes) check(route);
  check(content.access.registration.text);
}

TEST_CASE("the plain-HTML fallback shows every route for people who cannot make a voice call, with the same links") {
  const auto& content = test::real_content();
  const std::string html = site::crisis_lines_html(content);
  const auto panel = html.find("<section id=\"fallback-access\">");
  REQUIRE(panel != std::string::npos);
  CHECK(html.find("<h2>" + core::escape_html(content.access.heading) + "</h2>", panel) != std::string::npos);
  for (const auto& route : content.access.routes) {
    CAPTURE(route.id);
    CHECK(html.find("data-line=\"" + route.id + "\"", panel) != std::string::npos);
    CHECK(html.find("href=\"" + core::escape_html(route.href()) + "\"", panel) != std::string::npos);
    CHECK(html.find(route.number, panel) != std::string::npos);
  }
  for (const char* href : {"tel:18000", "sms:999\"", "tel:18001111", "tel:18001116123", "https://www.999bsl.co.uk"})
    CHECK(html.find(std::string("href=\"") + href) != std::string::npos);
}

namespace {

// The runs of digits in a text ("Call 111 and press 2" -> 111, 2), sorted: a translation may move
// them, never change, drop or add one.
std::vector<std::string> numbers_in(const std::string& text) {
  std::vector<std::string> out;
  std::string run;
  for (const char c : text + " ") {
    if (c >= '0' && c <= '9') {
      run += c;
    } else if (!run.empty()) {
      out.push_back(run);
      run.clear();
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The most words in one sentence of the text (a sentence ends at . ! or ? before a space).
std::size_t longest_sentence(const std::string& text) {
  std::size_t longest = 0, words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
    const bool ends = (c == '.' || c == '!' || c == '?') && (i + 1 >= text.size() || text[i + 1] == ' ');
    if (ends || i == text.size()) {
      longest = std::max(longest, words);
      words = 0;
    }
  }
  return longest;
}

std::string words_of(const core::CrisisLine& line) { return line.name + " " + line.purpose + " " + line.hours; }

}  // namespace

// Hazard log H19: a crisis instruction read in a second language.  Its numbers are the same
// by construction (common/); these hold its words to being short and saying the same numbers
// ("Call 111 and press 2", "24 hours") as the English, in every locale.
TEST_CASE("crisis texts are short and literal in every locale: the same numbers, no sentence over 25 words") {
  const auto& languages = test::real_languages();
  const auto& english = *languages.front();
  for (const auto& language : languages) {
    const auto& content = *language;
    CAPTURE(content.locale);
    std::vector<std::pair<const core::CrisisLine*, const core::CrisisLine*>> pairs;
    for (const auto& line : english.crisis_lines) pairs.emplace_back(&line, content.crisis_line(line.id));
    for (const auto& route : english.access.routes) pairs.emplace_back(&route, content.access_route(route.id));
    for (const auto& pair : pairs) {
      const auto* en = pair.first;
      const auto* tr = pair.second;
      CAPTURE(en->id);
      REQUIRE(tr != nullptr);
      CHECK(numbers_in(words_of(*tr)) == numbers_in(words_of(*en)));
      for (const auto* text : {&tr->name, &tr->purpose, &tr->hours}) CHECK(longest_sentence(*text) <= 25);
    }
    const auto& registration = content.access.registration;
    std::string steps;
    for (const auto& step : registration.steps) {
      CHECK(longest_sentence(step) <= 25);
      steps += step + " ";
    }
    std::string english_steps;
    for (const auto& step : english.access.registration.steps) english_steps += step + " ";
    CHECK(numbers_in(steps) == numbers_in(english_steps));
  }
  CHECK(longest_sentence("One two. Three four five! Six") == 3);
  CHECK(numbers_in("Call 111 and press 2, 24 hours") == std::vector<std::string>{"111", "2", "24"});
}
