#include "core/plans/plans.hpp"

#include "core/support/overloaded.hpp"
#include "core/plans/plan_reviews.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/state.hpp"
#include "core/lock/store_lock.hpp"

namespace cpa::core {
namespace {

void revalidate(State& state) {
  state.plans.messages.clear();
  state.plans.messages_while_typing.clear();
  for (const auto& problem : validate_records(state.plans.records)) {
    state.plans.messages[problem.path] = problem.message;
    if (problem.while_typing) state.plans.messages_while_typing.insert(problem.path);
  }
}

Effects add_item_action(State& state, const PlanAddItem& action) {
  auto& plans = state.plans;
  if (list_size(plans.records, action.list_id) >= kMaxListItems) {
    plans.messages[action.list_id] = Message{"plans.error.list_full", {{"max", std::to_string(kMaxListItems)}}};
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
  return plans_changed(state);
}

Effects restore_previous(State& state) {
  auto& plans = state.plans;
  if (plans.store != StoreStatus::damaged || !plans.previous_available) return {};
  plans.records = plans.previous_records;
  plans.store = StoreStatus::ok;
  plans.replaced_damaged = true;  // the unreadable latest copy is kept aside, never written over
  plans.store_message.clear();
  plans.damaged_record.clear();
  return plans_changed(state);
}

Effects start_again(State& state) {
  auto& plans = state.plans;
  if (plans.store != StoreStatus::damaged) return {};
  plans.records = Records{};
  plans.store = StoreStatus::fresh;
  plans.replaced_damaged = true;
  plans.store_message.clear();
  plans.damaged_record.clear();
  return plans_changed(state);  // the unreadable record is kept aside
}

// The unreadable record and every copy kept aside, each as a file of its own, as they are.
Effects export_damaged(const State& state) {
  const auto& plans = state.plans;
  const std::string stem = plans.today.empty() ? "cpa-companion-unreadable" : "cpa-companion-unreadable-" + plans.today;
  Effects out;
  if (!plans.damaged_record.empty()) out.push_back(DownloadFile{stem + ".txt", "text/plain", plans.damaged_record});
  for (std::size_t i = 0; i < plans.set_aside.size(); ++i)
    out.push_back(DownloadFile{stem + "-" + std::to_string(i + 1) + ".txt", "text/plain", plans.set_aside[i]});
  return out;
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
    plans.import_summary = Message{"plans.import.blocked_newer"};
    return {Announce{plans_words(state, plans.import_summary)}};
  }
  auto result = check_import(action.file_text);
  if (!result.ok()) {
    plans.import_problems = result.problems;
    const auto count = static_cast<long>(result.problems.size());
    plans.import_summary = Message::counted("plans.import.failed", count, {{"count", std::to_string(count)}});
    return {Announce{plans_words(state, plans.import_summary)}};
  }
  plans.records = std::move(result.records);
  if (plans.store == StoreStatus::damaged) {
    plans.store = StoreStatus::ok;  // the person chose this file over the unreadable record
    plans.replaced_damaged = true;
    plans.store_message.clear();
    plans.damaged_record.clear();
  }
  plans.import_summary = Message{"plans.import.done"};
  Effects effects = plans_changed(state);
  effects.push_back(Announce{plans_words(state, plans.import_summary)});
  return effects;
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
  return change(state.plans.records) ? plans_changed(state) : Effects{};
}

}  // namespace

std::string plans_words(const State& state, const std::string& key,
                        std::vector<std::pair<std::string, std::string>> values) {
  return plans_words(state, Message{key, std::move(values)});
}

std::string plans_words(const State& state, const Message& message) {
  return state.content ? render(*state.content, message) : "[" + message.key + "]";
}

bool plans_can_save(const PlansState& plans) {
  return plans.store == StoreStatus::ok || plans.store == StoreStatus::fresh;
}

Effects plans_changed(State& state) {
  auto& plans = state.plans;
  ++plans.revision;
  if (!plans.deleting) plans.delete_message.clear();  // written in since: no longer news
  revalidate(state);
  return save_plans(state, false);
}

void plans_use_stored(State& state, Records records) {
  auto& plans = state.plans;
  plans.records = std::move(records);
  plans.base = plans.records;
  ++plans.revision;
  plans.saved_revision = plans.revision;
  revalidate(state);
}

void forget_plans(PlansState& plans) {
  PlansState fresh;
  fresh.now_utc = plans.now_utc;
  fresh.today = plans.today;
  fresh.revision = plans.revision + 1;
  fresh.saved_revision = fresh.revision;
  fresh.durability = plans.durability;
  fresh.durability_known = plans.durability_known;
  plans = std::move(fresh);
}

Effects delete_plans(State& state) {
  auto& plans = state.plans;
  const bool memory_only = plans.store == StoreStatus::memory_only;
  forget_plans(plans);
  plans.store = memory_only ? StoreStatus::memory_only : StoreStatus::fresh;
  if (memory_only) plans.store_message = Message{"plans.store.unavailable"};
  plans.deleting = true;
  plans.delete_message = Message{"data.deleting"};
  return {DeleteRecords{}, Announce{plans_words(state, plans.delete_message)}};
}

Effects update_plans(State& state, const PlansAction& action) {
  // Locked: the plans are not in memory, so nothing may edit, import or export them.
  const bool touches_records = !std::holds_alternative<PlansClock>(action) &&
                               !std::holds_alternative<PlanFocusTaken>(action) &&
                               !std::holds_alternative<PlansExportDamaged>(action);
  if (state.plans.store == StoreStatus::locked && touches_records) return {};
  return std::visit(Overloaded{
                        [&](const PlansClock& a) {
                          state.plans.now_utc = a.now_utc;
                          state.plans.today = a.today;
                          return Effects{};
                        },
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
