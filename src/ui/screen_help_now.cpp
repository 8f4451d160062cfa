#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

void draw_crisis_line(Ui& ui, const core::CrisisLine& line) {
  const auto& content = ui.text();
  ui.begin_panel();
  ui.heading(line.name, 2);
  ui.paragraph(line.purpose);
  ui.paragraph(line.hours, ui.theme().text_muted);
  ui.gap(0.2f);
  const std::string label = line.action == core::ContactAction::text
                                ? content.format("help_now.text", {{"body", line.text_body}, {"number", line.number}})
                                : content.format("help_now.call", {{"number", line.number}});
  ImGui::PushID(line.id.c_str());
  ui.link_button(label, line.href(), ButtonKind::primary, line.name);
  if (!line.email.empty()) ui.text_link(content.format("help_now.email", {{"email", line.email}}), "mailto:" + line.email);
  ImGui::PopID();
  ui.end_panel();
  ui.gap(0.3f);
}

}  // namespace

void draw_help_now(Ui& ui) {
  const auto& content = ui.text();
  ui.set_title(ui.str("help_now.title"));
  ui.heading(ui.str("help_now.title"), 1);
  ui.paragraph(ui.str("help_now.intro"));
  ui.gap(0.3f);
  std::vector<core::Source> sources;
  bool has_local = false;
  for (const auto& line : content.crisis_lines) {
    if (line.local) {
      has_local = true;
      continue;
    }
    draw_crisis_line(ui, line);
    if (const auto* source = content.source(line.source_id)) sources.push_back(*source);
  }
  ui.heading(ui.str("help_now.local_heading"), 2);
  if (has_local) {
    for (const auto& line : content.crisis_lines)
      if (line.local) draw_crisis_line(ui, line);
  } else {
    ui.paragraph(ui.str("help_now.local_none"));
  }
  draw_sources(ui, sources);
}

}  // namespace cpa::ui
