// My care plan: its sections, each opening its own short form, and the review nudge.
#include "ui/screens/plan_form.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_care_plan(Ui& ui) {
  draw_plan_overview(ui, "care_plan");
  ui.gap(Space::item);
  draw_review_banner(ui, false);
}

}  // namespace cpa::ui
