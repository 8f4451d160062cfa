// What a screen reader, a keyboard or a password manager meets, from the semantic tree the screens
// record (the web mirror turns it into elements; tests/e2e/a11y.spec.mjs checks Chromium's view of
// it): text that is real text in reading order, never a description only; a field's message as
// it becomes known, said once; forms; where focus goes; and the smaller findings of the outside
// review (issue 24).
#include <algorithm>
#include <string>

#include "core/plans/plan_phone.hpp"
#include "harness.hpp"

using namespace cpa;
using ui::Role;

namespace {

const ui::Node* node_with_id(const test::Harness& h, std::uint32_t id) {
  for (const auto& n : h.tree().nodes)
    if (n.id == id) return &n;
  return nullptr;
}

std::size_t place_of(const test::Harness& h, const ui::Node* node) {
  return static_cast<std::size_t>(node - h.tree().nodes.data());
}

std::string people_item(const test::Harness& h, const char* key) {
  return h.app.state().content->plans.items.at(key).label;
}

}  // namespace

TEST_CASE("a card's detail is text of its own, read after the card's name, which stays short") {
  test::Harness h("#/crisis-plan");
  const auto& content = *h.app.state().content;
  const std::string title = content.plans.sections.at("crisis_plan.people").title;
  const auto* card = h.find(Role::button, title);
  REQUIRE(card);
  // Every empty section's card says "Not filled in yet": this card's own is the one it is described by.
  REQUIRE(card->described_by.size() == 1);
  const auto* detail = node_with_id(h, card->described_by.front());
  REQUIRE(detail);
  CHECK(detail->role == Role::text);
  CHECK(detail->name == content.str("plans.ui.empty_section"));
  CHECK(card->name == title);
  CHECK(place_of(h, detail) == place_of(h, card) + 1);  // next in reading order
  CHECK_FALSE(detail->hidden);
  // Inside the card, where it is drawn.
  CHECK(detail->rect.y > card->rect.y);
  CHECK(detail->rect.y + detail->rect.h <= card->rect.y + card->rect.h + 0.5f);
}

TEST_CASE("a tick box's detail and a crisis line's name are real text that describes the control") {
  test::Harness h("#/your-data");
  const auto& content = *h.app.state().content;
  const auto* box = h.find(Role::checkbox, content.str("data.quick_exit_setting"));
  REQUIRE(box);
  CHECK(h.description(box) == content.str("data.quick_exit_setting_detail"));
  REQUIRE(h.find(Role::text, content.str("data.quick_exit_setting_detail")));

  test::Harness help("#/help-now");
  const auto* call = help.find(Role::link, "Call 116 123");
  REQUIRE(call);
  REQUIRE(call->described_by.size() == 1);
  const auto* name = node_with_id(help, call->described_by.front());
  REQUIRE(name);
  CHECK(name->name == "Samaritans");
  CHECK(place_of(help, name) < place_of(help, call));  // read before it, as it is drawn
}

TEST_CASE("Quick exit's button carries its description: hidden words that say where it takes you") {
  test::Harness h;
  const auto& content = *h.app.state().content;
  const auto* exit = h.find(Role::button, content.str("quick_exit"));
  REQUIRE(exit);
  CHECK(h.description(exit) == content.str("quick_exit.description"));
  const auto* words = node_with_id(h, exit->described_by.front());
  REQUIRE(words);
  CHECK(words->hidden);  // no room on the bar: read, not shown
  CHECK(words->landmark == ui::Landmark::banner);
}

TEST_CASE("Help now comes first in focus order when the top bar takes two rows") {
  const auto bar_buttons = [](const test::Harness& h) {
    std::vector<std::string> out;
    for (const auto& n : h.tree().nodes)
      if (n.landmark == ui::Landmark::banner && n.role == Role::button) out.push_back(n.name);
    return out;
  };
  // Side by side: Quick exit on the left, then Help now, as they are read left to right.
  test::Harness wide;
  CHECK(bar_buttons(wide) == std::vector<std::string>{"Quick exit", "Help now"});
  CHECK(wide.find(Role::button, "Quick exit")->rect.x < wide.find(Role::button, "Help now")->rect.x);
  // 200% text on a 320 px phone: Help now on the top row, and first.
  test::Harness narrow("#/display", 320, 640);
  narrow.tap(Role::radio, "200%");
  const auto* help = narrow.find(Role::button, "Help now");
  const auto* exit = narrow.find(Role::button, "Quick exit");
  REQUIRE(help);
  REQUIRE(exit);
  REQUIRE(help->rect.y + help->rect.h <= exit->rect.y);  // two rows
  CHECK(bar_buttons(narrow) == std::vector<std::string>{"Help now", "Quick exit"});
}

TEST_CASE("a number that no more typing can put right shows its message while typing, said once with its box's name") {
  test::Harness h("#/plan-section/care_plan.coordinator");
  const auto& content = *h.app.state().content;
  const std::string phone = content.plans.fields.at("care_plan.coordinator.phone").label;
  h.type(Role::text_input, phone, "0909 879 0000");
  REQUIRE(h.editing() == h.find(Role::text_input, phone)->id);  // still typing
  const std::string premium = content.str("plans.error.phone_premium");
  const auto* message = h.find(Role::text, premium);
  REQUIRE(message);
  CHECK(h.find(Role::text_input, phone)->invalid);
  CHECK(h.find(Role::text_input, phone)->described_by.front() == message->id);
  CHECK(message->live == phone + ": " + premium);
}

TEST_CASE("a number that may be unfinished waits until the box is left, then shows and is said") {
  test::Harness h("#/plan-section/crisis_plan.people");
  const auto& content = *h.app.state().content;
  h.tap(Role::button, content.plans.fields.at("crisis_plan.people").add);
  const std::string phone = people_item(h, "contact.phone");
  h.type(Role::text_input, phone, "0770 090012");  // one digit short
  const std::string wrong = content.str("plans.error.phone");
  CHECK_FALSE(h.find(Role::text, wrong));
  CHECK_FALSE(h.find(Role::text_input, phone)->invalid);
  h.leave_field();
  const auto* message = h.find(Role::text, wrong);
  REQUIRE(message);
  CHECK(message->live == phone + ": " + wrong);
  CHECK(h.find(Role::text_input, phone)->invalid);
  // A letter in it: no typing puts that right, so it shows at once.
  h.type(Role::text_input, phone, "x");
  CHECK(h.find(Role::text, wrong));
}

TEST_CASE("after Add a person, the keyboard goes to the new person's first box") {
  test::Harness h("#/plan-section/crisis_plan.people");
  const auto& content = *h.app.state().content;
  const std::string add = content.plans.fields.at("crisis_plan.people").add;
  h.tap(Role::button, add);
  const auto* name = h.find(Role::text_input, people_item(h, "contact.name"));
  REQUIRE(name);
  CHECK(h.editing() == name->id);
  CHECK(h.app.state().plans.focus_box.empty());  // once: it does not pull focus back later
  h.leave_field();
  CHECK(h.editing() == 0);
  // An example added as a new item is written already: focus stays where the person tapped.
  test::Harness signs("#/plan-section/crisis_plan.warning_signs");
  const auto& field = content.plans.fields.at("crisis_plan.warning_signs");
  signs.tap(Role::button, content.format("plans.ui.use_example", {{"example", field.examples[0]}}));
  CHECK(signs.editing() == 0);
}

TEST_CASE("a section of one field does not repeat its heading; a section of several names each") {
  test::Harness goals("#/plan-section/care_plan.goals");
  const auto& content = *goals.app.state().content;
  const std::string title = content.plans.sections.at("care_plan.goals").title;
  CHECK(goals.tree().all(Role::heading).size() == 1);  // the screen's own heading only
  CHECK(goals.find(Role::heading, title)->level == 1);

  test::Harness response("#/plan-section/crisis_plan.service_response");
  const std::string label = content.plans.fields.at("crisis_plan.service_response").label;
  const auto* box = response.find(Role::text_area, label);
  REQUIRE(box);  // still named by its label
  // Its label is not drawn again under the heading: the hint follows the heading's prompt.
  CHECK(response.tree().all(Role::heading).size() == 1);

  test::Harness what_helps("#/plan-section/crisis_plan.what_helps");
  CHECK(what_helps.find(Role::heading, content.plans.fields.at("crisis_plan.helped_before").label));
  CHECK(what_helps.find(Role::heading, content.plans.fields.at("crisis_plan.not_helped").label));
}

TEST_CASE("other people's numbers and emails are never filled with the person's own; passphrases are for a manager") {
  test::Harness h("#/plan-section/care_plan.coordinator");
  for (const auto* field : h.tree().all(Role::text_input)) {
    CAPTURE(field->name);
    CHECK(field->autofill == "off");
  }
  test::Harness lock("#/lock");
  const auto& content = *lock.app.state().content;
  const auto* fresh = lock.find(Role::text_input, content.str("plans.lock.new_label"));
  const auto* repeat = lock.find(Role::text_input, content.str("plans.lock.repeat_label"));
  REQUIRE(fresh);
  REQUIRE(repeat);
  CHECK(fresh->input_type == "password");
  CHECK(fresh->autofill == "new-password");
  CHECK(repeat->autofill == "new-password");
}

TEST_CASE("the passphrase boxes are in a form whose button submits it (Enter presses it)") {
  test::Harness h("#/lock");
  const auto& content = *h.app.state().content;
  const auto forms = h.tree().all(Role::form);
  REQUIRE(forms.size() == 1);
  const auto* fresh = h.find(Role::text_input, content.str("plans.lock.new_label"));
  const auto* set = h.find(Role::button, content.str("plans.lock.set_button"));
  REQUIRE(set);
  CHECK(fresh->parent == forms.front()->id);
  CHECK(set->parent == forms.front()->id);
  CHECK(set->submit);
  for (const auto& n : h.tree().nodes)
    if (n.role == Role::button && n.id != set->id) CHECK_FALSE(n.submit);
}

TEST_CASE("Delete everything says it is done, once the device has removed the plans") {
  test::Harness h;
  h.app.dispatch(core::PlanEditField{"care_plan.coordinator.name", "Sam"});
  h.tap(Role::button, "Your data and settings");
  const auto& content = *h.app.state().content;
  h.tap(Role::button, content.str("data.delete"));
  h.tap(Role::button, content.str("data.delete_yes"));
  CHECK_FALSE(h.find(Role::text, content.str("data.deleted")));  // not before it is true
  h.app.dispatch(core::PlansDeleted{{}});
  h.settle();
  const auto* done = h.find(Role::text, content.str("data.deleted"));
  REQUIRE(done);
  CHECK(done->rect.y < h.find(Role::button, content.str("data.delete"))->rect.y);
  REQUIRE_FALSE(h.platform.announcements.empty());
  CHECK(h.platform.announcements.back() == content.str("data.deleted"));
  CHECK(h.platform.urgent_announcements.empty());
  // Written in since: no longer news.
  h.app.dispatch(core::PlanEditField{"care_plan.coordinator.name", "Jo"});
  h.settle();
  CHECK_FALSE(h.find(Role::text, content.str("data.deleted")));
}

TEST_CASE("a failed delete is said at once: the plans may still be on the device") {
  test::Harness h("#/your-data");
  h.app.dispatch(core::PlansDeleted{{"records"}});
  h.settle();
  const auto words = test::said(h, h.app.state().plans.delete_message);
  CHECK(h.find(Role::text, words));
  REQUIRE_FALSE(h.platform.urgent_announcements.empty());
  CHECK(h.platform.urgent_announcements.back() == words);
}
