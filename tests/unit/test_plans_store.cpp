// The store's rules in the core (core/plans/plans_store.hpp): what is written and when, what every
// answer from the browser's store means, other tabs, retries, whether storage will last, and
// Delete everything.  Each fault of issue 25 that the core decides is a test here.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/help_now/help_now.hpp"
#include "core/plans/plan_view.hpp"
#include "core/plans/records/records_merge.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/state.hpp"
#include "core/lock/store_lock.hpp"
#include "plans_app.hpp"
#include "records_samples.hpp"
#include "stored_samples.hpp"

using namespace cpa;
using core::StoreStatus;
using test::App;

namespace {
std::string as_stored(const core::Records& records) { return core::store_record(records, test::kSavedAt); }
std::string words(const char* key) { return test::content()->str(key); }
template <class E>
std::size_t count(const core::Effects& effects) {
  return static_cast<std::size_t>(std::count_if(effects.begin(), effects.end(),
                                                [](const core::Effect& e) { return std::holds_alternative<E>(e); }));
}
core::Effects act(App& app, const core::Action& action) {
  auto effects = core::update(app.state, action);
  platform::carry_out(app.device, effects);
  return effects;
}
}  // namespace

TEST_CASE("deleted in another tab: this tab forgets everything and never writes it back") {
  for (const bool by_signal : {true, false}) {
    App app;
    app.act(test::stored_plans(as_stored(test::sample_records())));
    app.act(core::PlanEditField{"care_plan.gp.name", "Dr Unsaved"});  // typed, not yet durable
    const auto saves = app.device.saved_records.size();
    if (by_signal) app.act(core::PlansDeletedElsewhere{});
    else app.act(core::PlansStoreChanged{""});  // the store found empty after another tab's delete
    CHECK(app.plans().records.empty());
    CHECK(app.plans().store == StoreStatus::fresh);
    CHECK_FALSE(app.plans().dirty());
    CHECK(test::said(app.plans().other_tab_notice) == words("plans.store.deleted_elsewhere"));
    CHECK(app.device.saved_records.size() == saves);
    // Hidden or closed now: nothing is written back.
    app.act(core::PlansVisibility{true, 0});
    CHECK(app.device.saved_records.size() == saves);
    // What is typed from now on is new, and saved alone.
    app.act(core::PlanEditField{"care_plan.team.name", "After"});
    REQUIRE(app.device.saved_records.size() == saves + 1);
    const auto saved = core::open_store_record(app.last_saved());
    REQUIRE(saved.ok());
    CHECK(saved.records.care_plan.gp.name.empty());
    CHECK(saved.records.care_plan.coordinator.name.empty());
    CHECK(saved.records.care_plan.team.name == "After");
  }
}

TEST_CASE("two tabs adding to the same list at once keep both items, apart, each tab's own where it was") {
  const core::Records base;
  core::Records mine, theirs;
  core::add_item(mine, "crisis_plan.warning_signs", "", "Sign from tab B");
  core::add_item(theirs, "crisis_plan.warning_signs", "", "Sign from tab A");
  const auto merged = core::merge_records(base, mine, theirs);
  CHECK(merged.crisis_plan.warning_signs == std::vector<std::string>{"Sign from tab B", "Sign from tab A"});
  // Both added the same words: one item.
  CHECK(core::merge_records(base, mine, mine).crisis_plan.warning_signs == mine.crisis_plan.warning_signs);

  // In the app: tab B has unsaved words when tab A's save arrives.
  App b;
  b.act(core::PlansStoreLoaded{"", ""});
  b.act(core::PlanAddItem{"crisis_plan.warning_signs", "", "Sign from tab B"});
  b.act(core::PlansStoreChanged{as_stored(theirs)});
  CHECK(b.plans().records.crisis_plan.warning_signs == std::vector<std::string>{"Sign from tab B", "Sign from tab A"});
  CHECK(core::open_store_record(b.last_saved()).records == b.plans().records);  // the merge is saved
}

TEST_CASE("lists merge item by item: edits, removals and contacts part by part") {
  core::Records base;
  for (const char* sign : {"one", "two", "three"}) core::add_item(base, "crisis_plan.warning_signs", "", sign);
  core::add_item(base, "crisis_plan.people", "name", "Jo");
  core::Records mine = base, theirs = base;
  core::set_item(mine, "crisis_plan.warning_signs", 0, "", "one, changed here");
  core::remove_item(theirs, "crisis_plan.warning_signs", 2);
  core::set_item(theirs, "crisis_plan.warning_signs", 1, "", "two, changed there");
  core::set_item(mine, "crisis_plan.people", 0, "phone", "07700 900123");
  core::set_item(theirs, "crisis_plan.people", 0, "relationship", "My aunt");
  const auto merged = core::merge_records(base, mine, theirs);
  CHECK(merged.crisis_plan.warning_signs == std::vector<std::string>{"one, changed here", "two, changed there"});
  REQUIRE(merged.crisis_plan.people.size() == 1);
  CHECK(merged.crisis_plan.people[0].name == "Jo");
  CHECK(merged.crisis_plan.people[0].phone == mine.crisis_plan.people[0].phone);
  CHECK(merged.crisis_plan.people[0].relationship == "My aunt");
  // An item removed there but changed here keeps the words typed here.
  core::Records removed = base;
  core::remove_item(removed, "crisis_plan.warning_signs", 0);
  CHECK(core::merge_records(base, mine, removed).crisis_plan.warning_signs.front() == "one, changed here");
}

TEST_CASE("while the person is typing, another tab's reordered list never moves this tab's items") {
  core::Records base;
  core::add_item(base, "crisis_plan.warning_signs", "", "mine");
  core::Records theirs;
  core::add_item(theirs, "crisis_plan.warning_signs", "", "theirs");
  core::add_item(theirs, "crisis_plan.warning_signs", "", "mine");
  CHECK(core::merge_records(base, base, theirs, core::MergeOrder::theirs) == theirs);
  CHECK(core::merge_records(base, base, theirs, core::MergeOrder::keep_mine).crisis_plan.warning_signs ==
        std::vector<std::string>{"mine", "theirs"});

  App app;
  app.act(test::stored_plans(as_stored(base)));
  app.act(core::PlansActivity{1'000});
  app.act(core::PlansStoreChanged{as_stored(theirs), 1'500});  // within kTypingMs of the last input
  CHECK(app.plans().records.crisis_plan.warning_signs == std::vector<std::string>{"mine", "theirs"});
  app.act(core::PlansSaved{app.plans().revision});
  app.act(core::PlansStoreChanged{as_stored(theirs), 1'000 + core::kTypingMs + 1});  // stopped typing
  CHECK(app.plans().records == theirs);
}

TEST_CASE("a failed save is asked again: at once when the page is hidden, when it is shown, and on input later") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  app.act(core::PlansSaveFailed{app.plans().revision, true});
  const auto asked = app.device.saved_records.size();
  app.act(core::PlansVisibility{true, 100});
  REQUIRE(app.device.saved_records.size() == asked + 1);
  CHECK(app.device.saved_records.back().urgent);  // the page's closing write covers it
  CHECK(app.device.saved_records.back().revision == app.plans().revision);
  app.act(core::PlansVisibility{false, 200});
  CHECK(app.device.saved_records.size() == asked + 2);
  CHECK_FALSE(app.device.saved_records.back().urgent);
  app.act(core::PlansActivity{300});  // too soon after the last try
  CHECK(app.device.saved_records.size() == asked + 2);
  app.act(core::PlansActivity{200 + core::kRetryEveryMs});
  CHECK(app.device.saved_records.size() == asked + 3);
  app.act(core::PlansSaved{app.plans().revision});
  CHECK(app.plans().save_error.empty());
  app.act(core::PlansActivity{200 + 3 * core::kRetryEveryMs});
  CHECK(app.device.saved_records.size() == asked + 3);  // nothing more to try
}

TEST_CASE("hidden with nothing unsaved writes nothing; hidden with a change waiting writes it at once") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlansVisibility{true, 0});
  CHECK(app.device.saved_records.empty());
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK_FALSE(app.device.saved_records.back().urgent);
  app.act(core::PlansVisibility{true, 10});
  CHECK(app.device.saved_records.back().urgent);
}

TEST_CASE("whether storage will last is said where the plans say they are saved") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  const auto& content = *test::content();
  CHECK(core::save_status(content, app.plans()).text == words("plans.ui.saved_as_you_go"));
  app.act(core::PlansDurability{false, true, false, false});  // no service worker: Firefox's private windows
  auto status = core::save_status(content, app.plans());
  CHECK(status.notice);
  CHECK(status.text == words("plans.store.lasting.private"));
  app.act(core::PlansDurability{false, false, false, false});
  CHECK(core::save_status(content, app.plans()).text == words("plans.store.lasting.may_clear"));
  app.act(core::PlansDurability{true, false, false, false});
  CHECK(core::save_status(content, app.plans()).text == words("plans.store.lasting.kept"));
  app.act(core::PlansDurability{false, false, true, false});
  CHECK(core::save_status(content, app.plans()).text == words("plans.store.lasting.iphone"));
  // The Home Screen card: an iPhone browser, once a plan has something in it.
  CHECK_FALSE(core::home_screen_advice(app.plans()));
  app.act(core::PlanEditField{"crisis_plan.service_response", "Please call my sister"});
  CHECK(core::home_screen_advice(app.plans()));
  app.act(core::PlansDurability{false, false, true, true});  // opened from the Home Screen
  CHECK_FALSE(core::home_screen_advice(app.plans()));
}

TEST_CASE("persistent storage is asked for once, after the first save that holds something") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.device.persistence_requests == 0);
  app.act(core::PlansSaved{app.plans().revision});
  CHECK(app.device.persistence_requests == 1);
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones-Smith"});
  app.act(core::PlansSaved{app.plans().revision});
  CHECK(app.device.persistence_requests == 1);
}

TEST_CASE("a database from a newer release: read and shown, never written, and Help now has the contacts") {
  App app;
  app.act(core::PlansStoreLoaded{as_stored(test::sample_records()), "", test::good_fallback(), {}, true});
  CHECK(app.plans().store == StoreStatus::newer_version);
  CHECK(app.plans().records == test::sample_records());
  CHECK(test::said(app.plans().store_message) == words("plans.store.newer_readable"));
  CHECK(test::said(app.plans().store_message).find("will be lost") == std::string::npos);
  CHECK_FALSE(core::help_now_personal(*test::content(), app.plans()).empty());
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  app.act(core::PlansVisibility{true, 0});
  CHECK(app.device.saved_records.empty());
}

TEST_CASE("plans a newer release saved in a form this one cannot read: Help now shows the plain page's contacts") {
  App writer;  // the newer release's record for the plain page, with the person's contacts in it
  writer.act(test::stored_plans(as_stored(test::sample_records())));
  const std::string fallback = core::fallback_record(*test::content(), writer.plans(), false);
  nlohmann::json doc = core::make_document(test::sample_records(), test::kNow);
  doc["schema_version"] = 99;
  App app;
  app.act(core::PlansStoreLoaded{core::seal_store_record(doc.dump()), "", fallback});
  CHECK(app.plans().store == StoreStatus::newer_version);
  const auto personal = core::help_now_personal(*test::content(), app.plans());
  const auto expected = core::help_now_personal(*test::content(), writer.plans());
  REQUIRE(personal.size() == expected.size());
  REQUIRE_FALSE(personal[0].contacts.empty());
  CHECK(personal[0].contacts[0].label == expected[0].contacts[0].label);
  CHECK(personal[0].contacts[0].href == expected[0].contacts[0].href);
  CHECK(app.device.saved_records.empty());
}

TEST_CASE("a newer release opened in another tab: this tab stops writing and says reload") {
  App app;
  app.act(test::stored_plans(as_stored(test::sample_records())));
  app.act(core::PlansNewerElsewhere{});
  CHECK(app.plans().store == StoreStatus::newer_version);
  CHECK(test::said(app.plans().store_message) == words("plans.store.newer_elsewhere"));
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.device.saved_records.empty());
}

TEST_CASE("a store from an older release with no record for the plain page gets one on the first start") {
  App app;
  app.act(core::PlansStoreLoaded{as_stored(test::sample_records()), ""});  // no fallback record
  REQUIRE(app.device.saved_records.size() == 1);
  REQUIRE(core::open_fallback_record(app.device.saved_records[0].fallback));
  CHECK_FALSE(core::open_fallback_record(app.device.saved_records[0].fallback)->sections.empty());
  CHECK(core::open_store_record(app.last_saved()).records == test::sample_records());
  CHECK_FALSE(app.device.saved_records[0].keep_fallback);  // the old one, if any, was not good
  App current;
  current.act(test::stored_plans(as_stored(test::sample_records())));
  CHECK(current.device.saved_records.empty());  // a good one: nothing to write
}

TEST_CASE("a damaged latest copy the person replaces is kept aside, and every copy kept aside can be saved") {
  App app;
  app.act(core::PlansStoreLoaded{"damaged{", as_stored(test::sample_records()), test::good_fallback(), {"old copy"}});
  CHECK(app.plans().store == StoreStatus::damaged);
  app.act(core::PlansRestorePrevious{});
  REQUIRE(app.device.saved_records.size() == 1);
  CHECK(app.device.saved_records[0].keep_replaced == core::ReplacedCopy::damaged);
  app.act(core::PlansSaved{app.plans().revision});
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.device.saved_records.back().keep_replaced == core::ReplacedCopy::previous);
  app.act(core::PlansExportDamaged{});
  REQUIRE(app.device.downloads.size() == 1);
  CHECK(app.device.downloads[0].data == "old copy");
}

TEST_CASE("the passphrase set for the first time rewrites the store; copies it could not re-encrypt are offered") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  app.act(core::LockType{core::LockField::fresh, "a long passphrase"});
  app.act(core::LockType{core::LockField::repeat, "a long passphrase"});
  app.act(core::LockSet{});
  REQUIRE(app.device.lock_changes.size() == 1);
  CHECK(app.device.lock_changes[0].rewrite);
  app.act(core::LockChanged{true, true, "", {"locked another way"}});
  CHECK(app.plans().set_aside == std::vector<std::string>{"locked another way"});
  app.act(core::LockType{core::LockField::current, "a long passphrase"});
  app.act(core::LockType{core::LockField::fresh, "another long passphrase"});
  app.act(core::LockType{core::LockField::repeat, "another long passphrase"});
  app.act(core::LockSet{});
  REQUIRE(app.device.lock_changes.size() == 2);
  CHECK_FALSE(app.device.lock_changes[1].rewrite);  // already encrypted: changed in place
  app.act(core::PlansExportDamaged{});
  REQUIRE(app.device.downloads.size() == 1);
  CHECK(app.device.downloads[0].data == "locked another way");
}

TEST_CASE("Delete everything says when it is done, and says plainly which part failed") {
  App app;
  app.act(test::stored_plans(as_stored(test::sample_records())));
  auto effects = act(app, core::DeleteEverything{});
  CHECK(count<core::DeleteRecords>(effects) == 1);
  CHECK(app.plans().deleting);
  app.act(core::PlansDeleted{{}});
  CHECK_FALSE(app.plans().deleting);
  CHECK(test::said(app.plans().delete_message) == words("data.deleted"));
  CHECK(app.device.announcements.back() == words("data.deleted"));

  App failing;
  failing.act(test::stored_plans(as_stored(test::sample_records())));
  failing.act(core::DeleteEverything{});
  failing.act(core::PlansDeleted{{"records", "offline"}});
  CHECK(failing.plans().delete_failed);
  CHECK(test::said(failing.plans().delete_message) ==
        test::content()->format("data.delete_failed", {{"parts", words("data.delete_part.records") + ", " +
                                                                     words("data.delete_part.offline")}}));
  CHECK(failing.device.urgent_announcements.back() == test::said(failing.plans().delete_message));
}

TEST_CASE("another tab's save that holds everything this tab had unsaved leaves nothing to save") {
  App app;
  app.act(test::stored_plans(as_stored(test::sample_records())));
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Same"});
  const auto saves = app.device.saved_records.size();
  core::Records theirs = test::sample_records();
  theirs.care_plan.gp.name = "Dr Same";
  app.act(core::PlansStoreChanged{as_stored(theirs)});
  CHECK_FALSE(app.plans().dirty());
  CHECK(app.device.saved_records.size() == saves);
}

TEST_CASE("another tab's save under the same passphrase keeps the lock on here") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.state.plans.lock.on = true;
  app.state.plans.lock.unlocked = true;
  app.act(core::PlansStoreChanged{as_stored(test::sample_records()), 0, true});
  CHECK(app.plans().lock.on);
  app.act(core::PlansStoreChanged{as_stored(test::sample_records()), 0, false});  // removed there
  CHECK_FALSE(app.plans().lock.on);
}
