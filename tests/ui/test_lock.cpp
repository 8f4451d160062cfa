// The passphrase lock, headless: Help now while locked, the unlock panel on every screen the
// screen table marks (and nothing of the plans on any other),
// the lock screen's boxes (drawn as dots), and what the platform is asked to do.
#include "core/plans/records/records_store.hpp"
#include "core/lock/store_lock.hpp"
#include "walks.hpp"
#include "../unit/records_samples.hpp"
#include "../unit/stored_samples.hpp"

using namespace cpa;
using ui::Role;

using test::locked_store;

TEST_CASE("locked: Help now still has every national line, and asks for the passphrase for my own contacts") {
  test::Harness h("#/help-now");
  h.app.dispatch(core::PlansStoreLoaded{locked_store(), ""});
  h.settle();
  for (const auto& line : h.app.state().content->crisis_lines) {
    CAPTURE(line.id);
    bool found = false;
    for (const auto* link : h.tree().all(Role::link)) found = found || link->href == line.href();
    CHECK(found);
  }
  CHECK(h.find(Role::heading, str(h, "plans.lock.help_now_locked")) != nullptr);
  CHECK(h.find(Role::button, str(h, "plans.lock.unlock_button")) != nullptr);

  // Unlocking right there brings the person's contacts in.
  h.type(Role::text_input, str(h, "plans.lock.unlock_label"), "my passphrase");
  h.tap(Role::button, str(h, "plans.lock.unlock_button"));
  REQUIRE(h.platform.unlock_requests.size() == 1);
  CHECK(h.platform.unlock_requests[0].passphrase == "my passphrase");
  h.app.dispatch(core::LockUnlocked{true, core::store_record(test::sample_records(), "2026-11-23T10:00:00Z"), "",
                                    test::good_fallback()});
  h.settle();
  CHECK(h.find(Role::heading, str(h, "plans.lock.help_now_locked")) == nullptr);
  CHECK(h.find(Role::heading, str(h, "help_now.my_people_heading")) != nullptr);
}

namespace {

// What the person wrote (tests/unit/records_samples.hpp): words no content file holds, so none
// of them is an example or a national line's words.
const char* const kLockTestWritten[] = {
    "Priya Shah", "Riverside community mental health team", "Canal Street Surgery", "Asha", "07700 900456", "Biscuit"};

// Whether anything on the screen (a text, a box's value, a link) holds words the person wrote.
bool lock_test_shows_written(const test::Harness& h) {
  for (const auto& node : h.tree().nodes)
    for (const char* written : kLockTestWritten)
      if (node.name.find(written) != std::string::npos || node.value.find(written) != std::string::npos ||
          node.href.find(written) != std::string::npos || node.live.find(written) != std::string::npos)
        return true;
  return false;
}

// Each screen, with a step where it needs one to show anything of the plans.
core::Route lock_test_route(core::Screen screen) {
  return {screen, screen == core::Screen::plan_section ? "care_plan.coordinator" : ""};
}

}  // namespace

// Which screens wait for the passphrase is screen_table's column: a new screen is covered here
// the day it is added to the table, marked or not.
TEST_CASE("locked: every screen the table marks shows the unlock panel instead, and no screen shows my plans") {
  test::Harness h("#/help-now");
  h.app.dispatch(core::PlansStoreLoaded{locked_store(), ""});
  h.app.dispatch(core::LockType{core::LockField::unlock, "my passphrase"});
  h.app.dispatch(core::LockUnlock{});
  h.app.dispatch(core::LockUnlocked{true, core::store_record(test::sample_records(), "2026-11-23T10:00:00Z"), "",
                                    test::good_fallback()});
  // Unlocked, every screen is opened once (whatever one keeps for later is kept), and the plans
  // are there to see (so the checks below can fail).
  for (const auto& info : core::screen_table) {
    h.app.dispatch(core::Navigate{lock_test_route(info.screen)});
    h.settle();
  }
  h.app.dispatch(core::Navigate{lock_test_route(core::Screen::plan_section)});
  h.settle();
  REQUIRE(lock_test_shows_written(h));
  h.app.dispatch(core::LockNow{});
  h.settle();
  REQUIRE(core::plans_locked(h.app.state()));
  for (const auto& info : core::screen_table) {
    CAPTURE(info.name);
    h.app.dispatch(core::Navigate{lock_test_route(info.screen)});
    h.settle();
    REQUIRE(h.app.state().route().screen == info.screen);
    const auto* unlock_heading = h.find(Role::heading, str(h, "plans.lock.locked_title"));
    const bool unlock_panel = unlock_heading != nullptr && unlock_heading->level == 1;
    CHECK(unlock_panel == info.waits_for_passphrase);
    if (info.waits_for_passphrase) CHECK(h.tree().all(Role::text_input).size() == 1);  // only the passphrase box
    CHECK_FALSE(lock_test_shows_written(h));
  }
}

TEST_CASE("locked: the passphrase is dots, and a forgotten one leads to Delete everything") {
  test::Harness h("#/care-plan");
  h.app.dispatch(core::PlansStoreLoaded{locked_store(), ""});
  h.settle();
  h.type(Role::text_input, str(h, "plans.lock.unlock_label"), "secret");
  const auto* box = h.find(Role::text_input, str(h, "plans.lock.unlock_label"));
  REQUIRE(box != nullptr);
  CHECK(box->input_type == "password");
  // Forgotten: the way out is Delete everything, which says the plans are locked.
  h.tap(Role::button, str(h, "data.delete"));
  CHECK(h.app.state().route().screen == core::Screen::delete_everything);
  CHECK(h.find(Role::list_item, str(h, "plans.lock.delete_locked")) != nullptr);
}

TEST_CASE("Your data leads to the lock; setting it warns about a forgotten passphrase and asks the platform") {
  test::Harness h("#/your-data");
  h.tap(Role::button, str(h, "plans.lock.card"));
  CHECK(h.app.state().route().screen == core::Screen::lock);
  bool warned = false;
  for (const auto* node : h.tree().all(Role::text))
    warned = warned || node->name == str(h, "plans.lock.forget_warning");
  CHECK(warned);
  h.type(Role::text_input, str(h, "plans.lock.new_label"), "three small words");
  h.type(Role::text_input, str(h, "plans.lock.repeat_label"), "three small words");
  h.leave_field();
  h.tap(Role::button, str(h, "plans.lock.set_button"));
  REQUIRE(h.platform.lock_changes.size() == 1);
  CHECK(h.platform.lock_changes[0].passphrase == "three small words");
  h.app.dispatch(core::LockChanged{true, true, ""});
  h.settle();
  CHECK(h.find(Role::button, str(h, "plans.lock.lock_now")) != nullptr);
  h.tap(Role::button, str(h, "plans.lock.lock_now"));
  CHECK(h.platform.keys_forgotten == 1);
  CHECK(h.find(Role::heading, str(h, "plans.lock.locked_title")) != nullptr);
}
