#include "core/lock/plans_lock.hpp"

#include <algorithm>

#include "core/support/overloaded.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/state.hpp"
#include "core/lock/store_lock.hpp"

namespace cpa::core {
namespace {

void forget_typed(LockState& lock) {
  lock.unlock_typed.clear();
  lock.current_typed.clear();
  lock.new_typed.clear();
  lock.repeat_typed.clear();
}

// The idle rule: the chosen time without input, or hidden for kLockWhenHiddenMs (if shorter).
double idle_limit_ms(const LockState& lock) { return lock.after_minutes * 60'000.0; }

bool due(const LockState& lock, double now_ms) {
  if (!lock.on || !lock.unlocked) return false;
  if (now_ms - lock.last_activity_ms >= idle_limit_ms(lock)) return true;
  return lock.hidden && now_ms - lock.hidden_since_ms >= std::min(kLockWhenHiddenMs, idle_limit_ms(lock));
}

Effects wake_for(const LockState& lock) {
  if (!lock.on || !lock.unlocked) return {};
  double at = lock.last_activity_ms + idle_limit_ms(lock);
  if (lock.hidden) at = std::min(at, lock.hidden_since_ms + std::min(kLockWhenHiddenMs, idle_limit_ms(lock)));
  return {WakeAt{at}};
}

// Checks the time; locks when due, else asks to be woken when it will be.
Effects check_time(State& state, double now_ms) {
  if (due(state.plans.lock, now_ms)) return lock_out(state, "plans.lock.locked_idle");
  return wake_for(state.plans.lock);
}

bool can_change(const PlansState& plans) {
  return (plans.store == StoreStatus::ok || plans.store == StoreStatus::fresh) && !plans.lock.busy;
}

Effects unlock(State& state) {
  auto& lock = state.plans.lock;
  if (!lock.on || lock.unlocked || lock.busy) return {};
  lock.notice.clear();
  if (lock.unlock_typed.empty()) {
    lock.error = Message{"plans.lock.error_empty"};
    return {Announce{plans_words(state, lock.error)}};
  }
  lock.error.clear();
  lock.busy = true;
  Effects out{UnlockStore{lock.unlock_typed, std::string(kLockAad)}};
  lock.unlock_typed.clear();
  return out;
}

Effects unlocked(State& state, const LockUnlocked& action) {
  auto& plans = state.plans;
  auto& lock = plans.lock;
  if (!lock.busy) return {};
  lock.busy = false;
  if (!action.ok) {
    lock.error = Message{"plans.lock.error_wrong"};
    return {Announce{plans_words(state, lock.error)}};
  }
  // Read as if the store held the plain records; the lock stays on for every later save.
  const int after = lock.after_minutes;
  const double activity = lock.last_activity_ms;
  auto effects = update_plans_store(
      state, PlansStoreLoaded{action.latest, action.previous, action.fallback, action.set_aside, false});
  lock.on = true;
  lock.unlocked = true;
  lock.after_minutes = after;
  lock.chosen_minutes = after;
  lock.last_activity_ms = activity;
  lock.error.clear();
  lock.notice.clear();
  effects.push_back(Announce{plans_words(state, "plans.lock.unlocked")});
  for (auto& e : wake_for(lock)) effects.push_back(std::move(e));
  return effects;
}

Effects set_lock(State& state) {
  auto& plans = state.plans;
  auto& lock = plans.lock;
  if (!can_change(plans)) return {};
  lock.notice.clear();
  const bool changing = lock.on;
  const auto fail = [&](const char* key) {
    lock.error = Message{key};
    return Effects{Announce{plans_words(state, lock.error)}};
  };
  if (changing && lock.current_typed.empty()) return fail("plans.lock.error_current");
  // Changing only the time keeps the passphrase (the new boxes left empty).
  const bool keep_passphrase = changing && lock.new_typed.empty() && lock.repeat_typed.empty();
  if (!keep_passphrase) {
    if (lock.new_typed.size() < kMinPassphraseChars) return fail("plans.lock.error_short");
    if (lock.new_typed != lock.repeat_typed) return fail("plans.lock.error_repeat");
  }
  if (!is_lock_after_choice(lock.chosen_minutes)) lock.chosen_minutes = kDefaultLockAfterMinutes;
  lock.error.clear();
  lock.busy = true;
  // Setting it for the first time: the store held the plans unencrypted, so it is written anew.
  ChangeStoreLock change{changing ? lock.current_typed : std::string(),
                         keep_passphrase ? lock.current_typed : lock.new_typed,
                         kLockIterations,
                         lock.chosen_minutes,
                         std::string(kLockAad),
                         store_record(plans.records, plans.now_utc),
                         state.content ? fallback_record(*state.content, plans, true) : std::string(),
                         !changing};
  forget_typed(lock);
  return {ChangeStoreLock{std::move(change)}};
}

Effects remove_lock(State& state) {
  auto& plans = state.plans;
  auto& lock = plans.lock;
  if (!lock.on || !can_change(plans)) return {};
  lock.notice.clear();
  if (lock.current_typed.empty()) {
    lock.error = Message{"plans.lock.error_current"};
    return {Announce{plans_words(state, lock.error)}};
  }
  lock.error.clear();
  lock.busy = true;
  ChangeStoreLock change{lock.current_typed,
                         {},
                         kLockIterations,
                         lock.after_minutes,
                         std::string(kLockAad),
                         store_record(plans.records, plans.now_utc),
                         state.content ? fallback_record(*state.content, plans, false) : std::string(),
                         false};
  forget_typed(lock);
  return {ChangeStoreLock{std::move(change)}};
}

Effects changed(State& state, const LockChanged& action) {
  auto& plans = state.plans;
  auto& lock = plans.lock;
  if (!lock.busy) return {};
  lock.busy = false;
  if (!action.ok) {
    lock.error = Message{action.why == "wrong-passphrase"    ? "plans.lock.error_current_wrong"
                         : action.why == "changed-elsewhere" ? "plans.lock.error_elsewhere"
                                                             : "plans.lock.error_failed"};
    return {Announce{plans_words(state, lock.error)}};
  }
  const bool was_on = lock.on;
  lock.on = action.on;
  lock.unlocked = action.on;
  if (action.on) lock.after_minutes = lock.chosen_minutes;
  // What was written is what this tab holds: nothing is dirty.
  plans.base = plans.records;
  plans.saved_revision = plans.revision;
  plans.set_aside = action.set_aside;
  plans.fallback_good = true;
  plans.replaced_damaged = false;
  if (plans.store == StoreStatus::fresh) plans.store = StoreStatus::ok;
  lock.notice = Message{!action.on ? "plans.lock.removed" : was_on ? "plans.lock.changed" : "plans.lock.set"};
  Effects out{Announce{plans_words(state, lock.notice)}};
  for (auto& e : wake_for(lock)) out.push_back(std::move(e));
  return out;
}

}  // namespace

bool plans_locked(const State& state) { return state.plans.store == StoreStatus::locked; }

bool shows_unlock(const State& state, Screen screen) {
  return plans_locked(state) && screen_info(screen).waits_for_passphrase;
}

Effects lock_out(State& state, const std::string& notice_key) {
  auto& plans = state.plans;
  LockState lock;
  lock.on = true;
  lock.after_minutes = plans.lock.after_minutes;
  lock.chosen_minutes = plans.lock.after_minutes;
  lock.last_activity_ms = plans.lock.last_activity_ms;
  lock.notice = Message{notice_key};
  // Everything read from the store leaves memory; a save already asked for is still written
  // (with the key) before the platform forgets it.
  const bool persistence_asked = plans.persistence_asked;
  forget_plans(plans);
  plans.persistence_asked = persistence_asked;
  plans.store = StoreStatus::locked;
  plans.lock = std::move(lock);
  // The share flow may hold parts of the plan: it starts again after unlocking.
  auto& share = state.share;
  share.chosen.clear();
  share.chosen_set = false;
  share.passphrase.clear();
  share.sealing = false;
  share.link.clear();
  share.qr.reset();
  share.locked = false;
  share.link_error.clear();
  share.copy_message.clear();
  return {ForgetStoreKey{}, Announce{plans_words(state, plans.lock.notice)}};
}

Effects update_lock(State& state, const LockAction& action) {
  auto& lock = state.plans.lock;
  return std::visit(Overloaded{
                        [&](const LockType& a) {
                          std::string* field = a.field == LockField::unlock    ? &lock.unlock_typed
                                               : a.field == LockField::current ? &lock.current_typed
                                               : a.field == LockField::fresh   ? &lock.new_typed
                                                                               : &lock.repeat_typed;
                          *field = a.value;
                          return Effects{};
                        },
                        [&](const LockChooseMinutes& a) {
                          if (is_lock_after_choice(a.minutes)) lock.chosen_minutes = a.minutes;
                          return Effects{};
                        },
                        [&](const LockUnlock&) { return unlock(state); },
                        [&](const LockSet&) { return set_lock(state); },
                        [&](const LockRemove&) { return remove_lock(state); },
                        [&](const LockNow&) {
                          return lock.on && lock.unlocked ? lock_out(state, "plans.lock.locked_now") : Effects{};
                        },
                        [&](const LockUnlocked& a) { return unlocked(state, a); },
                        [&](const LockChanged& a) { return changed(state, a); },
                        [&](const LockActivity& a) {
                          // Look at the time before the input counts: input after a long gap meets a lock.
                          if (due(lock, a.now_ms)) return lock_out(state, "plans.lock.locked_idle");
                          lock.last_activity_ms = a.now_ms;
                          return Effects{};
                        },
                        [&](const LockTick& a) { return check_time(state, a.now_ms); },
                        [&](const LockVisibility& a) {
                          // Coming back after a long time hidden locks before anything shows.
                          if (due(lock, a.now_ms)) return lock_out(state, "plans.lock.locked_idle");
                          if (a.hidden && !lock.hidden) lock.hidden_since_ms = a.now_ms;
                          lock.hidden = a.hidden;
                          return wake_for(lock);
                        },
                    },
                    action);
}

}  // namespace cpa::core
