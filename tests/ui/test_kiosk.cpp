// Kiosk mode as a visitor meets it on a waiting-room screen (1080 x 1920): the attract screen,
// Home without personal plans, Help now with the numbers written out, "Are you still there?".
#include <string>

#include "harness.hpp"

using namespace cpa;
using ui::Role;

namespace {

constexpr float kiosk_width = 1080, kiosk_height = 1920;
constexpr double kSecond = 1000;  // ms

struct KioskHarness : test::Harness {
  explicit KioskHarness(std::string path = "") : test::Harness(std::move(path), kiosk_width, kiosk_height, true) {}
  // The platform's timer came due at this time.
  void at(double ms) {
    app.dispatch(core::KioskTick{ms});
    settle();
  }
  void begin() { tap(Role::button, "Tap to begin"); }
};

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
       {"Could I get CPA support?", "Understand your care", "About this app", "Continue on your phone"}) {
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
  h.tap(Role::button, "Could I get CPA support?");
  const auto route = h.app.state().route();
  h.at(89 * kSecond);
  CHECK(h.find(Role::heading, "Are you still there?") == nullptr);
  h.at(90 * kSecond);
  REQUIRE(h.find(Role::heading, "Are you still there?") != nullptr);
  CHECK(h.find(Role::heading, "30") != nullptr);
  CHECK(h.find(Role::button, "I'm still here") != nullptr);
  // What was underneath is covered: nothing of it can be pressed.
  CHECK(h.find(Role::button, "Back") == nullptr);
  h.at(91 * kSecond);
  CHECK(h.find(Role::heading, "29") != nullptr);
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
