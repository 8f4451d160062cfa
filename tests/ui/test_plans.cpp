// The plan screens, headless: typing into fields, lists, examples, saving, and Help now.
#include "core/plans/records/records_store.hpp"
#include "harness.hpp"

using namespace cpa;
using ui::Role;

namespace {
const core::PlansContent& words(const test::Harness& h) { return h.app.state().content->plans; }
std::string label(const test::Harness& h, const char* id) { return words(h).fields.at(id).label; }
std::string item(const test::Harness& h, const char* key) { return words(h).items.at(key).label; }
}  // namespace

TEST_CASE("Home opens My care plan, which lists its sections") {
  test::Harness h;
  h.tap(Role::button, "My care plan");
  CHECK(h.app.state().route().screen == core::Screen::care_plan);
  for (const auto& s : core::plan_sections()) {
    if (s.plan != "care_plan") continue;
    CAPTURE(s.id);
    const auto* card = h.find(Role::button, words(h).sections.at(std::string(s.id)).title);
    REQUIRE(card != nullptr);
    CHECK(h.description(card) == h.app.state().content->str("plans.ui.empty_section"));
  }
}

TEST_CASE("typing into a field edits the record and asks the platform to save it") {
  test::Harness h("#/plan-section/care_plan.coordinator");
  h.type(Role::text_input, label(h, "care_plan.coordinator.name"), "Sam Okafor");
  CHECK(h.app.state().plans.records.care_plan.coordinator.name == "Sam Okafor");
  REQUIRE_FALSE(h.platform.saved_records.empty());
  const auto stored = core::open_store_record(h.platform.saved_records.back().document);
  REQUIRE(stored.ok());
  CHECK(stored.records.care_plan.coordinator.name == "Sam Okafor");
}

TEST_CASE("a phone number is stored normalised, shown the UK way, and a bad one gets a message") {
  test::Harness h("#/plan-section/care_plan.coordinator");
  const std::string phone = label(h, "care_plan.coordinator.phone");
  h.type(Role::text_input, phone, "+44 (0)7700-900123");
  h.leave_field();
  CHECK(h.app.state().plans.records.care_plan.coordinator.phone == "+447700900123");
  CHECK(h.find(Role::text_input, phone)->value == "07700 900123");
  CHECK_FALSE(h.find(Role::text_input, phone)->invalid);

  test::Harness bad("#/plan-section/care_plan.coordinator");
  bad.type(Role::text_input, phone, "12345");
  bad.leave_field();
  const auto* node = bad.find(Role::text_input, phone);
  CHECK(node->invalid);
  // The message is on the screen as text, and the field points at it (aria-describedby).
  const auto* message = bad.find(Role::text, bad.app.state().content->str("plans.error.phone"));
  REQUIRE(message);
  REQUIRE_FALSE(node->described_by.empty());
  CHECK(node->described_by.front() == message->id);
  CHECK(bad.app.state().plans.records.care_plan.coordinator.phone == "12345");  // kept as typed, never lost
}

TEST_CASE("lists: add, type, pick an example, remove") {
  test::Harness h("#/plan-section/crisis_plan.warning_signs");
  const auto& field = words(h).fields.at("crisis_plan.warning_signs");
  h.tap(Role::button, field.add);
  const std::string first = h.app.state().content->format("plans.ui.item_label", {{"label", field.label}, {"n", "1"}});
  h.type(Role::text_input, first, "I go quiet and stay in my room");
  REQUIRE(!field.examples.empty());
  h.tap(Role::button, h.app.state().content->format("plans.ui.use_example", {{"example", field.examples[0]}}));
  const auto& signs = h.app.state().plans.records.crisis_plan.warning_signs;
  REQUIRE(signs.size() == 2);
  CHECK(signs[0] == "I go quiet and stay in my room");
  CHECK(signs[1] == field.examples[0]);
  h.tap(Role::button, h.app.state().content->format("plans.ui.remove_named", {{"item", first}}));
  REQUIRE(h.app.state().plans.records.crisis_plan.warning_signs.size() == 1);
  CHECK(h.app.state().plans.records.crisis_plan.warning_signs[0] == field.examples[0]);
}

TEST_CASE("Help now shows my people and my team with tap-to-call links, and what helps me") {
  test::Harness h("#/plan-section/crisis_plan.people");
  h.tap(Role::button, words(h).fields.at("crisis_plan.people").add);
  h.type(Role::text_input, item(h, "contact.name"), "Aunt Jo");
  h.type(Role::text_input, item(h, "contact.phone"), "020 7946 0000");
  h.leave_field();
  h.app.dispatch(core::PlanAddItem{"crisis_plan.self_help", "", "A hot bath"});
  h.app.dispatch(core::PlanEditField{"care_plan.team.out_of_hours_phone", "0300 123 4567"});
  h.tap(Role::button, "Help now");
  const auto& content = *h.app.state().content;
  const auto* jo =
      h.find(Role::link, content.format("help_now.call_person", {{"name", "Aunt Jo"}, {"number", "020 7946 0000"}}));
  REQUIRE(jo != nullptr);
  CHECK(jo->href == "tel:+442079460000");
  bool team_link = false;
  for (const auto* link : h.tree().all(Role::link)) team_link = team_link || link->href == "tel:+443001234567";
  CHECK(team_link);
  CHECK(h.find(Role::list_item, "A hot bath") != nullptr);
  // The national lines come first.
  CHECK(h.tree().find(Role::link, "Call 999")->rect.y < jo->rect.y);
}

TEST_CASE("Delete everything says what goes, and clears it when confirmed") {
  test::Harness h;
  h.app.dispatch(core::PlanEditField{"care_plan.coordinator.name", "Sam"});
  h.tap(Role::button, "Your data and settings");
  const auto& content = *h.app.state().content;
  h.tap(Role::button, content.str("data.delete"));
  CHECK(h.find(Role::list_item, content.format("data.delete_item_care", {{"n", "1"}})) != nullptr);
  h.tap(Role::button, content.str("data.delete_no"));
  CHECK(h.app.state().plans.records.care_plan.coordinator.name == "Sam");
  h.tap(Role::button, content.str("data.delete"));
  h.tap(Role::button, content.str("data.delete_yes"));
  CHECK(h.app.state().plans.records.empty());
  CHECK(h.platform.records_deleted == 1);
  CHECK(h.app.state().route().screen == core::Screen::your_data);
}

TEST_CASE("the review banner on Home, and the calendar file") {
  test::Harness h;
  h.app.dispatch(core::PlanEditField{"care_plan.next_review", "2026-12-01"});
  h.settle();
  const auto& content = *h.app.state().content;
  h.tap(Role::button, content.str("plans.ui.add_to_calendar"));
  REQUIRE_FALSE(h.platform.downloads.empty());
  CHECK(h.platform.downloads.back().mime_type.find("text/calendar") == 0);
  CHECK(h.platform.downloads.back().data.find("DTSTART;VALUE=DATE:20261201") != std::string::npos);
}
