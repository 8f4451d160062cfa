#include <doctest/doctest.h>

#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"

using namespace cpa;

TEST_CASE("routes map to URL fragments and back") {
  CHECK(core::Route{}.to_path() == "#/");
  CHECK(core::Route{"help-now", ""}.to_path() == "#/help-now");
  CHECK(core::Route{"learn", "what-is-cpa"}.to_path() == "#/learn/what-is-cpa");
  CHECK(core::Route::from_path("#/help-now") == core::Route{"help-now", ""});
  CHECK(core::Route::from_path("#/learn/what-is-cpa/") == core::Route{"learn", "what-is-cpa"});
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
  act(core::Navigate{core::Route{"about", ""}});
  act(core::Navigate{core::Route{"help-now", ""}});
  CHECK(state.stack.size() == 3);
  CHECK(browser.current_path() == "#/help-now");

  // The in-app Back button pops and asks the browser to go back; the browser's echo is ignored.
  act(core::GoBack{});
  CHECK(state.route() == core::Route{"about", ""});
  REQUIRE(browser.popstate_events.size() == 1);
  act(core::HistoryChanged{browser.popstate_events.back()});
  CHECK(state.route() == core::Route{"about", ""});
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
  CHECK(state.route() == core::Route{"help-now", ""});
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
