#include "ui/plan_form.hpp"

#include "core/plans.hpp"
#include "core/plans_content.hpp"
#include "core/state.hpp"

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

// A date box holds YYYY-MM-DD (what the browser's date picker gives); other kinds show the
// stored value the UK way (phones "07700 900123").
std::string box_value(core::FieldKind kind, const std::string& stored) {
  return kind == core::FieldKind::date ? stored : core::display_value(kind, stored);
}

std::string message_for(const Ui& ui, const std::string& path) {
  const auto& messages = ui.state().plans.messages;
  auto it = messages.find(path);
  return it == messages.end() ? std::string() : it->second;
}

const core::FieldText* words_for_field(const Ui& ui, std::string_view id) {
  return ui.text().plans.field(std::string(id));
}

void examples(Ui& ui, const core::FieldText& words, const core::FieldSpec& field) {
  if (words.examples.empty()) return;
  const auto& records = ui.state().plans.records;
  ImGui::PushID("examples");
  ui.paragraph(ui.str("plans.ui.examples"), ui.theme().text_muted);
  int index = 0;
  for (const auto& example : words.examples) {
    // An example already written down is not offered again.
    bool used = false;
    if (core::is_list(field.kind)) {
      for (std::size_t i = 0; i < core::list_size(records, field.id); ++i)
        used = used || core::item_text(records, field.id, i, "") == example;
    } else {
      used = core::field_text(records, field.id).find(example) != std::string::npos;
    }
    if (used) continue;
    ImGui::PushID(index++);
    const std::string name = ui.text().format("plans.ui.use_example", {{"example", example}});
    if (ui.button(example, ButtonKind::secondary, true, "example", name)) {
      if (core::is_list(field.kind)) {
        ui.emit(core::PlanAddItem{std::string(field.id), "", example});
      } else {
        const std::string& now = core::field_text(records, field.id);
        ui.emit(core::PlanEditField{std::string(field.id), now.empty() ? example : now + "\n" + example});
      }
    }
    ImGui::PopID();
  }
  ImGui::PopID();
}

void scalar_field(Ui& ui, const core::FieldSpec& field) {
  const auto* words = words_for_field(ui, field.id);
  const std::string label = words ? words->label : std::string(field.id);
  const std::string& stored = core::field_text(ui.state().plans.records, field.id);
  if (auto typed = ui.text_field(field.id, label, box_value(field.kind, stored), input_kind(field.kind),
                                 words ? words->prompt : std::string(), message_for(ui, core::value_path(field.id))))
    ui.emit(core::PlanEditField{std::string(field.id), *typed});
  if (words && field.kind == core::FieldKind::long_text) examples(ui, *words, field);
  ui.gap(0.4f);
}

void list_item(Ui& ui, const core::FieldSpec& field, const std::string& item_label, std::size_t index) {
  const auto& records = ui.state().plans.records;
  const auto subs = core::item_fields(field.kind);
  const bool single = subs.size() == 1;
  if (!single) {
    ui.begin_panel();
    ui.heading(item_label, 3);
  }
  for (const auto& sub : subs) {
    const auto* words = ui.text().plans.item(core::item_text_key(field.id, sub.id));
    const std::string label = single ? item_label : (words ? words->label : std::string(sub.id));
    const std::string& stored = core::item_text(records, field.id, index, sub.id);
    if (auto typed = ui.text_field(sub.id.empty() ? "value" : sub.id, label, box_value(sub.kind, stored),
                                   input_kind(sub.kind), single || !words ? std::string() : words->prompt,
                                   message_for(ui, core::value_path(field.id, index, sub.id))))
      ui.emit(core::PlanEditItem{std::string(field.id), index, std::string(sub.id), *typed});
    // A number written down is one tap from a call.
    if (sub.kind == core::FieldKind::phone) {
      const std::string href = core::value_href(sub.kind, stored);
      if (!href.empty())
        ui.text_link(ui.text().format("plans.ui.call", {{"number", core::display_value(sub.kind, stored)}}), href);
    }
  }
  const std::string remove_name = ui.text().format("plans.ui.remove_named", {{"item", item_label}});
  if (ui.button(ui.str("plans.ui.remove"), ButtonKind::quiet, false, "remove", remove_name))
    ui.emit(core::PlanRemoveItem{std::string(field.id), index});
  if (!single) ui.end_panel();
  ui.gap(0.3f);
}

void list_field(Ui& ui, const core::FieldSpec& field) {
  const auto* words = words_for_field(ui, field.id);
  const std::string label = words ? words->label : std::string(field.id);
  ui.heading(label, 3);
  if (words && !words->prompt.empty()) ui.paragraph(words->prompt, ui.theme().text_muted);
  const std::size_t count = core::list_size(ui.state().plans.records, field.id);
  for (std::size_t i = 0; i < count; ++i) {
    ImGui::PushID(static_cast<int>(i));
    list_item(ui, field, ui.text().format("plans.ui.item_label", {{"label", label}, {"n", std::to_string(i + 1)}}), i);
    ImGui::PopID();
  }
  if (count < core::kMaxListItems) {
    const std::string add = words && !words->add.empty() ? words->add : ui.str("plans.ui.add");
    if (ui.button("+ " + add, ButtonKind::secondary, true, "add", add)) ui.emit(core::PlanAddItem{std::string(field.id), "", ""});
  }
  if (words && field.kind == core::FieldKind::text_list) examples(ui, *words, field);
  ui.gap(0.6f);
}

}  // namespace

const core::SectionSpec* find_section(std::string_view id) {
  for (const auto& section : core::plan_sections())
    if (section.id == id) return &section;
  return nullptr;
}

void draw_plan_section(Ui& ui, const core::SectionSpec& section) {
  ImGui::PushID(section.id.data(), section.id.data() + section.id.size());
  for (const auto& field : section.fields) {
    ImGui::PushID(field.id.data(), field.id.data() + field.id.size());
    if (core::is_list(field.kind)) {
      list_field(ui, field);
    } else {
      scalar_field(ui, field);
    }
    ImGui::PopID();
  }
  ImGui::PopID();
}

std::string section_summary(Ui& ui, const core::SectionSpec& section) {
  const auto& records = ui.state().plans.records;
  std::size_t filled = 0;
  for (const auto& field : section.fields)
    filled += core::is_list(field.kind) ? core::list_size(records, field.id)
                                        : (core::field_text(records, field.id).empty() ? 0 : 1);
  if (filled == 0) return ui.str("plans.ui.empty_section");
  return ui.text().format(filled == 1 ? "plans.ui.filled_one" : "plans.ui.filled_many", {{"n", std::to_string(filled)}});
}

}  // namespace cpa::ui
