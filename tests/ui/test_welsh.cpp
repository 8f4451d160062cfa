// Every screen in Welsh (issue 27): drawn by the real frame loop with the real Welsh content,
// nothing English is left on it but proper names and what the person wrote, Help now is still on
// top, and only the language switch and the sources' English titles are marked as another language.
#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/support/input_limits.hpp"
#include "core/route.hpp"
#include "walks.hpp"

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
  std::set<std::string> names;  // month and day names: English wherever they stand in a text
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
  // A date written by C++ with English month or day names would pass the checks above.
  for (const auto* names : {&en.dates.months, &en.dates.days})
    for (const auto& name : *names)
      if (std::find(cy.dates.months.begin(), cy.dates.months.end(), name) == cy.dates.months.end() &&
          std::find(cy.dates.days.begin(), cy.dates.days.end(), name) == cy.dates.days.end())
        words.names.insert(name);
  return words;
}

// Whether `text` holds `word` as a word of its own (not inside another: "May" in "Mayor").
bool has_word(const std::string& text, const std::string& word) {
  const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !letter(text[at - 1]);
    const bool ends = at + word.size() == text.size() || !letter(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// One text a person reads or hears (a node's name, what a live region says, the page title).
void check_welsh_text(const EnglishWords& english, const std::string& text) {
  CAPTURE(text);
  CHECK(english.whole.count(text) == 0);
  for (const auto& piece : english.pieces) CHECK_MESSAGE(text.find(piece) == std::string::npos, piece);
  for (const auto& name : english.names) CHECK_MESSAGE(!has_word(text, name), name);
}

// A source's title and publisher, as the list of sources cites it (ui/screens/page_view.cpp).
bool cites_a_source(const core::Content& content, const std::string& text) {
  for (const auto& [id, source] : content.sources)
    if (text == source.title + " (" + source.publisher + ")") return true;
  return false;
}

// What the person (or the one who shared a plan) wrote, in whatever language they wrote it:
// every value of the plans shown, read from their export, longest first.
std::vector<std::string> written_words(const core::State& state) {
  std::vector<std::string> out;
  const auto collect = [&](const core::Records& records) {
    const auto file = nlohmann::json::parse(core::export_text(records, "2026-11-23T10:00:00Z"));
    const std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
      if (j.is_string() && j.get<std::string>().size() >= 3) out.push_back(j.get<std::string>());
      if (j.is_structured())
        for (const auto& item : j) walk(item);
    };
    walk(file["records"]);
  };
  collect(state.plans.records);
  if (state.share.received) collect(state.share.received->records);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

// The text without what the person wrote: the rest is the app's, and must be Welsh.
std::string without_written(std::string text, const std::vector<std::string>& written) {
  for (const auto& words : written)
    for (auto at = text.find(words); at != std::string::npos; at = text.find(words, at))
      text.replace(at, words.size(), "{}");
  return text;
}

void check_welsh_screen(test::Harness& h, const EnglishWords& english) {
  const auto& cy = locale_content(h, "cy");
  const auto written = written_words(h.app.state());
  CHECK(h.tree().lang == "cy");
  CHECK(h.find(Role::button, cy.str("help_now")) != nullptr);
  check_welsh_text(english, h.tree().title);
  for (const auto& node : h.tree().nodes) {
    CAPTURE(node.name);
    if (!node.lang.empty()) {  // the switch, in its own language, or a source cited by its English title
      CHECK(node.lang == "en-GB");
      CHECK((node.name == locale_content(h, "en-GB").str("language.name") || cites_a_source(cy, node.name)));
      continue;
    }
    check_welsh_text(english, without_written(node.name, written));
    if (!node.live.empty()) check_welsh_text(english, without_written(node.live, written));
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

// ---- every state a person reaches, in Welsh ----
namespace {

// Counts the Welsh screens checked, so a walk that silently checks nothing fails.
struct WelshWalk {
  test::Harness& h;
  EnglishWords english;
  int screens = 0;
  std::size_t heard = 0, heard_urgent = 0;  // what a screen reader was told before Welsh was chosen
  explicit WelshWalk(test::Harness& harness, bool choose = true) : h(harness) {
    if (choose) {
      h.app.dispatch(core::ChooseLanguage{"cy"});
      h.settle();
    }
    REQUIRE(h.app.state().content->locale == "cy");
    english = english_words(locale_content(h, "en-GB"), locale_content(h, "cy"));
    heard = h.platform.announcements.size();
    heard_urgent = h.platform.urgent_announcements.size();
  }
  // The screen, and whatever a screen reader was told since the last check.
  void check(const std::string& where) {
    CAPTURE(where);
    check_welsh_screen(h, english);
    for (; heard < h.platform.announcements.size(); ++heard) check_welsh_text(english, h.platform.announcements[heard]);
    for (; heard_urgent < h.platform.urgent_announcements.size(); ++heard_urgent)
      check_welsh_text(english, h.platform.urgent_announcements[heard_urgent]);
    ++screens;
  }
  void go(core::Route route, const std::string& where) {
    h.app.dispatch(core::Navigate{std::move(route)});
    h.settle();
    check(where);
  }
};

std::string nation_name(const test::Harness& h, const std::string& id) {
  for (const auto& nation : test::rules(h).nations)
    if (nation.id == id) return nation.name;
  FAIL("no nation " << id);
  return {};
}

std::string welsh_answer(const test::Harness& h, core::Answer answer) {
  return str(h, "eligibility.answer." + std::string(core::answer_key(answer)));
}

// From Home in Welsh: the nation, every question (with Why we ask open), the help step, the
// summary and the result, each checked; `answer_for` gives each question's answer.
template <class AnswerFor>
void walk_in_welsh(WelshWalk& walk, const std::string& nation, AnswerFor answer_for) {
  auto& h = walk.h;
  h.app.dispatch(core::Navigate{core::Route{}});
  h.settle();
  test::start_walk(h, nation_name(h, nation));
  if (nation != "england") {
    walk.check(nation + " result");
    return;
  }
  test::answer_all(
      h, [&](const std::string& id) { return welsh_answer(h, answer_for(id)); }, 0,
      [&](const std::string& step) {
        walk.check("england " + step);
        if (step.find(' ') != std::string::npos || step == "summary") return;
        const auto* why = h.find(Role::button, str(h, "eligibility.why"));
        REQUIRE(why);
        if (!why->expanded.value_or(false)) h.tap(Role::button, str(h, "eligibility.why"));
        REQUIRE(h.find(Role::text, test::rules(h).question(step)->why));
        walk.check("england " + step + ", why we ask open");
      });
  walk.check("england result");
}

}  // namespace

TEST_CASE("the walk-through in Welsh: every question, why we ask, the summary, every result, no answer chosen") {
  test::Harness h;
  WelshWalk walk(h);
  // Continue with nothing chosen, where you live and on a question.
  h.tap(Role::button, str(h, "home.eligibility.title"));
  h.tap(Role::button, str(h, "eligibility.continue"));
  REQUIRE(h.find(Role::text, str(h, "eligibility.nation.error")));
  walk.check("where you live, nothing chosen");
  test::answer(h, nation_name(h, "england"));
  h.tap(Role::button, str(h, "eligibility.continue"));
  REQUIRE(h.find(Role::text, str(h, "eligibility.answer_error")));
  walk.check("first question, nothing chosen");

  using core::Answer;
  // England, every answer No.
  walk_in_welsh(walk, "england", [](const std::string&) { return Answer::no; });
  REQUIRE(h.find(Role::heading, test::rules(h).nations.front().name) == nullptr);
  const int england = walk.screens - 2;
  CHECK(england >= 2 * static_cast<int>(test::rules(h).questions.size()) + 2);
  // One Yes and one Not sure: ask your team, naming them.
  walk_in_welsh(walk, "england", [](const std::string& id) {
    return id == "carer" ? Answer::yes : id == "parenting" ? Answer::not_sure : Answer::no;
  });
  REQUIRE(h.find(Role::heading, str(h, "eligibility.result.said_yes")));
  // Risk Not sure, and risk Yes: the help step, then crisis lines first on the result.
  for (const Answer risk : {Answer::not_sure, Answer::yes}) {
    h.tap(Role::button, str(h, "eligibility.result.restart"));
    walk_in_welsh(walk, "england", [&](const std::string& id) { return id == "risk" ? risk : Answer::no; });
    REQUIRE(h.find(Role::heading, str(h, "eligibility.result.crisis_first.heading")));
  }
  // Wales, Scotland, Northern Ireland: their own results.
  for (const char* nation : {"wales", "scotland", "northern-ireland"}) {
    h.tap(Role::button, str(h, "eligibility.result.restart"));
    h.app.dispatch(core::Navigate{core::Route{}});
    h.settle();
    CAPTURE(nation);
    walk_in_welsh(walk, nation, [](const std::string&) { return Answer::no; });
  }
  CHECK(walk.screens == 2 + 4 * england + 2 + 3);  // two help steps; three nations' results
}

TEST_CASE(
    "the plans in Welsh: every section with something in it, a wrong phone, the review date, Your data, a failed import") {
  test::Harness h;
  test::load_plan(h);
  WelshWalk walk(h);
  walk.go(core::Route{core::Screen::care_plan, {}}, "my care plan, filled");
  walk.go(core::Route{core::Screen::crisis_plan, {}}, "my crisis plan, filled");
  for (const auto& section : core::plan_sections()) {
    CAPTURE(section.id);
    CHECK(core::things_written(h.app.state().plans.records, section) > 0);
    walk.go(core::Route{core::Screen::plan_section, std::string(section.id)}, std::string(section.id));
  }
  // The review date: on Home (it is due within days), and in its section.
  walk.go(core::Route{}, "home, review due");
  REQUIRE(h.find(Role::button, str(h, "plans.ui.add_to_calendar")));
  // A phone number that is not one: its message, in Welsh.
  walk.go(core::Route{core::Screen::plan_section, "care_plan.coordinator"}, "coordinator");
  const std::string phone = h.app.state().content->plans.fields.at("care_plan.coordinator.phone").label;
  h.type(Role::text_input, phone, "12345");
  h.leave_field();
  REQUIRE(h.find(Role::text, str(h, "plans.error.phone")));
  walk.check("a wrong phone number");
  // Your data with a saved store, then a file that does not import, with its problems listed.
  h.app.dispatch(core::PlansSaved{h.app.state().plans.revision});
  walk.go(core::Route{core::Screen::your_data, {}}, "your data, saved");
  auto file = nlohmann::json::parse(core::export_text(test::sample_records(), "2026-11-23T10:00:00Z"));
  file["records"]["crisis_plan"]["people"][0]["phone"] = "0770";
  file["records"]["care_plan"]["gp"]["phone"] = "12";
  h.app.dispatch(core::PlansImport{file.dump()});
  h.settle();
  REQUIRE(h.app.state().plans.import_problems.size() == 2);
  for (const auto& problem : h.app.state().plans.import_problems)
    CHECK(h.find(Role::list_item, core::render_problem(h.app.state().text(), problem)));
  walk.check("your data, an import that failed");
  CHECK(walk.screens == 7 + static_cast<int>(core::plan_sections().size()));
}

TEST_CASE("sharing in Welsh: the picker, the preview, the link ready with its QR code, and the card") {
  test::Harness h("#/share");
  test::load_plan(h);
  WelshWalk walk(h);
  walk.check("share picker, filled plan");
  h.tap(Role::button, str(h, "share.preview_button"));
  walk.check("share preview");
  h.tap(Role::button, str(h, "share.confirm_button"));
  REQUIRE(h.platform.seal_requests.size() == 1);
  walk.check("making the link");
  h.app.dispatch(core::ShareSealed{true, core::base64url_encode(h.platform.seal_requests.back().payload)});
  h.settle();
  REQUIRE(h.find(Role::heading, str(h, "share.link.heading")));
  REQUIRE(h.tree().all(Role::image).size() >= 1);  // the QR code
  walk.check("link ready, QR code");
  h.tap(Role::button, str(h, "share.copy_button"));
  h.app.dispatch(core::ShareCopied{true});
  h.settle();
  walk.check("link copied");
  h.tap(Role::button, str(h, "share.print_button"));
  REQUIRE(h.platform.printed.size() == 1);
  // The card comes out in the sharer's language: none of its English words.
  const auto& card = h.platform.printed[0].html_body;
  CHECK(card.find(str(h, "share.view.title")) != std::string::npos);
  CHECK(card.find(locale_content(h, "en-GB").str("share.view.title")) == std::string::npos);
}

TEST_CASE("a link made in Welsh opens in Welsh in an English browser, and the carer can switch to English") {
  test::Harness h(test::plain_link("cy"));
  REQUIRE(h.app.state().route().screen == core::Screen::shared);
  WelshWalk walk(h, false);  // nobody chose: the link's language
  walk.check("the carer's view");
  h.tap(Role::link, locale_content(h, "en-GB").str("language.name"));
  CHECK(h.app.state().content->locale == "en-GB");
  CHECK(h.find(Role::heading, str(h, "share.view.title")));
}

TEST_CASE("a damaged link, and a locked link's passphrase and wrong passphrase, in Welsh") {
  std::string damaged = test::plain_link("cy");
  damaged[damaged.size() / 2] = damaged[damaged.size() / 2] == 'A' ? 'B' : 'A';
  test::Harness bad(damaged);
  WelshWalk bad_walk(bad);
  REQUIRE(bad.find(Role::heading, str(bad, "share.open.damaged_title")));
  bad_walk.check("a damaged link");

  test::Harness h(
      core::share_link("", core::kShareLocked | core::kShareCompressed, core::base64url_encode(std::string(60, 'x'))));
  WelshWalk walk(h);
  REQUIRE(h.find(Role::heading, str(h, "share.open.locked_heading")));
  walk.check("a locked link");
  h.type(Role::text_input, str(h, "share.passphrase_label"), "wrong horse");
  h.leave_field();
  h.tap(Role::button, str(h, "share.open.unlock_button"));
  h.app.dispatch(core::ShareOpened{false, ""});
  h.settle();
  REQUIRE(h.find(Role::text, str(h, "share.open.wrong_passphrase")));
  walk.check("a wrong passphrase for a link");
}

TEST_CASE("the lock in Welsh: setting it up, its messages, the locked panel and a wrong passphrase") {
  test::Harness h("#/lock");
  WelshWalk walk(h);
  walk.check("set a passphrase");
  h.type(Role::text_input, str(h, "plans.lock.new_label"), "three small words");
  h.type(Role::text_input, str(h, "plans.lock.repeat_label"), "three small wordz");
  h.leave_field();
  h.tap(Role::button, str(h, "plans.lock.set_button"));
  REQUIRE(h.find(Role::text, str(h, "plans.lock.error_repeat")));
  walk.check("passphrases differ");
  h.app.dispatch(core::LockType{core::LockField::repeat, "three small words"});
  h.tap(Role::button, str(h, "plans.lock.set_button"));
  h.app.dispatch(core::LockChanged{true, true, ""});
  h.settle();
  walk.check("the lock is set");

  test::Harness locked("#/care-plan");
  locked.app.dispatch(core::PlansStoreLoaded{test::locked_store(), ""});
  WelshWalk locked_walk(locked);
  REQUIRE(locked.find(Role::heading, str(locked, "plans.lock.locked_title")));
  locked_walk.check("locked: the unlock panel");
  locked_walk.go(core::Route{core::Screen::help_now, {}}, "locked: Help now");
  locked.type(Role::text_input, str(locked, "plans.lock.unlock_label"), "not it");
  locked.tap(Role::button, str(locked, "plans.lock.unlock_button"));
  locked.app.dispatch(core::LockUnlocked{false});
  locked.settle();
  REQUIRE(locked.find(Role::text, str(locked, "plans.lock.error_wrong")));
  locked_walk.check("locked: a wrong passphrase");
}

TEST_CASE("the kiosk in Welsh: the attract screen, Home, Help now, are you still there, cleared, your phone") {
  test::KioskHarness h;
  WelshWalk walk(h);
  walk.check("kiosk attract");
  h.begin();
  walk.check("kiosk home");
  h.tap(Role::button, str(h, "help_now"));
  for (const auto& line : h.app.state().content->crisis_lines) {
    if (line.action == core::ContactAction::text) continue;
    const auto* number = h.find(Role::text, line.number);
    REQUIRE_MESSAGE(number != nullptr, "no number written out for " << line.id);
    CHECK(number->rect.h >= 1.3f * 28);  // large, as in English
  }
  walk.check("kiosk help now");
  h.at(90'000);
  REQUIRE(h.find(Role::heading, str(h, "kiosk.still_there.title")));
  walk.check("kiosk are you still there");
  h.at(120'000);
  // Cleared: the next visitor starts in the deployment's language, and can choose Welsh again.
  CHECK(h.app.state().content->locale == "en-GB");
  walk.heard = h.platform.announcements.size();  // "cleared" was said in the next visitor's language
  h.app.dispatch(core::ChooseLanguage{"cy"});
  h.settle();
  REQUIRE(h.find(Role::button, str(h, "kiosk.attract.begin")));
  REQUIRE(h.find(Role::heading, str(h, "kiosk.cleared")));
  walk.check("kiosk cleared");
  h.begin();
  walk.go(core::Route{core::Screen::continue_on_phone, {}}, "kiosk continue on your phone");
}

namespace {

// The store's news, on each screen that shows it.
void check_store_news(WelshWalk& walk, const std::string& what) {
  walk.go(core::Route{}, what + " on home");
  walk.go(core::Route{core::Screen::your_data, {}}, what + " on your data");
  walk.go(core::Route{core::Screen::plan_section, "care_plan.coordinator"}, what + " on a plan");
}

}  // namespace

TEST_CASE("every store notice and fault, drawn in Welsh") {
  const auto loaded = [](test::Harness& h, std::string latest, std::string previous = {}) {
    h.app.dispatch(test::stored_plans(std::move(latest), std::move(previous)));
    h.settle();
  };
  const std::string good = core::store_record(test::sample_records(), "2026-11-23T10:00:00Z");
  struct Case {
    const char* what;
    std::function<void(test::Harness&)> happen;
  };
  const std::vector<Case> cases = {
      {"damaged, a copy to restore", [&](test::Harness& h) { loaded(h, "{not json", good); }},
      {"damaged, no copy", [&](test::Harness& h) { loaded(h, "{not json"); }},
      {"too large to read",
       [&](test::Harness& h) { loaded(h, good + std::string(core::max_store_record_bytes(), ' ')); }},
      {"newer release",
       [&](test::Harness& h) {
         nlohmann::json doc = core::make_document(test::sample_records(), "2026-11-23T10:00:00Z");
         doc["schema_version"] = 2;
         loaded(h, core::seal_store_record(doc.dump()));
       }},
      {"newer database",
       [&](test::Harness& h) {
         h.app.dispatch(core::PlansStoreLoaded{good, "", test::good_fallback(), {}, true});
       }},
      {"no storage", [](test::Harness& h) { h.app.dispatch(core::PlansStoreUnavailable{}); }},
      {"save failed",
       [](test::Harness& h) {
         h.app.dispatch(core::PlansSaveFailed{1, false});
       }},
      {"storage full",
       [](test::Harness& h) {
         h.app.dispatch(core::PlansSaveFailed{1, true});
       }},
      {"deleted elsewhere", [](test::Harness& h) { h.app.dispatch(core::PlansDeletedElsewhere{}); }},
      {"newer elsewhere", [](test::Harness& h) { h.app.dispatch(core::PlansNewerElsewhere{}); }},
      {"another tab",
       [&](test::Harness& h) {
         auto other = test::sample_records();
         core::set_field(other, "care_plan.coordinator.name", "Sam Okafor");
         h.app.dispatch(core::PlansStoreChanged{core::store_record(other, "2026-11-23T11:00:00Z"), 1e9});
       }},
      {"a private window",
       [](test::Harness& h) {
         h.app.dispatch(core::PlansDurability{false, true, false, false});
       }},
      {"an iPhone",
       [&](test::Harness& h) {
         h.app.dispatch(core::PlansDurability{false, false, true, false});
         loaded(h, good);
       }},
      {"copies kept aside",
       [&](test::Harness& h) {
         h.app.dispatch(core::PlansStoreLoaded{good, "", test::good_fallback(), {"copy one"}});
       }},
  };
  int screens = 0;
  for (const auto& c : cases) {
    CAPTURE(c.what);
    test::Harness h;
    h.app.dispatch(core::PlanEditField{"care_plan.coordinator.name", "Priya Shah"});
    c.happen(h);
    h.settle();
    WelshWalk walk(h);
    check_store_news(walk, c.what);
    screens += walk.screens;
  }
  CHECK(screens == 3 * static_cast<int>(cases.size()));
}

TEST_CASE("a notice shown in English is in Welsh once the person switches") {
  test::Harness h("#/your-data");
  h.app.dispatch(core::PlansSaveFailed{1, true});
  h.app.dispatch(core::PlansDeleted{{"records", "offline"}});
  h.settle();
  const auto& en = locale_content(h, "en-GB");
  const std::string english_full = en.str("plans.store.full");
  const std::string english_failed = core::render(en, h.app.state().plans.delete_message);
  REQUIRE(h.find(Role::text, english_full));
  REQUIRE(h.find(Role::text, english_failed));
  WelshWalk walk(h);
  CHECK_FALSE(h.find(Role::text, english_full));
  CHECK_FALSE(h.find(Role::text, english_failed));
  CHECK(h.find(Role::text, str(h, "plans.store.full")));
  const std::string welsh_failed = said(h, h.app.state().plans.delete_message);
  CHECK(h.find(Role::text, welsh_failed));
  CHECK(welsh_failed.find(str(h, "data.delete_part.offline")) != std::string::npos);
  walk.check("your data, notices from before the switch");
}

TEST_CASE("Delete everything in Welsh: the confirm, deleting, done and failed; Display with settings changed") {
  test::Harness h;
  test::load_plan(h);
  WelshWalk walk(h);
  walk.go(core::Route{core::Screen::delete_everything, {}}, "delete everything, confirm");
  REQUIRE(h.find(Role::button, str(h, "data.delete_yes")));
  h.app.dispatch(core::DeleteEverything{});  // what Yes does; the store has not answered yet
  h.settle();                                // back from the confirm
  h.app.dispatch(core::Navigate{core::Route{core::Screen::your_data, {}}});
  h.settle();
  REQUIRE(h.find(Role::text, str(h, "data.deleting")));
  walk.check("deleting");
  h.app.dispatch(core::PlansDeleted{{"records", "settings", "shared", "offline"}});
  walk.go(core::Route{core::Screen::your_data, {}}, "delete failed");
  h.app.dispatch(core::PlansDeleted{{}});
  h.settle();
  REQUIRE(h.find(Role::text, str(h, "data.deleted")));
  walk.check("deleted");

  h.app.dispatch(core::SetTextSize{200});
  h.app.dispatch(core::SetThemeChoice{core::ThemeChoice::dark});
  h.app.dispatch(core::SetMotionChoice{core::MotionChoice::reduce});
  h.app.dispatch(core::SetDyslexiaFont{true});
  walk.go(core::Route{core::Screen::display, {}}, "display, changed");
  core::DeviceDisplay forced;
  forced.forced_colors = true;
  h.app.dispatch(core::DeviceDisplayChanged{forced});
  walk.go(core::Route{core::Screen::display, {}}, "display, the device's own colours");
}
