// Delete everything: what goes, then the person confirms.
#include "core/plans/plans.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_delete_everything(Ui& ui) {
  const auto& records = ui.state().plans.records;
  ui.set_title(ui.str("data.delete_confirm_title"));
  // A confirmation: a dialog to assistive technology (Escape, like No, goes back).  Not modal:
  // the top bar's Help now stays within reach.
  ui.begin_group(Role::dialog, ui.str("data.delete_confirm_title"), "confirm");
  ui.heading(ui.str("data.delete_confirm_title"), 1);
  ui.paragraph(ui.str("data.delete_confirm_intro"));
  // Everything the app ever stored on this device goes (core::DeleteRecords), and the list says so.
  std::vector<std::string> goes;
  if (core::plans_locked(ui.state())) {
    goes = {ui.str("plans.lock.delete_locked")};
  } else {
    const auto care = static_cast<long>(core::things_written(records, "care_plan"));
    const auto crisis = static_cast<long>(core::things_written(records, "crisis_plan"));
    goes = {
        ui.text().plural("data.delete_item_care", care, {{"n", std::to_string(care)}}),
        ui.text().plural("data.delete_item_crisis", crisis, {{"n", std::to_string(crisis)}}),
    };
  }
  for (const char* key :
       {"data.delete_item_copy", "data.delete_item_settings", "data.delete_item_shared", "data.delete_item_offline"})
    goes.push_back(ui.str(key));
  ui.bullets(goes);
  ui.paragraph(ui.str("data.delete_confirm_outside"));
  ui.gap(Space::item);
  // One event: core deletes everything and closes this confirmation.
  if (ui.button(ui.str("data.delete_yes"), ButtonKind::primary, true)) ui.emit(core::DeleteEverything{});
  if (ui.button(ui.str("data.delete_no"), ButtonKind::secondary, true)) ui.emit(core::GoBack{});
  ui.end_group();
}

}  // namespace cpa::ui
