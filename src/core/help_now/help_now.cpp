#include "core/help_now/help_now.hpp"

#include <algorithm>

#include "core/eligibility/eligibility.hpp"
#include "core/plans/records/records.hpp"
#include "core/lock/store_lock.hpp"

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

std::size_t nation_count(const Content& content) {
  return content.eligibility ? content.eligibility->nations.size() : 0;
}

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
      more.push_back({content.format("help_now.in_nations", {{"nations", nation_names(content, line.nations)}}),
                      {},
                      line.nations});
    }
    more[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), line.nations) - keys.begin())].lines.push_back(
        &line);
  }
  groups.insert(groups.end(), more.begin(), more.end());
}

void add_contacts(const Content& content, const std::vector<Contact>& contacts, std::vector<PersonalContact>& out) {
  for (const auto& c : contacts) {
    auto contact = personal_contact(content, c);
    // Nothing to show or call (a number still being typed); a number the app will not call is
    // still shown, as text with its reason.
    if (contact.name.empty() && contact.href.empty() && !contact.warning.shown()) continue;
    out.push_back(std::move(contact));
  }
}

// The person's care team on Help now, in the order someone in crisis needs them: out of hours
// first, then the team, the care co-ordinator and in-hours contacts.  Each entry is a field of
// the records schema: a contact list is shown as it is; a phone number becomes a contact named
// by its name field (or, blank, by the fallback words).
struct TeamContact {
  std::string_view field;        // a contact_list, or a phone field
  std::string_view name_field;   // phone: who it reaches
  std::string_view unnamed_key;  // phone: strings key when the name is blank
  std::string_view named_key;    // phone: strings key with {team}; "" to use the name as it is
  std::string_view role_field;   // phone: shown as the relationship
  std::string_view when_field;   // phone: when to call
};
constexpr TeamContact kTeamContacts[] = {
    {"care_plan.team.out_of_hours_phone", "care_plan.team.name", "help_now.out_of_hours", "help_now.team_out_of_hours",
     "", ""},
    {"crisis_plan.out_of_hours", "", "", "", "", ""},
    {"care_plan.team.phone", "care_plan.team.name", "help_now.my_team", "", "", "care_plan.coordinator.hours"},
    {"care_plan.coordinator.phone", "care_plan.coordinator.name", "help_now.my_coordinator", "",
     "care_plan.coordinator.role", "care_plan.coordinator.hours"},
    {"crisis_plan.in_hours", "", "", "", "", ""},
};
constexpr std::string_view kPeopleField = "crisis_plan.people";
constexpr std::string_view kSelfHelpField = "crisis_plan.self_help";

void add_team_contacts(const Content& content, const Records& records, const TeamContact& entry,
                       std::vector<Contact>& team) {
  const FieldSpec* field = find_field(entry.field);
  if (!field) return;
  if (field->kind == FieldKind::contact_list) {
    const auto& contacts = contact_list(records, entry.field);
    team.insert(team.end(), contacts.begin(), contacts.end());
    return;
  }
  const std::string& phone = field_text(records, entry.field);
  if (phone.empty()) return;
  const std::string& name = field_text(records, entry.name_field);
  std::string shown_name = name.empty()              ? content.str(entry.unnamed_key)
                           : entry.named_key.empty() ? name
                                                     : content.format(entry.named_key, {{"team", name}});
  team.push_back(
      {std::move(shown_name), field_text(records, entry.role_field), phone, field_text(records, entry.when_field)});
}

}  // namespace

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
  out.warning = contact_warning(content, contact.name, contact.phone);
  return out;
}

std::vector<CrisisLineGroup> help_now_line_groups(const Content& content, std::string_view nation) {
  const bool known = content.eligibility && content.eligibility->nation(nation);
  std::vector<CrisisLineGroup> groups{{known ? std::string() : content.str("help_now.anywhere"), {}, {}}};
  for (const auto& line : content.crisis_lines)
    if (!line.local && (uk_wide(content, line) || (known && serves(line, nation))))
      groups.front().lines.push_back(&line);
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

namespace {
// A call or text link as the plain page accepts one from the fallback record: anything else is
// shown as words.  16 digits: a text relay prefix (18001) before an 11-digit number.
bool fallback_href_ok(std::string_view href) {
  if (!href.starts_with("tel:") && !href.starts_with("sms:")) return false;
  href.remove_prefix(4);
  if (href.starts_with('+')) href.remove_prefix(1);
  return href.size() >= 3 && href.size() <= 16 &&
         std::all_of(href.begin(), href.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Plans saved by a newer release that this one cannot read: the record the app keeps for the
// plain page (written by that release, in the form every release reads) still holds the
// person's own contacts, worded as Help now shows them.
std::vector<PersonalSection> from_fallback_record(const PlansState& plans) {
  auto view = open_fallback_record(plans.stored_fallback);
  if (!view || view->locked) return {};
  for (auto& section : view->sections)
    for (auto& contact : section.contacts)
      if (!fallback_href_ok(contact.href)) contact.href.clear();
  return std::move(view->sections);
}
}  // namespace

std::vector<PersonalSection> help_now_personal(const Content& content, const PlansState& plans) {
  if (plans.store == StoreStatus::newer_version && plans.records.empty()) return from_fallback_record(plans);
  const auto& records = plans.store == StoreStatus::damaged ? plans.previous_records : plans.records;
  std::vector<Contact> team;
  for (const auto& entry : kTeamContacts) add_team_contacts(content, records, entry, team);

  std::vector<PersonalSection> out;
  PersonalSection team_section{content.str("help_now.my_team_heading"), {}, {}};
  add_contacts(content, team, team_section.contacts);
  if (!team_section.contacts.empty()) out.push_back(std::move(team_section));
  PersonalSection people{content.str("help_now.my_people_heading"), {}, {}};
  add_contacts(content, contact_list(records, kPeopleField), people.contacts);
  if (!people.contacts.empty()) out.push_back(std::move(people));
  const auto& helps = text_list(records, kSelfHelpField);
  if (!helps.empty()) out.push_back({content.str("help_now.my_self_help_heading"), {}, helps});
  return out;
}

}  // namespace cpa::core
