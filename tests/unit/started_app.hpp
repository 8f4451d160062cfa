#pragma once
// The whole app's state, started as the browser starts it (on a kiosk or not, with an empty store
// on a phone), driven by actions, with a memory platform standing in for the browser.
#include <memory>

#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"
#include "real_content.hpp"

namespace cpa::test {

struct StartedApp {
  core::State state;
  platform::MemoryPlatform browser;

  explicit StartedApp(bool kiosk = false) {
    state.content = real_content_ptr();
    act(core::KioskStart{kiosk, 0});
    if (!kiosk) act(core::PlansStoreLoaded{"", ""});
    act(core::Start{""});
  }
  void act(const core::Action& a) { platform::carry_out(browser, core::update(state, a)); }
};

}  // namespace cpa::test
