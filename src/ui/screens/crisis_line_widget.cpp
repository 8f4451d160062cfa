// One crisis line, drawn the same way on every screen from core::CrisisLineView: its name, who
// it is for, its hours, and the way to reach it.  On a kiosk the view holds no link, only the
// number (or address) to copy, written large (core/help_now/crisis_view.hpp decides which).
#include "core/help_now/access_routes.hpp"
#include "core/help_now/crisis_view.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_crisis_line(Ui& ui, const core::CrisisLineView& line, int level) {
  ImGui::PushID(line.id.c_str());
  if (level > 0) {
    ui.heading(line.name, level);
  } else {
    ui.paragraph(line.name, ui.theme().text, ui.fonts().bold);
  }
  const std::uint32_t name = ui.last_node();  // "Call 116 123" is described by "Samaritans"
  ui.set_last_lang(line.words_lang);          // a trust's words not yet in this language
  ui.paragraph(line.purpose);
  ui.set_last_lang(line.words_lang);
  if (!line.hours.empty()) {
    ui.paragraph(line.hours, ui.theme().text_muted);
    ui.set_last_lang(line.words_lang);
  }
  ui.gap(Space::small);
  if (!line.href.empty()) {
    ui.link_button(line.action_label, line.href, ButtonKind::primary, name);
  } else {
    draw_kiosk_phone_number(ui, line.copy_instruction, line.copy_text);
  }
  if (!line.email_href.empty()) {
    ui.text_link(line.email_label, line.email_href);
  } else if (!line.email_label.empty()) {
    ui.paragraph(line.email_label);
  }
  ImGui::PopID();
}

void draw_access_panel(Ui& ui, const core::AccessPanelView& panel, int level) {
  if (panel.routes.empty()) return;
  ImGui::PushID("access-routes");
  ui.begin_panel();
  ui.heading(panel.heading, level);
  ui.paragraph(panel.intro);
  for (const auto& route : panel.routes) {
    ui.gap(Space::item);
    draw_crisis_line(ui, route, 0);
  }
  ui.end_panel();
  ImGui::PopID();
  ui.gap(Space::group);
}

}  // namespace cpa::ui
