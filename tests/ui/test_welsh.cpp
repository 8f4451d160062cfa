// Every screen in Welsh (issue 27): drawn by the real frame loop with the real Welsh content,
// nothing English is left on it but proper names, Help now is still on top, and only the
// language switch is marked as another language.
#include <set>
#include <string>

#include "core/route.hpp"
#include "harness.hpp"

using cpa::ui::Role;
namespace core = cpa::core;
namespace test = cpa::test;

namespace {

const core::Content& locale_content(const test::Harness& h, const std::string& locale) {
  for (const auto& content : h.app.state().languages)
    if (content->locale == locale) return *content;
  FAIL("no " << locale << " content in the bundle");
  return *h.app.state().content;
}

// What would be English left on a Welsh screen: each English string whose Welsh differs (so not
// a proper name, which both write the same), in the pieces between its {placeholders}; pieces
// shorter than a few words are checked only as whole texts ("Back", not "Back" inside a word).
struct EnglishWords {
  std::set<std::string> whole;
  std::set<std::string> pieces;
};

void add_english(EnglishWords& words, const std::string& english, const std::string& welsh) {
  if (english == welsh || english.size() < 3) return;
  if (english.find('{') == std::string::npos) words.whole.insert(english);
  std::size_t start = 0;
  while (start < english.size()) {
    const auto open = english.find('{', start);
    const std::string piece = english.substr(start, open == std::string::npos ? std::string::npos : open - start);
    if (piece.size() >= 24 && welsh.find(piece) == std::string::npos) words.pieces.insert(piece);
    if (open == std::string::npos) break;
    const auto close = english.find('}', open);
    start = close == std::string::npos ? english.size() : close + 1;
  }
}

EnglishWords english_words(const core::Content& en, const core::Content& cy) {
  EnglishWords words;
  for (const auto& [key, english] : en.strings) add_english(words, english, cy.str(key));
  for (const auto& [id, page] : en.pages) {
    const core::Page* welsh = cy.page(id);
    if (!welsh) continue;
    const auto english_text = core::page_text(page), welsh_text = core::page_text(*welsh);
    for (std::size_t i = 0; i < english_text.size() && i < welsh_text.size(); ++i)
      add_english(words, english_text[i], welsh_text[i]);
  }
  for (const auto& line : en.crisis_lines)
    if (const auto* welsh = cy.crisis_line(line.id)) {
      add_english(words, line.purpose, welsh->purpose);
      add_english(words, line.hours, welsh->hours);
    }
  return words;
}

void check_welsh_screen(test::Harness& h, const EnglishWords& english) {
  const auto& cy = locale_content(h, "cy");
  CHECK(h.tree().lang == "cy");
  CHECK(h.find(Role::button, cy.str("help_now")) != nullptr);
  for (const auto& node : h.tree().nodes) {
    CAPTURE(node.name);
    if (!node.lang.empty()) {  // the switch, in its own language
      CHECK(node.lang == "en-GB");
      CHECK(node.name == locale_content(h, "en-GB").str("language.name"));
      continue;
    }
    CHECK(english.whole.count(node.name) == 0);
    for (const auto& piece : english.pieces) CHECK_MESSAGE(node.name.find(piece) == std::string::npos, piece);
  }
}

}  // namespace

TEST_CASE("every screen in Welsh has Welsh words only, with Help now on top and the switch to English") {
  const std::map<core::Screen, std::string> param = {{core::Screen::plan_section, "crisis_plan.people"}};
  for (const auto& info : core::screen_table) {
    CAPTURE(info.name);
    const auto it = param.find(info.screen);
    const core::Route route{info.screen, it == param.end() ? std::string() : it->second};
    test::Harness h(route.to_path());
    h.app.dispatch(core::ChooseLanguage{"cy"});
    h.settle();
    REQUIRE(h.app.state().content->locale == "cy");
    CHECK(h.app.state().route() == route);
    const auto english = english_words(locale_content(h, "en-GB"), locale_content(h, "cy"));
    REQUIRE(english.whole.size() > 300);  // the check has something to find
    REQUIRE(english.pieces.size() > 100);
    check_welsh_screen(h, english);
  }
}

TEST_CASE("every explainer page, and the walk-through's first questions, in Welsh") {
  test::Harness h("#/learn");
  h.app.dispatch(core::ChooseLanguage{"cy"});
  h.settle();
  const auto english = english_words(locale_content(h, "en-GB"), locale_content(h, "cy"));
  for (const auto& id : h.app.state().content->explainer_order) {
    CAPTURE(id);
    h.app.dispatch(core::Navigate{core::Route{core::Screen::learn, id}});
    h.settle();
    check_welsh_screen(h, english);
  }
  h.app.dispatch(core::Navigate{core::Route{core::Screen::eligibility, {}}});
  h.settle();
  check_welsh_screen(h, english);
}
