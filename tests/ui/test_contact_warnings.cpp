// A person's own contact that looks like a checked national line but is not: a "Samaritans" with
// Samaritans' old 0845 number, or with a mobile.  The warning with the checked number is on the
// screen as text (what a screen reader reads) on Help now, in the plan form and in a carer's view.
#include "core/plans/records/records_store.hpp"
#include "core/share/share_codec.hpp"
#include "harness.hpp"
#include "../unit/stored_samples.hpp"

using namespace cpa;
using ui::Role;

namespace {

// What the person will be told: the checked number comes from content, never from the contact.
std::string samaritans_warning(const test::Harness& h) {
  const auto& content = *h.app.state().content;
  return content.format("contacts.not_service_number",
                        {{"service", "Samaritans"}, {"number", content.crisis_line("samaritans")->number}});
}

// A plan already on the device, with one contact in "People I respond to best".
void store_contact(test::Harness& h, const char* name, const char* stored_phone) {
  core::Records records;
  records.crisis_plan.people.push_back(core::Contact{name, "", stored_phone, ""});
  h.app.dispatch(test::stored_plans(core::store_record(records, "2026-11-23T10:00:00Z"), ""));
  h.settle();
}

bool any_link_to(const test::Harness& h, const std::string& part) {
  for (const auto* link : h.tree().all(Role::link))
    if (link->href.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Help now: a Samaritans contact with 0845 790 9090 shows the warning and the number as text, no call") {
  test::Harness h("#/help-now");
  store_contact(h, "Samaritans", "+448457909090");  // as a plan saved before the rule holds it
  const auto* warning = h.find(Role::text, samaritans_warning(h));
  REQUIRE(warning != nullptr);
  CHECK(h.find(Role::text, "0845 790 9090") != nullptr);
  CHECK_FALSE(any_link_to(h, "845"));
  // The checked Samaritans line is still there, above the person's own entries.
  const auto* checked = h.find(Role::link, "Call 116 123");
  REQUIRE(checked != nullptr);
  CHECK(checked->rect.y < warning->rect.y);
}

TEST_CASE("Help now: a Samaritans contact with a mobile number is warned before its call button") {
  test::Harness h("#/help-now");
  store_contact(h, "Samaritans", "+447700900123");
  const auto* warning = h.find(Role::text, samaritans_warning(h));
  REQUIRE(warning != nullptr);
  const auto* call = h.find(Role::link, "Call Samaritans on 07700 900123");
  REQUIRE(call != nullptr);  // the person's own choice stays callable
  CHECK(warning->rect.y < call->rect.y);
}

TEST_CASE("the plan form: typing a Samaritans contact with 0845 790 9090 or a mobile shows the warning, keeps it") {
  for (const char* typed : {"0845 790 9090", "07700 900123"}) {
    CAPTURE(typed);
    test::Harness h("#/plan-section/crisis_plan.people");
    const auto& words = h.app.state().content->plans;
    h.tap(Role::button, words.fields.at("crisis_plan.people").add);
    h.type(Role::text_input, words.items.at("contact.name").label, "Samaritans");
    h.type(Role::text_input, words.items.at("contact.phone").label, typed);
    h.leave_field();
    const auto* warning = h.find(Role::text, samaritans_warning(h));
    REQUIRE(warning != nullptr);
    const auto* phone = h.find(Role::text_input, words.items.at("contact.phone").label);
    REQUIRE(phone != nullptr);
    CHECK(phone->rect.y < warning->rect.y);                                           // next to the number, after it
    CHECK_FALSE(h.app.state().plans.records.crisis_plan.people.at(0).phone.empty());  // kept and saved
    REQUIRE_FALSE(h.platform.saved_records.empty());
  }
}

TEST_CASE("the plan form: the real Samaritans number, or a person called Sam, shows no warning") {
  test::Harness h("#/plan-section/crisis_plan.people");
  const auto& words = h.app.state().content->plans;
  h.tap(Role::button, words.fields.at("crisis_plan.people").add);
  h.type(Role::text_input, words.items.at("contact.name").label, "Samaritans");
  h.type(Role::text_input, words.items.at("contact.phone").label, "116 123");
  h.leave_field();
  CHECK(h.find(Role::text, samaritans_warning(h)) == nullptr);
  h.app.dispatch(core::PlanEditItem{"crisis_plan.people", 0, "name", "Sam"});
  h.app.dispatch(core::PlanEditItem{"crisis_plan.people", 0, "phone", "07700 900123"});
  h.settle();
  CHECK(h.find(Role::text, samaritans_warning(h)) == nullptr);
}

TEST_CASE("a carer's view of a hand-made link with a forged Samaritans contact shows the warning") {
  const std::string payload =
      R"({"v":1,"d":"2026-11-23","f":{"crisis_plan.people":[["Samaritans","","0845 790 9090",""]]}})";
  test::Harness h(core::share_link("", 0, core::base64url_encode(payload)));
  REQUIRE(h.app.state().route() == core::Route{core::Screen::shared, {}});
  CHECK(h.find(Role::text, samaritans_warning(h)) != nullptr);
  CHECK_FALSE(any_link_to(h, "845"));
}
