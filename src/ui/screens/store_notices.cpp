// What the store has to tell the person, wherever their plans are: Delete everything's outcome,
// copies kept to one side, and how to keep the plans on an iPhone (the Home Screen card).
#include "core/plans/plan_view.hpp"
#include "core/plans/plans.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_delete_outcome(Ui& ui) {
  const auto& plans = ui.state().plans;
  if (plans.delete_message.empty()) return;
  ImGui::PushID("delete-outcome");
  if (plans.delete_failed) ui.notice(ui.str("plans.ui.not_saved_title"), ui.said(plans.delete_message));
  else ui.paragraph(ui.said(plans.delete_message), ui.theme().text, ui.fonts().bold);
  ImGui::PopID();
}

void draw_set_aside(Ui& ui) {
  const auto& plans = ui.state().plans;
  if (plans.set_aside.empty() || plans.store == core::StoreStatus::damaged) return;
  ImGui::PushID("set-aside");
  ui.notice(ui.str("data.set_aside_title"), ui.str("data.set_aside_text"));
  if (ui.button(ui.str("data.export_damaged"), ButtonKind::secondary, true)) ui.emit(core::PlansExportDamaged{});
  ImGui::PopID();
  ui.gap(Space::item);
}

// Safari deletes a site's storage after 7 days without a visit, unless the app is on the Home
// Screen (hazard H18): how to put it there, with a picture of the Share button.
void draw_home_screen_card(Ui& ui) {
  if (ui.state().kiosk.active || !core::home_screen_advice(ui.state().plans)) return;
  ImGui::PushID("home-screen");
  ui.begin_panel();
  ui.heading(ui.str("home_screen.title"), 2);
  ui.paragraph(ui.str("home_screen.why"));
  ui.paragraph(ui.str("home_screen.before"));
  if (ui.button(ui.str("data.export"), ButtonKind::secondary, true)) ui.emit(core::PlansExport{});
  ui.paragraph(ui.str("home_screen.step1"));
  ui.share_icon(ui.str("home_screen.share_icon"));
  ui.paragraph(ui.str("home_screen.step2"));
  ui.paragraph(ui.str("home_screen.step3"));
  ui.paragraph(ui.str("home_screen.after"), ui.theme().text_muted);
  ui.end_panel();
  ui.gap(Space::group);
  ImGui::PopID();
}

}  // namespace cpa::ui
