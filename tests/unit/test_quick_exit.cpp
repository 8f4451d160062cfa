// Quick exit's rules: on by default, the button and Shift pressed three times leave for the
// neutral site, what counts as a Shift press, the setting kept (or not, on a kiosk), and
// "Delete everything" forgetting it.
#include <doctest/doctest.h>

#include <memory>

#include "core/state.hpp"
#include "started_app.hpp"

using namespace cpa;

namespace {

struct QuickExitApp : test::StartedApp {
  using StartedApp::StartedApp;
  void shift(double at_ms) { act(core::QuickExitKey{true, at_ms}); }
  bool left() const { return !browser.quick_exits.empty(); }
};

}  // namespace

TEST_CASE("quick exit is on by default, and the button leaves for the BBC weather page with a neutral title") {
  QuickExitApp app;
  CHECK(app.state.quick_exit.enabled);
  app.act(core::Navigate{core::Route{core::Screen::crisis_plan, {}}});
  app.act(core::QuickExitPressed{});
  REQUIRE(app.browser.quick_exits.size() == 1);
  CHECK(app.browser.quick_exits[0] == "https://www.bbc.co.uk/weather");
  CHECK(app.browser.exit_title == "Weather");
  CHECK(app.state.quick_exit.exited);
  // Once it has left, nothing brings a screen back: not the browser's history steps on the
  // way out, not a second press.
  const auto history = app.browser.history;
  app.act(core::HistoryChanged{"#/crisis-plan"});
  app.act(core::Navigate{core::Route{core::Screen::care_plan, {}}});
  app.act(core::QuickExitPressed{});
  CHECK(app.browser.history == history);
  CHECK(app.browser.quick_exits.size() == 1);
}

TEST_CASE("Shift pressed on its own three times within 5 seconds of each other leaves") {
  QuickExitApp app;
  app.shift(1000);
  app.shift(5000);
  CHECK_FALSE(app.left());
  // A screen reader hears how many more presses leave (as GOV.UK does).
  REQUIRE(app.browser.announcements.size() == 2);
  CHECK(app.browser.announcements[0] == "Shift: press 2 more times to leave quickly.");
  CHECK(app.browser.announcements[1] == "Shift: press 1 more time to leave quickly.");
  app.shift(9900);
  CHECK(app.left());
}

TEST_CASE("Shift presses too far apart, or another key between them, start the count again") {
  QuickExitApp app;
  app.shift(0);
  app.shift(1000);
  app.shift(6001);  // more than 5 s after the last: this is the first of a new count
  CHECK_FALSE(app.left());
  app.shift(7000);
  CHECK_FALSE(app.left());
  app.act(core::QuickExitKey{false, 7500});  // a letter typed: the count starts again
  app.shift(8000);
  app.shift(8500);
  CHECK_FALSE(app.left());
  app.shift(9000);
  CHECK(app.left());
}

TEST_CASE("with quick exit turned off, there is no leaving: not the button, not Shift; the choice is stored") {
  QuickExitApp app;
  app.act(core::SetQuickExit{false});
  CHECK_FALSE(app.state.quick_exit.enabled);
  CHECK(app.browser.stored_quick_exit == 0);
  for (double t : {100.0, 200.0, 300.0, 400.0}) app.shift(t);
  app.act(core::QuickExitPressed{});
  CHECK_FALSE(app.left());
  CHECK(app.browser.announcements.empty());
  app.act(core::SetQuickExit{true});
  CHECK(app.browser.stored_quick_exit == 1);
  app.shift(500);
  app.shift(600);
  app.shift(700);
  CHECK(app.left());
}

TEST_CASE("the stored setting is read at start; nothing stored means on") {
  QuickExitApp off;
  off.act(core::SettingsLoaded{true, R"({"quick_exit":false})"});
  CHECK_FALSE(off.state.quick_exit.enabled);
  QuickExitApp nothing;
  nothing.act(core::SettingsLoaded{false, ""});
  CHECK(nothing.state.quick_exit.enabled);
}

TEST_CASE("Delete everything also deletes the settings: quick exit is on again") {
  QuickExitApp app;
  app.act(core::SetQuickExit{false});
  REQUIRE(app.browser.stored_quick_exit == 0);
  app.act(core::DeleteEverything{});
  CHECK(app.browser.records_deleted == 1);
  CHECK(app.browser.stored_quick_exit == -1);
  CHECK(app.state.quick_exit.enabled);
}

TEST_CASE(
    "on a kiosk, quick exit clears the visit and shows the attract screen, without saying so; nothing is stored") {
  QuickExitApp app(true);
  app.act(core::KioskBegin{});
  app.act(core::PlansClock{"2026-11-23T10:00:00Z", "2026-11-23"});
  app.act(core::ChooseNation{"england"});
  REQUIRE_FALSE(app.state.eligibility.nation.empty());
  app.act(core::Navigate{core::Route{core::Screen::learn, {}}});
  REQUIRE_FALSE(app.state.kiosk.attract);
  app.shift(1000);
  app.shift(2000);
  app.shift(3000);
  CHECK_FALSE(app.left());  // a kiosk stays on its screen for the next visitor
  CHECK(app.state.kiosk.attract);
  CHECK_FALSE(app.state.kiosk.cleared_notice);
  CHECK(app.state.stack.size() == 1);
  CHECK(app.state.eligibility.nation.empty());
  CHECK_FALSE(app.state.quick_exit.exited);
  // Settings on a kiosk live in memory only, and a browser's stored ones are not the kiosk's.
  app.act(core::SetQuickExit{false});
  CHECK(app.browser.stored_quick_exit == -1);
  QuickExitApp kiosk(true);
  kiosk.act(core::SettingsLoaded{true, R"({"quick_exit":false})"});
  CHECK(kiosk.state.quick_exit.enabled);
}
