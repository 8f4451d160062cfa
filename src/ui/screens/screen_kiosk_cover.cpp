// Kiosk mode's two covers over the screen: the attract screen a passer-by sees ("Tap to begin"),
// and "Are you still there?" with its countdown.  What shows and when is core's (core/kiosk/kiosk.hpp).
#include <string>

#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void draw_attract(Ui& ui) {
  const auto& kiosk = ui.state().kiosk;
  ui.set_title(ui.str("kiosk.attract.title"));
  ui.heading(ui.str("kiosk.attract.title"), 1);
  ui.paragraph(ui.str("kiosk.attract.intro"));
  ui.gap(Space::group);
  if (kiosk.cleared_notice) {
    ui.notice(ui.str("kiosk.cleared"), {});
    ui.gap(Space::group);
  }
  if (ui.button(ui.str("kiosk.attract.begin"), ButtonKind::primary, true, "kiosk-begin")) ui.emit(core::KioskBegin{});
  ui.gap(Space::section);
  ui.heading(ui.str("kiosk.attract.offers_heading"), 2);
  ui.bullets({ui.str("kiosk.attract.offer_eligibility"), ui.str("kiosk.attract.offer_explainers"),
              ui.str("kiosk.attract.offer_help_now")});
  ui.gap(Space::item);
  if (ui.button(ui.str("kiosk.attract.help_now"), ButtonKind::help, true, "kiosk-help-now"))
    ui.go(core::Route{core::Screen::help_now, {}});
  ui.gap(Space::section);
  draw_continue_on_phone(ui);
}

// WCAG 2.2.1: the visitor is warned, sees how long is left, and one tap gives them more time.
void draw_still_there(Ui& ui) {
  const auto& kiosk = ui.state().kiosk;
  const int seconds = kiosk.seconds_left();
  ui.set_title(ui.str("kiosk.still_there.title"));
  ui.begin_panel();
  ui.heading(ui.str("kiosk.still_there.title"), 1);
  ui.paragraph(ui.text().plural("kiosk.still_there.body", seconds, {{"seconds", std::to_string(seconds)}}));
  ui.gap(Space::item);
  // The seconds left, large: a number, not a heading (the sentence above says what it counts).
  ui.paragraph(std::to_string(seconds), ui.theme().heading, ui.fonts().h2);
  ui.gap(Space::item);
  const bool pressed = ui.button(ui.str("kiosk.still_there.continue"), ButtonKind::primary, true, "kiosk-continue");
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  // Any tap on the screen also continues (not only the button): the visitor is plainly there.
  const bool tapped_anywhere = ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                               ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (pressed || tapped_anywhere) ui.emit(core::KioskContinue{});
}

}  // namespace

bool draw_kiosk_cover(Ui& ui) {
  const auto& kiosk = ui.state().kiosk;
  if (!kiosk.active) return false;
  ImGui::PushID("kiosk");
  if (kiosk.warning) {
    draw_still_there(ui);
  } else if (kiosk.attract) {
    draw_attract(ui);
  }
  ImGui::PopID();
  return kiosk.warning || kiosk.attract;
}

}  // namespace cpa::ui
