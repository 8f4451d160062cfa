// "Understand your care": the list of explainer pages, and one page drawn from its content
// blocks (no per-page code), with its checked-date and sources at the foot.
#include "core/plans/plan_reviews.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void draw_explainer_list(Ui& ui) {
  const auto& content = ui.text();
  ui.set_title(ui.str("learn.title"));
  ui.heading(ui.str("learn.title"), 1);
  ui.paragraph(ui.str("learn.intro"));
  ui.gap(Space::item);
  for (const auto& id : content.explainer_order) {
    const core::Page* page = content.page(id);
    if (page && ui.card(page->title, page->summary)) ui.go(core::Route{core::Screen::learn, id});
  }
}

void draw_explainer(Ui& ui, const core::Page& page) {
  ui.set_title(page.title);
  ui.heading(page.title, 1);
  if (!page.summary.empty()) ui.paragraph(page.summary, ui.theme().text_muted);
  draw_page_blocks(ui, page);
  ui.gap(Space::large);
  ui.paragraph(ui.text().format("learn.checked", {{"date", core::long_date(ui.text(), page.checked)}}),
               ui.theme().text_muted);
  draw_sources(ui, page.sources);
}

}  // namespace

void draw_learn(Ui& ui) {
  const core::Page* page = ui.text().page(ui.state().route().param);
  if (page) {
    draw_explainer(ui, *page);
  } else {
    draw_explainer_list(ui);
  }
}

}  // namespace cpa::ui
