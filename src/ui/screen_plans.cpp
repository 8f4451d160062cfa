// My care plan and My crisis plan: an overview of sections, each opening its own short form.
#include "core/plan_reviews.hpp"
#include "core/plans.hpp"
#include "core/plans_content.hpp"
#include "ui/plan_form.hpp"
#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

// What the person should know about saving, in one line or one notice.
void save_status(Ui& ui) {
  const auto& plans = ui.state().plans;
  if (!plans.save_error.empty()) {
    ui.notice(ui.str("plans.ui.not_saved_title"), plans.save_error);
  } else if (!plans.store_message.empty()) {
    ui.notice({}, plans.store_message);
  } else if (!plans.other_tab_notice.empty()) {
    ui.paragraph(plans.other_tab_notice, ui.theme().text_muted);
  } else {
    ui.paragraph(ui.str("plans.ui.saved_as_you_go"), ui.theme().text_muted);
  }
}

void plan_overview(Ui& ui, std::string_view plan_id) {
  const auto& words = ui.text().plans;
  auto it = words.plans.find(std::string(plan_id));
  const std::string title = it != words.plans.end() ? it->second.title : std::string(plan_id);
  ui.set_title(title);
  ui.heading(title, 1);
  if (it != words.plans.end()) ui.paragraph(it->second.intro);
  save_status(ui);
  ui.gap(0.3f);
  for (const auto& section : core::plan_sections()) {
    if (section.plan != plan_id) continue;
    auto text = words.sections.find(std::string(section.id));
    const std::string section_title = text != words.sections.end() ? text->second.title : std::string(section.id);
    if (ui.card(section_title, section_summary(ui, section)))
      ui.go(core::Route{core::Screen::plan_section, std::string(section.id)});
  }
}

}  // namespace

void draw_review_banner(Ui& ui, bool on_home) {
  const auto& plans = ui.state().plans;
  const auto today = core::parse_iso_date(plans.today);
  if (!today || plans.store == core::StoreStatus::not_loaded) return;
  const auto reminder = core::review_reminder(plans.records.care_plan, *today);
  if (!reminder.show_banner()) return;
  // The nudge to set a review date is for someone keeping a care plan, not a first visit.
  if (reminder.kind == core::ReviewReminder::Kind::not_set && plans.records.care_plan == core::CarePlan{}) return;
  ImGui::PushID("review-banner");
  ui.begin_panel();
  ui.paragraph(core::review_banner_text(ui.text(), reminder), ui.theme().text, ui.fonts().bold);
  if (reminder.kind != core::ReviewReminder::Kind::not_set &&
      ui.button(ui.str("plans.ui.add_to_calendar"), ButtonKind::secondary, true))
    ui.emit(core::PlansAddReviewToCalendar{});
  if (on_home && ui.button(ui.str("plans.ui.open_care_plan"), ButtonKind::secondary, true))
    ui.go(core::Route{core::Screen::care_plan, {}});
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  ui.gap(0.4f);
  ImGui::PopID();
}

void draw_care_plan(Ui& ui) {
  plan_overview(ui, "care_plan");
  ui.gap(0.3f);
  draw_review_banner(ui, false);
}

void draw_crisis_plan(Ui& ui) { plan_overview(ui, "crisis_plan"); }

void draw_plan_section_screen(Ui& ui) {
  const auto* section = find_section(ui.state().route().param);
  if (!section) {
    draw_not_built(ui);
    return;
  }
  const auto& words = ui.text().plans;
  auto text = words.sections.find(std::string(section->id));
  const std::string title = text != words.sections.end() ? text->second.title : std::string(section->id);
  ui.set_title(title);
  ui.heading(title, 1);
  if (text != words.sections.end() && !text->second.prompt.empty()) ui.paragraph(text->second.prompt);
  save_status(ui);
  ui.gap(0.4f);
  draw_plan_section(ui, *section);
  if (ui.button(ui.str("plans.ui.done"), ButtonKind::primary, true)) ui.emit(core::GoBack{});
}

}  // namespace cpa::ui
