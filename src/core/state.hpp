#pragma once
// Everything the app knows at one moment.  The UI reads it (const) and hands back actions;
// update() turns an action into the new state plus effects for the platform.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/content/about.hpp"
#include "core/content/content.hpp"
#include "core/display/display.hpp"
#include "core/effects.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/kiosk/kiosk.hpp"
#include "core/content/language.hpp"
#include "core/plans/plans.hpp"
#include "core/lock/plans_lock.hpp"
#include "core/quick_exit/quick_exit.hpp"
#include "core/route.hpp"
#include "core/share/share.hpp"

namespace cpa::core {

struct State {
  std::shared_ptr<const Content> content;  // the words shown now: one of languages (core/content/language.hpp)
  std::vector<std::shared_ptr<const Content>> languages;  // every locale loaded, en-GB first
  LanguageState language;
  std::vector<Route> stack{Route{}};  // never empty; back() is the screen shown
  PlansState plans;                   // my care plan and crisis plan (core/plans/plans.hpp)
  EligibilityState eligibility;       // "Could I get CPA support?" answers, memory only
  KioskState kiosk;                   // waiting-room kiosk mode (core/kiosk/kiosk.hpp)
  ShareState share;                   // sharing with a carer, and a plan shared with this device
  QuickExitState quick_exit;          // the Quick exit setting, and whether the app has left
  DisplayState display;               // text size, colours, motion, font (core/display/display.hpp)
  AboutState about;                   // which release this is (core/content/about.hpp)

  const Route& route() const { return stack.back(); }
  const Content& text() const { return *content; }
};

// ---- actions ----
struct Start {
  std::string initial_path;
};  // the page loaded at this URL fragment
struct Navigate {
  Route to;
};
struct GoBack {};  // the in-app Back button
// Escape, while no text field has the keyboard: closes what the screen has open ("Why we ask"),
// else goes Back.
struct EscapePressed {};
struct HistoryChanged {
  std::string path;
};  // the browser moved (Back, Forward, a typed fragment)
struct OpenLink {
  std::string href;
};

// "Yes, delete everything" on #/delete-everything: one event.  Everything the app keeps on this
// device goes (the plans and their copies, a carer's kept copy, the settings; DeleteRecords), and
// the confirmation closes.
struct DeleteEverything {};

using AppAction = std::variant<Start, Navigate, GoBack, EscapePressed, HistoryChanged, OpenLink, DeleteEverything>;
// The app's own actions, then each feature's (listed once, in the feature's header).
using Action = variant_cat_t<AppAction, PlansAction, PlansStoreAction, LockAction, EligibilityAction, KioskAction,
                             ShareAction, QuickExitAction, DisplayAction, AboutAction, LanguageAction>;

Effects update(State& state, const Action& action);

}  // namespace cpa::core
