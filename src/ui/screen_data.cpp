// Your data and settings: the store's health, a copy to keep, loading a copy, deleting it all.
#include "core/plans.hpp"
#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

std::size_t things_written(const core::Records& records, std::string_view plan) {
  std::size_t count = 0;
  for (const auto& section : core::plan_sections()) {
    if (section.plan != plan) continue;
    for (const auto& field : section.fields)
      count += core::is_list(field.kind) ? core::list_size(records, field.id)
                                         : (core::field_text(records, field.id).empty() ? 0 : 1);
  }
  return count;
}

void damaged_store_choices(Ui& ui) {
  const auto& plans = ui.state().plans;
  ImGui::PushID("damaged");
  ui.notice(ui.str("data.damaged_title"), plans.store_message);
  if (plans.previous_available && ui.button(ui.str("data.restore"), ButtonKind::primary, true))
    ui.emit(core::PlansRestorePrevious{});
  if (ui.button(ui.str("data.export_damaged"), ButtonKind::secondary, true)) ui.emit(core::PlansExportDamaged{});
  if (ui.button(ui.str("data.start_again"), ButtonKind::secondary, true)) ui.go(core::Route{core::Screen::start_again, {}});
  ImGui::PopID();
  ui.gap(0.6f);
}

}  // namespace

void draw_data(Ui& ui) {
  const auto& plans = ui.state().plans;
  ui.set_title(ui.str("data.title"));
  ui.heading(ui.str("data.title"), 1);
  ui.paragraph(ui.str("data.intro"));
  if (plans.store == core::StoreStatus::damaged) {
    damaged_store_choices(ui);
  } else if (!plans.store_message.empty()) {
    ui.notice({}, plans.store_message);
  }
  if (!plans.save_error.empty()) ui.notice(ui.str("plans.ui.not_saved_title"), plans.save_error);

  ui.heading(ui.str("data.export_heading"), 2);
  ui.paragraph(ui.str("data.export_text"));
  if (ui.button(ui.str("data.export"), ButtonKind::primary, true)) ui.emit(core::PlansExport{});

  ui.heading(ui.str("data.import_heading"), 2);
  ui.paragraph(ui.str("data.import_text"));
  if (ui.button(ui.str("data.import"), ButtonKind::secondary, true)) ui.choose_import_file();
  if (!plans.import_summary.empty()) {
    ImGui::PushID("import-result");
    if (plans.import_problems.empty()) {
      ui.paragraph(plans.import_summary, ui.theme().text, ui.fonts().bold);
    } else {
      ui.notice(plans.import_summary, {});
      ui.bullets(plans.import_problems);
    }
    ImGui::PopID();
  }

  ui.heading(ui.str("data.delete_heading"), 2);
  ui.paragraph(ui.str("data.delete_text"));
  if (ui.button(ui.str("data.delete"), ButtonKind::secondary, true)) ui.go(core::Route{core::Screen::delete_everything, {}});
}

void draw_delete_everything(Ui& ui) {
  const auto& records = ui.state().plans.records;
  ui.set_title(ui.str("data.delete_confirm_title"));
  ui.heading(ui.str("data.delete_confirm_title"), 1);
  ui.paragraph(ui.str("data.delete_confirm_intro"));
  ui.bullets({
      ui.text().format("data.delete_item_care", {{"n", std::to_string(things_written(records, "care_plan"))}}),
      ui.text().format("data.delete_item_crisis", {{"n", std::to_string(things_written(records, "crisis_plan"))}}),
      ui.str("data.delete_item_copy"),
  });
  ui.paragraph(ui.str("data.delete_confirm_outside"));
  ui.gap(0.3f);
  if (ui.button(ui.str("data.delete_yes"), ButtonKind::primary, true)) {
    ui.emit(core::PlansDeleteAll{});
    ui.emit(core::GoBack{});
  }
  if (ui.button(ui.str("data.delete_no"), ButtonKind::secondary, true)) ui.emit(core::GoBack{});
}

void draw_start_again(Ui& ui) {
  ui.set_title(ui.str("data.start_again_title"));
  ui.heading(ui.str("data.start_again_title"), 1);
  ui.paragraph(ui.str("data.start_again_text"));
  if (ui.button(ui.str("data.export_damaged"), ButtonKind::secondary, true)) ui.emit(core::PlansExportDamaged{});
  if (ui.button(ui.str("data.start_again_yes"), ButtonKind::primary, true)) {
    ui.emit(core::PlansStartAgain{});
    ui.emit(core::GoBack{});
  }
  if (ui.button(ui.str("data.delete_no"), ButtonKind::secondary, true)) ui.emit(core::GoBack{});
}

}  // namespace cpa::ui
