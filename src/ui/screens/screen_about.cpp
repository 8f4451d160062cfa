// About: what the app is, which release this is, and every source the app rests on, with its
// checked-date.
#include "ui/screens/screens.hpp"

namespace cpa::ui {

void draw_about(Ui& ui) {
  const auto& content = ui.text();
  const auto* page = content.page("about");
  if (!page) return;  // content validation guarantees it; never crash on a screen
  ui.set_title(page->title);
  ui.heading(page->title, 1);
  draw_page_blocks(ui, *page);
  ui.gap(Space::group);
  if (ui.card(ui.str("home.display.title"), ui.str("home.display.detail")))
    ui.go(core::Route{core::Screen::display, {}});
  // Which copy of the app this is (core/content/about.hpp).
  const auto version = core::about_view(content, ui.state().about);
  ui.gap(Space::group);
  ui.heading(version.heading, 2);
  ui.paragraph(version.release);
  ui.paragraph(version.checked);
  if (!version.translation.empty()) ui.paragraph(version.translation);
  std::vector<core::Source> all;
  for (const auto& [id, source] : content.sources) all.push_back(source);
  draw_sources(ui, all);
}

}  // namespace cpa::ui
