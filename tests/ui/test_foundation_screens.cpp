#include <map>

#include "harness.hpp"

using namespace cpa;
using ui::Role;

TEST_CASE("Home has Help now, an entry for every part, and says plainly which are not ready") {
  test::Harness h;
  CHECK(h.tree().title == "CPA Companion");
  REQUIRE(h.find(Role::button, "Help now") != nullptr);
  for (const char* part : {"Could I get CPA support?", "Understand your care", "My care plan", "My crisis plan",
                           "Share with a carer", "Your data and settings", "About this app"}) {
    CAPTURE(part);
    CHECK(h.find(Role::button, part) != nullptr);
  }
  for (const auto* card : h.tree().all(Role::button)) {
    CAPTURE(card->name);
    CHECK_FALSE(card->disabled);  // every part is built
  }
}

TEST_CASE("tapping Help now opens the crisis screen, listing every line as a link") {
  test::Harness h;
  h.tap(Role::button, "Help now");
  CHECK(h.app.state().route().screen == core::Screen::help_now);
  CHECK(h.platform.current_path() == "#/help-now");
  CHECK(h.find(Role::heading, "Help now") != nullptr);
  for (const auto& line : h.app.state().content->crisis_lines) {
    CAPTURE(line.id);
    bool found = false;
    for (const auto* link : h.tree().all(Role::link)) found = found || link->href == line.href();
    CHECK(found);
    CHECK(h.find(Role::heading, line.name) != nullptr);
  }
}

TEST_CASE("Help now is on every screen, including Help now itself") {
  for (const char* path : {"", "#/help-now", "#/about"}) {
    CAPTURE(path);
    test::Harness h(path);
    CHECK(h.find(Role::button, "Help now") != nullptr);
  }
}

TEST_CASE("tapping a call link opens tel: through the platform") {
  test::Harness h("#/help-now");
  h.tap(Role::link, "Call 999");
  REQUIRE_FALSE(h.platform.opened_urls.empty());
  CHECK(h.platform.opened_urls.back() == "tel:999");
}

TEST_CASE("Back, in the app and in the browser, returns Home") {
  test::Harness h;
  h.tap(Role::button, "Help now");
  REQUIRE(h.find(Role::button, "Back") != nullptr);
  h.tap(Role::button, "Back");
  CHECK(h.app.state().route().screen == core::Screen::home);
  CHECK(h.find(Role::button, "Back") == nullptr);

  h.tap(Role::button, "About this app");
  CHECK(h.tree().title == "About this app");
  h.browser_back();
  CHECK(h.app.state().route().screen == core::Screen::home);
}

TEST_CASE("a keyboard or screen reader activation does what a tap does") {
  test::Harness h;
  h.activate(Role::button, "About this app");
  CHECK(h.app.state().route().screen == core::Screen::about);
  h.activate(Role::button, "Help now");
  CHECK(h.app.state().route().screen == core::Screen::help_now);
}

TEST_CASE("Share with a carer is built: Home's card opens it") {
  test::Harness h;
  h.tap(Role::button, "Share with a carer");
  CHECK(h.app.state().route().screen == core::Screen::share);
}

TEST_CASE("About shows sources with checked-dates") {
  test::Harness h("#/about");
  CHECK(h.find(Role::heading, "Where this comes from") != nullptr);
  bool dated = false;
  for (const auto& node : h.tree().nodes) dated = dated || node.name.rfind("Checked ", 0) == 0;
  CHECK(dated);
}

TEST_CASE("every target a finger taps is at least 44 by 44 CSS pixels") {
  for (const char* path : {"", "#/help-now", "#/about"}) {
    CAPTURE(path);
    test::Harness h(path);
    for (const auto& node : h.tree().nodes) {
      if (node.role != Role::button && node.role != Role::link) continue;
      CAPTURE(node.name);
      CHECK(node.rect.h >= 44.0f);
      CHECK(node.rect.w >= 44.0f);
    }
  }
}

TEST_CASE("every route opens as a deep link with its own heading, and Help now on top") {
  const std::map<core::Screen, std::string> param = {{core::Screen::learn, ""},
                                                     {core::Screen::plan_section, "crisis_plan.people"}};
  for (const auto& info : core::screen_table) {
    CAPTURE(info.name);
    const auto it = param.find(info.screen);
    const core::Route route{info.screen, it == param.end() ? std::string() : it->second};
    test::Harness h(route.to_path());
    CHECK(h.app.state().route() == route);
    const auto& content = *h.app.state().content;
    std::string heading;
    if (!info.title_key.empty()) heading = content.str(info.title_key);
    if (info.screen == core::Screen::about) heading = content.page("about")->title;
    if (info.screen == core::Screen::care_plan) heading = content.plans.plans.at("care_plan").title;
    if (info.screen == core::Screen::crisis_plan) heading = content.plans.plans.at("crisis_plan").title;
    const auto headings = h.tree().all(Role::heading);
    REQUIRE_FALSE(headings.empty());
    if (!heading.empty()) {
      CHECK(h.find(Role::heading, heading) != nullptr);
    } else {
      CHECK_FALSE(headings.front()->name.empty());
    }
    CHECK(h.find(Role::button, "Help now") != nullptr);
  }
}
