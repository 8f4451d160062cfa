#include <optional>

#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

struct HomeEntry {
  std::string_view key;                // strings: home.<key>.title / .detail
  std::optional<core::Screen> screen;  // where it goes; none while that part is not built
};

// Every part of the product, in the order a person needs them.  A part not built yet shows
// as a plain, disabled card that says so: no pretend screens.
constexpr HomeEntry home_entries[] = {
    {"eligibility", core::Screen::eligibility},
    {"explainers", core::Screen::learn},
    {"care_plan", core::Screen::care_plan},
    {"crisis_plan", core::Screen::crisis_plan},
    {"share", core::Screen::share},
    {"data", core::Screen::your_data},
    {"display", core::Screen::display},
    {"about", core::Screen::about},
};

}  // namespace

void draw_home(Ui& ui) {
  ui.set_title(ui.str("app_name"));
  ui.heading(ui.str("app_name"), 1);
  const bool kiosk = ui.state().kiosk.active;  // a shared screen: no personal plans, no "this phone"
  ui.paragraph(ui.str(kiosk ? "kiosk.home_intro" : "home_intro"));
  ui.gap(Space::item);
  // Things the person must know about their own plans come before everything else.
  const auto& plans = ui.state().plans;
  const std::string problem = ui.said(!plans.save_error.empty() ? plans.save_error : plans.store_message);
  if (!problem.empty() && !kiosk) {
    ImGui::PushID("store-problem");
    ui.begin_panel();
    ui.paragraph(problem, ui.theme().text, ui.fonts().bold);
    if (ui.button(ui.str("home.store_problem_button"), ButtonKind::secondary, true))
      ui.go(core::Route{core::Screen::your_data, {}});
    ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
    ui.gap(Space::group);
    ImGui::PopID();
  }
  if (!kiosk) draw_review_banner(ui, true);
  draw_home_screen_card(ui);
  // A carer's kept copy of a plan shared with them: first, where they look in a hurry.
  if (!kiosk && ui.state().share.kept && ui.card(ui.str("share.home.kept_title"), ui.str("share.home.kept_detail")))
    ui.emit(core::ShareOpenKept{});
  for (const auto& entry : home_entries) {
    if (kiosk && !(entry.screen && core::screen_info(*entry.screen).in_kiosk)) continue;
    const std::string prefix = "home." + std::string(entry.key);
    const bool built = entry.screen.has_value();
    const std::string& detail = built ? ui.str(prefix + ".detail") : ui.str("not_built_yet");
    if (ui.card(ui.str(prefix + ".title"), detail, built)) ui.go(core::Route{*entry.screen, {}});
  }
  if (kiosk && ui.card(ui.str("kiosk.phone.title"), ui.str("kiosk.phone.detail")))
    ui.go(core::Route{core::Screen::continue_on_phone, {}});
}

void draw_not_built(Ui& ui) {
  ui.set_title(ui.str("app_name"));
  ui.paragraph(ui.str("not_built_yet"));
}

}  // namespace cpa::ui
