// A contact that looks like a checked national line but is not (a forged "Samaritans", an old
// 0845 number) carries one warning from core, the same in every place the contact shows: Help
// now's own contacts, the plan form, the shared plan and its printed card.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/help_now/help_now.hpp"
#include "core/plans/plan_view.hpp"
#include "core/share/share.hpp"
#include "core/lock/store_lock.hpp"
#include "real_content.hpp"
#include "records_samples.hpp"

using namespace cpa;

namespace {

std::string samaritans_number() { return test::real_content().crisis_line("samaritans")->number; }

core::PlansState plans_with_people(const std::vector<std::pair<const char*, const char*>>& people) {
  core::PlansState plans;
  plans.store = core::StoreStatus::ok;
  for (std::size_t i = 0; i < people.size(); ++i) {
    core::add_item(plans.records, "crisis_plan.people", "name", people[i].first);
    core::set_item(plans.records, "crisis_plan.people", i, "phone", people[i].second);
  }
  return plans;
}

const std::vector<core::PersonalContact>& people_on_help_now(const std::vector<core::PersonalSection>& sections) {
  REQUIRE_FALSE(sections.empty());
  return sections.front().contacts;
}

// A link's payload as a forger would write it by hand, not as the app makes one.
core::SharedPlan forged(const char* people_json) {
  const auto plan = core::read_share_payload(std::string(R"({"v":1,"d":"2026-11-23","f":{"crisis_plan.people":)") +
                                             people_json + "}}");
  REQUIRE(plan.has_value());
  return *plan;
}

}  // namespace

TEST_CASE("help_now_personal: a forged Samaritans contact is warned, still callable, next to the real ones") {
  const auto plans = plans_with_people(
      {{"Samaritans", "07700 900123"}, {"Samaritans", "116 123"}, {"Sam", "07700 900456"}, {"Sams", "0845 790 9090"}});
  const auto sections = core::help_now_personal(test::real_content(), plans);
  const auto& people = people_on_help_now(sections);
  REQUIRE(people.size() == 4);
  CHECK(people[0].warning.text ==
        "This is not the number for Samaritans. The number for Samaritans is " + samaritans_number() + ".");
  CHECK(people[0].warning.service_id == "samaritans");
  CHECK(people[0].href == "tel:+447700900123");  // the person's own choice: kept and callable, but warned
  CHECK_FALSE(people[1].warning.shown());        // the real number
  CHECK_FALSE(people[2].warning.shown());        // a person called Sam
  CHECK(people[3].warning.service_id == "samaritans");
  CHECK(people[3].href.empty());
  CHECK(people[3].number == "0845 790 9090");
}

TEST_CASE("help_now_personal: an old stored 0845 number is kept, shown as text with its reason, never linked") {
  core::PlansState plans;
  plans.store = core::StoreStatus::ok;
  // As a plan saved before the rule holds it: the number in the normal form the app stored then.
  core::Contact old{"", "", "+448457909090", ""};
  plans.records.crisis_plan.people.push_back(old);
  plans.records.care_plan.team.out_of_hours_phone = "+448451234567";
  const auto sections = core::help_now_personal(test::real_content(), plans);
  REQUIRE(sections.size() == 2);
  const auto& team = sections[0].contacts;
  REQUIRE(team.size() == 1);
  CHECK(team[0].number == "0845 123 4567");
  CHECK(team[0].href.empty());
  CHECK(team[0].warning.text == test::real_content().str("plans.error.phone_service"));
  const auto& people = sections[1].contacts;
  REQUIRE(people.size() == 1);  // no name, but still shown: the number is never lost
  CHECK(people[0].number == "0845 790 9090");
  CHECK(people[0].href.empty());
  CHECK(people[0].label.empty());
  CHECK(people[0].warning.text.find(samaritans_number()) != std::string::npos);
  CHECK(plans.records.crisis_plan.people[0].phone == "+448457909090");  // the record itself is untouched
}

TEST_CASE("help_now_personal: the sample plan, with Samaritans on 116 123, has no warnings") {
  core::PlansState plans;
  plans.store = core::StoreStatus::ok;
  plans.records = test::sample_records();
  for (const auto& section : core::help_now_personal(test::real_content(), plans))
    for (const auto& contact : section.contacts) {
      CAPTURE(contact.name);
      CHECK_FALSE(contact.warning.shown());
    }
}

TEST_CASE("the plan form shows the warning next to the number, and the number is kept") {
  auto plans = plans_with_people({{"Samaritans", "0845 790 9090"}, {"Mum", "07700 900123"}});
  const auto* section = core::find_section("crisis_plan.people");
  REQUIRE(section);
  const auto view = core::section_view(test::real_content(), plans, *section);
  REQUIRE(view.fields.size() == 1);
  REQUIRE(view.fields[0].items.size() == 2);
  const auto phone_box = [&](std::size_t item) {
    const auto& boxes = view.fields[0].items[item].boxes;
    return *std::find_if(boxes.begin(), boxes.end(), [](const core::BoxView& b) { return b.id == "phone"; });
  };
  CHECK(phone_box(0).warning.find(samaritans_number()) != std::string::npos);
  CHECK(phone_box(0).value == "0845 790 9090");
  CHECK(plans.records.crisis_plan.people[0].phone == "0845 790 9090");  // a warning, not a refusal to keep it
  CHECK(phone_box(1).warning.empty());
}

TEST_CASE("a forged link's Samaritans contact is warned in the carer's view and on the printed card") {
  const auto& content = test::real_content();
  for (const char* people : {R"([["Samaritans","","0845 790 9090",""]])", R"([["Samaritans","","07700 900123",""]])",
                             R"([["Samaritans","","0909 879 0000",""]])"}) {
    CAPTURE(people);
    const auto view = core::shared_plan_view(content, forged(people));
    REQUIRE(view.sections.size() == 1);
    const auto& contact = view.sections[0].groups.at(0).contacts.at(0);
    CHECK(contact.warning.service_id == "samaritans");
    CHECK(contact.warning.number == samaritans_number());
    const std::string card = core::share_card_html(content, view);
    CHECK(card.find("<strong>" + contact.warning.text + "</strong>") != std::string::npos);
  }
}

TEST_CASE("the card links only numbers the app calls; a refused one is plain text") {
  const auto& content = test::real_content();
  const auto view = core::shared_plan_view(
      content, forged(R"([["Asha","My sister","07700 900456",""],["Premium","","0909 879 0000",""]])"));
  const std::string card = core::share_card_html(content, view);
  CHECK(card.find("<a href=\"tel:+447700900456\">07700 900456</a>") != std::string::npos);
  CHECK(card.find("0909 879 0000") != std::string::npos);
  CHECK(card.find("tel:0909") == std::string::npos);
  CHECK(card.find("tel:+44909") == std::string::npos);
  CHECK(card.find("href=\"\"") == std::string::npos);  // no empty link
  CHECK(card.find(content.str("plans.error.phone_premium")) != std::string::npos);
}

TEST_CASE("Help now and the shared plan prepare a contact the same way") {
  const auto& content = test::real_content();
  const core::Contact contact{"Samaritans", "Helpline", "07700 900123", "At night"};
  const auto shown = core::personal_contact(content, contact);
  const auto view = core::shared_plan_view(content, forged(R"([["Samaritans","Helpline","07700 900123","At night"]])"));
  const auto& shared = view.sections.at(0).groups.at(0).contacts.at(0);
  CHECK(shared.name == shown.name);
  CHECK(shared.number == shown.number);
  CHECK(shared.href == shown.href);
  CHECK(shared.label == shown.label);
  CHECK(shared.warning.text == shown.warning.text);
}

TEST_CASE("the plain fallback page's copy of the contacts carries the same warning") {
  const auto plans = plans_with_people({{"Samaritans", "07700 900123"}, {"Asha", "18001 07700 900456"}});
  const auto view = core::open_fallback_record(core::fallback_record(test::real_content(), plans, false));
  REQUIRE(view.has_value());
  const auto& people = view->sections.at(0).contacts;
  REQUIRE(people.size() == 2);
  CHECK(people[0].warning.text.find(samaritans_number()) != std::string::npos);
  CHECK_FALSE(people[1].warning.shown());
  CHECK(people[1].href == "tel:1800107700900456");  // 16 digits: shell/loader.js links up to 16
}
