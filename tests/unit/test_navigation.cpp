#include <doctest/doctest.h>

#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"

using namespace cpa;

TEST_CASE("routes map to URL fragments and back") {
  CHECK(core::Route{}.to_path() == "#/");
  CHECK(core::Route{core::Screen::help_now, ""}.to_path() == "#/help-now");
  CHECK(core::Route{core::Screen::learn, "what-is-cpa"}.to_path() == "#/learn/what-is-cpa");
  CHECK(core::Route::from_path("#/help-now") == core::Route{core::Screen::help_now, ""});
  CHECK(core::Route::from_path("#/learn/what-is-cpa/") == core::Route{core::Screen::learn, "what-is-cpa"});
  CHECK(core::Route::from_path("") == core::Route{});
  CHECK(core::Route::from_path("#") == core::Route{});
  // Anything odd goes Home rather than to a broken screen.
  CHECK(core::Route::from_path("#/<script>") == core::Route{});
  CHECK(core::Route::from_path("#/a/b/c") == core::Route{});
}

TEST_CASE("navigation: forward, Back in the app, and the browser's Back agree") {
  core::State state;
  platform::MemoryPlatform browser;
  auto act = [&](const core::Action& a) { platform::carry_out(browser, core::update(state, a)); };
  act(core::Start{""});
  CHECK(state.route() == core::Route{});
  act(core::Navigate{core::Route{core::Screen::about, ""}});
  act(core::Navigate{core::Route{core::Screen::help_now, ""}});
  CHECK(state.stack.size() == 3);
  CHECK(browser.current_path() == "#/help-now");

  // The in-app Back button pops and asks the browser to go back; the browser's echo is ignored.
  act(core::GoBack{});
  CHECK(state.route() == core::Route{core::Screen::about, ""});
  REQUIRE(browser.popstate_events.size() == 1);
  act(core::HistoryChanged{browser.popstate_events.back()});
  CHECK(state.route() == core::Route{core::Screen::about, ""});
  CHECK(state.stack.size() == 2);

  // The browser's own Back button.
  act(core::HistoryChanged{browser.browser_back()});
  CHECK(state.route() == core::Route{});
  CHECK(state.stack.size() == 1);

  // Back on Home does nothing.
  CHECK(core::update(state, core::GoBack{}).empty());
}

TEST_CASE("a deep link opens its screen with Home underneath") {
  core::State state;
  platform::MemoryPlatform browser;
  platform::carry_out(browser, core::update(state, core::Start{"#/help-now"}));
  CHECK(state.route() == core::Route{core::Screen::help_now, ""});
  CHECK(state.stack.size() == 2);
  REQUIRE(browser.history.size() == 2);
  CHECK(browser.history[0] == "#/");
  CHECK(browser.history[1] == "#/help-now");
  platform::carry_out(browser, core::update(state, core::GoBack{}));
  CHECK(state.route() == core::Route{});
}

TEST_CASE("links are handed to the platform to open") {
  core::State state;
  const auto effects = core::update(state, core::OpenLink{"tel:116123"});
  REQUIRE(effects.size() == 1);
  CHECK(std::get<core::OpenUrl>(effects[0]).url == "tel:116123");
}

TEST_CASE("every screen in the table round-trips through its URL, and an unknown name goes Home") {
  for (const auto& info : core::screen_table) {
    CAPTURE(info.name);
    const core::Route route{info.screen, ""};
    CHECK(core::Route::from_path(route.to_path()) == route);
    CHECK(core::screen_named(info.name) == info.screen);
    CHECK(&core::screen_info(info.screen) == &info);
  }
  CHECK(core::Route::from_path("#/help-nwo") == core::Route{});
  CHECK(core::Route::from_path("#/home/extra") == core::Route{});
  CHECK_FALSE(core::screen_named("not-built").has_value());
}

TEST_CASE("kiosk mode offers no personal plan screens") {
  // A plan shared by link (#/shared) is shown on a kiosk, read-only, and never kept there.
  for (const auto& info : core::screen_table) {
    CAPTURE(info.name);
    const bool personal = info.screen == core::Screen::care_plan || info.screen == core::Screen::crisis_plan ||
                          info.screen == core::Screen::plan_section || info.screen == core::Screen::your_data ||
                          info.screen == core::Screen::delete_everything || info.screen == core::Screen::start_again ||
                          info.screen == core::Screen::share || info.screen == core::Screen::lock;
    CHECK(info.in_kiosk == !personal);
  }
}
