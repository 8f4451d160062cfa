#pragma once
// The passphrase lock on the person's plans (the stored form is in core/lock/store_lock.hpp).
//
// Optional.  When it is set, every record the store holds is encrypted, and the app starts
// locked: Help now's national and trust lines work as always, the person's own plans and
// contacts wait for the passphrase.  Forgotten means "delete everything": no one can reset it.
//
//   set or change:  PlansLockSet -> ChangeStoreLock{current, passphrase, ...} -> the platform
//                   checks the current passphrase, derives the new key, re-encrypts both copies
//                   and the fallback record in one transaction, then answers PlansLockChanged.
//                   A crash before that transaction commits leaves the old form, after it the
//                   new one: there is no moment where both are lost.
//   unlock:         PlansUnlock -> UnlockStore{passphrase} -> PlansUnlocked{ok, latest, previous}
//   lock again:     PlansLockNow, or PlansTick / PlansActivity / PlansVisibility finding the
//                   chosen idle time passed (or the page hidden for kLockWhenHiddenMs) ->
//                   the plans leave memory and ForgetStoreKey drops the key once pending
//                   saves are written.
//
// Time: like kiosk mode, the platform tells the core a monotonic millisecond count and carries
// out WakeAt (a store is never opened in kiosk mode, so the two never want WakeAt at once).
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/effects.hpp"
#include "core/plans/records/records.hpp"
#include "core/route.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;

struct LockState {
  bool on = false;        // a passphrase is set: the store holds locked records
  bool unlocked = false;  // on, and this tab holds the key (the plans are in memory)
  bool busy = false;      // waiting for the platform (deriving a key takes about a second)
  int after_minutes = 5;  // lock again after this long without use

  // What the person is typing (never saved; cleared once used).
  std::string unlock_typed;
  std::string current_typed;
  std::string new_typed;
  std::string repeat_typed;
  int chosen_minutes = 5;

  Message error;   // what went wrong (empty when nothing did)
  Message notice;  // what just happened ("Your plans are locked.")

  double last_activity_ms = 0;
  bool hidden = false;
  double hidden_since_ms = 0;
};

// ---- actions from the screens ----
enum class LockField { unlock, current, fresh, repeat };
struct LockType {
  LockField field = LockField::unlock;
  std::string value;
};
struct LockChooseMinutes {
  int minutes = 5;
};
struct LockUnlock {};  // the unlock panel's button
struct LockSet {};     // set a passphrase, or change it (and the lock time)
struct LockRemove {};  // after the current passphrase: store the plans unencrypted again
struct LockNow {};     // "Lock now"
// ---- actions from the platform ----
// latest, previous, fallback and set_aside as PlansStoreLoaded has them, decrypted where the key opens them.
struct LockUnlocked {
  LockUnlocked(bool ok_, std::string latest_ = {}, std::string previous_ = {}, std::string fallback_ = {},
               std::vector<std::string> set_aside_ = {})
      : ok(ok_),
        latest(std::move(latest_)),
        previous(std::move(previous_)),
        fallback(std::move(fallback_)),
        set_aside(std::move(set_aside_)) {}
  bool ok = false;
  std::string latest;
  std::string previous;
  std::string fallback;
  std::vector<std::string> set_aside;
};
// why: "wrong-passphrase", "changed-elsewhere", or the browser's error name.  set_aside: every
// copy kept aside now (those the old key could not open are kept as they were, never deleted).
struct LockChanged {
  LockChanged(bool ok_, bool on_, std::string why_ = {}, std::vector<std::string> set_aside_ = {})
      : ok(ok_), on(on_), why(std::move(why_)), set_aside(std::move(set_aside_)) {}
  bool ok = false;
  bool on = false;
  std::string why;
  std::vector<std::string> set_aside;
};
struct LockActivity {
  double now_ms = 0;
};  // any input, before it is handled
struct LockTick {
  double now_ms = 0;
};  // a WakeAt came due
struct LockVisibility {
  bool hidden = false;
  double now_ms = 0;
};

using LockAction = std::variant<LockType, LockChooseMinutes, LockUnlock, LockSet, LockRemove, LockNow, LockUnlocked,
                                LockChanged, LockActivity, LockTick, LockVisibility>;

template <class T>
inline constexpr bool is_lock_action = is_variant_member_v<T, LockAction>;

Effects update_lock(State& state, const LockAction& action);

// Whether the person's plans are out of reach until the passphrase is given.
bool plans_locked(const State& state);
// Whether this screen shows the unlock panel in place of itself: the plans are locked and the
// screen waits for the passphrase (its screen_table row says so).
bool shows_unlock(const State& state, Screen screen);
// Locks this tab: the plans leave memory, the key is forgotten, and the person is told why
// (a strings.json key).  Used by the lock's own rules and when another tab changed the lock.
Effects lock_out(State& state, const std::string& notice_key);

}  // namespace cpa::core
