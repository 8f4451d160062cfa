#include "core/quick_exit/quick_exit.hpp"

#include <string>

#include "core/display/display.hpp"
#include "core/support/overloaded.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

Effects leave(State& state) {
  auto& q = state.quick_exit;
  q.shift_presses = 0;
  // A kiosk keeps nothing and must stay on its screen for the next visitor: clear the visit.
  if (state.kiosk.active) return kiosk_clear_quietly(state);
  q.exited = true;
  return {QuickExit{std::string(kQuickExitUrl), state.text().str("quick_exit.neutral_title")}};
}

Effects shift_key(State& state, const QuickExitKey& key) {
  auto& q = state.quick_exit;
  if (!key.shift_alone) {
    q.shift_presses = 0;
    return {};
  }
  if (q.shift_presses > 0 && key.now_ms - q.last_shift_ms > kQuickExitShiftWindowMs) q.shift_presses = 0;
  q.last_shift_ms = key.now_ms;
  if (++q.shift_presses >= kQuickExitShiftPresses) return leave(state);
  // As GOV.UK does: a screen reader user hears how many more presses leave.
  const bool one_more = kQuickExitShiftPresses - q.shift_presses == 1;
  return {Announce{state.text().str(one_more ? "quick_exit.shift_one_more" : "quick_exit.shift_two_more")}};
}

}  // namespace

Effects update_quick_exit(State& state, const QuickExitAction& action) {
  auto& q = state.quick_exit;
  return std::visit(Overloaded{
                        [&](const QuickExitKey& a) -> Effects {
                          if (!q.enabled || q.exited) return {};
                          return shift_key(state, a);
                        },
                        [&](const QuickExitPressed&) -> Effects {
                          if (!q.enabled || q.exited) return {};
                          return leave(state);
                        },
                        [&](const SetQuickExit& a) -> Effects {
                          q.enabled = a.enabled;
                          q.shift_presses = 0;
                          if (state.kiosk.active) return {};  // memory only
                          return {SaveSettings{settings_document(state)}};
                        },
                    },
                    action);
}

void forget_settings(State& state) {
  state.quick_exit = QuickExitState{};
  reset_display_settings(state);
  reset_language(state);
}

}  // namespace cpa::core
