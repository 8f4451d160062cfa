#pragma once
// Forms for the person's own plans, drawn from the schema in core/records.hpp and the words in
// plans.json: no screen knows a field by name.
#include <string_view>

#include "core/records.hpp"
#include "ui/ui.hpp"

namespace cpa::ui {

// One section of a plan: its prompt, then every field (text boxes, lists with Add and Remove,
// examples to pick from).
void draw_plan_section(Ui& ui, const core::SectionSpec& section);
// How much of a section is filled in, in plain words ("Not filled in yet", "3 things written").
std::string section_summary(Ui& ui, const core::SectionSpec& section);
const core::SectionSpec* find_section(std::string_view id);

}  // namespace cpa::ui
