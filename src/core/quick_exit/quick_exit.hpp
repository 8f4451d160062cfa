#pragma once
// Quick exit: for someone whose safety is at risk if they are seen using the app (the GOV.UK
// "Exit this page" pattern).  A "Quick exit" button on every screen, and Shift pressed three
// times, at once take the app off the screen and replace the page with a neutral site.
//
// The core decides (is it on, does this key count, is this a kiosk); the platform carries out
// QuickExit: it hides the canvas, empties the accessibility mirror, gives the tab a neutral
// title, lets a pending save finish, replaces this tab's history entries as far as the browser
// allows, then location.replace(url).  On a kiosk nothing is left behind anyway: quick exit
// clears the visit and shows the attract screen, as a reset does, but without saying so.
//
// The setting (on by default) is kept in its own small store on the device (SaveSettings), with
// the display settings (core/display/display.hpp), read before the first frame (SettingsLoaded), never
// kept on a kiosk, and removed by "Delete everything".
#include <string_view>
#include <variant>

#include "core/effects.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;

// The neutral site GOV.UK's pattern uses.
inline constexpr std::string_view kQuickExitUrl = "https://www.bbc.co.uk/weather";
// Shift, pressed on its own this many times, each within this time of the one before (as GOV.UK).
inline constexpr int kQuickExitShiftPresses = 3;
inline constexpr double kQuickExitShiftWindowMs = 5000;

struct QuickExitState {
  bool enabled = true;  // the setting: on unless the person turned it off
  bool exited = false;  // the app has left: nothing more is drawn or navigated
  int shift_presses = 0;
  double last_shift_ms = 0;
};

// ---- actions from the platform ----
// (The stored setting arrives with the display settings: core::SettingsLoaded, core/display/display.hpp.)
// A key was released.  shift_alone: it was Shift, pressed on its own (not Shift+A for a capital,
// not while an input method is composing).  Any other key starts the count again.
struct QuickExitKey {
  bool shift_alone = false;
  double now_ms = 0;
};
// ---- actions from the screens ----
struct QuickExitPressed {};  // the "Quick exit" button
struct SetQuickExit {
  bool enabled = true;
};  // the setting on "Your data and settings"

using QuickExitAction = std::variant<QuickExitKey, QuickExitPressed, SetQuickExit>;

template <class T>
inline constexpr bool is_quick_exit_action = is_variant_member_v<T, QuickExitAction>;

Effects update_quick_exit(State& state, const QuickExitAction& action);

// "Delete everything" removes the settings too (Quick exit's, the display's and the language):
// the defaults again, as on a new device.  Their database goes with every other the app made
// (DeleteRecords): deleted once, so no second request waits behind the first.
void forget_settings(State& state);

}  // namespace cpa::core
