#pragma once
// Kiosk mode: the app on a touch screen in a waiting room, which anyone can walk up to.
//
// On when the deployment says so (content.deployment.kiosk.enabled) or when the page was opened
// with ?mode=kiosk (the platform reads the address and says so in KioskStart).  Then:
//   - an attract screen ("Tap to begin") shows at start and after every reset;
//   - nothing is kept: the platform opens no store, and no personal plan screen is offered
//     (screen_table's in_kiosk; a link to one goes Home);
//   - after idle_seconds without input, "Are you still there?" counts down warning_seconds
//     (at least 20: WCAG 2.2.1); a tap continues, and when it runs out everything the visitor
//     did is cleared and the attract screen says so.
//
// Time: the core reads no clock.  The platform tells it the time (a monotonic millisecond count,
// e.g. performance.now()) with every kiosk action, and carries out WakeAt{ms} by dispatching
// KioskTick at that time.  Between wake-ups nothing runs and no frame is drawn.
#include <cstdint>
#include <variant>

#include "core/effects.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;
struct Route;

// How long "Everything you entered has been cleared" stays on the attract screen.
inline constexpr double kKioskClearedNoticeMs = 30'000;

struct KioskState {
  bool active = false;
  bool attract = true;          // the attract screen shows (at start and after every reset)
  bool warning = false;         // "Are you still there?" is showing
  bool cleared_notice = false;  // the attract screen says everything was cleared
  double now_ms = 0;            // the platform's time, as last told
  double last_input_ms = 0;     // the visitor's last input
  double warning_ends_ms = 0;   // while warning: when everything is cleared
  double notice_ends_ms = 0;    // while cleared_notice: when it goes
  int idle_seconds = 90;        // from the deployment
  int warning_seconds = 30;
  std::uint64_t visit = 0;  // one more at every reset: screens start fresh (scroll at the top)

  // Whole seconds left on the countdown, as the dialog shows them (never below 1 while showing).
  int seconds_left() const;
};

// ---- actions from the platform ----
// At start, before Start: whether the address asked for kiosk mode, and the time.
struct KioskStart {
  bool requested_by_address = false;
  double now_ms = 0;
};
// Any input from the visitor (touch, mouse, wheel, key, screen reader), before it is handled.
struct KioskActivity {
  double now_ms = 0;
};
// A WakeAt came due (or any other moment the platform wants the core to look at the time).
struct KioskTick {
  double now_ms = 0;
};
// The page came back from the browser's back-forward cache (Back after leaving it): whatever it
// shows is a visit that may be over, so it is cleared.
struct KioskRestored {
  double now_ms = 0;
};
// ---- actions from the kiosk screens ----
struct KioskBegin {};     // "Tap to begin" on the attract screen
struct KioskContinue {};  // "I'm still here", or any tap on the dialog

using KioskAction = std::variant<KioskStart, KioskActivity, KioskTick, KioskRestored, KioskBegin, KioskContinue>;

template <class T>
inline constexpr bool is_kiosk_action = is_variant_member_v<T, KioskAction>;

Effects update_kiosk(State& state, const KioskAction& action);

// Quick exit on a kiosk: everything the visitor did is cleared and the attract screen shows,
// as after the quiet time, but it does not say so.
Effects kiosk_clear_quietly(State& state);

// Kiosk mode's say over routing (Start, Navigate, HistoryChanged) is in core/kiosk/kiosk_guard.hpp.

// Whether this screen may be shown now (always, outside kiosk mode).
bool offered(const State& state, const Route& route);

// A kiosk keeps nothing: on a kiosk, the effects that would take anything out of the app's memory
// (a download, a print, a save, a copy to the clipboard, a share, a kept copy of a shared plan,
// a call or text it cannot make) are dropped here, whatever asked for them, and the visitor is
// told where to keep things instead.  Outside kiosk mode the effects pass unchanged.
Effects kiosk_keep_nothing(const State& state, Effects effects);
// On a kiosk, when the core next needs the time (the quiet time, the countdown): asked for again
// after the app starts, since a shared plan's link opened there begins a visit at once.
Effects kiosk_wake(const State& state);

}  // namespace cpa::core
