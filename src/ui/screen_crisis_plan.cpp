// My crisis plan: its sections, each opening its own short form.
#include "ui/plan_form.hpp"
#include "ui/screens.hpp"

namespace cpa::ui {

void draw_crisis_plan(Ui& ui) { draw_plan_overview(ui, "crisis_plan"); }

}  // namespace cpa::ui
