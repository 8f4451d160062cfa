// The plans in the app's state, driven as the screens and the browser's store would drive them:
// saving as the person types, a damaged or newer store, no storage, another tab, import,
// export, "Delete everything" and "Add to calendar".
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "plans_app.hpp"
#include "core/plans/records/records_merge.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/state.hpp"
#include "platform/memory/memory_platform.hpp"
#include "records_samples.hpp"
#include "started_app.hpp"
#include "stored_samples.hpp"

using namespace cpa;
using core::StoreStatus;

using test::App;
using test::content;
using test::kNow;

namespace {
std::string stored(const core::Records& records) { return core::store_record(records, "2026-11-20T08:00:00Z"); }
}  // namespace

TEST_CASE("a first start: every edit is saved, and the save is acknowledged") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  CHECK(app.plans().store == StoreStatus::fresh);
  CHECK_FALSE(app.plans().dirty());

  app.act(core::PlanEditField{"care_plan.coordinator.name", "Priya"});
  REQUIRE(app.device.saved_records.size() == 1);
  CHECK(app.device.saved_records[0].revision == app.plans().revision);
  CHECK(app.plans().dirty());
  const auto reopened = core::open_store_record(app.last_saved());
  REQUIRE(reopened.ok());
  CHECK(reopened.records.care_plan.coordinator.name == "Priya");
  CHECK(reopened.saved_at == kNow);

  app.act(core::PlansSaved{app.plans().revision});
  CHECK_FALSE(app.plans().dirty());
  // The same value again changes nothing and saves nothing.
  app.act(core::PlanEditField{"care_plan.coordinator.name", "Priya"});
  CHECK(app.device.saved_records.size() == 1);
}

TEST_CASE("the saved record reopens with everything in it (a reload)") {
  App first;
  first.act(core::PlansStoreLoaded{"", ""});
  first.act(core::PlanAddItem{"crisis_plan.people", "name", "Asha"});
  first.act(core::PlanEditItem{"crisis_plan.people", 0, "phone", "07700 900456"});
  first.act(core::PlanAddItem{"crisis_plan.self_help", "", "Walk the dog"});

  App second;
  second.act(test::stored_plans(first.last_saved(), ""));
  CHECK(second.plans().store == StoreStatus::ok);
  CHECK(second.plans().records == first.plans().records);
  CHECK_FALSE(second.plans().dirty());
  CHECK(second.device.saved_records.empty());  // opening writes nothing
}

TEST_CASE("nothing is saved before the store has been read, so it cannot be overwritten") {
  App app;
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.device.saved_records.empty());
  CHECK(app.plans().store == StoreStatus::not_loaded);
}

TEST_CASE("messages for values appear in plain words and go when fixed") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlanEditField{"care_plan.coordinator.phone", "0770 090"});
  CHECK(test::said(app.plans().messages.at("care_plan.coordinator.phone")) ==
        "Enter a UK phone number, like 07700 900123 or 020 7946 0000. Short numbers like 111 work too.");
  CHECK(app.device.saved_records.size() == 1);  // kept as typed, and saved: nothing is lost
  app.act(core::PlanEditField{"care_plan.coordinator.phone", "07700 900123"});
  CHECK(app.plans().messages.empty());
  CHECK(app.plans().records.care_plan.coordinator.phone == "+447700900123");
}

TEST_CASE("a full list says so and adds nothing") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  for (std::size_t i = 0; i < core::kMaxListItems; ++i) app.act(core::PlanAddItem{"care_plan.goals", "", "goal"});
  const auto saves = app.device.saved_records.size();
  app.act(core::PlanAddItem{"care_plan.goals", "", "one more"});
  CHECK(app.plans().records.care_plan.goals.size() == core::kMaxListItems);
  CHECK(app.device.saved_records.size() == saves);
  CHECK(test::said(app.plans().messages.at("care_plan.goals")) ==
        "This list is full. It can hold 50. Remove one to add another.");
}

TEST_CASE("removing and moving items are saved too") {
  App app;
  app.act(test::stored_plans(stored(test::sample_records()), ""));
  app.act(core::PlanMoveItem{"crisis_plan.warning_signs", 1, 0});
  CHECK(app.plans().records.crisis_plan.warning_signs.front() == "I stop answering my phone");
  app.act(core::PlanRemoveItem{"crisis_plan.warning_signs", 0});
  CHECK(app.plans().records.crisis_plan.warning_signs == std::vector<std::string>{"I stop sleeping well"});
  CHECK(app.device.saved_records.size() == 2);
  CHECK(core::open_store_record(app.last_saved()).records == app.plans().records);
}

TEST_CASE("a damaged store: nothing is overwritten; restore the previous copy, or export the damaged one") {
  const auto good = test::sample_records();
  const std::string latest = stored(good).substr(0, 200);  // cut short by a crash
  core::Records older = good;
  older.crisis_plan.people.clear();

  App app;
  app.act(test::stored_plans(latest, stored(older)));
  CHECK(app.plans().store == StoreStatus::damaged);
  CHECK(app.plans().previous_available);
  CHECK(test::said(app.plans().store_message) ==
        "Your latest changes could not be read. They may have been damaged. Nothing has been deleted. You can go back "
        "to the copy saved before, or first save the damaged copy as a file.");
  CHECK(app.plans().records.empty());

  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.device.saved_records.empty());  // never written over while damaged

  app.act(core::PlansExportDamaged{});
  REQUIRE(app.device.downloads.size() == 1);
  CHECK(app.device.downloads[0].filename == "cpa-companion-unreadable-2026-11-23.txt");
  CHECK(app.device.downloads[0].data == latest);

  app.act(core::PlansRestorePrevious{});
  CHECK(app.plans().store == StoreStatus::ok);
  CHECK(app.plans().store_message.empty());
  CHECK(app.plans().records == older);
  REQUIRE(app.device.saved_records.size() == 1);
  CHECK(core::open_store_record(app.last_saved()).records == older);
}

TEST_CASE("a damaged store with no good copy: start again only when the person chooses") {
  App app;
  app.act(core::PlansStoreLoaded{"{\"envelope\": \"cpa-companion-store\"", ""});
  CHECK(app.plans().store == StoreStatus::damaged);
  CHECK_FALSE(app.plans().previous_available);
  CHECK(test::said(app.plans().store_message) ==
        "Your saved plans could not be read. They may have been damaged. Nothing has been deleted. You can save the "
        "damaged copy as a file, then start again.");
  app.act(core::PlansRestorePrevious{});  // nothing to restore
  CHECK(app.plans().store == StoreStatus::damaged);
  app.act(core::PlansStartAgain{});
  CHECK(app.plans().store == StoreStatus::ok);
  REQUIRE(app.device.saved_records.size() == 1);
  CHECK(core::open_store_record(app.last_saved()).records.empty());
}

TEST_CASE("a latest slot that is empty with a good previous copy opens the previous copy and says so") {
  App app;
  app.act(core::PlansStoreLoaded{"", stored(test::sample_records())});
  CHECK(app.plans().store == StoreStatus::ok);
  CHECK(app.plans().records == test::sample_records());
  CHECK(test::said(app.plans().store_message) ==
        "We could not find your latest save, so we opened the copy saved before it. Check that your latest changes "
        "are there.");
}

TEST_CASE("a store from a newer version is never written, imported over or read") {
  nlohmann::json doc = core::make_document(test::sample_records(), kNow);
  doc["schema_version"] = 2;
  const std::string newer = core::seal_store_record(doc.dump());

  App app;
  app.act(test::stored_plans(newer, ""));
  CHECK(app.plans().store == StoreStatus::newer_version);
  CHECK(test::said(app.plans().store_message) ==
        "Your plans were saved by a newer version of CPA Companion. Reload the page to get the newest version. "
        "Nothing has been changed.");
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  app.act(core::PlansStartAgain{});
  app.act(core::PlansImport{core::export_text(test::sample_records(), kNow)});
  CHECK(app.device.saved_records.empty());
  CHECK(test::said(app.plans().import_summary) ==
        "Your plans on this device were saved by a newer version of the app. Update the app before you load a file, "
        "so that nothing is lost.");
  app.act(core::PlansExportDamaged{});  // the raw record can still be kept as a file
  REQUIRE(app.device.downloads.size() == 1);
  CHECK(app.device.downloads[0].data == newer);
}

TEST_CASE("no storage (private mode): the app works in memory and says plans will not be kept") {
  App app;
  app.act(core::PlansStoreUnavailable{});
  CHECK(app.plans().store == StoreStatus::memory_only);
  CHECK(test::said(app.plans().store_message) ==
        "This browser is not letting the app save. Your plans will be lost when you close this page. To keep them, "
        "save a copy as a file.");
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.plans().records.care_plan.gp.name == "Dr Jones");
  CHECK(app.device.saved_records.empty());
  app.act(core::PlansExport{});
  CHECK(app.device.downloads.size() == 1);
}

TEST_CASE("a failed save is reported, and cleared by the next good one") {
  App app;
  app.act(core::PlansStoreLoaded{"", ""});
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  app.act(core::PlansSaveFailed{app.plans().revision, true});
  CHECK(test::said(app.plans().save_error) ==
        "Your plans could not be saved because this device is full. Free up some space, or save a copy as a file.");
  CHECK(app.plans().dirty());
  // Said at once to a screen reader (the assertive live region), and only once.
  REQUIRE(app.device.urgent_announcements.size() == 1);
  CHECK(app.device.urgent_announcements[0] == test::said(app.plans().save_error));
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones-Smith"});
  CHECK(app.device.saved_records.size() == 2);  // saving goes on trying
  app.act(core::PlansSaveFailed{app.plans().revision, true});
  CHECK(app.device.urgent_announcements.size() == 1);
  app.act(core::PlansSaved{app.plans().revision});
  CHECK(app.plans().save_error.empty());
  CHECK_FALSE(app.plans().dirty());
  app.act(core::PlansSaved{app.plans().revision + 5});  // a revision from the future is ignored
  CHECK(app.plans().saved_revision == app.plans().revision);
}

TEST_CASE("another tab's save: taken in when this tab has nothing unsaved, otherwise merged field by field") {
  core::Records theirs = test::sample_records();
  theirs.care_plan.goals.push_back("Learn to drive");

  App quiet;
  quiet.act(test::stored_plans(stored(test::sample_records()), ""));
  quiet.act(core::PlansStoreChanged{stored(theirs)});
  CHECK(quiet.plans().records == theirs);
  CHECK_FALSE(quiet.plans().dirty());
  CHECK(quiet.device.saved_records.empty());
  CHECK(test::said(quiet.plans().other_tab_notice) ==
        "Your plans were changed in another tab or window. This page now shows those changes.");

  App busy;
  busy.act(test::stored_plans(stored(test::sample_records()), ""));
  busy.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  busy.act(core::PlansStoreChanged{stored(theirs)});
  // Both edits kept: this tab's GP name and the other tab's new goal; the merge is saved.
  CHECK(busy.plans().records.care_plan.gp.name == "Dr Jones");
  CHECK(busy.plans().records.care_plan.goals == theirs.care_plan.goals);
  CHECK(busy.plans().dirty());
  CHECK(test::said(busy.plans().other_tab_notice) ==
        "Your plans were changed in another tab or window too. Both sets of changes are kept. If you both changed "
        "the same thing, this page's version is kept.");
}

TEST_CASE("merging two tabs: each field keeps the edit made to it; the same field in both keeps this tab's") {
  const core::Records base = test::sample_records();
  core::Records mine = base, theirs = base;
  core::set_field(mine, "crisis_plan.service_response", "Mine");
  core::add_item(mine, "crisis_plan.warning_signs", "", "I stop eating");
  core::set_field(theirs, "care_plan.gp.name", "Dr Theirs");
  core::remove_item(theirs, "care_plan.goals", 0);
  core::set_field(theirs, "crisis_plan.service_response", "Theirs");
  const auto merged = core::merge_records(base, mine, theirs);
  CHECK(merged.crisis_plan.service_response == "Mine");
  CHECK(merged.crisis_plan.warning_signs == mine.crisis_plan.warning_signs);
  CHECK(merged.care_plan.gp.name == "Dr Theirs");
  CHECK(merged.care_plan.goals.empty());
  CHECK(core::merge_records(base, base, theirs) == theirs);
  CHECK(core::merge_records(base, mine, base) == mine);
}

TEST_CASE("after a save is acknowledged, a later merge compares with what was saved") {
  App app;
  app.act(test::stored_plans(stored(test::sample_records()), ""));
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr A"});
  app.act(core::PlansSaved{app.plans().revision});
  app.act(core::PlanEditField{"care_plan.team.name", "Team B"});
  core::Records theirs = test::sample_records();
  theirs.care_plan.gp.name = "Dr A";
  theirs.care_plan.goals.push_back("From the other tab");
  app.act(core::PlansStoreChanged{stored(theirs)});
  CHECK(app.plans().records.care_plan.gp.name == "Dr A");
  CHECK(app.plans().records.care_plan.team.name == "Team B");
  CHECK(app.plans().records.care_plan.goals.back() == "From the other tab");
}

TEST_CASE("import: a broken file changes nothing and lists every problem; a good one replaces the plans") {
  App app;
  app.act(test::stored_plans(stored(test::sample_records()), ""));
  nlohmann::json doc = core::make_document(test::sample_records(), kNow);
  doc["records"]["care_plan"]["gp"]["phone"] = "12";
  doc["records"]["crisis_plan"]["people"][0]["phone"] = "0770";
  app.act(core::PlansImport{doc.dump()});
  CHECK(app.plans().records == test::sample_records());
  CHECK(app.device.saved_records.empty());
  CHECK(test::said(app.plans().import_summary) == "We found 2 problems in this file, so nothing has been changed.");
  REQUIRE(app.plans().import_problems.size() == 2);
  CHECK(core::render_problem(*test::content(), app.plans().import_problems[0]) ==
        "My care plan, Surgery phone number: Enter a UK phone number, like 07700 900123 or 020 7946 0000. Short "
        "numbers like 111 work too.");
  CHECK(app.device.announcements.back() == test::said(app.plans().import_summary));

  app.act(core::PlansImport{"not json"});
  CHECK(test::said(app.plans().import_summary) == "We found 1 problem in this file, so nothing has been changed.");

  core::Records other;
  core::set_field(other, "care_plan.gp.name", "Dr Jones");
  app.act(core::PlansImport{core::export_text(other, kNow)});
  CHECK(app.plans().records == other);
  CHECK(app.plans().import_problems.empty());
  CHECK(test::said(app.plans().import_summary) == "Your plans have been loaded from the file.");
  REQUIRE(app.device.saved_records.size() == 1);
  CHECK(core::open_store_record(app.last_saved()).records == other);
}

TEST_CASE("export downloads the dated, versioned file that imports back the same") {
  App app;
  app.act(test::stored_plans(stored(test::sample_records()), ""));
  app.act(core::PlansExport{});
  REQUIRE(app.device.downloads.size() == 1);
  const auto& file = app.device.downloads[0];
  CHECK(file.filename == "cpa-companion-2026-11-23.json");
  CHECK(file.mime_type == "application/json");
  const auto back = core::check_import(file.data);
  REQUIRE(back.ok());
  CHECK(back.records == test::sample_records());
  CHECK(back.saved_at == kNow);
}

// One event from "Yes, delete everything": nothing is left to a second action from the screen.
TEST_CASE("Delete everything is one event: plans, a kept copy and settings go, and the confirmation closes") {
  test::StartedApp app;
  app.act(test::stored_plans(stored(test::sample_records())));
  core::Records theirs;
  core::add_item(theirs, "crisis_plan.warning_signs", "", "a friend's sign");
  app.act(core::ShareDeviceReady{"https://example.org/", false, true,
                                 core::kept_copy_document(core::SharedPlan{theirs, "2026-11-20", "", "", ""})});
  app.act(core::SetQuickExit{false});
  app.act(core::SetTextSize{200});
  REQUIRE(app.state.share.kept);
  app.act(core::Navigate{core::Route{core::Screen::your_data, {}}});
  app.act(core::Navigate{core::Route{core::Screen::delete_everything, {}}});
  const auto effects = core::update(app.state, core::DeleteEverything{});
  platform::carry_out(app.browser, effects);
  CHECK(app.state.plans.records.empty());
  CHECK(app.browser.records_deleted == 1);
  CHECK_FALSE(app.state.share.kept);
  CHECK(app.state.quick_exit.enabled);
  CHECK(app.state.display.settings == core::DisplaySettings{});
  // The confirmation closes, after the deleting: back on Your data, in the browser's history too.
  CHECK(app.state.route() == core::Route{core::Screen::your_data, {}});
  REQUIRE_FALSE(effects.empty());
  CHECK(std::holds_alternative<core::HistoryBack>(effects.back()));
  CHECK(app.browser.current_path() == "#/your-data");
  // Anywhere but on the confirmation it deletes and leaves the screen as it is.
  app.act(core::DeleteEverything{});
  CHECK(app.browser.records_deleted == 2);
  CHECK(app.state.route() == core::Route{core::Screen::your_data, {}});
}

TEST_CASE("Delete everything clears the plans and asks the device to delete both copies") {
  App app;
  app.act(test::stored_plans(stored(test::sample_records()), stored(test::sample_records())));
  app.act(core::DeleteEverything{});
  CHECK(app.plans().records.empty());
  CHECK(app.device.records_deleted == 1);
  CHECK(app.plans().store == StoreStatus::fresh);
  CHECK_FALSE(app.plans().previous_available);
  CHECK_FALSE(app.plans().dirty());
  CHECK(app.plans().today == "2026-11-23");  // the clock is not the person's data
  app.act(core::PlanEditField{"care_plan.gp.name", "Dr Jones"});
  CHECK(app.device.saved_records.size() == 1);  // a new start saves again
}

TEST_CASE("Add to calendar downloads the review's .ics file") {
  App app;
  app.act(test::stored_plans(stored(test::sample_records()), ""));
  app.act(core::PlansAddReviewToCalendar{});
  REQUIRE(app.device.downloads.size() == 1);
  CHECK(app.device.downloads[0].filename == "care-plan-review-2026-12-01.ics");
  CHECK(app.device.downloads[0].mime_type == "text/calendar");
  CHECK(app.device.downloads[0].data.find("DTSTART;VALUE=DATE:20261201\r\n") != std::string::npos);
  CHECK(app.device.downloads[0].data.find("DTSTAMP:20261123T101500Z\r\n") != std::string::npos);

  app.act(core::PlanEditField{"care_plan.next_review", ""});
  app.act(core::PlansAddReviewToCalendar{});
  CHECK(app.device.downloads.size() == 1);  // no date, no file
}
