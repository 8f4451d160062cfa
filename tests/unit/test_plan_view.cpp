// What the plan screens show, prepared in core: the overview's cards and counts, a section's
// boxes, lists, messages, call links and examples, the save line, and when the review nudge shows.
#include <doctest/doctest.h>

#include "real_content.hpp"
#include "core/plans/plan_view.hpp"
#include "core/state.hpp"
#include "records_samples.hpp"

using namespace cpa;

namespace {

// The app's state with an empty store loaded, changed through actions as the screens change it.
struct PlanViewApp {
  core::State state;
  PlanViewApp() {
    state.content = test::real_content_ptr();
    act(core::PlansClock{"2026-11-23T10:15:00Z", "2026-11-23"});
    core::update(state, core::PlansStoreLoaded{"", ""});
  }
  void act(const core::PlansAction& action) {
    std::visit([&](const auto& a) { core::update(state, a); }, action);
  }
  core::SectionView section(const char* id) const {
    return core::section_view(*state.content, state.plans, *core::find_section(id));
  }
};

const core::FieldView& field(const core::SectionView& section, const std::string& id) {
  for (const auto& f : section.fields)
    if (f.id == id) return f;
  FAIL("no field " << id);
  return section.fields.front();
}

}  // namespace

TEST_CASE("things written: a filled-in box counts one, a list counts its items") {
  const auto records = test::sample_records();
  CHECK(core::things_written(records, "care_plan") == 16);
  CHECK(core::things_written(records, "crisis_plan") == 14);
  CHECK(core::things_written(core::Records{}, "care_plan") == 0);
  const auto& c = *test::real_content_ptr();
  CHECK(core::section_summary(c, records, *core::find_section("care_plan.gp")) == "3 things written");
  CHECK(core::section_summary(c, records, *core::find_section("care_plan.goals")) == "1 thing written");
  CHECK(core::section_summary(c, core::Records{}, *core::find_section("care_plan.gp")) ==
        c.str("plans.ui.empty_section"));
}

TEST_CASE("a plan's overview: its title, intro and one card per section, in the schema's order") {
  core::PlansState plans;
  plans.records = test::sample_records();
  const auto& c = *test::real_content_ptr();
  const auto overview = core::plan_overview(c, plans, "crisis_plan");
  CHECK(overview.title == c.plans.plans.at("crisis_plan").title);
  CHECK(overview.intro == c.plans.plans.at("crisis_plan").intro);
  std::vector<std::string> ids;
  for (const auto& section : core::plan_sections())
    if (section.plan == "crisis_plan") ids.push_back(std::string(section.id));
  REQUIRE(overview.sections.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CHECK(overview.sections[i].section_id == ids[i]);
    CHECK(overview.sections[i].title == c.plans.sections.at(ids[i]).title);
  }
  CHECK(overview.sections.front().summary == "2 things written");  // two warning signs
}

TEST_CASE("a section's boxes: labels and prompts from plans.json, phones the UK way, dates as the picker wants") {
  PlanViewApp app;
  app.act(core::PlanEditField{"care_plan.coordinator.phone", "+44 (0)7700-900123"});
  app.act(core::PlanEditField{"care_plan.coordinator.email", "sam at nhs"});
  const auto view = app.section("care_plan.coordinator");
  const auto& c = *test::real_content_ptr();
  CHECK(view.title == c.plans.sections.at("care_plan.coordinator").title);
  CHECK(view.prompt == c.plans.sections.at("care_plan.coordinator").prompt);
  REQUIRE(view.fields.size() == core::find_section("care_plan.coordinator")->fields.size());
  const auto& phone = field(view, "care_plan.coordinator.phone").box;
  CHECK(phone.label == c.plans.field("care_plan.coordinator.phone")->label);
  CHECK(phone.prompt == c.plans.field("care_plan.coordinator.phone")->prompt);
  CHECK(phone.value == "07700 900123");
  CHECK(phone.message.empty());
  CHECK(phone.kind == core::FieldKind::phone);
  CHECK(field(view, "care_plan.coordinator.email").box.message == c.str("plans.error.email"));

  app.act(core::PlanEditField{"care_plan.next_review", "1/12/2026"});
  CHECK(field(app.section("care_plan.reviews"), "care_plan.next_review").box.value == "2026-12-01");
}

TEST_CASE("typing into a box hands back the edit for its field, or for its list item's part") {
  PlanViewApp app;
  const auto name = field(app.section("care_plan.gp"), "care_plan.gp.name").box;
  app.act(name.edited("Dr Ahmed"));
  CHECK(app.state.plans.records.care_plan.gp.name == "Dr Ahmed");

  app.act(core::PlanAddItem{"crisis_plan.people", "", ""});
  app.act(core::PlanAddItem{"care_plan.goals", "", ""});
  const auto person = field(app.section("crisis_plan.people"), "crisis_plan.people").items.at(0);
  REQUIRE(person.boxes.size() == 4);
  app.act(person.boxes[2].edited("07700 900456"));
  CHECK(app.state.plans.records.crisis_plan.people[0].phone == "+447700900456");
  const auto goal = field(app.section("care_plan.goals"), "care_plan.goals").items.at(0);
  REQUIRE(goal.boxes.size() == 1);
  app.act(goal.boxes[0].edited("Sleep better"));
  CHECK(app.state.plans.records.care_plan.goals == std::vector<std::string>{"Sleep better"});
}

TEST_CASE("a list: numbered items, a call link for a good number, Remove, Add until full") {
  PlanViewApp app;
  const auto& c = *test::real_content_ptr();
  app.act(core::PlanAddItem{"crisis_plan.people", "name", "Asha"});
  app.act(core::PlanEditItem{"crisis_plan.people", 0, "phone", "07700 900456"});
  app.act(core::PlanAddItem{"crisis_plan.people", "phone", "123"});
  const auto people = field(app.section("crisis_plan.people"), "crisis_plan.people");
  const auto& words = *c.plans.field("crisis_plan.people");
  CHECK(people.list);
  CHECK(people.label == words.label);
  CHECK(people.prompt == words.prompt);
  REQUIRE(people.items.size() == 2);
  const auto& first = people.items[0];
  CHECK(first.label == c.format("plans.ui.item_label", {{"label", words.label}, {"n", "1"}}));
  CHECK(first.own_panel);
  CHECK(first.boxes[0].label == c.plans.item("contact.name")->label);
  CHECK(first.boxes[2].value == "07700 900456");
  CHECK(first.boxes[2].call_href == "tel:+447700900456");
  CHECK(first.boxes[2].call_label == c.format("plans.ui.call", {{"number", "07700 900456"}}));
  CHECK(first.boxes[0].call_href.empty());
  CHECK(first.remove.name == c.format("plans.ui.remove_named", {{"item", first.label}}));
  const auto& second = people.items[1];
  CHECK(second.boxes[2].call_href.empty());
  CHECK(second.boxes[2].message == c.str("plans.error.phone"));
  REQUIRE(people.add);
  CHECK(people.add->name == words.add);
  CHECK(people.add->label == "+ " + words.add);

  app.act(people.items[0].remove.action);
  CHECK(app.state.plans.records.crisis_plan.people.size() == 1);

  for (std::size_t i = 0; i < core::kMaxListItems; ++i) app.act(core::PlanAddItem{"care_plan.goals", "", "g"});
  const auto goals = field(app.section("care_plan.goals"), "care_plan.goals");
  CHECK(goals.items.size() == core::kMaxListItems);
  CHECK_FALSE(goals.add);
  CHECK_FALSE(goals.items[0].own_panel);
  CHECK(goals.items[0].boxes[0].label == goals.items[0].label);
}

TEST_CASE("examples: offered until written down; picking one adds it to a list or a line to long text") {
  PlanViewApp app;
  const auto& c = *test::real_content_ptr();
  const auto& signs_words = *c.plans.field("crisis_plan.warning_signs");
  auto signs = field(app.section("crisis_plan.warning_signs"), "crisis_plan.warning_signs");
  CHECK(signs.examples.heading == c.str("plans.ui.examples"));
  REQUIRE(signs.examples.examples.size() == signs_words.examples.size());
  const auto first = signs.examples.examples.front();
  CHECK(first.label == signs_words.examples.front());
  CHECK(first.name == c.format("plans.ui.use_example", {{"example", first.label}}));
  app.act(first.action);
  CHECK(app.state.plans.records.crisis_plan.warning_signs == std::vector<std::string>{first.label});
  signs = field(app.section("crisis_plan.warning_signs"), "crisis_plan.warning_signs");
  CHECK(signs.examples.examples.size() == signs_words.examples.size() - 1);
  CHECK(signs.examples.examples.front().label != first.label);

  const auto pets_words = *c.plans.field("crisis_plan.practical.pets");
  app.act(core::PlanEditField{"crisis_plan.practical.pets", "Tom has a key."});
  const auto pets = field(app.section("crisis_plan.practical"), "crisis_plan.practical.pets");
  REQUIRE_FALSE(pets.examples.examples.empty());
  app.act(pets.examples.examples.front().action);
  CHECK(app.state.plans.records.crisis_plan.practical.pets == "Tom has a key.\n" + pets_words.examples.front());

  // Phones and short text offer none.
  CHECK(field(app.section("care_plan.gp"), "care_plan.gp.phone").examples.heading.empty());
}

TEST_CASE("the save line: a failed save first, then the store's news, another tab's, else all is well") {
  const auto& c = *test::real_content_ptr();
  core::PlansState plans;
  CHECK(core::save_status(c, plans).text == c.str("plans.ui.saved_as_you_go"));
  CHECK_FALSE(core::save_status(c, plans).notice);
  plans.other_tab_notice = core::Message{"plans.store.other_tab_updated"};
  CHECK(core::save_status(c, plans).text == c.str("plans.store.other_tab_updated"));
  CHECK_FALSE(core::save_status(c, plans).notice);
  plans.store_message = core::Message{"plans.store.unavailable"};
  CHECK(core::save_status(c, plans).text == c.str("plans.store.unavailable"));
  CHECK(core::save_status(c, plans).notice);
  CHECK(core::save_status(c, plans).title.empty());
  plans.save_error = core::Message{"plans.store.save_failed"};
  CHECK(core::save_status(c, plans).text == c.str("plans.store.save_failed"));
  CHECK(core::save_status(c, plans).title == c.str("plans.ui.not_saved_title"));
}

TEST_CASE("the review nudge: due soon or overdue with a calendar button; not set only for someone keeping a plan") {
  const auto& c = *test::real_content_ptr();
  core::PlansState plans;
  plans.today = "2026-11-23";
  plans.store = core::StoreStatus::ok;
  CHECK_FALSE(core::review_nudge(c, plans));  // a first visit: nothing written, nothing nudged

  core::set_field(plans.records, "care_plan.gp.name", "Dr Ahmed");
  auto nudge = core::review_nudge(c, plans);
  REQUIRE(nudge);
  CHECK_FALSE(nudge->offer_calendar);
  CHECK_FALSE(nudge->text.empty());

  core::set_field(plans.records, "care_plan.next_review", "2026-12-01");  // in 8 days
  nudge = core::review_nudge(c, plans);
  REQUIRE(nudge);
  CHECK(nudge->offer_calendar);
  core::set_field(plans.records, "care_plan.next_review", "2026-11-01");  // overdue
  REQUIRE(core::review_nudge(c, plans));
  CHECK(core::review_nudge(c, plans)->offer_calendar);
  core::set_field(plans.records, "care_plan.next_review", "2027-06-01");  // far off
  CHECK_FALSE(core::review_nudge(c, plans));

  core::set_field(plans.records, "care_plan.next_review", "2026-12-01");
  plans.store = core::StoreStatus::not_loaded;  // not known yet what is stored
  CHECK_FALSE(core::review_nudge(c, plans));
  plans.store = core::StoreStatus::ok;
  plans.today.clear();  // no clock yet
  CHECK_FALSE(core::review_nudge(c, plans));
}
