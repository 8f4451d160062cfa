#include "core/plans.hpp"

#include "core/overloaded.hpp"
#include "core/plan_reviews.hpp"
#include "core/records_store.hpp"
#include "core/state.hpp"
#include "core/store_lock.hpp"

namespace cpa::core {
namespace {

std::string words(const State& state, const Message& message) {
  return state.content ? render(*state.content, message) : "[" + message.key + "]";
}
std::string words(const State& state, std::string key, std::vector<std::pair<std::string, std::string>> values = {}) {
  return words(state, Message{std::move(key), std::move(values)});
}

// Saving is only safe once we know what the store holds and that we may write over it.
bool can_save(const PlansState& plans) { return plans.store == StoreStatus::ok || plans.store == StoreStatus::fresh; }

void revalidate(State& state) {
  state.plans.messages.clear();
  state.plans.messages_while_typing.clear();
  for (const auto& problem : validate_records(state.plans.records)) {
    state.plans.messages[problem.path] = words(state, problem.message);
    if (problem.while_typing) state.plans.messages_while_typing.insert(problem.path);
  }
}

// After any change to the records: a new revision, fresh messages, and a save if allowed.
Effects records_changed(State& state) {
  auto& plans = state.plans;
  ++plans.revision;
  plans.deleted_notice.clear();  // written in since: no longer news
  revalidate(state);
  if (!can_save(plans)) return {};
  if (plans.store == StoreStatus::fresh) plans.store = StoreStatus::ok;
  plans.writing = plans.records;
  plans.writing_revision = plans.revision;
  return {SaveRecords{store_record(plans.records, plans.now_utc), plans.revision,
                      state.content ? fallback_record(*state.content, plans, plans.lock.on) : std::string()}};
}

// Records that came from the store: they are what is stored, so nothing is dirty.
void use_stored(State& state, Records records) {
  auto& plans = state.plans;
  plans.records = std::move(records);
  plans.base = plans.records;
  ++plans.revision;
  plans.saved_revision = plans.revision;
  revalidate(state);
}

void mark_damaged(State& state, const std::string& raw, bool previous_ok) {
  auto& plans = state.plans;
  plans.store = StoreStatus::damaged;
  plans.damaged_record = raw;
  plans.store_message = words(state, previous_ok ? "plans.store.damaged_can_restore" : "plans.store.damaged_no_copy");
}

Effects store_loaded(State& state, const PlansStoreLoaded& action) {
  auto& plans = state.plans;
  // A passphrase is set: nothing is read until it is given (core/plans_lock.hpp).
  if (is_locked_record(action.latest) || (is_blank(action.latest) && is_locked_record(action.previous))) {
    plans.store = StoreStatus::locked;
    plans.lock.on = true;
    plans.lock.unlocked = false;
    plans.lock.after_minutes = lock_after_minutes(is_blank(action.latest) ? action.previous : action.latest);
    plans.lock.chosen_minutes = plans.lock.after_minutes;
    return {};
  }
  auto latest = open_store_record(action.latest);
  auto previous = open_store_record(action.previous);
  plans.previous_available = previous.ok();
  plans.previous_records = previous.ok() ? previous.records : Records{};
  plans.store_message.clear();
  plans.damaged_record.clear();
  switch (latest.status) {
    case DecodeStatus::ok:
      plans.store = StoreStatus::ok;
      use_stored(state, std::move(latest.records));
      // An older version was read: write it back in this version's form (the platform keeps
      // the old copy as the previous one).
      return latest.migrated_from ? records_changed(state) : Effects{};
    case DecodeStatus::empty:
      if (previous.ok()) {
        // The latest slot is empty but an earlier good copy exists: open that rather than nothing.
        plans.store = StoreStatus::ok;
        plans.store_message = words(state, "plans.store.used_previous");
        use_stored(state, std::move(previous.records));
      } else if (previous.status == DecodeStatus::newer_version) {
        plans.store = StoreStatus::newer_version;
        plans.damaged_record = action.previous;
        plans.store_message = words(state, "plans.store.newer");
      } else if (previous.status == DecodeStatus::empty) {
        plans.store = StoreStatus::fresh;
      } else {
        mark_damaged(state, action.previous, false);
      }
      return {};
    case DecodeStatus::newer_version:
      plans.store = StoreStatus::newer_version;
      plans.damaged_record = action.latest;
      plans.store_message = words(state, "plans.store.newer");
      return {};
    case DecodeStatus::corrupt:
    case DecodeStatus::invalid: mark_damaged(state, action.latest, previous.ok()); return {};
  }
  return {};
}

Effects store_changed(State& state, const PlansStoreChanged& action) {
  auto& plans = state.plans;
  if (plans.store == StoreStatus::memory_only) return {};
  // Another tab set or changed the passphrase (this tab could not read its record): lock here too.
  if (is_locked_record(action.latest)) return lock_out(state, "plans.lock.changed_elsewhere");
  // Another tab removed the lock: its plain record is read as usual.
  if (plans.lock.on && !is_blank(action.latest)) plans.lock = LockState{};
  auto latest = open_store_record(action.latest);
  if (!latest.ok() || latest.records == plans.records) return {};
  if (!can_save(plans)) {
    // Another tab restored, started again or removed the lock: its good record replaces ours.
    plans.store = StoreStatus::ok;
    plans.store_message.clear();
    plans.damaged_record.clear();
    use_stored(state, std::move(latest.records));
    return {};
  }
  if (plans.dirty()) {
    // Both tabs changed the plans: keep every field this tab changed, take the rest from the
    // other tab, and save the merge.  Nothing either person typed into a different field is lost.
    plans.records = merge_records(plans.base, plans.records, latest.records);
    plans.base = std::move(latest.records);
    plans.other_tab_notice = words(state, "plans.store.other_tab_merged");
    return records_changed(state);
  }
  plans.other_tab_notice = words(state, "plans.store.other_tab_updated");
  use_stored(state, std::move(latest.records));
  return {};
}

Effects store_unavailable(State& state) {
  state.plans.store = StoreStatus::memory_only;
  state.plans.store_message = words(state, "plans.store.unavailable");
  return {};
}

Effects saved(State& state, const PlansSaved& action) {
  auto& plans = state.plans;
  if (action.revision > plans.saved_revision && action.revision <= plans.revision)
    plans.saved_revision = action.revision;
  if (action.revision == plans.writing_revision) plans.base = plans.writing;
  plans.save_error.clear();
  return {};
}

Effects save_failed(State& state, const PlansSaveFailed& action) {
  const bool new_problem = state.plans.save_error.empty();
  state.plans.save_error = words(state, action.storage_full ? "plans.store.full" : "plans.store.save_failed");
  // What the person writes may be lost: a screen reader says so at once, once.
  if (!new_problem) return {};
  return {Announce{state.plans.save_error, true}};
}

Effects add_item_action(State& state, const PlanAddItem& action) {
  auto& plans = state.plans;
  if (list_size(plans.records, action.list_id) >= kMaxListItems) {
    plans.messages[action.list_id] = words(state, "plans.error.list_full", {{"max", std::to_string(kMaxListItems)}});
    return {};
  }
  if (!add_item(plans.records, action.list_id, action.sub_field, action.value)) return {};
  // A blank item (its button, not an example): the person is about to type in it.
  if (action.value.empty()) {
    const FieldSpec* field = find_field(action.list_id);
    const auto subs = field ? item_fields(field->kind) : std::span<const SubFieldSpec>{};
    if (!subs.empty())
      plans.focus_box = value_path(action.list_id, list_size(plans.records, action.list_id) - 1, subs.front().id);
  }
  return records_changed(state);
}

// Said once the device has really removed the plans (the platform's answer), not before.
Effects deleted(State& state, const PlansDeleted& action) {
  state.plans.deleted_notice = words(state, action.ok ? "data.deleted" : "data.delete_failed");
  return {Announce{state.plans.deleted_notice, !action.ok}};
}

Effects restore_previous(State& state) {
  auto& plans = state.plans;
  if (plans.store != StoreStatus::damaged || !plans.previous_available) return {};
  plans.records = plans.previous_records;
  plans.store = StoreStatus::ok;
  plans.store_message.clear();
  plans.damaged_record.clear();
  return records_changed(state);
}

Effects start_again(State& state) {
  auto& plans = state.plans;
  if (plans.store != StoreStatus::damaged) return {};
  plans.records = Records{};
  plans.store = StoreStatus::fresh;
  plans.store_message.clear();
  plans.damaged_record.clear();
  return records_changed(state);  // writes the empty plans over the unreadable record
}

Effects export_damaged(const State& state) {
  const auto& plans = state.plans;
  if (plans.damaged_record.empty()) return {};
  const std::string name =
      plans.today.empty() ? "cpa-companion-unreadable.txt" : "cpa-companion-unreadable-" + plans.today + ".txt";
  return {DownloadFile{name, "text/plain", plans.damaged_record}};
}

Effects export_records(const State& state) {
  const auto& plans = state.plans;
  return {DownloadFile{export_filename(plans.today), "application/json", export_text(plans.records, plans.now_utc)}};
}

Effects import_records(State& state, const PlansImport& action) {
  auto& plans = state.plans;
  plans.import_problems.clear();
  if (plans.store == StoreStatus::newer_version) {
    // Importing would write over plans a newer version saved: never.
    plans.import_summary = words(state, "plans.import.blocked_newer");
    return {Announce{plans.import_summary}};
  }
  auto result = check_import(action.file_text);
  if (!result.ok()) {
    for (const auto& problem : result.problems)
      plans.import_problems.push_back(state.content ? render_problem(*state.content, problem) : problem.message.key);
    const auto count = result.problems.size();
    plans.import_summary = words(state, count == 1 ? "plans.import.failed_one" : "plans.import.failed",
                                 {{"count", std::to_string(count)}});
    return {Announce{plans.import_summary}};
  }
  plans.records = std::move(result.records);
  if (plans.store == StoreStatus::damaged) {
    plans.store = StoreStatus::ok;  // the person chose this file over the unreadable record
    plans.store_message.clear();
    plans.damaged_record.clear();
  }
  plans.import_summary = words(state, "plans.import.done");
  Effects effects = records_changed(state);
  effects.push_back(Announce{plans.import_summary});
  return effects;
}

Effects delete_all(State& state) {
  auto& plans = state.plans;
  const auto keep_now = plans.now_utc;
  const auto keep_today = plans.today;
  const auto revision = plans.revision + 1;
  const bool memory_only = plans.store == StoreStatus::memory_only;
  plans = PlansState{};
  plans.now_utc = keep_now;
  plans.today = keep_today;
  plans.revision = revision;
  plans.saved_revision = revision;
  plans.store = memory_only ? StoreStatus::memory_only : StoreStatus::fresh;
  if (memory_only) plans.store_message = words(state, "plans.store.unavailable");
  return {DeleteRecords{}};
}

Effects add_to_calendar(const State& state) {
  if (!state.content) return {};
  const auto& plans = state.plans;
  const std::string ics = review_ics(*state.content, plans.records.care_plan, ics_timestamp(plans.now_utc));
  if (ics.empty()) return {};
  return {DownloadFile{review_ics_filename(plans.records.care_plan), "text/calendar", ics}};
}

template <class Change>
Effects edit(State& state, Change change) {
  return change(state.plans.records) ? records_changed(state) : Effects{};
}

}  // namespace

Effects update_plans(State& state, const PlansAction& action) {
  // Locked: the plans are not in memory, so nothing may edit, import or export them.
  const bool touches_records =
      !std::holds_alternative<PlansClock>(action) && !std::holds_alternative<PlansStoreLoaded>(action) &&
      !std::holds_alternative<PlansStoreUnavailable>(action) && !std::holds_alternative<PlansStoreChanged>(action) &&
      !std::holds_alternative<PlansSaved>(action) && !std::holds_alternative<PlansSaveFailed>(action) &&
      !std::holds_alternative<PlansDeleteAll>(action) && !std::holds_alternative<PlansDeleted>(action) &&
      !std::holds_alternative<PlanFocusTaken>(action);
  if (state.plans.store == StoreStatus::locked && touches_records) return {};
  return std::visit(Overloaded{
                        [&](const PlansClock& a) {
                          state.plans.now_utc = a.now_utc;
                          state.plans.today = a.today;
                          return Effects{};
                        },
                        [&](const PlansStoreLoaded& a) { return store_loaded(state, a); },
                        [&](const PlansStoreUnavailable&) { return store_unavailable(state); },
                        [&](const PlansStoreChanged& a) { return store_changed(state, a); },
                        [&](const PlansSaved& a) { return saved(state, a); },
                        [&](const PlansSaveFailed& a) { return save_failed(state, a); },
                        [&](const PlanEditField& a) {
                          return edit(state, [&](Records& r) { return set_field(r, a.field_id, a.value); });
                        },
                        [&](const PlanAddItem& a) { return add_item_action(state, a); },
                        [&](const PlanEditItem& a) {
                          return edit(
                              state, [&](Records& r) { return set_item(r, a.list_id, a.index, a.sub_field, a.value); });
                        },
                        [&](const PlanRemoveItem& a) {
                          return edit(state, [&](Records& r) { return remove_item(r, a.list_id, a.index); });
                        },
                        [&](const PlanMoveItem& a) {
                          return edit(state, [&](Records& r) { return move_item(r, a.list_id, a.from, a.to); });
                        },
                        [&](const PlansExport&) { return export_records(state); },
                        [&](const PlansImport& a) { return import_records(state, a); },
                        [&](const PlansDeleteAll&) { return delete_all(state); },
                        [&](const PlansDeleted& a) { return deleted(state, a); },
                        [&](const PlanFocusTaken&) {
                          state.plans.focus_box.clear();
                          return Effects{};
                        },
                        [&](const PlansRestorePrevious&) { return restore_previous(state); },
                        [&](const PlansExportDamaged&) { return export_damaged(state); },
                        [&](const PlansStartAgain&) { return start_again(state); },
                        [&](const PlansAddReviewToCalendar&) { return add_to_calendar(state); },
                    },
                    action);
}

}  // namespace cpa::core
