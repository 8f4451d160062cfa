#include "core/help_now.hpp"

#include <algorithm>

#include "core/eligibility.hpp"
#include "core/records.hpp"

namespace cpa::core {
namespace {

bool serves(const CrisisLine& line, std::string_view nation) {
  return std::find(line.nations.begin(), line.nations.end(), nation) != line.nations.end();
}

// "England", "England and Wales", "England, Wales and Scotland": nation names from eligibility.json.
std::string nation_names(const Content& content, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    const Nation* nation = content.eligibility ? content.eligibility->nation(id) : nullptr;
    names.push_back(nation ? nation->name : id);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? content.str("help_now.and") : ", ";
    out += names[i];
  }
  return out;
}

std::size_t nation_count(const Content& content) { return content.eligibility ? content.eligibility->nations.size() : 0; }

bool uk_wide(const Content& content, const CrisisLine& line) { return line.nations.size() >= nation_count(content); }

// Lines serving the same set of nations, one group each ("In Scotland"), in content order.
void add_nation_groups(const Content& content, std::string_view skip_nation, std::vector<CrisisLineGroup>& groups) {
  std::vector<std::vector<std::string>> keys;
  std::vector<CrisisLineGroup> more;
  for (const auto& line : content.crisis_lines) {
    if (line.local || uk_wide(content, line) || serves(line, skip_nation)) continue;
    const auto it = std::find(keys.begin(), keys.end(), line.nations);
    if (it == keys.end()) {
      keys.push_back(line.nations);
      more.push_back({content.format("help_now.in_nations", {{"nations", nation_names(content, line.nations)}}), {}});
    }
    more[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), line.nations) - keys.begin())].lines.push_back(&line);
  }
  groups.insert(groups.end(), more.begin(), more.end());
}

PersonalContact personal_contact(const Content& content, const Contact& contact) {
  PersonalContact out;
  out.name = contact.name;
  out.relationship = contact.relationship;
  out.when = contact.when;
  out.href = value_href(FieldKind::phone, contact.phone);
  out.number = display_value(FieldKind::phone, contact.phone);
  if (!out.href.empty())
    out.label = contact.name.empty()
                    ? content.format("help_now.call", {{"number", out.number}})
                    : content.format("help_now.call_person", {{"name", contact.name}, {"number", out.number}});
  return out;
}

void add_contacts(const Content& content, const std::vector<Contact>& contacts, std::vector<PersonalContact>& out) {
  for (const auto& c : contacts) {
    auto contact = personal_contact(content, c);
    if (contact.name.empty() && contact.href.empty()) continue;  // nothing to show or call
    out.push_back(std::move(contact));
  }
}

}  // namespace

std::vector<CrisisLineGroup> help_now_line_groups(const Content& content, std::string_view nation) {
  const bool known = content.eligibility && content.eligibility->nation(nation);
  std::vector<CrisisLineGroup> groups{{known ? std::string() : content.str("help_now.anywhere"), {}}};
  for (const auto& line : content.crisis_lines)
    if (!line.local && (uk_wide(content, line) || (known && serves(line, nation)))) groups.front().lines.push_back(&line);
  add_nation_groups(content, known ? nation : std::string_view{}, groups);
  return groups;
}

std::string help_now_nation(const Content& content, const EligibilityState& eligibility) {
  return eligibility.nation.empty() ? content.deployment.nation : eligibility.nation;
}

std::vector<const CrisisLine*> local_crisis_lines(const Content& content) {
  std::vector<const CrisisLine*> out;
  for (const auto& line : content.crisis_lines)
    if (line.local) out.push_back(&line);
  return out;
}

std::vector<PersonalSection> help_now_personal(const Content& content, const PlansState& plans) {
  const auto& records = plans.store == StoreStatus::damaged ? plans.previous_records : plans.records;
  const auto& care = records.care_plan;
  const auto& crisis = records.crisis_plan;
  std::vector<Contact> team;
  if (!care.team.out_of_hours_phone.empty())
    team.push_back({care.team.name.empty() ? content.str("help_now.out_of_hours")
                                           : content.format("help_now.team_out_of_hours", {{"team", care.team.name}}),
                    {}, care.team.out_of_hours_phone, {}});
  team.insert(team.end(), crisis.out_of_hours.begin(), crisis.out_of_hours.end());
  if (!care.team.phone.empty())
    team.push_back({care.team.name.empty() ? content.str("help_now.my_team") : care.team.name, {}, care.team.phone,
                    care.coordinator.hours});
  if (!care.coordinator.phone.empty())
    team.push_back({care.coordinator.name.empty() ? content.str("help_now.my_coordinator") : care.coordinator.name,
                    care.coordinator.role, care.coordinator.phone, care.coordinator.hours});
  team.insert(team.end(), crisis.in_hours.begin(), crisis.in_hours.end());

  std::vector<PersonalSection> out;
  PersonalSection team_section{content.str("help_now.my_team_heading"), {}, {}};
  add_contacts(content, team, team_section.contacts);
  if (!team_section.contacts.empty()) out.push_back(std::move(team_section));
  PersonalSection people{content.str("help_now.my_people_heading"), {}, {}};
  add_contacts(content, crisis.people, people.contacts);
  if (!people.contacts.empty()) out.push_back(std::move(people));
  if (!crisis.self_help.empty()) out.push_back({content.str("help_now.my_self_help_heading"), {}, crisis.self_help});
  return out;
}

}  // namespace cpa::core
