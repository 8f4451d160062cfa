// The shared crisis plan as a carer sees it: drawn the same way on the carer's screen and in the
// person's preview, from core::SharedPlanView.  The app's own checked lines come first, drawn as
// Help now draws them; what the person wrote follows under its own heading, its numbers drawn
// plainly (never as the checked lines' call buttons), because the app has not checked them.
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void draw_contact(Ui& ui, const core::PersonalContact& contact) {
  ui.begin_panel();
  if (!contact.name.empty()) ui.heading(contact.name, 4);
  if (!contact.relationship.empty()) ui.paragraph(contact.relationship, ui.theme().text_muted);
  if (!contact.when.empty()) ui.paragraph(contact.when);
  if (contact.warning.shown()) ui.warning(contact.warning.text);
  if (!contact.href.empty()) {
    ui.link_button(contact.label, contact.href, ButtonKind::secondary);
  } else if (!contact.number.empty()) {
    ui.paragraph(contact.number);
  }
  ui.end_panel();
  ui.gap(Space::item);
}

void draw_checked_lines(Ui& ui, const core::SharedPlanView& view, int level) {
  ImGui::PushID("checked-lines");
  ui.heading(view.lines_heading, level + 1);
  ui.paragraph(view.lines_intro);
  ui.gap(Space::item);
  int index = 0;
  for (const auto& group : view.national_lines) {
    ImGui::PushID(index++);
    if (!group.heading.empty()) ui.heading(group.heading, level + 2);
    for (const auto& line : group.lines) {
      ui.begin_panel();
      draw_crisis_line(ui, line, group.heading.empty() ? level + 2 : level + 3);
      ui.end_panel();
      ui.gap(Space::item);
    }
    ImGui::PopID();
  }
  if (!view.local_lines.empty()) {
    ui.heading(view.local_heading, level + 2);
    for (const auto& line : view.local_lines) {
      ui.begin_panel();
      draw_crisis_line(ui, line, level + 3);
      ui.end_panel();
      ui.gap(Space::item);
    }
  }
  ImGui::PopID();
  draw_access_panel(ui, view.access, level + 1);
}

void draw_own_sections(Ui& ui, const core::SharedPlanView& view, int level) {
  ui.heading(view.own_heading, level + 1);
  ui.notice({}, view.own_intro);
  ui.gap(Space::item);
  int index = 0;
  for (const auto& section : view.sections) {
    ImGui::PushID(index++);
    ui.heading(section.heading, level + 2);
    int group_index = 0;
    for (const auto& group : section.groups) {
      ImGui::PushID(group_index++);
      if (!group.label.empty()) ui.heading(group.label, level + 3);
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
}

}  // namespace

void draw_shared_plan(Ui& ui, const core::SharedPlanView& view, int level) {
  ui.heading(view.title, level);
  if (!view.date_warning.empty()) ui.notice({}, view.date_warning);
  if (!view.shared_on.empty()) ui.paragraph(view.shared_on, ui.theme().text, ui.fonts().bold);
  ui.notice({}, view.check_nudge);
  ui.gap(Space::item);
  draw_checked_lines(ui, view, level);
  ui.gap(Space::group);
  draw_own_sections(ui, view, level);
}

}  // namespace cpa::ui
