#include "core/plans.hpp"
#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

// One of the person's own contacts: who, why, and a button to call them.
void draw_personal_contact(Ui& ui, const core::Contact& contact, int index) {
  const std::string href = core::value_href(core::FieldKind::phone, contact.phone);
  if (contact.name.empty() && href.empty()) return;
  ImGui::PushID(index);
  ui.begin_panel();
  ui.heading(contact.name.empty() ? core::display_value(core::FieldKind::phone, contact.phone) : contact.name, 3);
  if (!contact.relationship.empty()) ui.paragraph(contact.relationship, ui.theme().text_muted);
  if (!contact.when.empty()) ui.paragraph(contact.when);
  if (!href.empty()) {
    const std::string number = core::display_value(core::FieldKind::phone, contact.phone);
    const std::string label = contact.name.empty()
                                  ? ui.text().format("help_now.call", {{"number", number}})
                                  : ui.text().format("help_now.call_person", {{"name", contact.name}, {"number", number}});
    ui.link_button(label, href, ButtonKind::primary);
  }
  ui.end_panel();
  ui.gap(0.3f);
  ImGui::PopID();
}

// The person's own plan, after the national lines: their team's numbers, the people they
// chose, and what helps them.  It needs nothing but what is already on the device.
void draw_personal(Ui& ui) {
  const auto& plans = ui.state().plans;
  // If the latest save could not be read, the last good copy still has the person's numbers.
  const auto& records = plans.store == core::StoreStatus::damaged ? plans.previous_records : plans.records;
  const auto& care = records.care_plan;
  const auto& crisis = records.crisis_plan;
  std::vector<core::Contact> team;
  if (!care.team.out_of_hours_phone.empty())
    team.push_back({care.team.name.empty() ? ui.str("help_now.out_of_hours")
                                           : ui.text().format("help_now.team_out_of_hours", {{"team", care.team.name}}),
                    {}, care.team.out_of_hours_phone, {}});
  for (const auto& c : crisis.out_of_hours) team.push_back(c);
  if (!care.team.phone.empty()) team.push_back({care.team.name.empty() ? ui.str("help_now.my_team") : care.team.name, {}, care.team.phone, care.coordinator.hours});
  if (!care.coordinator.phone.empty())
    team.push_back({care.coordinator.name.empty() ? ui.str("help_now.my_coordinator") : care.coordinator.name,
                    care.coordinator.role, care.coordinator.phone, care.coordinator.hours});
  for (const auto& c : crisis.in_hours) team.push_back(c);

  int index = 0;
  ImGui::PushID("personal");
  if (!team.empty()) {
    ui.heading(ui.str("help_now.my_team_heading"), 2);
    for (const auto& c : team) draw_personal_contact(ui, c, index++);
  }
  if (!crisis.people.empty()) {
    ui.heading(ui.str("help_now.my_people_heading"), 2);
    for (const auto& c : crisis.people) draw_personal_contact(ui, c, index++);
  }
  if (!crisis.self_help.empty()) {
    ui.heading(ui.str("help_now.my_self_help_heading"), 2);
    ui.bullets(crisis.self_help);
  }
  ImGui::PopID();
}

void draw_crisis_line(Ui& ui, const core::CrisisLine& line) {
  const auto& content = ui.text();
  ui.begin_panel();
  ui.heading(line.name, 2);
  ui.paragraph(line.purpose);
  ui.paragraph(line.hours, ui.theme().text_muted);
  ui.gap(0.2f);
  const std::string label = line.action == core::ContactAction::text
                                ? content.format("help_now.text", {{"body", line.text_body}, {"number", line.number}})
                                : content.format("help_now.call", {{"number", line.number}});
  ImGui::PushID(line.id.c_str());
  ui.link_button(label, line.href(), ButtonKind::primary, line.name);
  if (!line.email.empty()) ui.text_link(content.format("help_now.email", {{"email", line.email}}), "mailto:" + line.email);
  ImGui::PopID();
  ui.end_panel();
  ui.gap(0.3f);
}

}  // namespace

void draw_help_now(Ui& ui) {
  const auto& content = ui.text();
  ui.set_title(ui.str("help_now.title"));
  ui.heading(ui.str("help_now.title"), 1);
  ui.paragraph(ui.str("help_now.intro"));
  ui.gap(0.3f);
  std::vector<core::Source> sources;
  bool has_local = false;
  for (const auto& line : content.crisis_lines) {
    if (line.local) {
      has_local = true;
      continue;
    }
    draw_crisis_line(ui, line);
    if (const auto* source = content.source(line.source_id)) sources.push_back(*source);
  }
  ui.heading(ui.str("help_now.local_heading"), 2);
  if (has_local) {
    for (const auto& line : content.crisis_lines)
      if (line.local) draw_crisis_line(ui, line);
  } else {
    ui.paragraph(ui.str("help_now.local_none"));
  }
  draw_personal(ui);
  draw_sources(ui, sources);
}

}  // namespace cpa::ui
