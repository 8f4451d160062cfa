// #/plan-section/<section id>: one section of a plan as a short form.
#include "core/state.hpp"
#include "ui/screens/plan_form.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_plan_section_screen(Ui& ui) {
  const auto* section = core::find_section(ui.state().route().param);
  if (!section) {
    draw_not_built(ui);
    return;
  }
  const auto view = core::section_view(ui.text(), ui.state().plans, *section);
  ui.set_title(view.title);
  ui.heading(view.title, 1);
  if (!view.prompt.empty()) ui.paragraph(view.prompt);
  draw_save_status(ui);
  ui.gap(Space::group);
  draw_section_form(ui, view);
  if (ui.button(ui.str("plans.ui.done"), ButtonKind::primary, true)) ui.emit(core::GoBack{});
}

}  // namespace cpa::ui
