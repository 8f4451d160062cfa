// My crisis plan: its sections, each opening its own short form; then the step to take before
// a crisis, for someone who cannot make a voice call: register the phone to text 999.
#include "core/help_now/access_routes.hpp"
#include "ui/screens/plan_form.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

// A text to 999 gets through only from a registered phone, so the plan is where to do it.  A
// kiosk offers no personal plans; and its view would hold no link anyway (core decides).
void draw_sms_registration(Ui& ui) {
  if (ui.state().kiosk.active) return;
  const auto card = core::sms_registration_view(ui.text(), ui.state().kiosk.active);
  ImGui::PushID("sms-registration");
  ui.gap(Space::group);
  ui.begin_panel();
  ui.heading(card.heading, 2);
  ui.paragraph(card.intro);
  ui.bullets(card.steps);
  if (!card.text.href.empty()) ui.text_link(card.text.action_label, card.text.href);
  ui.end_panel();
  ImGui::PopID();
}

}  // namespace

void draw_crisis_plan(Ui& ui) {
  draw_plan_overview(ui, "crisis_plan");
  draw_sms_registration(ui);
}

}  // namespace cpa::ui
