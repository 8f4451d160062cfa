#include "core/plans/plan_reviews.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_page_blocks(Ui& ui, const core::Page& page) {
  int index = 0;
  for (const auto& block : page.blocks) {
    ImGui::PushID(index++);
    switch (block.kind) {
      case core::Block::Kind::heading: ui.heading(block.text, 2); break;
      case core::Block::Kind::paragraph: ui.paragraph(block.text); break;
      case core::Block::Kind::bullets: ui.bullets(block.items); break;
      case core::Block::Kind::link:
        if (!block.url.empty()) {
          ui.text_link(block.text, block.url);
        } else if (ui.text_link(block.text)) {
          ui.go(core::Route{core::Screen::learn, block.page});
        }
        break;
    }
    ImGui::PopID();
  }
}

void draw_sources(Ui& ui, const std::vector<core::Source>& sources) {
  if (sources.empty()) return;
  ImGui::PushID("sources");
  ui.gap(Space::large);
  ui.heading(ui.str("sources.heading"), 3);
  const auto& content = ui.text();
  int index = 0;
  for (const auto& source : sources) {
    ImGui::PushID(index++);
    const std::string checked = core::source_checked_text(content, source);
    const std::string label = source.title + " (" + source.publisher + ")";
    if (!source.url.empty()) {
      ui.text_link(label, source.url);
    } else {
      ui.paragraph(label);
    }
    if (content.locale != core::kSourcesLocale) ui.set_last_lang(core::kSourcesLocale);
    ui.paragraph(checked, ui.theme().text_muted);
    ImGui::PopID();
  }
  ImGui::PopID();
}

}  // namespace cpa::ui
