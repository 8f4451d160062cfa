#include "core/kiosk/kiosk.hpp"

#include <algorithm>
#include <cmath>

#include "core/content/deployment.hpp"
#include "core/kiosk/kiosk_guard.hpp"
#include "core/support/overloaded.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

constexpr double kSecondMs = 1000;

// When the core next needs to look at the time, if at all: each second of the countdown while
// it shows; the end of the quiet time while someone is using it; the end of the cleared notice.
std::optional<double> next_wake(const KioskState& k) {
  if (k.warning) return k.warning_ends_ms - (k.seconds_left() - 1) * kSecondMs;
  if (!k.attract) return k.last_input_ms + k.idle_seconds * kSecondMs;
  if (k.cleared_notice) return k.notice_ends_ms;
  return std::nullopt;  // the attract screen, with nothing to clear: nothing to wake for
}

Effects wake(const KioskState& k) {
  const auto at = next_wake(k);
  return at ? Effects{WakeAt{*at}} : Effects{};
}

Effects then_wake(Effects effects, const KioskState& k) {
  const Effects more = wake(k);
  effects.insert(effects.end(), more.begin(), more.end());
  return effects;
}

// Everything the visitor did goes: answers, anything typed, where they were, how far they had
// scrolled (a new visit's screens are new windows), the display settings they chose.  The
// kiosk's own settings stay.
// say_cleared: the attract screen says everything was cleared (after the quiet time; not after
// a quick exit, whose point is that nobody can tell the screen was in use).
Effects reset_visit(State& state, bool say_cleared = true) {
  KioskState& k = state.kiosk;
  state.eligibility = EligibilityState{};
  PlansState fresh;
  fresh.store = state.plans.store;
  fresh.now_utc = state.plans.now_utc;
  fresh.today = state.plans.today;
  state.plans = std::move(fresh);
  state.stack = {Route{}};
  clear_shared_plan(state);       // a plan opened from a link on this screen
  reset_display_settings(state);  // the visitor's text size and colours go with them
  reset_language(state);          // and their language: the next one starts from the deployment's
  k.warning = false;
  k.attract = true;
  k.cleared_notice = say_cleared;
  k.notice_ends_ms = say_cleared ? k.now_ms + kKioskClearedNoticeMs : 0;
  ++k.visit;
  if (!say_cleared) return then_wake({ClearVisit{}}, k);
  return then_wake({ClearVisit{}, Announce{state.text().str("kiosk.cleared")}}, k);
}

Effects start(State& state, const KioskStart& action) {
  KioskState& k = state.kiosk;
  const KioskSettings& settings = state.text().deployment.kiosk;
  k = KioskState{};
  k.active = action.requested_by_address || settings.enabled;
  if (!k.active) return {};
  k.idle_seconds = std::max(settings.idle_seconds, kMinKioskIdleSeconds);
  k.warning_seconds = std::max(settings.warning_seconds, kMinKioskWarningSeconds);
  k.now_ms = k.last_input_ms = action.now_ms;
  return wake(k);
}

Effects tick(State& state, double now_ms) {
  KioskState& k = state.kiosk;
  k.now_ms = std::max(k.now_ms, now_ms);
  if (k.warning && k.now_ms >= k.warning_ends_ms) return reset_visit(state);
  Effects effects;
  if (!k.warning && !k.attract && k.now_ms >= k.last_input_ms + k.idle_seconds * kSecondMs) {
    k.warning = true;
    k.warning_ends_ms = k.now_ms + k.warning_seconds * kSecondMs;
    effects.push_back(Announce{state.text().str("kiosk.still_there.title")});
  }
  if (k.cleared_notice && k.now_ms >= k.notice_ends_ms) k.cleared_notice = false;
  return then_wake(std::move(effects), k);
}

// The visitor is here: the quiet time starts again.
void visitor_active(KioskState& k) {
  k.warning = false;
  k.last_input_ms = k.now_ms;
}

}  // namespace

int KioskState::seconds_left() const {
  if (!warning) return 0;
  return std::max(1, static_cast<int>(std::ceil((warning_ends_ms - now_ms) / kSecondMs)));
}

Effects kiosk_clear_quietly(State& state) { return reset_visit(state, false); }

Effects kiosk_wake(const State& state) { return state.kiosk.active ? wake(state.kiosk) : Effects{}; }

namespace {
bool leaves_memory(const Effect& effect) {
  if (const auto* open = std::get_if<OpenUrl>(&effect)) return !open->url.starts_with("https:");
  return std::holds_alternative<DownloadFile>(effect) || std::holds_alternative<PrintDocument>(effect) ||
         std::holds_alternative<SaveRecords>(effect) || std::holds_alternative<SaveSettings>(effect) ||
         std::holds_alternative<ChangeStoreLock>(effect) || std::holds_alternative<SealShare>(effect) ||
         std::holds_alternative<CopyText>(effect) || std::holds_alternative<SystemShare>(effect) ||
         std::holds_alternative<KeepSharedCopy>(effect) || std::holds_alternative<AskPersistentStorage>(effect);
}
}  // namespace

Effects kiosk_keep_nothing(const State& state, Effects effects) {
  if (!state.kiosk.active) return effects;
  const auto kept = std::remove_if(effects.begin(), effects.end(), leaves_memory);
  if (kept == effects.end()) return effects;
  effects.erase(kept, effects.end());
  effects.push_back(Announce{state.text().str("kiosk.keeps_nothing")});
  return effects;
}

bool offered(const State& state, const Route& route) {
  return !state.kiosk.active || screen_info(route.screen).in_kiosk;
}

Effects update_kiosk(State& state, const KioskAction& action) {
  if (!std::holds_alternative<KioskStart>(action) && !state.kiosk.active) return {};
  KioskState& k = state.kiosk;
  return std::visit(Overloaded{
                        [&](const KioskStart& a) { return start(state, a); },
                        [&](const KioskActivity& a) {
                          k.now_ms = std::max(k.now_ms, a.now_ms);
                          // While the dialog shows, only the dialog itself continues (a tap on it):
                          // the same tap must not also press what was under it.
                          if (!k.warning) k.last_input_ms = k.now_ms;
                          return wake(k);
                        },
                        [&](const KioskTick& a) { return tick(state, a.now_ms); },
                        [&](const KioskRestored& a) {
                          k.now_ms = std::max(k.now_ms, a.now_ms);
                          return reset_visit(state);
                        },
                        [&](const KioskBegin&) {
                          k.attract = false;
                          k.cleared_notice = false;
                          visitor_active(k);
                          return wake(k);
                        },
                        [&](const KioskContinue&) {
                          visitor_active(k);
                          return wake(k);
                        },
                    },
                    action);
}

std::optional<Action> kiosk_redirect(State& state, const Action& action) {
  KioskState& k = state.kiosk;
  if (!k.active) return std::nullopt;
  if (const auto* start_at = std::get_if<Start>(&action)) {
    if (is_share_fragment(start_at->initial_path)) {
      // Someone opened a shared plan's link here: they are using the screen now.
      k.attract = false;
      visitor_active(k);
      return std::nullopt;
    }
    if (!offered(state, Route::from_path(start_at->initial_path))) return Action{Start{Route{}.to_path()}};
  } else if (const auto* go = std::get_if<Navigate>(&action)) {
    if (!offered(state, go->to)) return Action{Navigate{Route{}}};
    // Going anywhere (Help now from the attract screen's bar) begins a visit.
    // Going anywhere while "Are you still there?" shows is a tap too: the visitor is here.
    k.attract = false;
    k.cleared_notice = false;
    visitor_active(k);
  } else if (const auto* moved = std::get_if<HistoryChanged>(&action)) {
    // A typed address or Back to one: Home, and the address bar says so too.
    // (Home from where the person was: the refused address is replaced by Home's.)
    if (!offered(state, Route::from_path(moved->path))) return Action{Start{Route{}.to_path()}};
  }
  return std::nullopt;
}

}  // namespace cpa::core
