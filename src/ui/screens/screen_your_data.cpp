// Your data and settings: the store's health, a copy to keep, loading a copy, deleting it all.
#include "core/plans/plan_view.hpp"
#include "core/plans/plans.hpp"
#include "core/plans/records/records_store.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void damaged_store_choices(Ui& ui) {
  const auto& plans = ui.state().plans;
  ImGui::PushID("damaged");
  ui.notice(ui.str("data.damaged_title"), ui.said(plans.store_message));
  if (plans.previous_available && ui.button(ui.str("data.restore"), ButtonKind::primary, true))
    ui.emit(core::PlansRestorePrevious{});
  if (ui.button(ui.str("data.export_damaged"), ButtonKind::secondary, true)) ui.emit(core::PlansExportDamaged{});
  if (ui.button(ui.str("data.start_again"), ButtonKind::secondary, true))
    ui.go(core::Route{core::Screen::start_again, {}});
  ImGui::PopID();
  ui.gap(Space::large);
}

}  // namespace

void draw_data(Ui& ui) {
  const auto& plans = ui.state().plans;
  ui.set_title(ui.str("data.title"));
  ui.heading(ui.str("data.title"), 1);
  ui.paragraph(ui.str("data.intro"));
  draw_delete_outcome(ui);
  if (plans.store == core::StoreStatus::locked) {
    // Locked: nothing to save or load until the passphrase is given; deleting is always possible.
    draw_unlock_panel(ui, ui.str("plans.lock.locked_title"), 2);
    ui.heading(ui.str("plans.lock.forgotten"), 2);
    ui.paragraph(ui.str("plans.lock.forgotten_text"));
    if (ui.button(ui.str("data.delete"), ButtonKind::secondary, true))
      ui.go(core::Route{core::Screen::delete_everything, {}});
    return;
  }
  if (plans.store == core::StoreStatus::damaged) {
    damaged_store_choices(ui);
  } else if (!plans.store_message.empty()) {
    ui.notice({}, ui.said(plans.store_message));
  }
  if (!plans.save_error.empty()) ui.notice(ui.str("plans.ui.not_saved_title"), ui.said(plans.save_error));
  draw_set_aside(ui);
  // Whether this browser will keep the plans, in plain words (a private window's sign included).
  if (plans.store != core::StoreStatus::memory_only) {
    const std::string key(core::storage_lasting_key(plans));
    if (key == "plans.store.lasting.private") ui.notice({}, ui.str(key));
    else ui.paragraph(ui.str(key), ui.theme().text_muted);
  }
  draw_home_screen_card(ui);

  ui.heading(ui.str("data.export_heading"), 2);
  ui.paragraph(ui.str("data.export_text"));
  if (ui.button(ui.str("data.export"), ButtonKind::primary, true)) ui.emit(core::PlansExport{});

  ui.heading(ui.str("data.import_heading"), 2);
  ui.paragraph(ui.str("data.import_text"));
  if (ui.button(ui.str("data.import"), ButtonKind::secondary, true)) ui.choose_import_file();
  if (!plans.import_summary.empty()) {
    ImGui::PushID("import-result");
    if (plans.import_problems.empty()) {
      ui.paragraph(ui.said(plans.import_summary), ui.theme().text, ui.fonts().bold);
    } else {
      ui.notice(ui.said(plans.import_summary), {});
      std::vector<std::string> problems;
      for (const auto& problem : plans.import_problems) problems.push_back(core::render_problem(ui.text(), problem));
      ui.bullets(problems);
    }
    ImGui::PopID();
  }

  if (plans.store != core::StoreStatus::memory_only &&
      ui.card(ui.str("plans.lock.card"), ui.str(plans.lock.on ? "plans.lock.card_on" : "plans.lock.card_off")))
    ui.go(core::Route{core::Screen::lock, {}});

  // Quick exit's setting (core/quick_exit/quick_exit.hpp): on unless the person turns it off.
  const bool quick_exit = ui.state().quick_exit.enabled;
  ui.heading(ui.str("data.quick_exit_heading"), 2);
  ui.paragraph(ui.str("data.quick_exit_text"));
  ui.paragraph(ui.str("data.quick_exit_history"));
  if (ui.checkbox(ui.str("data.quick_exit_setting"), ui.str("data.quick_exit_setting_detail"), quick_exit))
    ui.emit(core::SetQuickExit{!quick_exit});

  ui.heading(ui.str("data.delete_heading"), 2);
  ui.paragraph(ui.str("data.delete_text"));
  if (ui.button(ui.str("data.delete"), ButtonKind::secondary, true))
    ui.go(core::Route{core::Screen::delete_everything, {}});
}

}  // namespace cpa::ui
