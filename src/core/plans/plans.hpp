#pragma once
// My care plan and my crisis plan in the app's state: the records, what to tell the person about
// them, whether they are saved, and the actions screens and the platform hand back.
//
// The store's side (what is written and when, other tabs, retries, deleting) is in
// core/plans/plans_store.hpp; the passphrase lock in core/lock/plans_lock.hpp.
//
// Time: the platform dispatches PlansClock{now_utc, today} at start and before handling input
// (it has no effects), so saves, exports and calendar files carry real times without the core
// reading a clock.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/support/variant_traits.hpp"
#include "core/effects.hpp"
#include "core/lock/plans_lock.hpp"
#include "core/plans/plans_store.hpp"
#include "core/plans/records/records.hpp"

namespace cpa::core {

struct State;

enum class StoreStatus {
  not_loaded,     // before PlansStoreLoaded: nothing is saved yet (it could overwrite the store)
  ok,             // loaded (or restored); saves go out
  fresh,          // nothing was stored: a first start, or after Delete everything
  damaged,        // the latest record could not be read: offer restore / export it / start again
  newer_version,  // saved by a newer app: shown if it can be read, never written; ask to update
  memory_only,    // no storage (private mode, blocked): works, but nothing will be kept
  locked,         // a passphrase is set and not given yet: nothing read, nothing written
};

struct PlansState {
  Records records;
  // Value path ("crisis_plan.people[2].phone") -> what to tell the person (a Message, rendered
  // when drawn, as is everything below that the app has to say).
  // Recomputed after every change.  Show a field's message once its box has lost focus, or at
  // once, while the person types, when its path is in messages_while_typing (no more typing
  // could put it right: a premium rate number, a letter in a number).
  std::map<std::string, Message> messages;
  std::set<std::string> messages_while_typing;

  std::uint64_t revision = 0;        // bumped by every change to records
  std::uint64_t saved_revision = 0;  // the newest revision the platform said is durable
  bool dirty() const { return revision != saved_revision; }

  StoreStatus store = StoreStatus::not_loaded;
  Message store_message;            // about the store (empty when all is well)
  bool previous_available = false;  // damaged: a good earlier copy can be restored
  Message save_error;               // the last save failed (empty once a save works)
  // After "Add a person" (any blank item added by its button): the value path of the new item's
  // first box, which takes the keyboard's focus ("" when nothing waits for focus).
  std::string focus_box;
  Message other_tab_notice;  // another tab changed the plans (empty if not)

  // The last import: every problem, and a one-line summary.  Both empty before any import;
  // after a good import the problems are empty and the summary says it worked.
  std::vector<RecordsProblem> import_problems;
  Message import_summary;

  std::string now_utc;  // from PlansClock: "2026-11-23T10:15:00Z"
  std::string today;    // from PlansClock: the person's local date, "2026-11-23"

  // For merging another tab's save field by field: the records as this tab last knew the
  // store to hold them, and the records of the write on its way.
  Records base;
  Records writing;
  std::uint64_t writing_revision = 0;

  LockState lock;  // the passphrase lock (core/lock/plans_lock.hpp)

  // Kept privately for the restore and export choices.
  std::string damaged_record;
  Records previous_records;

  // What the store holds beside the plans (core/plans/plans_store.hpp).
  bool replaced_damaged = false;       // the store's latest copy is unreadable: the next write keeps it aside
  bool fallback_good = false;          // the plain page's stored record is good: it may become the previous one
  std::string stored_fallback;         // as read at start: Help now's last resort when the plans cannot be read
  std::vector<std::string> set_aside;  // copies kept aside (unreadable, or not re-locked): offered as files
  std::uint64_t asked_revision = 0;    // the newest revision handed to the store
  bool retry_wanted = false;           // a save failed: ask again when it may work
  double last_input_ms = -1e12;        // the person's last input (PlansActivity)
  double last_retry_ms = -1e12;

  // Whether the browser will keep what is stored (PlansDurability), and the request to keep it.
  PlansDurability durability;
  bool durability_known = false;
  bool persistence_asked = false;

  // Delete everything: waiting for the store, then what happened.
  bool deleting = false;
  bool delete_failed = false;
  Message delete_message;
};

// ---- actions from the platform ----
struct PlansClock {
  std::string now_utc;
  std::string today;
};
// ---- actions from the plan screens ----
struct PlanEditField {
  std::string field_id;
  std::string value;
};
// Adds an item at the end, optionally with one sub-field already filled (picking an example:
// {"crisis_plan.warning_signs", "", "I stop sleeping"}, {"crisis_plan.people", "relationship", "A friend"}).
struct PlanAddItem {
  std::string list_id;
  std::string sub_field;
  std::string value;
};
struct PlanEditItem {
  std::string list_id;
  std::size_t index = 0;
  std::string sub_field;
  std::string value;
};
struct PlanRemoveItem {
  std::string list_id;
  std::size_t index = 0;
};
struct PlanMoveItem {
  std::string list_id;
  std::size_t from = 0;
  std::size_t to = 0;
};
// The form has put the keyboard's focus where focus_box asked (the new item's first box).
struct PlanFocusTaken {};

// ---- actions from "Your data" and the store-problem screen ----
struct PlansExport {};  // DownloadFile cpa-companion-<today>.json
struct PlansImport {
  std::string file_text;
};                                   // replaces everything only if the whole file is good
struct PlansRestorePrevious {};      // damaged: bring back the previous good copy
struct PlansExportDamaged {};        // DownloadFile of the unreadable record and each copy kept aside, as they are
struct PlansStartAgain {};           // damaged, after the person chose it: empty plans, saves resume
struct PlansAddReviewToCalendar {};  // DownloadFile care-plan-review-<date>.ics

using PlansAction = std::variant<PlansClock, PlanEditField, PlanAddItem, PlanEditItem, PlanRemoveItem, PlanMoveItem,
                                 PlanFocusTaken, PlansExport, PlansImport, PlansRestorePrevious, PlansExportDamaged,
                                 PlansStartAgain, PlansAddReviewToCalendar>;

// True for the action structs above: update.cpp dispatches them all with one line.
template <class T>
inline constexpr bool is_plans_action = is_variant_member_v<T, PlansAction>;

Effects update_plans(State& state, const PlansAction& action);

// Shared by the plans' rules (plans.cpp, plans_store.cpp, plans_lock.cpp).
// The words for a strings.json key, with its values filled in.
std::string plans_words(const State& state, const std::string& key,
                        std::vector<std::pair<std::string, std::string>> values = {});
// A message's words in the language shown now (for what is said at once: Announce).
std::string plans_words(const State& state, const Message& message);
// Saving is only safe once we know what the store holds and that we may write over it.
bool plans_can_save(const PlansState& plans);
// After any change to the records: a new revision, fresh messages, and a save if allowed.
Effects plans_changed(State& state);
// Records that came from the store: they are what is stored, so nothing is dirty.
void plans_use_stored(State& state, Records records);
// Delete everything's part for the plans (core::DeleteEverything): memory cleared, DeleteRecords.
Effects delete_plans(State& state);
// Every plan and word of them out of memory (Delete everything, the lock): what stays is what
// the device told (the clock, whether its storage lasts), and a revision past every earlier one.
void forget_plans(PlansState& plans);

}  // namespace cpa::core
