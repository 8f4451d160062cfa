// Quick exit as a person meets it: a button beside Help now on every screen, that leaves at
// once and draws nothing more; the setting on "Your data and settings" that takes it away.
#include <string>

#include "harness.hpp"

using namespace cpa;
using ui::Role;

TEST_CASE("Quick exit is in the top bar beside Help now, on every screen, and fits a phone's bar") {
  for (const char* path : {"", "#/help-now", "#/about", "#/crisis-plan", "#/your-data", "#/eligibility"}) {
    CAPTURE(path);
    test::Harness h(path);
    const auto* exit = h.find(Role::button, "Quick exit");
    const auto* help = h.find(Role::button, "Help now");
    REQUIRE(exit != nullptr);
    REQUIRE(help != nullptr);
    CHECK(exit->rect.y == help->rect.y);                // the same row
    CHECK(exit->rect.x + exit->rect.w < help->rect.x);  // to its left, not overlapping
    CHECK(exit->rect.x >= 0);
    CHECK(exit->rect.h >= 44);  // a target a thumb can hit
    CHECK(exit->rect.w >= 44);
    CHECK(help->rect.x + help->rect.w <= 390);
  }
}

TEST_CASE("tapping Quick exit leaves for the neutral site and nothing of the app is drawn again") {
  test::Harness h("#/crisis-plan");
  h.tap(Role::button, "Quick exit");
  REQUIRE(h.platform.quick_exits.size() == 1);
  CHECK(h.platform.quick_exits[0] == "https://www.bbc.co.uk/weather");
  CHECK(h.tree().nodes.empty());  // the accessibility mirror has nothing to show
  CHECK(h.tree().title.empty());
}

TEST_CASE("turning Quick exit off on 'Your data and settings' takes the button away, and back on brings it") {
  test::Harness h("#/your-data");
  const std::string setting = "Show the Quick exit button";
  const auto* box = h.find(Role::checkbox, setting);
  REQUIRE(box != nullptr);
  CHECK(box->checked);
  h.tap(Role::checkbox, setting);
  CHECK(h.find(Role::button, "Quick exit") == nullptr);
  CHECK(h.find(Role::button, "Help now") != nullptr);
  CHECK_FALSE(h.find(Role::checkbox, setting)->checked);
  CHECK(h.platform.stored_quick_exit == 0);
  h.tap(Role::checkbox, setting);
  CHECK(h.find(Role::button, "Quick exit") != nullptr);
  CHECK(h.platform.stored_quick_exit == 1);
}

TEST_CASE("the settings read at start decide the first frame: turned off, the button never shows") {
  test::Harness h;
  h.app.dispatch(core::SettingsLoaded{true, R"({"quick_exit":false})"});
  h.settle();
  CHECK(h.find(Role::button, "Quick exit") == nullptr);
}

TEST_CASE("Delete everything lists the settings, and afterwards Quick exit is on again") {
  test::Harness h("#/your-data");
  h.tap(Role::checkbox, "Show the Quick exit button");
  REQUIRE(h.find(Role::button, "Quick exit") == nullptr);
  h.tap(Role::button, "Delete everything");
  CHECK(h.find(Role::list_item, "your settings, such as Quick exit") != nullptr);
  h.tap(Role::button, "Yes, delete everything");
  CHECK(h.platform.stored_quick_exit == -1);
  CHECK(h.find(Role::button, "Quick exit") != nullptr);
}

TEST_CASE("kiosk: Quick exit is there too, and returns to the attract screen") {
  test::Harness h("", 1080, 1920, true);
  h.tap(Role::button, "Tap to begin");
  h.tap(Role::button, "Understand your care");
  h.tap(Role::button, "Quick exit");
  CHECK(h.platform.quick_exits.empty());
  CHECK(h.find(Role::button, "Tap to begin") != nullptr);
  bool says_cleared = false;
  for (const auto& node : h.tree().nodes) says_cleared |= node.name.find("cleared") != std::string::npos;
  CHECK_FALSE(says_cleared);
}
