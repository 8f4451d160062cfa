// Help now's choices, made in core: which crisis lines under which heading for each nation, and
// which of the person's own contacts in what order.  The screen and the plain page draw these.
#include <doctest/doctest.h>

#include <algorithm>

#include "real_content.hpp"
#include "core/help_now/help_now.hpp"
#include "records_samples.hpp"

using namespace cpa;

namespace {

std::vector<std::string> ids(const core::CrisisLineGroup& group) {
  std::vector<std::string> out;
  for (const auto* line : group.lines) out.push_back(line->id);
  return out;
}

}  // namespace

TEST_CASE("Help now, nation not known: UK-wide lines first, then each nation's own under its name") {
  const auto groups = core::help_now_line_groups(test::real_content(), "");
  REQUIRE(groups.size() == 5);
  CHECK(groups[0].heading == "Anywhere in the UK");
  CHECK(ids(groups[0]) == std::vector<std::string>{"emergency", "samaritans", "shout"});
  CHECK(groups[1].heading == "In England");
  CHECK(ids(groups[1]) == std::vector<std::string>{"nhs-111-england"});
  CHECK(groups[2].heading == "In Wales");
  CHECK(ids(groups[2]) == std::vector<std::string>{"nhs-111-wales"});
  CHECK(groups[3].heading == "In Scotland");
  CHECK(ids(groups[3]) == std::vector<std::string>{"nhs-24-scotland", "breathing-space"});
  CHECK(groups[4].heading == "In Northern Ireland");
  CHECK(ids(groups[4]) == std::vector<std::string>{"lifeline-northern-ireland"});
}

TEST_CASE("Help now, nation known: its own lines come first with the UK-wide ones, 999 at the top") {
  const std::map<std::string, std::vector<std::string>> first = {
      {"england", {"emergency", "nhs-111-england", "samaritans", "shout"}},
      {"wales", {"emergency", "nhs-111-wales", "samaritans", "shout"}},
      {"scotland", {"emergency", "nhs-24-scotland", "samaritans", "shout", "breathing-space"}},
      {"northern-ireland", {"emergency", "lifeline-northern-ireland", "samaritans", "shout"}}};
  for (const auto& entry : first) {
    const std::string nation = entry.first;
    const auto& expected = entry.second;
    CAPTURE(nation);
    const auto groups = core::help_now_line_groups(test::real_content(), nation);
    REQUIRE(groups.size() == 4);  // this nation, then the three others
    CHECK(groups[0].heading.empty());
    CHECK(ids(groups[0]) == expected);
    for (std::size_t i = 1; i < groups.size(); ++i) {
      CHECK(groups[i].heading.rfind("In ", 0) == 0);
      for (const auto* line : groups[i].lines)
        CHECK(std::find(line->nations.begin(), line->nations.end(), nation) == line->nations.end());
    }
  }
}

TEST_CASE("every national line appears exactly once on Help now, whatever the nation") {
  for (const char* nation : {"", "england", "wales", "scotland", "northern-ireland", "atlantis"}) {
    CAPTURE(nation);
    std::vector<std::string> shown;
    for (const auto& group : core::help_now_line_groups(test::real_content(), nation))
      for (const auto* line : group.lines) shown.push_back(line->id);
    CHECK(shown.size() == test::real_content().crisis_lines.size());
    for (const auto& line : test::real_content().crisis_lines)
      CHECK(std::count(shown.begin(), shown.end(), line.id) == 1);
  }
}

TEST_CASE(
    "the person's own contacts: team out of hours first, then team, co-ordinator, in hours; then people; then what helps") {
  core::PlansState plans;
  plans.store = core::StoreStatus::ok;
  plans.records = test::sample_records();
  const auto sections = core::help_now_personal(test::real_content(), plans);
  REQUIRE(sections.size() == 3);
  CHECK(sections[0].heading == "My care team");
  std::vector<std::string> labels;
  for (const auto& c : sections[0].contacts) labels.push_back(c.label);
  CHECK(labels == std::vector<std::string>{"Call Riverside community mental health team, out of hours on 0121 496 0000",
                                           "Call Crisis team on 0800 123 4567", "Call Samaritans on 116 123",
                                           "Call Riverside community mental health team on 020 7946 0000",
                                           "Call Priya Shah on 07700 900123",
                                           "Call Priya (care co-ordinator) on 07700 900123"});
  CHECK(sections[0].contacts[0].href == "tel:+441214960000");
  CHECK(sections[1].heading == "People I can call");
  REQUIRE(sections[1].contacts.size() == 1);
  CHECK(sections[1].contacts[0].relationship == "My sister");
  CHECK(sections[2].heading == "Things that help me");
  CHECK(sections[2].items == std::vector<std::string>{"Walk the dog, even a short way"});
}

TEST_CASE("a damaged latest save still shows the last good copy's contacts; an empty plan shows none") {
  core::PlansState plans;
  plans.store = core::StoreStatus::damaged;
  plans.previous_records = test::sample_records();
  CHECK(core::help_now_personal(test::real_content(), plans).size() == 3);
  plans.store = core::StoreStatus::ok;
  plans.records = {};
  CHECK(core::help_now_personal(test::real_content(), plans).empty());
}

TEST_CASE("a contact with neither a name nor a valid number is left out; a bad number gets no call link") {
  core::PlansState plans;
  plans.store = core::StoreStatus::ok;
  core::add_item(plans.records, "crisis_plan.people", "name", "");
  core::add_item(plans.records, "crisis_plan.people", "name", "Jo");
  core::set_item(plans.records, "crisis_plan.people", 1, "phone", "not a number");
  const auto sections = core::help_now_personal(test::real_content(), plans);
  REQUIRE(sections.size() == 1);
  REQUIRE(sections[0].contacts.size() == 1);
  CHECK(sections[0].contacts[0].name == "Jo");
  CHECK(sections[0].contacts[0].href.empty());
  CHECK(sections[0].contacts[0].label.empty());
}
