#include "core/plans/plans_store.hpp"

#include "core/support/overloaded.hpp"
#include "core/plans/records/records_merge.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/state.hpp"
#include "core/lock/store_lock.hpp"

namespace cpa::core {
namespace {

void store_damaged(State& state, const std::string& raw, bool previous_ok) {
  auto& plans = state.plans;
  plans.store = StoreStatus::damaged;
  plans.damaged_record = raw;
  plans.store_message = Message{previous_ok ? "plans.store.damaged_can_restore" : "plans.store.damaged_no_copy"};
}

void store_newer(State& state, const std::string& raw) {
  auto& plans = state.plans;
  plans.store = StoreStatus::newer_version;
  plans.damaged_record = raw;
  plans.store_message = Message{"plans.store.newer"};
}

// Whether the store asked for a lock before anything is read (core/lock/plans_lock.hpp).
bool store_is_locked(State& state, const PlansStoreLoaded& action) {
  auto& plans = state.plans;
  if (!is_locked_record(action.latest) && !(is_blank(action.latest) && is_locked_record(action.previous))) return false;
  plans.store = StoreStatus::locked;
  plans.lock.on = true;
  plans.lock.unlocked = false;
  plans.lock.after_minutes = lock_after_minutes(is_blank(action.latest) ? action.previous : action.latest);
  plans.lock.chosen_minutes = plans.lock.after_minutes;
  return true;
}

// Opened well: a store written by an older release is written back in this one's form, and a
// store that has no good record for the plain page (an older release's) gets one at once.
Effects store_opened(State& state, DecodeResult latest, bool newer_database) {
  auto& plans = state.plans;
  const bool migrated = latest.migrated_from != 0;
  plans_use_stored(state, std::move(latest.records));
  if (newer_database) {
    // Made by a newer release: shown, never written (it may hold what this one does not know).
    plans.store = StoreStatus::newer_version;
    plans.store_message = Message{"plans.store.newer_readable"};
    return {};
  }
  plans.store = StoreStatus::ok;
  return migrated || !plans.fallback_good ? save_plans(state, false) : Effects{};
}

Effects store_loaded(State& state, const PlansStoreLoaded& action) {
  auto& plans = state.plans;
  plans.stored_fallback = action.fallback;
  plans.fallback_good = open_fallback_record(action.fallback).has_value();
  plans.set_aside = action.set_aside;
  if (store_is_locked(state, action)) return {};
  auto latest = open_store_record(action.latest);
  auto previous = open_store_record(action.previous);
  plans.previous_available = previous.ok();
  plans.previous_records = previous.ok() ? previous.records : Records{};
  plans.store_message.clear();
  plans.damaged_record.clear();
  switch (latest.status) {
    case DecodeStatus::ok: return store_opened(state, std::move(latest), action.newer_database);
    case DecodeStatus::empty:
      if (previous.ok()) {
        // The latest slot is empty but an earlier good copy exists: open that rather than nothing.
        auto effects = store_opened(state, std::move(previous), action.newer_database);
        if (plans.store == StoreStatus::ok) plans.store_message = Message{"plans.store.used_previous"};
        return effects;
      }
      if (previous.status == DecodeStatus::newer_version) store_newer(state, action.previous);
      else if (previous.status != DecodeStatus::empty) store_damaged(state, action.previous, false);
      else if (action.newer_database) store_newer(state, {});
      else plans.store = StoreStatus::fresh;
      return {};
    case DecodeStatus::newer_version: store_newer(state, action.latest); return {};
    case DecodeStatus::corrupt:
    case DecodeStatus::invalid:
      store_damaged(state, action.latest, previous.ok());
      // Too large to read (core/support/input_limits.hpp): that is said first, with the limit.
      if (!latest.problems.empty() && latest.problems.front().message.key == "plans.store.too_large")
        plans.store_message = [&] {
          auto first = latest.problems.front().message;
          first.then.push_back(plans.store_message);
          return first;
        }();
      return {};
  }
  return {};
}

// Everything was deleted in another tab or window: this one forgets it too, so nothing it shows
// is ever written back.  What the person types from now on is new, and saved as usual.
Effects deleted_elsewhere(State& state) {
  auto& plans = state.plans;
  const bool persistence_asked = plans.persistence_asked;
  const auto last_input_ms = plans.last_input_ms;
  const bool memory_only = plans.store == StoreStatus::memory_only;
  forget_plans(plans);
  plans.asked_revision = plans.revision;
  plans.persistence_asked = persistence_asked;
  plans.last_input_ms = last_input_ms;
  plans.store = memory_only ? StoreStatus::memory_only : StoreStatus::fresh;
  plans.other_tab_notice = Message{"plans.store.deleted_elsewhere"};
  state.share.kept.reset();  // the carer's kept copy went with everything else
  return {Announce{plans_words(state, plans.other_tab_notice)}};
}

Effects store_changed(State& state, const PlansStoreChanged& action) {
  auto& plans = state.plans;
  if (plans.store == StoreStatus::memory_only) return {};
  if (is_blank(action.latest)) return deleted_elsewhere(state);
  // Another tab set or changed the passphrase (this tab could not read its record): lock here too.
  if (is_locked_record(action.latest)) return lock_out(state, "plans.lock.changed_elsewhere");
  // Another tab removed the lock: its plain record is read as usual.
  if (plans.lock.on && !action.locked) plans.lock = LockState{};
  auto latest = open_store_record(action.latest);
  if (latest.status == DecodeStatus::newer_version) return update_plans_store(state, PlansNewerElsewhere{});
  if (!latest.ok()) {
    plans.replaced_damaged = true;  // this tab's next write keeps the unreadable copy aside
    return {};
  }
  plans.fallback_good = true;  // written by this app, with its record for the plain page
  if (!plans_can_save(plans)) {
    if (plans.store == StoreStatus::newer_version) return {};
    // Another tab restored, started again or removed the lock: its good record replaces ours.
    plans.store = StoreStatus::ok;
    plans.store_message.clear();
    plans.damaged_record.clear();
    plans_use_stored(state, std::move(latest.records));
    return {};
  }
  const bool typing = action.now_ms - plans.last_input_ms < kTypingMs;
  if (!plans.dirty() && !typing) {
    if (latest.records == plans.records) return {};
    plans.other_tab_notice = Message{"plans.store.other_tab_updated"};
    plans_use_stored(state, std::move(latest.records));
    return {};
  }
  // Both tabs changed the plans, or the person is typing here: keep every change this tab made
  // (and its list items where they are), take the rest from the other tab, and save the merge.
  Records merged = merge_records(plans.base, plans.records, latest.records, MergeOrder::keep_mine);
  plans.base = latest.records;
  if (merged == latest.records) {
    plans_use_stored(state, std::move(merged));  // everything here is in their save already
    return {};
  }
  plans.records = std::move(merged);
  plans.other_tab_notice = Message{"plans.store.other_tab_merged"};
  return plans_changed(state);
}

Effects newer_elsewhere(State& state) {
  auto& plans = state.plans;
  plans.store = StoreStatus::newer_version;
  plans.store_message = Message{"plans.store.newer_elsewhere"};
  return {Announce{plans_words(state, plans.store_message)}};
}

Effects saved(State& state, const PlansSaved& action) {
  auto& plans = state.plans;
  if (action.revision > plans.saved_revision && action.revision <= plans.revision)
    plans.saved_revision = action.revision;
  if (action.revision == plans.writing_revision) plans.base = plans.writing;
  plans.save_error.clear();
  plans.retry_wanted = false;
  plans.replaced_damaged = false;
  plans.fallback_good = true;
  // Something of the person's is stored: ask the browser to keep it (issue 24).  Once.
  if (plans.persistence_asked || plans.records.empty() || plans.durability.persisted) return {};
  plans.persistence_asked = true;
  return {AskPersistentStorage{}};
}

Effects save_failed(State& state, const PlansSaveFailed& action) {
  auto& plans = state.plans;
  const bool new_problem = plans.save_error.empty();
  plans.retry_wanted = true;
  plans.save_error = Message{action.storage_full ? "plans.store.full" : "plans.store.save_failed"};
  // What the person writes may be lost: a screen reader says so at once, once.
  if (!new_problem) return {};
  return {Announce{plans_words(state, plans.save_error), true}};
}

Effects deleted(State& state, const PlansDeleted& action) {
  auto& plans = state.plans;
  plans.deleting = false;
  plans.delete_failed = !action.failed.empty();
  if (!plans.delete_failed) {
    plans.delete_message = Message{"data.deleted"};
    return {Announce{plans_words(state, plans.delete_message)}};
  }
  std::vector<std::string> parts;
  for (const auto& part : action.failed) parts.push_back("data.delete_part." + part);
  plans.delete_message = Message{"data.delete_failed"}.listing("parts", std::move(parts));
  return {Announce{plans_words(state, plans.delete_message), true}};
}

Effects activity(State& state, const PlansActivity& action) {
  auto& plans = state.plans;
  plans.last_input_ms = action.now_ms;
  if (!plans.retry_wanted || action.now_ms - plans.last_retry_ms < kRetryEveryMs) return {};
  plans.last_retry_ms = action.now_ms;
  return save_plans(state, false);
}

// Hidden (another app, the phone locked, the tab closing): whatever is not yet durable is
// written now, in this task; a failed save is tried again.  Shown again: a failed save too.
Effects visibility(State& state, const PlansVisibility& action) {
  auto& plans = state.plans;
  if (action.hidden) return plans.dirty() ? save_plans(state, true) : Effects{};
  if (!plans.retry_wanted) return {};
  plans.last_retry_ms = action.now_ms;
  return save_plans(state, false);
}

}  // namespace

Effects save_plans(State& state, bool urgent) {
  auto& plans = state.plans;
  if (!plans_can_save(plans)) return {};
  if (plans.store == StoreStatus::fresh) plans.store = StoreStatus::ok;
  plans.writing = plans.records;
  plans.writing_revision = plans.revision;
  plans.asked_revision = plans.revision;
  return {SaveRecords{store_record(plans.records, plans.now_utc), plans.revision,
                      state.content ? fallback_record(*state.content, plans, plans.lock.on) : std::string(),
                      plans.replaced_damaged ? ReplacedCopy::damaged : ReplacedCopy::previous, plans.fallback_good,
                      urgent}};
}

Effects update_plans_store(State& state, const PlansStoreAction& action) {
  auto& plans = state.plans;
  return std::visit(Overloaded{
                        [&](const PlansStoreLoaded& a) { return store_loaded(state, a); },
                        [&](const PlansStoreUnavailable&) {
                          plans.store = StoreStatus::memory_only;
                          plans.store_message = Message{"plans.store.unavailable"};
                          return Effects{};
                        },
                        [&](const PlansStoreBlocked&) {
                          if (plans.store == StoreStatus::not_loaded)
                            plans.store_message = Message{"plans.store.blocked"};
                          return Effects{};
                        },
                        [&](const PlansStoreChanged& a) { return store_changed(state, a); },
                        [&](const PlansDeletedElsewhere&) { return deleted_elsewhere(state); },
                        [&](const PlansNewerElsewhere&) { return newer_elsewhere(state); },
                        [&](const PlansSaved& a) { return saved(state, a); },
                        [&](const PlansSaveFailed& a) { return save_failed(state, a); },
                        [&](const PlansDeleted& a) { return deleted(state, a); },
                        [&](const PlansDurability& a) {
                          plans.durability = a;
                          plans.durability_known = true;
                          return Effects{};
                        },
                        [&](const PlansActivity& a) { return activity(state, a); },
                        [&](const PlansVisibility& a) { return visibility(state, a); },
                    },
                    action);
}

}  // namespace cpa::core
