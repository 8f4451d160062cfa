// Crisis routing, proven for every answer a person can give: every nation, and every one of the
// 4^10 combinations of Yes / No / Not sure / Skip to the ten questions (about a million per
// nation).  For each, the result on screen (core::result_view, which the screen draws) and the
// printed and saved copies (written from the same view) must keep the safety invariants the
// hazard log (docs/clinical-safety/hazard-log.md) relies on.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content_files.hpp"
#include "core/help_now/access_routes.hpp"
#include "core/eligibility/eligibility.hpp"

using namespace cpa;
using core::Answer;

// It is a program of its own (routing_proof, CMakeLists.txt), run by ./cpa test from the optimised
// build: the same C++ the app runs, so one native run proves it; the wasm run of the unit tests
// checks the single-answer cases in test_eligibility.cpp.
//
// Both locales, without running the million combinations twice: which result, which lines and
// whether help comes first are decided from data (nations, questions, rules, line ids), and the
// content loads only when that data is equal in every locale (the key table,
// core/content/content_locales.cpp, run by load_content_languages below).  So the English run proves the
// decisions for Welsh too; what a locale adds is its words and the copies made from them.  Each
// distinct outcome (nation, result page, help first or not) is then checked again in Welsh, in
// full, and must name the same crisis lines and routes, in the same order, as the English.

namespace {

constexpr std::array<Answer, 4> given_answers{Answer::yes, Answer::no, Answer::not_sure, Answer::skip};

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// Each link target on a page (href="..." as written, entities and all), where it first appears:
// one pass over the page, so that the million printed pages are not searched once per line.
std::map<std::string_view, std::size_t> links_in(std::string_view html) {
  std::map<std::string_view, std::size_t> links;
  constexpr std::string_view mark = "href=\"";
  for (auto at = html.find(mark); at != std::string_view::npos; at = html.find(mark, at + mark.size())) {
    const auto from = at + mark.size();
    const auto to = html.find('"', from);
    if (to == std::string_view::npos) break;
    links.try_emplace(html.substr(from, to - from), at);
  }
  return links;
}

struct Tally {
  std::uint64_t combinations = 0;
  std::uint64_t failures = 0;
  std::string first_failure;
  void fail(const std::string& why, const core::EligibilityState& state) {
    if (failures++ > 0) return;
    first_failure = why + " (" + state.nation + ":";
    for (const auto& [id, answer] : state.answers)
      first_failure += " " + id + "=" + std::string(core::answer_key(answer));
    first_failure += ")";
  }
};

// The checks for one combination.  html is the printed page; document the saved file.
void check_view(const core::Content& content, const core::EligibilityState& state, const core::ResultView& view,
                Tally& tally, bool check_copies) {
  const auto& e = *content.eligibility;
  ++tally.combinations;
  if (view.title.empty()) return tally.fail("no result", state);

  // 1. Every result carries the crisis lines for that nation, including the nation's own.
  const auto lines = core::crisis_lines_for(content, state.nation);
  if (view.crisis_lines != lines || lines.empty()) return tally.fail("crisis lines missing or not the nation's", state);
  const bool own_line = std::any_of(lines.begin(), lines.end(),
                                    [&](const core::CrisisLine* l) { return l->nations.size() < e.nations.size(); });
  if (!own_line) return tally.fail("no line of the nation's own", state);
  for (const auto* line : lines)
    if (std::find(line->nations.begin(), line->nations.end(), state.nation) == line->nations.end())
      return tally.fail("another nation's line: " + line->id, state);

  // 1b. Every result carries the routes for someone who cannot make a voice call (hazard log
  // H14): every UK-wide one, and besides them only the nation's own.
  const auto routes = core::access_routes_for(content, state.nation);
  if (view.access_routes != routes || routes.empty())
    return tally.fail("access routes missing or not the nation's", state);
  std::size_t uk_wide = 0;
  for (const auto* route : routes) {
    if (std::find(route->nations.begin(), route->nations.end(), state.nation) == route->nations.end())
      return tally.fail("another nation's access route: " + route->id, state);
    if (route->nations.size() == e.nations.size()) ++uk_wide;
  }
  const auto everywhere =
      std::count_if(content.access.routes.begin(), content.access.routes.end(),
                    [&](const core::CrisisLine& r) { return r.nations.size() == e.nations.size(); });
  if (uk_wide != static_cast<std::size_t>(everywhere) || uk_wide == 0)
    return tally.fail("a UK-wide access route is missing", state);

  // 2. Risk answered Yes, Not sure or Skip (anything but a plain No) puts help first.
  const bool asks = e.nation(state.nation)->asks_questions;
  bool risk_open = false;
  for (const auto& q : e.questions)
    if (q.offers_help_now && core::answer_to(state, q.id) != Answer::no) risk_open = true;
  if (asks && risk_open && !view.crisis_lines_first)
    return tally.fail("risk not answered No, but help not first", state);
  if (std::find(view.not_sure.begin(), view.not_sure.end(), e.question("risk")->short_text) != view.not_sure.end())
    return tally.fail("risk put off to 'ask about later'", state);

  // 3. No verdict from no information: "may not be offered" only when every answer was a plain No.
  const bool any_yes = std::any_of(e.questions.begin(), e.questions.end(), [&](const core::Question& q) {
    return core::answer_to(state, q.id) == Answer::yes;
  });
  const bool all_no = std::all_of(e.questions.begin(), e.questions.end(),
                                  [&](const core::Question& q) { return core::answer_to(state, q.id) == Answer::no; });
  const std::string said = lower(view.title + " " + view.summary);
  if (asks && !any_yes && !all_no && said.find("may not be offered") != std::string::npos)
    return tally.fail("'may not be offered' without every answer No", state);

  if (!check_copies) return;
  // 4. The printed page and the saved file say the same: lines present, first when they must be.
  const std::string html = core::result_html(content, view);
  const std::string document = core::result_document(content, view);
  const auto body = document.find("<body>\n");
  if (body == std::string::npos || document.compare(body + 7, html.size(), html) != 0)
    return tally.fail("saved file differs from printed page", state);
  const auto links = links_in(html);
  const auto link_at = [&](const core::CrisisLine* line) {
    const auto found = links.find(core::escape_html(line->href()));
    return found == links.end() ? std::string::npos : found->second;
  };
  for (const auto* line : lines)
    if (link_at(line) == std::string::npos) return tally.fail("printed page lacks " + line->id, state);
  for (const auto* route : routes)
    if (link_at(route) == std::string::npos) return tally.fail("printed page lacks access route " + route->id, state);
  if (view.crisis_lines_first && link_at(lines.front()) > html.find("<h1>"))
    return tally.fail("help not first on paper", state);
  // 5. No promises, anywhere.
  const std::string text = lower(html);
  for (const char* promise : {"you qualify", "you will", "you are eligible", "you are entitled to cpa"})
    if (text.find(promise) != std::string::npos) return tally.fail(std::string("promises: ") + promise, state);
}

void check_one(const core::Content& content, const core::EligibilityState& state, Tally& tally, bool check_copies) {
  check_view(content, state, core::result_view(content, state), tally, check_copies);
}

std::vector<std::string> ids(const std::vector<const core::CrisisLine*>& lines) {
  std::vector<std::string> out;
  for (const auto* line : lines) out.push_back(line->id);
  return out;
}

// One combination of an outcome, checked in a translation: the invariants, and the same lines.
void check_translated(const core::Content& english, const core::Content& translated,
                      const core::EligibilityState& state, Tally& tally) {
  check_one(translated, state, tally, true);
  const auto en = core::result_view(english, state);
  const auto tr = core::result_view(translated, state);
  if (ids(en.crisis_lines) != ids(tr.crisis_lines))
    return tally.fail("other crisis lines in " + translated.locale, state);
  if (ids(en.access_routes) != ids(tr.access_routes)) return tally.fail("other routes in " + translated.locale, state);
  if (en.crisis_lines_first != tr.crisis_lines_first)
    return tally.fail("help first differs in " + translated.locale, state);
  if (!en.page || !tr.page || en.page->page.id != tr.page->page.id)
    return tally.fail("another result in " + translated.locale, state);
}

}  // namespace

TEST_CASE("every nation and every combination of answers keeps the crisis-routing invariants") {
  static const auto loaded = core::load_content_languages(test::content_files());
  REQUIRE(loaded.ok());
  const auto& content = *loaded.content;
  const auto& e = *content.eligibility;
  const std::size_t n = e.questions.size();
  REQUIRE(n == 10);
  std::uint64_t total = 1;
  for (std::size_t i = 0; i < n; ++i) total *= given_answers.size();

  Tally tally;
  std::map<std::string, core::EligibilityState> outcomes;  // one combination for each distinct outcome
  for (const auto& nation : e.nations) {
    core::EligibilityState state;
    state.nation = nation.id;
    for (std::uint64_t code = 0; code < total; ++code) {
      std::uint64_t rest = code;
      for (std::size_t i = 0; i < n; ++i) {
        state.answers[e.questions[i].id] = given_answers[rest % given_answers.size()];
        rest /= given_answers.size();
      }
      // The printed copies: every combination where they can differ (England), and the nations
      // whose result does not read the answers once per distinct page.
      const auto view = core::result_view(content, state);
      check_view(content, state, view, tally, nation.asks_questions || code == 0);
      if (view.page)
        outcomes.try_emplace(nation.id + "|" + view.page->page.id + (view.crisis_lines_first ? "|first" : "|last"),
                             state);
    }
  }
  MESSAGE("answer combinations checked: " << tally.combinations);
  CHECK(tally.combinations == total * e.nations.size());
  CHECK_MESSAGE(tally.failures == 0, tally.first_failure);

  REQUIRE(loaded.languages.size() >= 2);
  for (std::size_t i = 1; i < loaded.languages.size(); ++i) {
    Tally translated;
    for (const auto& [outcome, state] : outcomes) check_translated(content, *loaded.languages[i], state, translated);
    MESSAGE(loaded.languages[i]->locale << ": " << outcomes.size() << " distinct outcomes checked");
    CHECK(translated.combinations == outcomes.size());
    CHECK_MESSAGE(translated.failures == 0, translated.first_failure);
  }
}
