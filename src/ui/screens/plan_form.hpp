#pragma once
// Drawing pieces the plan screens share (not a screen itself): a plan's overview, one section's
// form, the save status line.  Each draws a view core prepared (core/plans/plan_view.hpp); none knows
// a field by name or decides anything.
#include <string_view>

#include "core/plans/plan_view.hpp"
#include "ui/widgets/ui.hpp"

namespace cpa::ui {

// A plan's title, intro, save status and one card per section (My care plan, My crisis plan).
void draw_plan_overview(Ui& ui, std::string_view plan_id);
// One section of a plan: every field (text boxes, lists with Add and Remove, examples to pick from).
void draw_section_form(Ui& ui, const core::SectionView& section);
void draw_save_status(Ui& ui);
// Hands a plan screen's action to core.
void emit(Ui& ui, const core::PlansAction& action);

}  // namespace cpa::ui
