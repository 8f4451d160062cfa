// The shared crisis plan as a carer sees it: drawn the same way on the carer's screen and in the
// person's preview, from core::SharedPlanView.
#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

void draw_contact(Ui& ui, const core::PersonalContact& contact) {
  ui.begin_panel();
  if (!contact.name.empty()) ui.heading(contact.name, 4);
  if (!contact.relationship.empty()) ui.paragraph(contact.relationship, ui.theme().text_muted);
  if (!contact.when.empty()) ui.paragraph(contact.when);
  if (contact.warning.shown()) ui.warning(contact.warning.text);
  if (!contact.href.empty()) {
    ui.link_button(contact.label, contact.href, ButtonKind::primary);
  } else if (!contact.number.empty()) {
    ui.paragraph(contact.number);
  }
  ui.end_panel();
  ui.gap(Space::item);
}

void draw_local_line(Ui& ui, const core::CrisisLine& line) {
  ImGui::PushID(line.id.c_str());
  ui.begin_panel();
  ui.heading(line.name, 3);
  ui.paragraph(line.hours, ui.theme().text_muted);
  ui.link_button(core::crisis_line_action_label(ui.text(), line), line.href(), ButtonKind::primary, line.name);
  ui.end_panel();
  ui.gap(Space::item);
  ImGui::PopID();
}

}  // namespace

void draw_shared_plan(Ui& ui, const core::SharedPlanView& view, int level) {
  ui.heading(view.title, level);
  ui.paragraph(view.shared_on, ui.theme().text, ui.fonts().bold);
  ui.notice({}, view.check_nudge);
  ui.gap(Space::item);
  int index = 0;
  for (const auto& section : view.sections) {
    ImGui::PushID(index++);
    ui.heading(section.heading, level + 1);
    int group_index = 0;
    for (const auto& group : section.groups) {
      ImGui::PushID(group_index++);
      if (!group.label.empty()) ui.heading(group.label, level + 2);
      int contact_index = 0;
      for (const auto& contact : group.contacts) {
        ImGui::PushID(contact_index++);
        draw_contact(ui, contact);
        ImGui::PopID();
      }
      if (!group.items.empty()) ui.bullets(group.items);
      ImGui::PopID();
    }
    ui.gap(Space::item);
    ImGui::PopID();
  }
  if (!view.local_lines.empty()) {
    ImGui::PushID("local-lines");
    ui.heading(view.local_heading, level + 1);
    for (const auto* line : view.local_lines) draw_local_line(ui, *line);
    ImGui::PopID();
  }
}

}  // namespace cpa::ui
