#pragma once
// The store's side of the plans: what the browser's store holds, whether it will last, what is
// written and when.  The platform (web/store.mjs) carries out one kind of write and reports
// every outcome as one of the actions below; each rule about them is decided here.
//
//   start:     PlansStoreLoaded (or PlansStoreUnavailable; PlansStoreBlocked while an older
//              version of the app in another tab holds the store), then PlansDurability.
//   a change:  save_plans -> SaveRecords -> PlansSaved | PlansSaveFailed | PlansStoreChanged
//              (another tab wrote first: merged here, and saved again).
//   retries:   a failed save is asked again when the page is hidden (the closing write, at
//              once), when it is shown again, and on the person's next input after a pause.
//   other tabs: PlansStoreChanged (merged or taken), PlansDeletedElsewhere (everything is
//              forgotten here too: nothing deleted is ever written back), PlansNewerElsewhere
//              (a newer release opened the store: this page stops writing and says reload).
//   deleting:  DeleteEverything (core/state.hpp) -> DeleteRecords -> PlansDeleted{failed parts}.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/effects.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;
struct PlansState;

// ---- actions from the platform's store ----
// What the store held at start ("" for an empty slot).  fallback: the plain page's record;
// set_aside: copies kept aside (damaged, or not re-locked), as stored; newer_database: the
// store was made by a newer release of the app (read it, never write it).
struct PlansStoreLoaded {
  PlansStoreLoaded(std::string latest_, std::string previous_, std::string fallback_ = {},
                   std::vector<std::string> set_aside_ = {}, bool newer_database_ = false)
      : latest(std::move(latest_)),
        previous(std::move(previous_)),
        fallback(std::move(fallback_)),
        set_aside(std::move(set_aside_)),
        newer_database(newer_database_) {}
  std::string latest;
  std::string previous;
  std::string fallback;
  std::vector<std::string> set_aside;
  bool newer_database = false;
};
struct PlansStoreUnavailable {};
// Another tab runs an older release that holds the store open: the store waits for it.
struct PlansStoreBlocked {};
// Another tab wrote the store: its latest record (plain, or locked when this tab cannot open it).
// locked: it was stored encrypted and this tab's key opened it (so the lock is still on).
struct PlansStoreChanged {
  explicit PlansStoreChanged(std::string latest_, double now_ms_ = 0, bool locked_ = false)
      : latest(std::move(latest_)), now_ms(now_ms_), locked(locked_) {}
  std::string latest;
  double now_ms = 0;  // when it was heard (the same clock as PlansActivity)
  bool locked = false;
};
struct PlansDeletedElsewhere {};
struct PlansNewerElsewhere {};
struct PlansSaved {
  std::uint64_t revision = 0;
};
struct PlansSaveFailed {
  std::uint64_t revision = 0;
  bool storage_full = false;
};
// Delete everything has finished: the parts that could not be deleted ("records", "settings",
// "shared", "offline"); empty when everything went.
struct PlansDeleted {
  std::vector<std::string> failed;
};
// What the browser says about keeping this site's storage (facts only; the core decides what
// they mean).  persisted: navigator.storage.persisted(); no_service_worker: a secure page with no
// navigator.serviceWorker (Firefox's private windows); iphone: an iPhone or iPad browser (all
// WebKit); home_screen: opened from the Home Screen (display-mode standalone).
struct PlansDurability {
  bool persisted = false;
  bool no_service_worker = false;
  bool iphone = false;
  bool home_screen = false;
};
// Any input from the person, and the page hidden or shown (ms on the platform's monotonic clock).
struct PlansActivity {
  double now_ms = 0;
};
struct PlansVisibility {
  bool hidden = false;
  double now_ms = 0;
};

using PlansStoreAction = std::variant<PlansStoreLoaded, PlansStoreUnavailable, PlansStoreBlocked, PlansStoreChanged,
                                      PlansDeletedElsewhere, PlansNewerElsewhere, PlansSaved, PlansSaveFailed,
                                      PlansDeleted, PlansDurability, PlansActivity, PlansVisibility>;

template <class T>
inline constexpr bool is_plans_store_action = is_variant_member_v<T, PlansStoreAction>;

Effects update_plans_store(State& state, const PlansStoreAction& action);

// The one place a save is asked for: every change, a merge, a retry and the closing write.
// Nothing is asked while the store may not be written (not read yet, damaged, newer, locked).
Effects save_plans(State& state, bool urgent);

// How long after the person's last input this tab counts as "typing": another tab's save then
// keeps this tab's list items where they are (core/plans/records/records_merge.hpp).
inline constexpr double kTypingMs = 2'000;
// A failed save is asked again on the person's input at most this often.
inline constexpr double kRetryEveryMs = 10'000;

}  // namespace cpa::core
