#include "ui/screens/plan_form.hpp"

#include "core/state.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

InputKind input_kind(core::FieldKind kind) {
  switch (kind) {
    case core::FieldKind::long_text: return InputKind::long_text;
    case core::FieldKind::phone: return InputKind::phone;
    case core::FieldKind::email: return InputKind::email;
    case core::FieldKind::date: return InputKind::date;
    default: return InputKind::text;
  }
}

void draw_box(Ui& ui, const core::BoxView& box) {
  if (auto typed = ui.text_field(box.id, box.label, box.value, input_kind(box.kind), box.prompt, box.message,
                                 box.message_now, box.label_shown))
    emit(ui, box.edited(std::move(*typed)));
  if (box.take_focus) {  // a new item's first box: the keyboard goes to it, once
    ui.focus_text_field(ui.last_node());
    ui.emit(core::PlanFocusTaken{});
  }
  if (!box.warning.empty()) ui.warning(box.warning);  // read before the call link
  if (!box.call_href.empty()) ui.text_link(box.call_label, box.call_href);
}

bool draw_button(Ui& ui, const core::ButtonView& button, ButtonKind kind, bool full_width, const char* id) {
  if (!ui.button(button.label, kind, full_width, id, button.name)) return false;
  emit(ui, button.action);
  return true;
}

void draw_examples(Ui& ui, const core::ExamplesView& examples) {
  if (examples.heading.empty()) return;
  ImGui::PushID("examples");
  ui.paragraph(examples.heading, ui.theme().text_muted);
  int index = 0;
  for (const auto& example : examples.examples) {
    ImGui::PushID(index++);
    draw_button(ui, example, ButtonKind::secondary, true, "example");
    ImGui::PopID();
  }
  ImGui::PopID();
}

void draw_item(Ui& ui, const core::ItemView& item) {
  if (item.own_panel) {
    ui.begin_panel();
    ui.heading(item.label, 3);
  }
  for (const auto& box : item.boxes) draw_box(ui, box);
  draw_button(ui, item.remove, ButtonKind::quiet, false, "remove");
  if (item.own_panel) ui.end_panel();
  ui.gap(Space::item);
}

void draw_list(Ui& ui, const core::FieldView& field) {
  if (field.heading_shown) ui.heading(field.label, 2);
  if (!field.prompt.empty()) ui.paragraph(field.prompt, ui.theme().text_muted);
  for (std::size_t i = 0; i < field.items.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    draw_item(ui, field.items[i]);
    ImGui::PopID();
  }
  if (field.add) draw_button(ui, *field.add, ButtonKind::secondary, true, "add");
  draw_examples(ui, field.examples);
  ui.gap(Space::large);
}

}  // namespace

void emit(Ui& ui, const core::PlansAction& action) {
  std::visit([&](const auto& plans_action) { ui.emit(plans_action); }, action);
}

void draw_save_status(Ui& ui) {
  const auto status = core::save_status(ui.text(), ui.state().plans);
  if (status.notice) {
    ui.notice(status.title, status.text);
  } else {
    ui.paragraph(status.text, ui.theme().text_muted);
  }
}

void draw_plan_overview(Ui& ui, std::string_view plan_id) {
  const auto overview = core::plan_overview(ui.text(), ui.state().plans, plan_id);
  ui.set_title(overview.title);
  ui.heading(overview.title, 1);
  if (!overview.intro.empty()) ui.paragraph(overview.intro);
  draw_save_status(ui);
  ui.gap(Space::item);
  for (const auto& card : overview.sections)
    if (ui.card(card.title, card.summary)) ui.go(core::Route{core::Screen::plan_section, card.section_id});
}

void draw_section_form(Ui& ui, const core::SectionView& section) {
  ImGui::PushID(section.id.c_str());
  for (const auto& field : section.fields) {
    ImGui::PushID(field.id.c_str());
    if (field.list) {
      draw_list(ui, field);
    } else {
      draw_box(ui, field.box);
      draw_examples(ui, field.examples);
      ui.gap(Space::group);
    }
    ImGui::PopID();
  }
  ImGui::PopID();
}

void draw_review_banner(Ui& ui, bool on_home) {
  const auto nudge = core::review_nudge(ui.text(), ui.state().plans);
  if (!nudge) return;
  ImGui::PushID("review-banner");
  ui.begin_panel();
  ui.paragraph(nudge->text, ui.theme().text, ui.fonts().bold);
  if (nudge->offer_calendar && ui.button(ui.str("plans.ui.add_to_calendar"), ButtonKind::secondary, true))
    ui.emit(core::PlansAddReviewToCalendar{});
  if (on_home && ui.button(ui.str("plans.ui.open_care_plan"), ButtonKind::secondary, true))
    ui.go(core::Route{core::Screen::care_plan, {}});
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  ui.gap(Space::group);
  ImGui::PopID();
}

}  // namespace cpa::ui
