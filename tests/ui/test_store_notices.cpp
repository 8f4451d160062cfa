// What the store has to tell the person, headless: the iPhone Home Screen card (with its picture
// of the Share button), a private window's words, Delete everything's outcome, copies kept aside,
// and Help now with plans a newer release saved.
#include "core/plans/records/records_store.hpp"
#include "harness.hpp"
#include "../unit/records_samples.hpp"
#include "../unit/stored_samples.hpp"

using namespace cpa;
using ui::Role;

namespace {
const ui::Node* text_node(const test::Harness& h, const std::string& words) {
  for (const auto* node : h.tree().all(Role::text))
    if (node->name == words) return node;
  return nullptr;
}
bool shows(const test::Harness& h, const std::string& words) { return text_node(h, words) != nullptr; }
}  // namespace

TEST_CASE("on an iPhone, once a plan has something in it, Home shows how to add the app to the Home Screen") {
  test::Harness h("#/");
  h.app.dispatch(core::PlansDurability{false, false, true, false});
  h.settle();
  CHECK(h.find(Role::heading, str(h, "home_screen.title")) == nullptr);  // nothing written yet
  h.app.dispatch(test::stored_plans(core::store_record(test::sample_records(), "2026-11-23T10:00:00Z")));
  h.settle();
  CHECK(h.find(Role::heading, str(h, "home_screen.title")) != nullptr);
  CHECK(text_node(h, str(h, "home_screen.why")) != nullptr);
  const ui::Node* icon = h.find(Role::image, str(h, "home_screen.share_icon"));
  REQUIRE(icon != nullptr);
  CHECK(icon->rect.w >= 30);  // a picture a person can see, not a speck
  CHECK(text_node(h, str(h, "home_screen.step2")) != nullptr);
  // The reminder to keep a copy comes with a button that makes one.
  h.tap(Role::button, str(h, "data.export"));
  REQUIRE(h.platform.downloads.size() == 1);
  // Opened from the Home Screen: no card.
  h.app.dispatch(core::PlansDurability{false, false, true, true});
  h.settle();
  CHECK(h.find(Role::heading, str(h, "home_screen.title")) == nullptr);
}

TEST_CASE("a private window's sign: the plan says plainly it may be lost, and what to do") {
  test::Harness h("#/plan-section/care_plan.coordinator");
  h.app.dispatch(core::PlansDurability{false, true, false, false});
  h.settle();
  CHECK(shows(h, str(h, "plans.store.lasting.private")));
  CHECK_FALSE(shows(h, str(h, "plans.ui.saved_as_you_go")));
}

TEST_CASE("Delete everything: the screen says when it is done, or plainly what could not be deleted") {
  test::Harness h("#/your-data");
  h.app.dispatch(core::DeleteEverything{});
  h.settle();
  CHECK(shows(h, str(h, "data.deleting")));
  h.app.dispatch(core::PlansDeleted{{"records"}});
  h.settle();
  CHECK(shows(h, said(h, h.app.state().plans.delete_message)));
  CHECK(said(h, h.app.state().plans.delete_message).find(str(h, "data.delete_part.records")) != std::string::npos);
  h.app.dispatch(core::PlansDeleted{{}});
  h.settle();
  CHECK(shows(h, str(h, "data.deleted")));
}

TEST_CASE("copies kept aside are offered on Your data, each saved as a file") {
  test::Harness h("#/your-data");
  h.app.dispatch(core::PlansStoreLoaded{core::store_record(test::sample_records(), "2026-11-23T10:00:00Z"),
                                        "",
                                        test::good_fallback(),
                                        {"copy one", "copy two"}});
  h.settle();
  CHECK(h.find(Role::heading, str(h, "data.set_aside_title")) != nullptr);
  h.tap(Role::button, str(h, "data.export_damaged"));
  REQUIRE(h.platform.downloads.size() == 2);
  CHECK(h.platform.downloads[0].data == "copy one");
}
