#include <map>
#include <nlohmann/json.hpp>

#include "../unit/deployment_samples.hpp"
#include "../unit/real_content.hpp"
#include "harness.hpp"

using namespace cpa;
using ui::Role;

TEST_CASE("Home has Help now, an entry for every part, and says plainly which are not ready") {
  test::Harness h;
  CHECK(h.tree().title == "CPA Companion");
  REQUIRE(h.find(Role::button, "Help now") != nullptr);
  for (const char* part : {"What support could I get?", "Understand your care", "My care plan", "My crisis plan",
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

TEST_CASE("landmarks, groups and depth, as assistive technology is told them") {
  test::Harness h;
  // The top bar is the banner (Help now is always in it); everything else is the main content.
  const auto* help = h.find(Role::button, "Help now");
  REQUIRE(help);
  CHECK(help->landmark == ui::Landmark::banner);
  CHECK(h.find(Role::heading, "CPA Companion")->landmark == ui::Landmark::main);
  CHECK(h.tree().depth == 1);

  // Bullets are one list whose items are its children, and the list holds them in its rect.
  h.tap(Role::button, "Your data and settings");
  h.tap(Role::button, "Delete everything");
  CHECK(h.tree().depth == 3);
  const auto* dialog = h.find(Role::dialog, h.app.state().content->str("data.delete_confirm_title"));
  REQUIRE(dialog);
  const auto lists = h.tree().all(Role::list);
  REQUIRE(lists.size() == 1);
  CHECK(lists[0]->parent == dialog->id);
  const auto items = h.tree().all(Role::list_item);
  // The plans (two), the copy, the settings, a carer's kept copy and the offline copy.
  REQUIRE(items.size() == 6);
  for (const auto* item : items) {
    CHECK(item->parent == lists[0]->id);
    CHECK(item->rect.y >= lists[0]->rect.y);
    CHECK(item->rect.y + item->rect.h <= lists[0]->rect.y + lists[0]->rect.h + 0.5f);
  }
  // Both answers to the confirmation are inside the dialog; Help now stays outside it, in reach.
  for (const auto* button : h.tree().all(Role::button)) {
    CAPTURE(button->name);
    if (button->landmark == ui::Landmark::banner || button->name == "Back") CHECK(button->parent == 0);
    else CHECK(button->parent == dialog->id);
  }
}

// A site built as an example (./cpa build --deployment FILE --example: Ofcom's drama numbers,
// for tests and demonstrations) says so at the top of every screen, under the top bar, so it
// never hides Help now or Quick exit; a real trust's site never shows it.
namespace {

// Every screen, as a deep link (with the parameter a screen needs to show something).
std::vector<std::string> every_screen_path() {
  const std::map<core::Screen, std::string> param = {{core::Screen::plan_section, "crisis_plan.people"}};
  std::vector<std::string> paths;
  for (const auto& info : core::screen_table) {
    const auto it = param.find(info.screen);
    paths.push_back(core::Route{info.screen, it == param.end() ? std::string() : it->second}.to_path());
  }
  return paths;
}

// The notice's title and text, where a person (or a screen reader) finds them.
void check_example_notice_under_the_bar(const test::Harness& h) {
  const auto& content = *h.app.state().content;
  const auto* title = h.find(Role::text, content.str("deployment.example.title"));
  const auto* text = h.find(Role::text, content.str("deployment.example.text"));
  REQUIRE(title != nullptr);
  REQUIRE(text != nullptr);
  CHECK(title->landmark == ui::Landmark::main);
  // Help now and Quick exit stay in the top bar, above it: the notice covers neither.
  for (const char* button : {"Help now", "Quick exit"}) {
    const auto* node = h.find(Role::button, button);
    REQUIRE(node != nullptr);
    CHECK(node->landmark == ui::Landmark::banner);
    CHECK(node->rect.y + node->rect.h <= title->rect.y);
  }
  // And it is the first thing on the screen: no number above it.
  for (const auto& node : h.tree().nodes)
    if (node.landmark == ui::Landmark::main && node.rect.y < title->rect.y) CHECK(node.href.empty());
}

}  // namespace

TEST_CASE("an example site says so on every screen, under Help now and Quick exit") {
  const std::string bundle = test::deployment_bundle(test::example_deployment(), true);
  for (const auto& path : every_screen_path()) {
    CAPTURE(path);
    test::Harness h(path, 390, 844, false, bundle);
    check_example_notice_under_the_bar(h);
  }
  // A kiosk's attract screen, which covers every screen until a visitor begins, too.
  test::Harness kiosk("", 1080, 1920, true, bundle);
  REQUIRE(kiosk.find(Role::button, "Tap to begin") != nullptr);
  check_example_notice_under_the_bar(kiosk);
}

TEST_CASE("a real trust's site, or one with no deployment, never shows the example notice") {
  const std::string title = test::real_content().str("deployment.example.title");
  const std::string real = test::deployment_bundle(test::real_trust_deployment(), false);
  for (const auto& path : every_screen_path()) {
    CAPTURE(path);
    for (const auto& bundle : {real, std::string()}) {
      test::Harness h(path, 390, 844, false, bundle);
      CHECK(h.find(Role::button, "Help now") != nullptr);
      for (const auto& node : h.tree().nodes) CHECK(node.name.find(title) == std::string::npos);
    }
  }
}
