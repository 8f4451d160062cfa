// Kiosk mode as a visitor meets it on a waiting-room screen (1080 x 1920): the attract screen,
// Home without personal plans, Help now with the numbers written out, "Are you still there?".
#include <functional>
#include <string>

#include "core/help_now/crisis_view.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/share/share.hpp"
#include "walks.hpp"

using namespace cpa;
using ui::Role;

namespace {

constexpr double kSecond = 1000;  // ms
using test::KioskHarness;

bool tree_has_text_containing(const ui::SemanticTree& tree, const std::string& words) {
  for (const auto& node : tree.nodes)
    if (node.name.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("kiosk: the attract screen greets a passer-by, with Help now and how to continue on a phone") {
  KioskHarness h;
  CHECK(h.tree().title == "Help with your mental health care");
  CHECK(h.find(Role::heading, "Help with your mental health care") != nullptr);
  const auto* begin = h.find(Role::button, "Tap to begin");
  REQUIRE(begin != nullptr);
  CHECK(begin->rect.h >= 60);  // large: the kiosk's 28 px text makes every target bigger
  CHECK(h.find(Role::button, "Help now") != nullptr);
  CHECK(h.find(Role::button, "Help now: numbers to call") != nullptr);
  CHECK(h.find(Role::heading, "Continue on your phone") != nullptr);
  CHECK(h.find(Role::button, "Back") == nullptr);
  CHECK_FALSE(tree_has_text_containing(h.tree(), "cleared"));
  h.begin();
  CHECK_FALSE(h.app.state().kiosk.attract);
  CHECK(h.find(Role::heading, "CPA Companion") != nullptr);
}

TEST_CASE("kiosk: Home offers no personal plans and does not speak of 'this phone'") {
  KioskHarness h;
  h.begin();
  for (const char* part :
       {"What support could I get?", "Understand your care", "About this app", "Continue on your phone"}) {
    CAPTURE(part);
    CHECK(h.find(Role::button, part) != nullptr);
  }
  for (const char* part : {"My care plan", "My crisis plan", "Your data and settings", "Share with a carer"}) {
    CAPTURE(part);
    CHECK(h.find(Role::button, part) == nullptr);
  }
  CHECK_FALSE(tree_has_text_containing(h.tree(), "this phone"));
  CHECK(tree_has_text_containing(h.tree(), "nothing you enter here is kept"));
  h.tap(Role::button, "Continue on your phone");
  CHECK(h.app.state().route().screen == core::Screen::continue_on_phone);
  CHECK(h.find(Role::heading, "Continue on your phone") != nullptr);
}

TEST_CASE("kiosk: a deep link to a personal plan goes Home") {
  KioskHarness h("#/crisis-plan");
  CHECK(h.app.state().route() == core::Route{});
  CHECK(h.platform.current_path() == "#/");
}

TEST_CASE("kiosk: Help now writes each number out large, to copy into your own phone") {
  KioskHarness h;
  h.tap(Role::button, "Help now");
  CHECK_FALSE(h.app.state().kiosk.attract);
  CHECK(h.find(Role::heading, "Help now") != nullptr);
  CHECK(h.tree().all(Role::link).empty() == false);  // sources stay links; no call links below
  for (const auto& line : h.app.state().content->crisis_lines) {
    CAPTURE(line.id);
    for (const auto* link : h.tree().all(Role::link)) CHECK(link->href != line.href());
    const std::string shown = line.action == core::ContactAction::text
                                  ? core::crisis_line_action_label(h.app.state().text(), line)
                                  : line.number;
    const auto* number = h.find(Role::text, shown);
    REQUIRE_MESSAGE(number != nullptr, "no number written out for " << line.id);
    CHECK(number->rect.h >= 1.3f * 28);  // the big heading size, not body text
  }
}

TEST_CASE("kiosk: quiet too long, 'Are you still there?' counts down; 'I'm still here' keeps everything") {
  KioskHarness h;
  h.begin();
  h.tap(Role::button, "What support could I get?");
  const auto route = h.app.state().route();
  h.at(89 * kSecond);
  CHECK(h.find(Role::heading, "Are you still there?") == nullptr);
  h.at(90 * kSecond);
  REQUIRE(h.find(Role::heading, "Are you still there?") != nullptr);
  // The seconds left are a number written large, not a heading.
  CHECK(h.find(Role::text, "30") != nullptr);
  CHECK(h.find(Role::heading, "30") == nullptr);
  CHECK(h.find(Role::button, "I'm still here") != nullptr);
  // What was underneath is covered: nothing of it can be pressed.
  CHECK(h.find(Role::button, "Back") == nullptr);
  h.at(91 * kSecond);
  CHECK(h.find(Role::text, "29") != nullptr);
  CHECK(tree_has_text_containing(h.tree(), "in 29 seconds"));
  h.tap(Role::button, "I'm still here");
  CHECK(h.find(Role::heading, "Are you still there?") == nullptr);
  CHECK(h.app.state().route() == route);
}

TEST_CASE("kiosk: a tap anywhere on the dialog also continues") {
  KioskHarness h;
  h.begin();
  h.at(90 * kSecond);
  REQUIRE(h.find(Role::heading, "Are you still there?") != nullptr);
  h.tap(Role::heading, "Are you still there?");
  CHECK_FALSE(h.app.state().kiosk.warning);
  CHECK(h.find(Role::heading, "CPA Companion") != nullptr);
}

TEST_CASE("kiosk: when the countdown ends, back to the attract screen, saying everything was cleared") {
  KioskHarness h;
  h.begin();
  h.tap(Role::button, "Understand your care");
  h.at(90 * kSecond);
  h.at(120 * kSecond);
  CHECK(h.find(Role::button, "Tap to begin") != nullptr);
  CHECK(h.find(Role::heading, "Everything you entered has been cleared.") != nullptr);
  CHECK(h.app.state().stack.size() == 1);
  CHECK(h.platform.announcements.back() == "Everything you entered has been cleared.");
  h.begin();
  CHECK_FALSE(tree_has_text_containing(h.tree(), "cleared"));
}

namespace {

// On a kiosk, nothing may try to call, text or mail (there is no phone line, and the visitor's
// own phone is where a number goes), and nothing may offer to print, save, copy or keep.
void check_keeps_nothing(const KioskHarness& h, const std::string& where) {
  CAPTURE(where);
  for (const auto* link : h.tree().all(Role::link)) {
    CAPTURE(link->name);
    CHECK(link->href.rfind("tel:", 0) != 0);
    CHECK(link->href.rfind("sms:", 0) != 0);
    CHECK(link->href.rfind("mailto:", 0) != 0);
  }
  const auto& content = *h.app.state().content;
  for (const char* key : {"eligibility.result.print", "eligibility.result.save", "share.keep.button",
                          "share.copy_button", "share.system_button", "share.print_button", "share.file_button"}) {
    CAPTURE(key);
    CHECK(h.find(Role::button, content.str(key)) == nullptr);
  }
}

// Every screen and step a visitor can reach on a kiosk, drawn, as they would reach it.
void visit_every_kiosk_screen(KioskHarness& h, const std::function<void(const std::string&)>& check) {
  h.begin();
  check("Home");
  const auto& content = *h.app.state().content;
  for (const auto& info : core::screen_table) {
    if (!info.in_kiosk || info.screen == core::Screen::eligibility || info.screen == core::Screen::learn) continue;
    h.app.dispatch(core::Navigate{core::Route{info.screen, {}}});
    h.settle();
    check(std::string(info.name));
  }
  for (const auto& id : content.explainer_order) {
    h.app.dispatch(core::Navigate{core::Route{core::Screen::learn, id}});
    h.settle();
    check("learn/" + id);
  }
  const auto& e = *content.eligibility;
  for (const auto& nation : e.nations) {
    h.app.dispatch(core::Navigate{core::eligibility_route(core::eligibility_steps::nation)});
    h.app.dispatch(core::ChooseNation{nation.id});
    h.settle();
    for (const auto& q : e.questions) {
      h.app.dispatch(core::Navigate{core::eligibility_route(q.id)});
      h.settle();
      check(nation.id + "/" + q.id);
      h.app.dispatch(core::AnswerQuestion{q.id, core::Answer::yes});  // a risk "Yes" shows the help step
      h.settle();
      check(nation.id + "/" + q.id + " answered");
    }
    h.app.dispatch(core::Navigate{core::eligibility_route(core::eligibility_steps::summary)});
    h.settle();
    check(nation.id + "/summary");
    h.app.dispatch(core::Navigate{core::eligibility_route(core::eligibility_steps::result)});
    h.settle();
    check(nation.id + "/result");
  }
}

}  // namespace

TEST_CASE("kiosk: no screen a visitor can reach calls, texts, mails, prints, saves, copies or keeps anything") {
  KioskHarness h;
  int screens = 0;
  visit_every_kiosk_screen(h, [&](const std::string& where) {
    ++screens;
    check_keeps_nothing(h, where);
  });
  CHECK(screens > 40);
  CHECK(h.platform.printed.empty());
  CHECK(h.platform.downloads.empty());
  CHECK(h.platform.opened_urls.empty());
}

TEST_CASE("kiosk: the walk-through's help step and result write each number large, as Help now does") {
  KioskHarness h;
  h.begin();
  h.app.dispatch(core::ChooseNation{"england"});
  h.app.dispatch(core::Navigate{core::eligibility_route("risk")});
  h.settle();
  h.tap(Role::radio, "Yes");
  h.tap(Role::button, "Continue");
  REQUIRE(h.app.state().route() == core::eligibility_help_route("risk"));
  const auto& content = *h.app.state().content;
  auto numbers_written_large = [&] {
    for (const auto* line : core::crisis_lines_for(content, "england")) {
      CAPTURE(line->id);
      const auto view = core::crisis_line_view(content, *line, true);
      const auto* number = h.find(Role::text, view.copy_text);
      REQUIRE_MESSAGE(number != nullptr, "no number written out for " << line->id);
      CHECK(number->rect.h >= 1.3f * 28);
      CHECK(h.find(Role::text, view.copy_instruction) != nullptr);
    }
  };
  numbers_written_large();
  h.app.dispatch(core::Navigate{core::eligibility_route(core::eligibility_steps::result)});
  h.settle();
  numbers_written_large();
  // Keeping the result means the visitor's own phone.
  h.tap(Role::button, content.str("kiosk.phone.title"));
  CHECK(h.app.state().route().screen == core::Screen::continue_on_phone);
}

TEST_CASE("kiosk: a shared plan's link opens on the kiosk, read-only, and cannot be kept there") {
  std::vector<std::string> parts;
  for (const auto* part : core::share_parts()) parts.emplace_back(part->id);
  core::Records records;
  core::add_item(records, "crisis_plan.warning_signs", "", "I stop sleeping");
  const std::string link =
      core::share_link("", 0, core::base64url_encode(core::share_payload(records, parts, "2026-11-20")));
  KioskHarness h(link);
  CHECK(h.app.state().route().screen == core::Screen::shared);
  CHECK_FALSE(h.app.state().kiosk.attract);    // opening a link here begins a visit
  REQUIRE_FALSE(h.platform.wake_ats.empty());  // and its quiet time: the plan will be cleared
  CHECK(h.platform.wake_ats.back() == doctest::Approx(90 * kSecond));
  CHECK(h.find(Role::list_item, "I stop sleeping") != nullptr);
  check_keeps_nothing(h, "shared");
  CHECK(h.find(Role::text, h.app.state().content->str("kiosk.shared.not_kept")) != nullptr);
}
