// Start again: after a damaged save, the person may keep a copy of it and begin with empty plans.
#include "core/plans/plans.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_start_again(Ui& ui) {
  ui.set_title(ui.str("data.start_again_title"));
  ui.begin_group(Role::dialog, ui.str("data.start_again_title"), "confirm");  // as Delete everything
  ui.heading(ui.str("data.start_again_title"), 1);
  ui.paragraph(ui.str("data.start_again_text"));
  if (ui.button(ui.str("data.export_damaged"), ButtonKind::secondary, true)) ui.emit(core::PlansExportDamaged{});
  if (ui.button(ui.str("data.start_again_yes"), ButtonKind::primary, true)) {
    ui.emit(core::PlansStartAgain{});
    ui.emit(core::GoBack{});
  }
  if (ui.button(ui.str("data.delete_no"), ButtonKind::secondary, true)) ui.emit(core::GoBack{});
  ui.end_group();
}

}  // namespace cpa::ui
