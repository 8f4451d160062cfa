#pragma once
// The plans in the app's state, driven as the screens and the browser's store would drive them:
// real content, a clock, and a memory platform standing in for the browser.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "real_content.hpp"
#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"

namespace cpa::test {

inline constexpr const char* kNow = "2026-11-23T10:15:00Z";

inline std::shared_ptr<const core::Content> content() { return real_content_ptr(); }
// What the state keeps to say, in the words the screen would show (English).
inline std::string said(const core::Message& message) { return core::render(*content(), message); }

struct App {
  core::State state;
  platform::MemoryPlatform device;
  App() {
    state.content = content();
    act(core::PlansClock{kNow, "2026-11-23"});
  }
  void act(const core::Action& action) { platform::carry_out(device, core::update(state, action)); }
  const core::PlansState& plans() const { return state.plans; }
  const core::LockState& lock() const { return state.plans.lock; }
  std::string last_saved() const { return device.saved_records.empty() ? "" : device.saved_records.back().document; }
};

}  // namespace cpa::test
